#include "common/ResultCheck.h"
#include "common/TestData.h"
#include "domain/Questionnaire.h"
#include "models/Cache.h"
#include "models/ReviewBasis.h"
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

    static QHash<QString, QString> bodies(const QHash<QString, ReviewWork::Note> &notes)
    {
        QHash<QString, QString> out;
        for (auto it = notes.cbegin(); it != notes.cend(); ++it)
            out.insert(it.key(), it.value().body);
        return out;
    }

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
        const QHash<QString, ReviewWork::Tick> ticks = ok(work.checklistTicks(id));
        QCOMPARE(ticks.size(), 2);
        QVERIFY(ticks.value(QStringLiteral("csrf.c1")).checked);
        QVERIFY(!ticks.value(QStringLiteral("csrf.c2")).checked);
        QVERIFY(ticks.value(QStringLiteral("csrf.c2")).updatedAt.isValid());
        QCOMPARE(bodies(ok(work.notes(id))), (QHash<QString, QString>{{QStringLiteral("csrf.1"), QStringLiteral("token not rotated?")},
                                                                       {QString(), QStringLiteral("overall: weak")}}));
        QVERIFY(ok(work.setNote(id, QString(), QString())));
        QCOMPARE(bodies(ok(work.notes(id))), (QHash<QString, QString>{{QStringLiteral("csrf.1"), QStringLiteral("token not rotated?")}}));
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
        QVERIFY(ok(work.checklistTicks(QStringLiteral("s_00002"))).isEmpty());
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

    // A tick or a note carries what it was made on, and a later write
    // replaces the stamp with its own.
    void ticksAndNotesAreStamped()
    {
        const QString path = freshPath();
        const QString id = QStringLiteral("s_00001");
        const WorkStamp v3{3, QStringLiteral("basis-3")};
        {
            Cache cache;
            QVERIFY(ok(cache.open(path)));
            QVERIFY(ok(cache.work().setChecklistTick(id, QStringLiteral("csrf.c1"), true, v3)));
            QVERIFY(ok(cache.work().setChecklistTick(id, QStringLiteral("csrf.c2"), true)));
            QVERIFY(ok(cache.work().setNote(id, QStringLiteral("csrf_protection"), QStringLiteral("middleware on"), v3)));
        }
        Cache cache;
        QVERIFY(ok(cache.open(path)));
        ReviewWork &work = cache.work();
        QHash<QString, ReviewWork::Tick> ticks = ok(work.checklistTicks(id));
        QCOMPARE(ticks.value(QStringLiteral("csrf.c1")).madeOnVersion, 3);
        QCOMPARE(ticks.value(QStringLiteral("csrf.c1")).basis, QStringLiteral("basis-3"));
        // Unstamped: not known.
        QCOMPARE(ticks.value(QStringLiteral("csrf.c2")).madeOnVersion, 0);
        QCOMPARE(ticks.value(QStringLiteral("csrf.c2")).basis, QString());
        const ReviewWork::Note note = ok(work.notes(id)).value(QStringLiteral("csrf_protection"));
        QCOMPARE(note.body, QStringLiteral("middleware on"));
        QCOMPARE(note.madeOnVersion, 3);
        QCOMPARE(note.basis, QStringLiteral("basis-3"));
        QVERIFY(note.updatedAt.isValid());
        // Looked at again on version 4: the stamp moves on.
        QVERIFY(ok(work.setChecklistTick(id, QStringLiteral("csrf.c1"), true, WorkStamp{4, QStringLiteral("basis-4")})));
        ticks = ok(work.checklistTicks(id));
        QCOMPARE(ticks.value(QStringLiteral("csrf.c1")).madeOnVersion, 4);
        QCOMPARE(ticks.value(QStringLiteral("csrf.c1")).basis, QStringLiteral("basis-4"));
    }

    // A stamp is the version and the checklist's own basis of the category
    // (ReviewBasis), so the cache and the checklist agree on what changed.
    void aStampIsTheVersionAndTheCategorysBasis()
    {
        const std::optional<Questionnaire> q = Questionnaire::builtin(QStringLiteral("2026.1"));
        QVERIFY(q);
        Submission v2 = test::submission(5, 2);
        const WorkStamp stamp = WorkStamp::of(v2, *q, QStringLiteral("csrf_protection"));
        QCOMPARE(stamp.version, 2);
        QCOMPARE(stamp.basis, ReviewBasis::of(*q, v2, QStringLiteral("csrf_protection")));
        QCOMPARE(stamp.basis.size(), 64);
        v2.answers[0].text += QStringLiteral(" Also SameSite=Lax.");
        QVERIFY(WorkStamp::of(v2, *q, QStringLiteral("csrf_protection")).basis != stamp.basis);
    }

    void readsMarksAndOpenings()
    {
        Cache cache;
        QVERIFY(ok(cache.open(freshPath())));
        ReviewWork &work = cache.work();
        const QString id = QStringLiteral("s_00007");
        QVERIFY(ok(work.readQuestions(id)).isEmpty());
        QVERIFY(ok(work.markRead(id, QStringLiteral("csrf.1"))));
        const QDateTime first = ok(work.readQuestions(id)).value(QStringLiteral("csrf.1"));
        QVERIFY(first.isValid());
        QVERIFY(ok(work.markRead(id, QStringLiteral("csrf.1"))));
        QVERIFY(ok(work.markRead(id, QStringLiteral("seg.2"))));
        const QHash<QString, QDateTime> read = ok(work.readQuestions(id));
        QCOMPARE(read.size(), 2);
        QCOMPARE(read.value(QStringLiteral("csrf.1")), first);
        QVERIFY(ok(work.readQuestions(QStringLiteral("s_00008"))).isEmpty());

        QVERIFY(ok(work.setReasonAddressed(id, QStringLiteral("csrf_protection:csrf.no_token"), true)));
        QVERIFY(ok(work.setReasonAddressed(id, QStringLiteral("data_segregation:seg.convention_only"), true)));
        QVERIFY(ok(work.setReasonAddressed(id, QStringLiteral("data_segregation:seg.convention_only"), false)));
        QCOMPARE(ok(work.reasonMarks(id)),
                 (QHash<QString, bool>{{QStringLiteral("csrf_protection:csrf.no_token"), true},
                                       {QStringLiteral("data_segregation:seg.convention_only"), false}}));

        // The first opening has no earlier one; the next returns the first.
        QCOMPARE(ok(work.markOpened(id)), std::nullopt);
        const std::optional<QDateTime> opened = ok(work.lastOpened(id));
        QVERIFY(opened && opened->isValid());
        QCOMPARE(ok(work.markOpened(id)), opened);
        QCOMPARE(ok(work.lastOpened(QStringLiteral("s_00008"))), std::nullopt);
    }

    void aDraftCarriesReturnAndNotes()
    {
        const QString path = freshPath();
        ReviewDraft d;
        d.submissionId = QStringLiteral("s_00009");
        d.decision = Verdict::Decision::Return;
        d.summary = QStringLiteral("The redirect allow-list was not checked.");
        d.notes = {{QStringLiteral("redirect.c1"), QStringLiteral("wildcard in the list")},
                   {QStringLiteral("trusted_redirects"), QStringLiteral("ask the reviewer")}};
        d.updatedAt = QDateTime(QDate(2026, 11, 3), QTime(8, 0), QTimeZone::UTC);
        {
            Cache cache;
            QVERIFY(ok(cache.open(path)));
            QVERIFY(ok(cache.work().saveDraft(d)));
        }
        Cache cache;
        QVERIFY(ok(cache.open(path)));
        QCOMPARE(ok(cache.work().draft(d.submissionId)), std::optional(d));
    }
};

QTEST_GUILESS_MAIN(TestReviewWork)
#include "tst_reviewwork.moc"
