#include "common/ResultCheck.h"
#include "common/TestData.h"
#include "models/Cache.h"
#include "models/ReviewDraft.h"
#include "models/ReviewWork.h"
#include "models/SubmissionStore.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace assay;
using test::ok;

// The reviewer's own work: kept as typed, across restarts and refreshes.
class TestReviewWork : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;

    QString freshPath() { return m_dir.filePath(QStringLiteral("cache-%1.sqlite").arg(++m_n)); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void workIsKeptAsTyped()
    {
        const QString path = freshPath();
        const QString id = QStringLiteral("s_00001");
        const QDateTime at(QDate(2026, 11, 2), QTime(14, 30), QTimeZone::UTC);
        {
            Cache cache;
            QVERIFY(ok(cache.open(path)));
            ReviewWork &work = cache.work();
            QVERIFY(ok(work.setChecklistTick(id, QStringLiteral("csrf.c1"), true)));
            QVERIFY(ok(work.setChecklistTick(id, QStringLiteral("csrf.c2"), true)));
            QVERIFY(ok(work.setChecklistTick(id, QStringLiteral("csrf.c2"), false)));
            QVERIFY(ok(work.setNote(id, QStringLiteral("csrf.1"), QStringLiteral("token not rotated?"))));
            QVERIFY(ok(work.setNote(id, QString(), QStringLiteral("overall: weak"))));
            ReviewDraft d;
            d.submissionId = id;
            d.decision = Verdict::Decision::Reject;
            d.summary = QStringLiteral("Half-written");
            d.reasons = {{QStringLiteral("csrf_protection"), QStringLiteral("csrf.no_token"), QStringLiteral("settings form")}};
            d.updatedAt = at;
            QVERIFY(ok(work.saveDraft(d)));
        }
        Cache cache;
        QVERIFY(ok(cache.open(path)));
        ReviewWork &work = cache.work();
        const QHash<QString, bool> ticks = ok(work.checklistTicks(id));
        QCOMPARE(ticks, (QHash<QString, bool>{{QStringLiteral("csrf.c1"), true}, {QStringLiteral("csrf.c2"), false}}));
        QCOMPARE(ok(work.notes(id)), (QHash<QString, QString>{{QStringLiteral("csrf.1"), QStringLiteral("token not rotated?")},
                                                               {QString(), QStringLiteral("overall: weak")}}));
        QVERIFY(ok(work.setNote(id, QString(), QString())));
        QCOMPARE(ok(work.notes(id)), (QHash<QString, QString>{{QStringLiteral("csrf.1"), QStringLiteral("token not rotated?")}}));
        const std::optional<ReviewDraft> d = ok(work.draft(id));
        QVERIFY(d);
        QCOMPARE(d->submissionId, id);
        QCOMPARE(d->decision, Verdict::Decision::Reject);
        QCOMPARE(d->summary, QStringLiteral("Half-written"));
        QCOMPARE(d->reasons.size(), 1);
        QCOMPARE(d->reasons.at(0).category, QStringLiteral("csrf_protection"));
        QCOMPARE(d->reasons.at(0).code, QStringLiteral("csrf.no_token"));
        QCOMPARE(d->reasons.at(0).note, QStringLiteral("settings form"));
        QCOMPARE(d->updatedAt, at);
        QCOMPARE(ok(work.drafts()).size(), 1);
        QVERIFY(!ok(work.draft(QStringLiteral("s_00002"))));
        QCOMPARE(ok(work.checklistTicks(QStringLiteral("s_00002"))), (QHash<QString, bool>()));
        // Sync replacing the cached submission leaves the work alone.
        QVERIFY(ok(cache.submissions().store(test::submission(1))));
        QCOMPARE(ok(work.checklistTicks(id)).size(), 2);
        QCOMPARE(ok(work.drafts()).size(), 1);
    }

    void aDraftWithoutADecision()
    {
        Cache cache;
        QVERIFY(ok(cache.open(freshPath())));
        ReviewDraft d;
        d.submissionId = QStringLiteral("s_00004");
        d.summary = QStringLiteral("still reading");
        QVERIFY(ok(cache.work().saveDraft(d)));
        d.submissionId = QStringLiteral("s_00003");
        d.decision = Verdict::Decision::Approve;
        QVERIFY(ok(cache.work().saveDraft(d)));
        const QList<ReviewDraft> all = ok(cache.work().drafts());
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).submissionId, QStringLiteral("s_00003"));
        QCOMPARE(all.at(0).decision, Verdict::Decision::Approve);
        QCOMPARE(all.at(1).submissionId, QStringLiteral("s_00004"));
        QVERIFY(!all.at(1).decision);
        QVERIFY(all.at(1).updatedAt.isValid());
    }
};

QTEST_GUILESS_MAIN(TestReviewWork)
#include "tst_reviewwork.moc"
