#include "common/ResultCheck.h"
#include "common/TestData.h"
#include "domain/Questionnaire.h"
#include "models/Cache.h"
#include "models/Outbox.h"
#include "models/ReviewDraft.h"
#include "models/ReviewWork.h"
#include "models/SubmissionStore.h"

#include <QJsonArray>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace assay;
using test::ok;

// The writes waiting for the marketplace: recorded once with their key,
// kept across restarts, settled by what the server answered; and the checks
// a decision passes before it gets in.
class TestOutbox : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;

    QString freshPath() { return m_dir.filePath(QStringLiteral("cache-%1.sqlite").arg(++m_n)); }

    // A cache with submissions 1 and 2 (version 1) and questionnaire 2026.1.
    bool fill(Cache &cache)
    {
        const auto q = Questionnaire::builtin(QStringLiteral("2026.1"));
        return q && ok(cache.open(freshPath()))
            && ok(cache.submissions().applyFeedPage({test::summary(1), test::summary(2)}, QStringLiteral("c")))
            && ok(cache.submissions().storeQuestionnaire(*q));
    }

    static QString refusal(const Result<qint64> &r) { return r ? QString() : r.error().message; }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    // The names the rows and the API use, written out.
    void kindAndStateNames()
    {
        QCOMPARE(OutboxEntry::kindName(OutboxEntry::Kind::Assignment), QStringLiteral("assignment"));
        QCOMPARE(OutboxEntry::kindFromName(QStringLiteral("comment")).value_or(OutboxEntry::Kind::Verdict),
                 OutboxEntry::Kind::Comment);
        QCOMPARE(OutboxEntry::stateName(OutboxEntry::State::Conflict), QStringLiteral("conflict"));
        QCOMPARE(OutboxEntry::stateFromName(QStringLiteral("failed")).value_or(OutboxEntry::State::Pending),
                 OutboxEntry::State::Failed);
        QVERIFY(!OutboxEntry::stateFromName(QStringLiteral("lost")));
        QVERIFY(!OutboxEntry::kindFromName(QStringLiteral("Verdict")));
        QCOMPARE(OutboxEntry::stateName(OutboxEntry::State::Superseded), QStringLiteral("superseded"));
        QCOMPARE(OutboxEntry::stateFromName(QStringLiteral("superseded")).value_or(OutboxEntry::State::Pending),
                 OutboxEntry::State::Superseded);
    }

    void lifecycle()
    {
        const QString path = freshPath();
        qint64 id = 0;
        QString key;
        {
            Cache cache;
            QVERIFY(ok(cache.open(path)));
            Verdict v;
            v.decision = Verdict::Decision::Approve;
            v.baseVersion = 3;
            v.summary = QStringLiteral("All good");
            id = ok(cache.outbox().enqueue(OutboxEntry::Kind::Verdict, QStringLiteral("s_00001"), v.toJson()));
            QVERIFY(id > 0);
            const std::optional<OutboxEntry> e = ok(cache.outbox().entry(id));
            QVERIFY(e);
            QCOMPARE(e->kind, OutboxEntry::Kind::Verdict);
            QCOMPARE(e->submissionId, QStringLiteral("s_00001"));
            QCOMPARE(e->payload.value(QStringLiteral("summary")).toString(), QStringLiteral("All good"));
            QCOMPARE(e->state, OutboxEntry::State::Pending);
            QCOMPARE(e->attempts, 0);
            QVERIFY(!QUuid::fromString(e->idempotencyKey).isNull());
            key = e->idempotencyKey;
            // The verdict's draft is kept, in the same transaction.
            const std::optional<ReviewDraft> d = ok(cache.work().draft(QStringLiteral("s_00001")));
            QVERIFY(d);
            QCOMPARE(d->summary, QStringLiteral("All good"));
            QCOMPARE(d->decision, Verdict::Decision::Approve);
            QVERIFY(ok(cache.outbox().noteAttempt(id)));
        }
        // Rows survive a restart with the same key.
        Cache cache;
        QVERIFY(ok(cache.open(path)));
        Outbox &outbox = cache.outbox();
        QCOMPARE(ok(outbox.count(OutboxEntry::State::Pending)), 1);
        std::optional<OutboxEntry> e = ok(outbox.entry(id));
        QVERIFY(e);
        QCOMPARE(e->idempotencyKey, key);
        QCOMPARE(e->attempts, 1);
        const QJsonObject current{{QStringLiteral("id"), QStringLiteral("s_00001")}, {QStringLiteral("version"), 5}};
        QVERIFY(ok(outbox.settle(id, OutboxEntry::State::Conflict, QStringLiteral("version_conflict"), current)));
        e = ok(outbox.entry(id));
        QVERIFY(e);
        QCOMPARE(e->state, OutboxEntry::State::Conflict);
        QCOMPARE(e->lastError, QStringLiteral("version_conflict"));
        QCOMPARE(e->serverState, current);
        QCOMPARE(ok(outbox.inState(OutboxEntry::State::Conflict)).size(), 1);
        QCOMPARE(ok(outbox.count(OutboxEntry::State::Pending)), 0);
        QVERIFY(ok(outbox.retry(id)));
        QCOMPARE(ok(outbox.entry(id))->state, OutboxEntry::State::Pending);
        QVERIFY(ok(outbox.settle(id, OutboxEntry::State::Sent)));
        QCOMPARE(ok(outbox.entries()).size(), 1);
        QVERIFY(!ok(outbox.entry(999)));
        const Result<> nowhere = outbox.settle(999, OutboxEntry::State::Sent);
        QVERIFY(!nowhere);
        QVERIFY2(nowhere.error().message.contains(QStringLiteral("999")), qPrintable(nowhere.error().message));
        QVERIFY(!outbox.noteAttempt(999));
        // Every entry gets its own key.
        const qint64 second = ok(outbox.enqueue(OutboxEntry::Kind::Assignment, QStringLiteral("s_00002"),
                                                QJsonObject{{QStringLiteral("assignee"), QJsonValue::Null},
                                                            {QStringLiteral("base_version"), 1}}));
        QVERIFY(second > id);
        QVERIFY(ok(outbox.entry(second))->idempotencyKey != key);
        QCOMPARE(ok(outbox.entries()).size(), 2);
    }

    void aVerdictIsCheckedBeforeItIsRecorded()
    {
        Cache cache;
        QVERIFY(fill(cache));
        Outbox &outbox = cache.outbox();
        const QString id = QStringLiteral("s_00001");
        const QList<Verdict::Reason> reason = {{QStringLiteral("data_segregation"), QStringLiteral("seg.convention_only"), {}}};
        QVERIFY(refusal(outbox.recordVerdict(QStringLiteral("s_nope"), Verdict::Decision::Reject, {}, reason, {}))
                    .contains(QStringLiteral("not in this profile's cache")));
        QVERIFY(refusal(outbox.recordVerdict(id, Verdict::Decision::Reject, {}, {}, {}))
                    .contains(QStringLiteral("at least one reason")));
        QVERIFY(refusal(outbox.recordVerdict(id, Verdict::Decision::Reject, {},
                                             {{QStringLiteral("data_segregation"), QStringLiteral("csrf.no_token"), {}}}, {}))
                    .contains(QStringLiteral("is not a rejection reason of data_segregation")));
        QVERIFY(refusal(outbox.recordVerdict(id, Verdict::Decision::Approve, {{QStringLiteral("seg.c1"), true}}, {}, {}))
                    .contains(QStringLiteral("missing: seg.c2")));
        QVERIFY(refusal(outbox.recordVerdict(id, Verdict::Decision::Approve, {{QStringLiteral("nope.c9"), true}}, {}, {}))
                    .contains(QStringLiteral("no checklist item \"nope.c9\"")));
        QCOMPARE(ok(outbox.entries()).size(), 0);

        const qint64 entry = ok(outbox.recordVerdict(id, Verdict::Decision::Reject, {{QStringLiteral("seg.c1"), true}},
                                                     reason, QStringLiteral("Isolation by convention.")));
        const std::optional<OutboxEntry> e = ok(outbox.entry(entry));
        QVERIFY(e);
        QCOMPARE(e->payload.value(QStringLiteral("decision")).toString(), QStringLiteral("reject"));
        QCOMPARE(e->payload.value(QStringLiteral("base_version")).toInteger(), 1);
        const QJsonObject checklist = e->payload.value(QStringLiteral("checklist")).toObject();
        QCOMPARE(checklist.value(QStringLiteral("seg.c1")).toBool(), true);
        // Every item of the rubric is stated, ticked or not.
        QVERIFY(checklist.contains(QStringLiteral("seg.c2")));
        QCOMPARE(checklist.value(QStringLiteral("seg.c2")).toBool(), false);
        QCOMPARE(ok(cache.work().draft(id))->decision, Verdict::Decision::Reject);
    }

    void aDecidedSubmissionTakesNoDecision()
    {
        Cache cache;
        QVERIFY(fill(cache));
        SubmissionSummary done = test::summary(2, 2);
        done.stage = SubmissionSummary::Stage::Done;
        done.status = SubmissionSummary::Status::Approved;
        QVERIFY(ok(cache.submissions().applyFeedPage({done}, QStringLiteral("d"))));
        QVERIFY(refusal(cache.outbox().recordAssignment(QStringLiteral("s_00002"), QStringLiteral("u_bob")))
                    .contains(QStringLiteral("already decided")));
        QVERIFY(refusal(cache.outbox().recordVerdict(QStringLiteral("s_00002"), Verdict::Decision::Approve, {}, {}, {}))
                    .contains(QStringLiteral("already decided (approved)")));
        QCOMPARE(ok(cache.outbox().entries()).size(), 0);
    }

    void assignmentsAndComments()
    {
        Cache cache;
        QVERIFY(fill(cache));
        Outbox &outbox = cache.outbox();
        const qint64 assign = ok(outbox.recordAssignment(QStringLiteral("s_00001"), std::nullopt));
        const std::optional<OutboxEntry> a = ok(outbox.entry(assign));
        QVERIFY(a);
        QCOMPARE(a->kind, OutboxEntry::Kind::Assignment);
        QVERIFY(a->payload.value(QStringLiteral("assignee")).isNull());
        QCOMPARE(a->payload.value(QStringLiteral("base_version")).toInteger(), 1);
        QVERIFY(refusal(outbox.recordComment(QStringLiteral("s_00001"), QStringLiteral("  "), false))
                    .contains(QStringLiteral("needs text")));
        QVERIFY(refusal(outbox.recordComment(QStringLiteral("s_nope"), QStringLiteral("hello"), false))
                    .contains(QStringLiteral("not in this profile's cache")));
        const qint64 comment = ok(outbox.recordComment(QStringLiteral("s_00001"), QStringLiteral("Please attach the policy."), true));
        const std::optional<OutboxEntry> c = ok(outbox.entry(comment));
        QVERIFY(c);
        QCOMPARE(c->payload, (QJsonObject{{QStringLiteral("body"), QStringLiteral("Please attach the policy.")},
                                          {QStringLiteral("visibility"), QStringLiteral("partner")}}));
        QCOMPARE(ok(outbox.inState(OutboxEntry::State::Pending)).size(), 2);
    }

    // Internal notes travel with the verdict and into the draft; their keys
    // and lengths are checked as the server would.
    void aVerdictCarriesNotes()
    {
        Cache cache;
        QVERIFY(fill(cache));
        Outbox &outbox = cache.outbox();
        const QString id = QStringLiteral("s_00001");
        Verdict v;
        v.decision = Verdict::Decision::Reject;
        v.reasons = {{QStringLiteral("csrf_protection"), QStringLiteral("csrf.no_token"), QStringLiteral("settings form")}};
        v.summary = QStringLiteral("No token on the settings form.");
        v.baseVersion = 77; // not used: the cached version is
        v.notes = {{QStringLiteral("nope.c1"), QStringLiteral("x")}};
        QVERIFY(refusal(outbox.recordVerdict(id, v)).contains(QStringLiteral("a note's key \"nope.c1\"")));
        v.notes = {{QStringLiteral("csrf.c1"), QString(Verdict::MaxNote + 1, QLatin1Char('n'))}};
        QVERIFY(refusal(outbox.recordVerdict(id, v)).contains(QStringLiteral("note on csrf.c1 is longer")));
        QCOMPARE(ok(outbox.entries()).size(), 0);
        v.notes = {{QStringLiteral("csrf.c1"), QStringLiteral("token missing on POST /settings")},
                   {QStringLiteral("csrf_protection"), QStringLiteral("ask about the API clients")}};
        const qint64 entry = ok(outbox.recordVerdict(id, v));
        const std::optional<OutboxEntry> e = ok(outbox.entry(entry));
        QVERIFY(e);
        QCOMPARE(e->payload.value(QStringLiteral("base_version")).toInteger(), 1);
        const QJsonObject notes = e->payload.value(QStringLiteral("notes")).toObject();
        QCOMPARE(notes.size(), 2);
        QCOMPARE(notes.value(QStringLiteral("csrf.c1")).toString(), QStringLiteral("token missing on POST /settings"));
        const std::optional<ReviewDraft> d = ok(cache.work().draft(id));
        QVERIFY(d);
        QCOMPARE(d->notes, v.notes);
        QCOMPARE(d->reasons, v.reasons);
    }

    // The saved work makes the verdict's checklist and notes: notes on
    // checklist items and categories only.
    void theSavedWorkMakesAVerdict()
    {
        Cache cache;
        QVERIFY(fill(cache));
        const QString id = QStringLiteral("s_00001");
        QVERIFY(ok(cache.outbox().verdictFromWork(id)).checklist.isEmpty());
        QVERIFY(ok(cache.work().setChecklistTick(id, QStringLiteral("seg.c1"), true)));
        QVERIFY(ok(cache.work().setChecklistTick(id, QStringLiteral("seg.c2"), false)));
        QVERIFY(ok(cache.work().setNote(id, QStringLiteral("seg.c1"), QStringLiteral("RLS on every table"))));
        QVERIFY(ok(cache.work().setNote(id, QStringLiteral("data_segregation"), QStringLiteral("solid"))));
        QVERIFY(ok(cache.work().setNote(id, QStringLiteral("seg.1"), QStringLiteral("my own reading note"))));
        QVERIFY(ok(cache.work().setNote(id, QString(), QStringLiteral("overall"))));
        const Verdict v = ok(cache.outbox().verdictFromWork(id));
        QCOMPARE(v.checklist, (QMap<QString, bool>{{QStringLiteral("seg.c1"), true}, {QStringLiteral("seg.c2"), false}}));
        QCOMPARE(v.notes, (QMap<QString, QString>{{QStringLiteral("seg.c1"), QStringLiteral("RLS on every table")},
                                                  {QStringLiteral("data_segregation"), QStringLiteral("solid")}}));
    }

    // Return: only at stage security, with a summary, without reasons.
    void aReturnIsCheckedBeforeItIsRecorded()
    {
        Cache cache;
        QVERIFY(fill(cache));
        Outbox &outbox = cache.outbox();
        const QString id = QStringLiteral("s_00002");
        Verdict v;
        v.decision = Verdict::Decision::Return;
        v.summary = QStringLiteral("The reviewer missed the open redirect.");
        QVERIFY(refusal(outbox.recordVerdict(id, v)).contains(QStringLiteral("only a submission at stage security")));
        SubmissionSummary atSecurity = test::summary(2, 4);
        atSecurity.stage = SubmissionSummary::Stage::Security;
        QVERIFY(ok(cache.submissions().applyFeedPage({atSecurity}, QStringLiteral("s"))));
        v.summary = QStringLiteral("   ");
        QVERIFY(refusal(outbox.recordVerdict(id, v)).contains(QStringLiteral("needs a summary")));
        v.summary = QStringLiteral("The reviewer missed the open redirect.");
        v.reasons = {{QStringLiteral("trusted_redirects"), QStringLiteral("redirect.open_redirect"), {}}};
        QVERIFY(refusal(outbox.recordVerdict(id, v)).contains(QStringLiteral("takes no rejection reasons")));
        QCOMPARE(ok(outbox.entries()).size(), 0);
        v.reasons.clear();
        const qint64 entry = ok(outbox.recordVerdict(id, v));
        const std::optional<OutboxEntry> e = ok(outbox.entry(entry));
        QVERIFY(e);
        QCOMPARE(e->payload.value(QStringLiteral("decision")).toString(), QStringLiteral("return"));
        QCOMPARE(e->payload.value(QStringLiteral("base_version")).toInteger(), 4);
        QCOMPARE(e->payload.value(QStringLiteral("reasons")).toArray().size(), 0);
        QCOMPARE(ok(cache.work().draft(id))->decision, Verdict::Decision::Return);
    }

    // A 409'd verdict re-based: the same verdict against the version the
    // cache has now, under a new key; the old entry superseded, pointing at
    // the new one, and never pending again. Discarding gives an entry up.
    void aConflictIsRebasedOrDiscarded()
    {
        Cache cache;
        QVERIFY(fill(cache));
        Outbox &outbox = cache.outbox();
        const QString id = QStringLiteral("s_00001");
        Verdict v;
        v.decision = Verdict::Decision::Reject;
        v.reasons = {{QStringLiteral("csrf_protection"), QStringLiteral("csrf.no_token"), QStringLiteral("settings")}};
        v.notes = {{QStringLiteral("csrf.c1"), QStringLiteral("checked twice")}};
        v.checklist = {{QStringLiteral("csrf.c1"), true}};
        const qint64 first = ok(outbox.recordVerdict(id, v));
        const QString firstKey = ok(outbox.entry(first))->idempotencyKey;
        // Only a conflict can be re-based.
        QVERIFY(refusal(outbox.rebase(first)).contains(QStringLiteral("only a verdict in conflict")));
        QVERIFY(ok(outbox.settle(first, OutboxEntry::State::Conflict, QStringLiteral("version_conflict"),
                                 QJsonObject{{QStringLiteral("version"), 3}})));
        // The cache has not learnt of a newer version yet.
        QVERIFY(refusal(outbox.rebase(first)).contains(QStringLiteral("sync first")));
        QCOMPARE(ok(outbox.entry(first))->state, OutboxEntry::State::Conflict);

        QVERIFY(ok(cache.submissions().applyFeedPage({test::summary(1, 3)}, QStringLiteral("n"))));
        const qint64 second = ok(outbox.rebase(first));
        QVERIFY(second > first);
        const std::optional<OutboxEntry> old = ok(outbox.entry(first));
        QVERIFY(old);
        QCOMPARE(old->state, OutboxEntry::State::Superseded);
        QCOMPARE(old->supersededBy, second);
        const std::optional<OutboxEntry> again = ok(outbox.entry(second));
        QVERIFY(again);
        QCOMPARE(again->state, OutboxEntry::State::Pending);
        QVERIFY(again->idempotencyKey != firstKey);
        QCOMPARE(again->payload.value(QStringLiteral("base_version")).toInteger(), 3);
        QJsonObject withoutBase = again->payload;
        withoutBase.remove(QStringLiteral("base_version"));
        QJsonObject oldWithoutBase = old->payload;
        oldWithoutBase.remove(QStringLiteral("base_version"));
        QCOMPARE(withoutBase, oldWithoutBase);
        QCOMPARE(ok(outbox.inState(OutboxEntry::State::Pending)).size(), 1);
        // Superseded is final.
        QVERIFY(!outbox.rebase(first));
        QVERIFY(!outbox.discard(first));

        // A re-based verdict the cache now knows to be refused stays put.
        QVERIFY(ok(outbox.settle(second, OutboxEntry::State::Conflict, QStringLiteral("version_conflict"))));
        SubmissionSummary decided = test::summary(1, 4);
        decided.stage = SubmissionSummary::Stage::Done;
        decided.status = SubmissionSummary::Status::Approved;
        QVERIFY(ok(cache.submissions().applyFeedPage({decided}, QStringLiteral("d"))));
        QVERIFY(refusal(outbox.rebase(second)).contains(QStringLiteral("already decided")));
        QCOMPARE(ok(outbox.entry(second))->state, OutboxEntry::State::Conflict);
        QVERIFY(ok(outbox.discard(second)));
        const std::optional<OutboxEntry> dropped = ok(outbox.entry(second));
        QCOMPARE(dropped->state, OutboxEntry::State::Superseded);
        QCOMPARE(dropped->supersededBy, 0);
        QCOMPARE(ok(outbox.count(OutboxEntry::State::Pending)), 0);
        // A pending entry is not discarded behind the sync's back.
        const qint64 comment = ok(outbox.recordComment(QStringLiteral("s_00002"), QStringLiteral("hello"), false));
        QVERIFY(!outbox.discard(comment));
        QCOMPARE(ok(outbox.entry(comment))->state, OutboxEntry::State::Pending);
    }
};

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
