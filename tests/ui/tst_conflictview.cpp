#include "common/HttpClient.h"
#include "common/LoopbackMarketplace.h"
#include "common/ResultCheck.h"
#include "common/TestData.h"
#include "domain/JsonReader.h"
#include "domain/Questionnaire.h"
#include "models/Cache.h"
#include "models/Outbox.h"
#include "models/Profile.h"
#include "models/ReviewDraft.h"
#include "models/ReviewWork.h"
#include "models/SubmissionStore.h"
#include "models/WorkStamp.h"
#include "sync/SyncEngine.h"
#include "ui/review/ConflictView.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace assay;
using test::ok;
using namespace Qt::StringLiterals;

// A verdict that came back 409, over a real cache: both sides shown, nothing
// resent until the reviewer re-bases (recorded against the new version with
// a new key, the old entry superseded) or discards it.
class TestConflictView : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;
    const QString m_sid = QStringLiteral("s_00002");

    // Submission 2 at version 1, a rejection recorded on it, and the
    // server's 409: Carol reassigned it to Bob (version 2).
    qint64 conflictIn(Cache &cache, SubmissionSummary *serverNow)
    {
        const auto q = Questionnaire::builtin(QStringLiteral("2026.1"));
        if (!q || !ok(cache.open(m_dir.filePath(QStringLiteral("cache-%1.sqlite").arg(++m_n))))
            || !ok(cache.submissions().storeQuestionnaire(*q)) || !ok(cache.submissions().store(test::submission(2))))
            return 0;
        // A tick made on version 1's CSRF answers.
        const Submission v1 = test::submission(2);
        if (!ok(cache.work().setChecklistTick(m_sid, QStringLiteral("csrf.c1"), true,
                                              WorkStamp::of(v1, *q, QStringLiteral("csrf_protection")))))
            return 0;
        const qint64 id = ok(cache.outbox().recordVerdict(
            m_sid, Verdict::Decision::Reject, {},
            {{QStringLiteral("csrf_protection"), QStringLiteral("csrf.no_token"), QStringLiteral("settings form")}},
            QStringLiteral("No CSRF token on the settings form")));
        *serverNow = test::summary(2, 2);
        serverNow->assignee = QStringLiteral("u_bob");
        if (!ok(cache.outbox().settle(id, OutboxEntry::State::Conflict,
                                      QStringLiteral("409 version_conflict: the submission changed since version 1"),
                                      serverNow->toJson())))
            return 0;
        return id;
    }
    static QString cell(QTableWidget *t, const QString &field, int column)
    {
        for (int r = 0; r < t->rowCount(); ++r) {
            if (t->item(r, 0)->text() == field)
                return t->item(r, column)->text();
        }
        return QStringLiteral("(no row %1)").arg(field);
    }
    static Verdict payload(const OutboxEntry &e)
    {
        JsonReader reader(e.payload);
        return Verdict::fromJson(reader);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void showsBothSidesAndRebases()
    {
        Cache cache;
        SubmissionSummary server;
        const qint64 id = conflictIn(cache, &server);
        QVERIFY(id > 0);
        const QString oldKey = ok(cache.outbox().entry(id))->idempotencyKey;

        ConflictView view(cache, id);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.loadError(), QString());
        auto *changes = view.findChild<QTableWidget *>(QStringLiteral("conflictChanges"));
        QCOMPARE(cell(changes, QStringLiteral("Version"), 1), QStringLiteral("1"));
        QCOMPARE(cell(changes, QStringLiteral("Version"), 2), QStringLiteral("2"));
        QCOMPARE(cell(changes, QStringLiteral("Assignee"), 1), QStringLiteral("u_alice"));
        QCOMPARE(cell(changes, QStringLiteral("Assignee"), 2), QStringLiteral("u_bob"));
        QCOMPARE(cell(changes, QStringLiteral("Assignee"), 3), QStringLiteral("changed"));
        QCOMPARE(cell(changes, QStringLiteral("Stage"), 3), QString());
        QVERIFY(cell(changes, QStringLiteral("Answers and evidence"), 2).contains(QStringLiteral("sync")));
        const QString draft = view.findChild<QTextBrowser *>(QStringLiteral("conflictDraft"))->toPlainText();
        QVERIFY(draft.contains(QStringLiteral("reject")));
        QVERIFY(draft.contains(QStringLiteral("No CSRF token on the settings form")));
        QVERIFY(draft.contains(QStringLiteral("csrf.no_token")));
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("conflictTitle"))->text().contains(QStringLiteral("version_conflict")));

        // The cache is still at version 1: re-basing now would meet the same 409.
        auto *rebase = view.findChild<QPushButton *>(QStringLiteral("rebase"));
        QVERIFY(!rebase->isEnabled());
        QVERIFY(view.rebaseBlocker().contains(QStringLiteral("Sync first")));
        // Nothing was resent on its own.
        QCOMPARE(ok(cache.outbox().entries()).size(), 1);

        // A sync brings version 2; the reviewer re-bases.
        Submission now = test::submission(2, 2);
        now.summary = server;
        now.answers[0].text += QStringLiteral(" Except the legacy /api/v1 endpoints.");
        QVERIFY(ok(cache.submissions().store(now)));
        view.reload();
        QVERIFY(rebase->isEnabled());
        // The ticks tell which answers changed under the verdict.
        QCOMPARE(cell(changes, QStringLiteral("Answers and evidence"), 2),
                 QStringLiteral("changed since your ticks in: CSRF Protection"));
        QCOMPARE(cell(changes, QStringLiteral("Answers and evidence"), 3), QStringLiteral("changed"));
        QSignalSpy rebased(&view, &ConflictView::rebased);
        QTest::mouseClick(rebase, Qt::LeftButton);
        QCOMPARE(rebased.count(), 1);
        const qint64 newId = rebased.first().first().toLongLong();
        QVERIFY(newId != id);

        const std::optional<OutboxEntry> fresh = ok(cache.outbox().entry(newId));
        QVERIFY(fresh);
        QCOMPARE(fresh->state, OutboxEntry::State::Pending);
        QVERIFY(fresh->idempotencyKey != oldKey);
        const Verdict v = payload(*fresh);
        QCOMPARE(v.baseVersion, 2);
        QCOMPARE(v.decision, Verdict::Decision::Reject);
        QCOMPARE(v.summary, QStringLiteral("No CSRF token on the settings form"));
        QCOMPARE(v.reasons.size(), 1);
        QCOMPARE(v.reasons.first().note, QStringLiteral("settings form"));
        QCOMPARE(ok(cache.outbox().entry(id))->state, OutboxEntry::State::Superseded);
        // The old entry is done with: no second re-base from this view.
        QVERIFY(!rebase->isEnabled());
    }

    void discardKeepsTheDraft()
    {
        Cache cache;
        SubmissionSummary server;
        const qint64 id = conflictIn(cache, &server);
        QVERIFY(id > 0);
        ConflictView view(cache, id);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy discarded(&view, &ConflictView::discarded);
        auto *discard = view.findChild<QPushButton *>(QStringLiteral("discard"));
        QVERIFY(discard->isEnabled());
        discard->setFocus();
        QTest::keyClick(discard, Qt::Key_Space);
        QCOMPARE(discarded.count(), 1);
        const QList<OutboxEntry> entries = ok(cache.outbox().entries());
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().state, OutboxEntry::State::Superseded);
        QVERIFY(!discard->isEnabled());
        const std::optional<ReviewDraft> draft = ok(cache.work().draft(m_sid));
        QVERIFY(draft);
        QCOMPARE(draft->summary, QStringLiteral("No CSRF token on the settings form"));
    }

    // The whole way with the reference server: Alice's rejection meets
    // Carol's reassignments (409 on the push), the sync brings the new
    // version, Alice re-bases from the view and the next sync delivers it.
    void realConflictFromTheServer()
    {
        test::LoopbackMarketplace market(10);
        QVERIFY2(market.ok(), qPrintable(market.error()));
        QTemporaryDir profile;
        QVERIFY(profile.isValid());
        SyncEngine::Options o;
        o.server = market.url();
        o.token = test::LoopbackMarketplace::token(u"u_alice"_s);
        o.profileDir = profile.path();
        o.evidence = false;
        o.maxBackoffMs = 300;
        auto sync = [&o] {
            SyncEngine engine(o);
            QSignalSpy done(&engine, &SyncEngine::finished);
            engine.start();
            if (done.isEmpty() && !done.wait(120000))
                qFatal("sync did not finish");
            return done.takeFirst().at(0).value<SyncEngine::Report>();
        };
        QVERIFY(sync().inStep);

        Cache cache;
        QVERIFY(ok(cache.open(Profile(profile.path()).cachePath())));
        SubmissionSummary mine;
        for (const SubmissionSummary &s : ok(cache.submissions().summaries())) {
            if (s.assignee == u"u_alice"_s && s.stage == SubmissionSummary::Stage::Review)
                mine = s;
        }
        QVERIFY2(!mine.id.isEmpty(), "the seed gives Alice no open work");
        const qint64 id = ok(cache.outbox().recordVerdict(
            mine.id, Verdict::Decision::Reject, {}, {{u"csrf_protection"_s, u"csrf.no_token"_s, u"settings form"_s}},
            u"No CSRF token"_s));

        test::HttpClient http(market.url());
        const QString path = u"/api/v1/submissions/%1/assignee"_s.arg(mine.id);
        const QString carol = test::LoopbackMarketplace::token(u"u_carol"_s);
        QCOMPARE(http.write("PUT", path, carol, {{u"assignee"_s, u"u_bob"_s}, {u"base_version"_s, mine.version}}).status, 200);
        QCOMPARE(http.write("PUT", path, carol, {{u"assignee"_s, u"u_alice"_s}, {u"base_version"_s, mine.version + 1}}).status, 200);

        std::ignore = sync(); // not in step: the verdict waits in conflict
        const std::optional<OutboxEntry> held = ok(cache.outbox().entry(id));
        QCOMPARE(held->state, OutboxEntry::State::Conflict);
        QCOMPARE(ok(cache.submissions().summary(mine.id))->version, mine.version + 2);

        ConflictView view(cache, id);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto *changes = view.findChild<QTableWidget *>(u"conflictChanges"_s);
        QCOMPARE(cell(changes, u"Version"_s, 1), QString::number(mine.version));
        QCOMPARE(cell(changes, u"Version"_s, 2), QString::number(mine.version + 2));
        QCOMPARE(cell(changes, u"Assignee"_s, 2), u"u_alice"_s);
        auto *rebase = view.findChild<QPushButton *>(u"rebase"_s);
        QVERIFY2(rebase->isEnabled(), qPrintable(view.rebaseBlocker()));
        QSignalSpy rebased(&view, &ConflictView::rebased);
        QTest::mouseClick(rebase, Qt::LeftButton);
        QCOMPARE(rebased.count(), 1);
        const qint64 newId = rebased.first().first().toLongLong();
        QCOMPARE(payload(*ok(cache.outbox().entry(newId))).baseVersion, mine.version + 2);

        QVERIFY(sync().inStep);
        QCOMPARE(ok(cache.outbox().entry(newId))->state, OutboxEntry::State::Sent);
        QCOMPARE(ok(cache.outbox().entry(id))->state, OutboxEntry::State::Superseded);
        QCOMPARE(market.store().submission(mine.id)->summary.status, SubmissionSummary::Status::Rejected);
    }

    void decidedMeanwhileOffersOnlyDiscard()
    {
        Cache cache;
        SubmissionSummary server;
        const qint64 id = conflictIn(cache, &server);
        QVERIFY(id > 0);
        // Someone else decided it; the sync brought that.
        Submission now = test::submission(2, 3);
        now.summary.stage = SubmissionSummary::Stage::Done;
        now.summary.status = SubmissionSummary::Status::Rejected;
        QVERIFY(ok(cache.outbox().settle(id, OutboxEntry::State::Conflict, QStringLiteral("409 already_decided"),
                                         now.summary.toJson())));
        QVERIFY(ok(cache.submissions().store(now)));
        ConflictView view(cache, id);
        QVERIFY(!view.findChild<QPushButton *>(QStringLiteral("rebase"))->isEnabled());
        QVERIFY2(view.rebaseBlocker().contains(QStringLiteral("already decided (rejected)")), qPrintable(view.rebaseBlocker()));
        QVERIFY(view.findChild<QPushButton *>(QStringLiteral("discard"))->isEnabled());
        QCOMPARE(cell(view.findChild<QTableWidget *>(QStringLiteral("conflictChanges")), QStringLiteral("Stage"), 2),
                 QStringLiteral("done"));
    }

    void notAVerdictSaysSo()
    {
        Cache cache;
        SubmissionSummary server;
        QVERIFY(conflictIn(cache, &server) > 0);
        const qint64 comment = ok(cache.outbox().recordComment(m_sid, QStringLiteral("?"), false));
        ConflictView view(cache, comment);
        QVERIFY(view.loadError().contains(QStringLiteral("not a verdict")));
        QVERIFY(!view.findChild<QPushButton *>(QStringLiteral("rebase"))->isEnabled());
        QVERIFY(!view.findChild<QPushButton *>(QStringLiteral("discard"))->isEnabled());
        ConflictView gone(cache, 999);
        QVERIFY(gone.loadError().contains(QStringLiteral("999")));
    }
};

QTEST_MAIN(TestConflictView)
#include "tst_conflictview.moc"
