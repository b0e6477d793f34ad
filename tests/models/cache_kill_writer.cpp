// Writes large feed pages into a cache forever, one transaction per page,
// until it is killed. Used by tst_cache_kill.
//
// Each page k holds PageSize submissions "k<k>_<i>" and sets the cursor to
// "page-<k>"; a restarted writer continues after the last committed page.
//
// With "work" after the path it writes a reviewer's work instead, as the
// review screen saves it: tick "t<n>" and note "n<n>" on submission s_work,
// printing "saved <n>" after both calls returned; a restarted writer
// continues after the notes it finds.

#include "common/TestData.h"
#include "models/Cache.h"
#include "models/ReviewWork.h"
#include "models/SubmissionStore.h"

#include <QCoreApplication>

#include <cstdio>

using namespace assay;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: cache_kill_writer CACHE\n");
        return 2;
    }
    Cache cache;
    if (const Result<> opened = cache.open(QString::fromLocal8Bit(argv[1])); !opened) {
        std::fprintf(stderr, "cache_kill_writer: %s\n", qPrintable(opened.error().message));
        return 1;
    }
    if (argc > 2 && qstrcmp(argv[2], "work") == 0) {
        const QString id = QStringLiteral("s_work");
        // Notes are written second: a kill between the two leaves a tick
        // without its note, which the restart writes again.
        const Result<QHash<QString, ReviewWork::Note>> had = cache.work().notes(id);
        if (!had) {
            std::fprintf(stderr, "cache_kill_writer: %s\n", qPrintable(had.error().message));
            return 1;
        }
        std::fprintf(stdout, "start %d\n", int(had->size()));
        std::fflush(stdout);
        for (int n = int(had->size());; ++n) {
            const WorkStamp stamp{n + 1, QStringLiteral("basis-%1").arg(n)};
            const QString key = QString::number(n);
            if (const Result<> tick = cache.work().setChecklistTick(id, QStringLiteral("t") + key, n % 2 == 0, stamp); !tick) {
                std::fprintf(stderr, "cache_kill_writer: %s\n", qPrintable(tick.error().message));
                return 1;
            }
            if (const Result<> note = cache.work().setNote(id, QStringLiteral("n") + key, QStringLiteral("note %1").arg(n), stamp);
                !note) {
                std::fprintf(stderr, "cache_kill_writer: %s\n", qPrintable(note.error().message));
                return 1;
            }
            std::fprintf(stdout, "saved %d\n", n);
            std::fflush(stdout);
        }
    }
    constexpr int PageSize = 800;
    const Result<QString> cursor = cache.submissions().feedCursor();
    if (!cursor) {
        std::fprintf(stderr, "cache_kill_writer: %s\n", qPrintable(cursor.error().message));
        return 1;
    }
    int page = cursor->isEmpty() ? 0 : cursor->mid(5).toInt() + 1;
    const QString filler(1500, QLatin1Char('w'));
    std::fprintf(stdout, "start %d\n", page);
    std::fflush(stdout);
    for (;; ++page) {
        QList<SubmissionSummary> items;
        items.reserve(PageSize);
        for (int i = 0; i < PageSize; ++i) {
            SubmissionSummary s = test::summary(i);
            s.id = QStringLiteral("k%1_%2").arg(page).arg(i);
            s.appName = QStringLiteral("page %1").arg(page);
            s.partnerName = filler;
            items.append(s);
        }
        if (const Result<> stored = cache.submissions().applyFeedPage(items, QStringLiteral("page-%1").arg(page)); !stored) {
            std::fprintf(stderr, "cache_kill_writer: %s\n", qPrintable(stored.error().message));
            return 1;
        }
        std::fprintf(stdout, "committed %d\n", page);
        std::fflush(stdout);
    }
}
