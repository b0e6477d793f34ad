#include "common/ResultCheck.h"
#include "common/TestData.h"
#include "domain/JsonReader.h"
#include "domain/Questionnaire.h"
#include "models/Cache.h"
#include "models/Outbox.h"
#include "models/ReviewDraft.h"
#include "models/ReviewWork.h"
#include "models/SubmissionStore.h"
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
        QVERIFY(ok(cache.submissions().store(now)));
        view.reload();
        QVERIFY(rebase->isEnabled());
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
