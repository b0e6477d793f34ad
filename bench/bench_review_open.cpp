// Opening a submission in the review screen, from the key that opens it to
// the painted screen, against a floor from the same run: the same rows read
// with one sqlite3 query per table. And the longest event-loop stall while a
// reviewer ticks through a whole checklist with Space.
//
// The profile is a real cache (SQLite in a temporary folder) filled through
// the cache's own store calls: the questionnaire, a few thousand ordinary
// submissions, and two resubmissions with all 51 answers of 2026.1 (a few
// hundred words each), ten evidence items, comments and history, each with a
// rejected previous submission whose answers differ in a third of the
// questions. The main window is shown (offscreen or xvfb) and driven with
// QTest keys, as tst_reviewview does.
//
// Figures, never a verdict on time; an incomplete run (the answer not shown,
// a floor that read fewer rows, a tick that did not land) fails it.
//
// Usage: bench_review_open [--runs N] [--others N] [--words N]

#include "bench/BenchSupport.h"
#include "bench/PaintWatch.h"
#include "bench/ReviewBenchData.h"
#include "models/AnswerComparison.h"
#include "models/Cache.h"
#include "models/Profile.h"
#include "models/QueueModel.h"
#include "models/ReviewWork.h"
#include "models/SubmissionStore.h"
#include "ui/MainWindow.h"
#include "ui/review/AnswerPane.h"
#include "ui/review/ChecklistPane.h"
#include "ui/review/QuestionNavigator.h"
#include "ui/review/ReviewView.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QListView>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>

#include <sqlite3.h>

#include <cstdio>
#include <memory>

using namespace assay;
using namespace assay::bench;
using namespace Qt::StringLiterals;

namespace {

double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

QModelIndex rowOf(QAbstractItemModel *model, const QString &id)
{
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, 0).data(QueueModel::IdRole).toString() == id)
            return model->index(r, 0);
    return {};
}

// Lets queued work (layouts, repaints) run so a measurement starts idle.
void settle()
{
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
}

struct OpenRun
{
    double handled = 0; // the key's handling: the cache read and the panes filled
    double painted = 0; // until the window's paint with the answer has finished
};

// Back to the queue with Escape, then the row selected and Return, as a
// reviewer does; timed from the Return to the answer painted.
Result<OpenRun> openFromQueue(MainWindow &window, const QString &id, PaintCounter *paints = nullptr)
{
    if (window.isReviewing()) {
        PaintWaiter queuePainted(window.queueView()->viewport());
        QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : &window, Qt::Key_Escape);
        if (window.isReviewing() || !queuePainted.wait(5000))
            return Error{u"Escape did not bring the queue back"_s};
    }
    QTableView *view = window.queueView();
    const QModelIndex row = rowOf(view->model(), id);
    if (!row.isValid())
        return Error{u"%1 is not in the queue"_s.arg(id)};
    view->setFocus();
    view->setCurrentIndex(row);
    view->scrollTo(row);
    settle();

    QTextBrowser *answer = window.reviewView()->answers()->answerView();
    PaintWaiter painted(answer->viewport());
    OpenRun run;
    if (paints)
        paints->bucket = u"open"_s;
    QElapsedTimer t;
    t.start();
    QTest::keyClick(view, Qt::Key_Return);
    run.handled = msSince(t);
    if (!painted.wait(5000))
        return Error{u"the answer of %1 was not painted within 5 s"_s.arg(id)};
    run.painted = msSince(t);
    if (paints) {
        // What paints after the answer's paint, until the screen is idle.
        paints->bucket = u"after"_s;
        settle();
        paints->bucket.clear();
    }
    if (!window.isReviewing() || window.reviewView()->submissionId() != id)
        return Error{u"Return did not open %1"_s.arg(id)};
    if (!answer->isVisible())
        return Error{u"the answer of %1 is not visible"_s.arg(id)};
    return run;
}

// The floor: the rows the screen shows (answers, evidence, comments and
// history of the submission and of its previous one), one query per table
// on its own read-only connection, every column read.
class Floor
{
public:
    ~Floor() { sqlite3_close(m_db); }

    Result<> open(const QString &path)
    {
        if (sqlite3_open_v2(path.toUtf8().constData(), &m_db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
            return Error{u"floor: cannot open %1: %2"_s.arg(path, QString::fromUtf8(sqlite3_errmsg(m_db)))};
        return {};
    }

    // Rows read; an error when a query fails.
    Result<int> read(const QString &id, const QString &previousId)
    {
        static const char *const Queries[] = {
            "SELECT question_key, text, evidence_ids FROM answers WHERE submission_id IN (?1, ?2) ORDER BY submission_id, position",
            "SELECT id, filename, media_type, size, sha256, local_state FROM evidence WHERE submission_id IN (?1, ?2) ORDER BY submission_id, position",
            "SELECT id, author, visibility, body, created_at FROM comments WHERE submission_id IN (?1, ?2) ORDER BY created_at",
            "SELECT seq, at, actor, action, detail FROM history WHERE submission_id IN (?1, ?2) ORDER BY submission_id, seq",
        };
        const QByteArray a = id.toUtf8(), b = previousId.toUtf8();
        int rows = 0;
        qint64 bytes = 0;
        for (const char *sql : Queries) {
            sqlite3_stmt *stmt = nullptr;
            if (sqlite3_prepare_v2(m_db, sql, -1, &stmt, nullptr) != SQLITE_OK)
                return Error{u"floor: %1"_s.arg(QString::fromUtf8(sqlite3_errmsg(m_db)))};
            sqlite3_bind_text(stmt, 1, a.constData(), int(a.size()), SQLITE_STATIC);
            sqlite3_bind_text(stmt, 2, b.constData(), int(b.size()), SQLITE_STATIC);
            int rc;
            while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
                ++rows;
                for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
                    sqlite3_column_text(stmt, c);
                    bytes += sqlite3_column_bytes(stmt, c);
                }
            }
            sqlite3_finalize(stmt);
            if (rc != SQLITE_DONE)
                return Error{u"floor: %1"_s.arg(QString::fromUtf8(sqlite3_errmsg(m_db)))};
        }
        m_bytes = bytes;
        return rows;
    }

    qint64 bytes() const { return m_bytes; }

private:
    sqlite3 *m_db = nullptr;
    qint64 m_bytes = 0;
};

int expectedRows(const Submission &a, const Submission &b)
{
    return int(a.answers.size() + a.evidence.size() + a.comments.size() + a.history.size() + b.answers.size()
               + b.evidence.size() + b.comments.size() + b.history.size());
}

// What ReviewView::read asks for, outside the UI and in its order: where the
// handling time goes between the cache, the comparison and the widgets.
struct ReadPhases
{
    double submissions = 0; // the submission, its previous one, the questionnaire
    double comparison = 0;  // AnswerComparison::compare (the word diffs)
    double work = 0;        // ticks, notes, questions read
};

// A submission as the cache gives it back; its absence is a failure.
Result<Submission> readBack(Cache &cache, const QString &id)
{
    const Result<std::optional<Submission>> s = cache.submissions().submission(id);
    if (!s)
        return s.error();
    if (const std::optional<Submission> &found = *s; found)
        return *found;
    return Error{u"%1 did not read back from the cache"_s.arg(id)};
}

Result<ReadPhases> cacheReads(Cache &cache, const Questionnaire &q, const QString &id)
{
    ReadPhases phases;
    QElapsedTimer t;
    t.start();
    const Result<Submission> s = readBack(cache, id);
    if (!s)
        return s.error();
    const Result<Submission> p = readBack(cache, s->summary.previousSubmissionId.value_or(QString()));
    if (!p)
        return p.error();
    const Result<std::optional<Questionnaire>> stored = cache.submissions().questionnaire(q.version);
    if (!stored)
        return stored.error();
    const std::optional<Questionnaire> &questionnaire = *stored;
    if (!questionnaire)
        return Error{u"the questionnaire is not stored"_s};
    phases.submissions = msSince(t);
    t.restart();
    const AnswerComparison comparison = AnswerComparison::compare(*questionnaire, *s, &*p, nullptr);
    phases.comparison = msSince(t);
    if (!comparison.hasPrevious())
        return Error{u"%1 was not compared with its previous submission"_s.arg(id)};
    t.restart();
    if (!cache.work().checklistTicks(id) || !cache.work().notes(id) || !cache.work().readQuestions(id))
        return Error{u"cannot read the review work of %1"_s.arg(id)};
    phases.work = msSince(t);
    return phases;
}

// One tick written to the cache, alone (what each Space costs in SQLite):
// an ordinary submission's item set and cleared in turns.
Result<Spread> tickWrites(Cache &cache, const Questionnaire &q, const QString &id, int count)
{
    const QString item = q.categories.first().checklist.first().key;
    QList<double> ms;
    for (int i = 0; i < count; ++i) {
        QElapsedTimer t;
        t.start();
        if (Result<> r = cache.work().setChecklistTick(id, item, i % 2 == 0); !r)
            return r.error();
        ms.append(msSince(t));
    }
    return spreadOf(ms);
}

struct Stall
{
    QString painted; // widgets painted per key, the most first
    double longest = 0;
    QString during;
    QList<double> perTick;
    QList<double> perMove;
    int ticks = 0;
    int moves = 0;
    double totalMs = 0;
};

// Ticks every item of every category with Space on the checklist's list, a
// key every `intervalMs` from the event loop as a fast reviewer types, and
// walks to the next category with N. A 0 ms heartbeat timestamps each turn
// of the event loop; the longest gap between turns is the longest the
// screen could not answer.
Result<Stall> tickThrough(MainWindow &window, const Questionnaire &q, int intervalMs)
{
    ReviewView *review = window.reviewView();
    QuestionNavigator *nav = review->navigator();
    QListView *items = review->checklist()->items();
    items->setFocus();
    settle();
    // To the first question of the first category with P, as a reviewer would.
    for (int i = 0; i < 200 && nav->currentQuestionKey() != q.categories.first().questions.first().key; ++i)
        QTest::keyClick(items, Qt::Key_P);
    if (nav->currentCategoryKey() != q.categories.first().key)
        return Error{u"P did not reach the first category"_s};
    settle();

    Stall stall;
    QElapsedTimer clock;
    clock.start();
    double lastBeat = 0;
    double keySentAt = 0;
    double worstSinceKey = 0;
    QString current = u"start"_s;
    bool lastWasTick = false;
    PaintCounter paints;
    QTimer heartbeat;
    heartbeat.setInterval(0);
    QObject::connect(&heartbeat, &QTimer::timeout, [&] {
        const double now = msSince(clock);
        const double gap = now - lastBeat;
        lastBeat = now;
        worstSinceKey = std::max(worstSinceKey, gap);
        if (gap > stall.longest) {
            stall.longest = gap;
            stall.during = current;
        }
    });

    int category = 0;
    int itemInCategory = 0;
    QString error;
    QEventLoop loop;
    QTimer keys;
    keys.setInterval(intervalMs);
    QObject::connect(&keys, &QTimer::timeout, [&] {
        if (keySentAt > 0)
            (lastWasTick ? stall.perTick : stall.perMove).append(worstSinceKey);
        worstSinceKey = 0;
        if (category == q.categories.size()) {
            loop.quit();
            return;
        }
        const Questionnaire::Category &c = q.categories.at(category);
        if (nav->currentCategoryKey() != c.key || review->checklist()->categoryKey() != c.key) {
            if (++stall.moves > 500) {
                error = u"N did not reach category %1"_s.arg(c.key);
                loop.quit();
                return;
            }
            current = u"N (next question)"_s;
            lastWasTick = false;
        } else if (itemInCategory < c.checklist.size()) {
            current = u"Space on %1"_s.arg(c.checklist.at(itemInCategory).key);
            ++itemInCategory;
            ++stall.ticks;
            lastWasTick = true;
        } else {
            ++category;
            itemInCategory = 0;
            current = u"N (next question)"_s;
            lastWasTick = false;
            if (category == q.categories.size()) {
                keySentAt = 0; // no key: the next turn only ends the run
                return;
            }
            ++stall.moves;
        }
        keySentAt = msSince(clock);
        paints.bucket = lastWasTick ? u"Space"_s : u"N"_s;
        QTest::keyClick(items, current.startsWith(u'N') ? Qt::Key_N : Qt::Key_Space);
    });
    heartbeat.start();
    keys.start();
    lastBeat = msSince(clock);
    loop.exec();
    keys.stop();
    heartbeat.stop();
    stall.totalMs = msSince(clock);
    stall.painted = paints.top(u"Space"_s, 8, stall.ticks);
    if (!error.isEmpty())
        return Error{error};
    review->flush();
    return stall;
}

Result<> verifyTicks(Cache &cache, const Questionnaire &q, const QString &id)
{
    const Result<QHash<QString, ReviewWork::Tick>> ticks = cache.work().checklistTicks(id);
    if (!ticks)
        return ticks.error();
    for (const Questionnaire::Category &c : q.categories)
        for (const Questionnaire::ChecklistItem &item : c.checklist)
            if (!ticks->value(item.key).checked)
                return Error{u"%1 is not ticked in the cache after its Space"_s.arg(item.key)};
    return {};
}

// The offscreen platform warns on every window resize that it cannot pass
// size hints on; the rest of Qt's messages still show.
QtMessageHandler g_qtHandler = nullptr;
void quietOffscreen(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message.startsWith(u"This plugin does not support propagateSizeHints"_s))
        return;
    g_qtHandler(type, context, message);
}

} // namespace

int main(int argc, char *argv[])
{
    g_qtHandler = qInstallMessageHandler(quietOffscreen);
    // ./dev bench runs it without a display: offscreen then, as the ui tests.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM") && !qEnvironmentVariableIsSet("DISPLAY")
        && !qEnvironmentVariableIsSet("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Opening a submission with all 51 answers and 10 evidence items in the review screen, from Return on its "
        "queue row to the painted answer, against reading the same rows with one sqlite3 query per table; and the "
        "longest event-loop stall while ticking a whole checklist with Space."_s);
    parser.addHelpOption();
    const QCommandLineOption runsOption(u"runs"_s, u"opens measured, alternating two submissions (default 20)"_s, u"N"_s, u"20"_s);
    const QCommandLineOption othersOption(u"others"_s, u"ordinary submissions in the cache (default 3000)"_s, u"N"_s, u"3000"_s);
    const QCommandLineOption wordsOption(u"words"_s, u"mean words per answer of the opened ones (default 300)"_s, u"N"_s, u"300"_s);
    const QCommandLineOption intervalOption(u"interval"_s, u"ms between checklist keys (default 20)"_s, u"MS"_s, u"20"_s);
    parser.addOptions({runsOption, othersOption, wordsOption, intervalOption});
    parser.process(app);
    const int runs = parser.value(runsOption).toInt();
    const int others = parser.value(othersOption).toInt();
    const int words = parser.value(wordsOption).toInt();
    const int interval = parser.value(intervalOption).toInt();
    if (runs < 2 || others < 0 || words < 10 || interval < 0) {
        std::fprintf(stderr, "bench_review_open: bad arguments (see --help)\n");
        return 2;
    }

    auto fail = [](const Error &e) {
        std::fprintf(stderr, "bench_review_open: error: %s\n", qPrintable(e.message));
        return 1;
    };
    QString why;
    const std::optional<Questionnaire> q = Questionnaire::builtin(u"2026.1"_s, &why);
    if (!q)
        return fail(Error{why});

    QTemporaryDir dir;
    Profile profile(dir.filePath(u"profile"_s));
    if (const QString e = profile.ensureExists().errorString(); !e.isEmpty())
        return fail(Error{e});
    Cache cache;
    if (Result<> r = cache.open(profile.cachePath()); !r)
        return fail(r.error());
    QElapsedTimer fillTime;
    fillTime.start();
    const Result<ReviewBenchIds> ids = fillCache(cache, *q, others, words, 2026);
    if (!ids)
        return fail(ids.error());
    const double fillMs = msSince(fillTime);
    // The two large resubmissions and their previous submissions, as stored.
    QList<Submission> large;
    for (const QString &id : {ids->first, ids->firstPrevious, ids->second, ids->secondPrevious}) {
        Result<Submission> s = readBack(cache, id);
        if (!s)
            return fail(s.error());
        large.append(std::move(*s));
    }
    qint64 answerChars = 0;
    for (const Answer &a : large.first().answers)
        answerChars += a.text.size();
    const double mib = double(QFileInfo(cache.path()).size() + QFileInfo(cache.path() + u"-wal"_s).size()) / 1048576.0;
    std::printf("profile: %d ordinary + 4 large submissions (%lld answers of %lld chars on average, %lld evidence), "
                "%.1f MiB, filled in %.1f s\n",
                others, qlonglong(large.first().answers.size()), answerChars / large.first().answers.size(),
                qlonglong(large.first().evidence.size()), mib, fillMs / 1000);

    MainWindow window(&cache, profile);
    window.resize(1400, 900);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return fail(Error{u"the window was not exposed"_s});
    settle();

    Floor floor;
    if (Result<> r = floor.open(cache.path()); !r)
        return fail(r.error());
    const QList<std::pair<const Submission *, const Submission *>> pairs = {{&large.at(0), &large.at(1)}, {&large.at(2), &large.at(3)}};

    // Two opens of each first, not counted: the first paint of each pane and
    // font caches are not what a reviewer meets on the tenth submission.
    OpenRun cold;
    PaintCounter openPaints;
    QList<double> handled, painted, floorMs, readSubmissions, readComparison, readWork;
    for (int i = -2; i < runs; ++i) {
        const auto &[sub, prev] = pairs.at((i + 2) % 2);
        const Result<OpenRun> run = openFromQueue(window, sub->summary.id, i < 0 ? nullptr : &openPaints);
        if (!run)
            return fail(run.error());
        // The answer in view must be the submission's own text.
        const QString key = window.reviewView()->navigator()->currentQuestionKey();
        const Answer *answer = nullptr;
        for (const Answer &a : sub->answers)
            if (a.questionKey == key)
                answer = &a;
        if (!answer || !window.reviewView()->answers()->answerView()->toPlainText().contains(answer->text.left(80)))
            return fail(Error{u"%1: the answer to %2 is not in view"_s.arg(sub->summary.id, key)});
        if (i == -2)
            cold = *run;
        if (i < 0)
            continue;
        handled.append(run->handled);
        painted.append(run->painted);

        QElapsedTimer t;
        t.start();
        const Result<int> rows = floor.read(sub->summary.id, prev->summary.id);
        floorMs.append(msSince(t));
        if (!rows)
            return fail(rows.error());
        if (*rows != expectedRows(*sub, *prev))
            return fail(Error{u"floor: %1 rows read, %2 stored"_s.arg(*rows).arg(expectedRows(*sub, *prev))});
        const Result<ReadPhases> reads = cacheReads(cache, *q, sub->summary.id);
        if (!reads)
            return fail(reads.error());
        readSubmissions.append(reads->submissions);
        readComparison.append(reads->comparison);
        readWork.append(reads->work);
    }

    const Spread open = spreadOf(painted), key = spreadOf(handled), base = spreadOf(floorMs);
    const int rows = expectedRows(large.at(0), large.at(1));
    std::printf("\nopen a submission (Return on its queue row -> answer painted), %d runs alternating two:\n", runs);
    std::printf("  %-34s %9s %9s %9s\n", "", "median", "best", "worst");
    std::printf("  %-34s %9.2f %9.2f %9.2f ms\n", "click to painted", open.median, open.min, open.max);
    std::printf("  %-34s %9.2f %9.2f %9.2f ms\n", "  of which the key's handling", key.median, key.min, key.max);
    auto row = [](const char *what, const Spread &x) {
        std::printf("  %-34s %9.2f %9.2f %9.2f ms\n", what, x.median, x.min, x.max);
    };
    std::printf("  the same steps alone, outside the UI:\n");
    row("    two submissions + questionnaire", spreadOf(readSubmissions));
    row("    AnswerComparison (word diffs)", spreadOf(readComparison));
    row("    ticks, notes, questions read", spreadOf(readWork));
    std::printf("  %-34s %9.3f %9.3f %9.3f ms\n", "floor: 4 sqlite3 queries", base.median, base.min, base.max);
    std::printf("  (the floor reads %d rows, %.0f KiB, of the submission and its previous one)\n", rows,
                double(floor.bytes()) / 1024.0);
    std::printf("  -> %.0fx the floor (medians); worst %.0fx; the first open after start %.1f ms\n",
                open.median / base.median, open.max / base.median, cold.painted);
    std::printf("  widgets painted per open: %s\n", qPrintable(openPaints.top(u"open"_s, 8, runs)));
    std::printf("  and after it, before idle: %s\n", qPrintable(openPaints.top(u"after"_s, 6, runs)));

    // The checklist, on a submission nobody ticked yet.
    if (const Result<OpenRun> run = openFromQueue(window, ids->first); !run)
        return fail(run.error());
    const Result<Stall> stall = tickThrough(window, *q, interval);
    if (!stall)
        return fail(stall.error());
    if (Result<> r = verifyTicks(cache, *q, ids->first); !r)
        return fail(r.error());
    const Spread tick = spreadOf(stall->perTick);
    std::printf("\ntick a whole checklist with Space (%d items in %d categories, %d N presses between, a key every %d ms):\n",
                stall->ticks, int(q->categories.size()), stall->moves, interval);
    std::printf("  longest event-loop stall  %.2f ms (during %s)\n", stall->longest, qPrintable(stall->during));
    std::printf("  per tick, longest stall   %s\n", qPrintable(describe(tick, 2, "ms", "ticks")));
    std::printf("  per N, longest stall      %s\n", qPrintable(describe(spreadOf(stall->perMove), 2, "ms", "keys")));
    std::printf("  total                     %.0f ms for %d keys\n", stall->totalMs, stall->ticks + stall->moves);
    std::printf("  widgets painted per Space %s\n", qPrintable(stall->painted));
    const Result<Spread> writes = tickWrites(cache, *q, u"s_000001"_s, 40);
    if (!writes)
        return fail(writes.error());
    std::printf("  one tick's cache write    %s (setChecklistTick alone)\n", qPrintable(describe(*writes, 2, "ms", "writes")));
    return 0;
}
