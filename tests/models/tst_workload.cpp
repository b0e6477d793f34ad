#include "common/BoardFixture.h"
#include "models/Outbox.h"
#include "models/Workload.h"

#include "models/CacheConnection.h"

#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace assay;
using test::ok;

namespace {
const Workload::Reviewer *find(const QList<Workload::Reviewer> &list, const QString &id)
{
    for (const Workload::Reviewer &r : list)
        if (r.id == id)
            return &r;
    return nullptr;
}

QStringList idsOf(const QList<Workload::Item> &items)
{
    QStringList ids;
    for (const Workload::Item &i : items)
        ids.append(i.id);
    return ids;
}
} // namespace

// The reviewers' open work from the cache (BoardFixture.h), and an
// assignment in the outbox counted where it is going.
class TestWorkload : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_run = 0;
    std::unique_ptr<Cache> m_cache;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        m_cache = std::make_unique<Cache>();
        QVERIFY(ok(m_cache->open(m_dir.filePath(QStringLiteral("c%1.sqlite").arg(++m_run)))));
        test::seedBoard(*m_cache);
    }

    void cleanup() { m_cache.reset(); }

    void reviewersAndTheirWork()
    {
        Workload w(*m_cache);
        w.setNow(test::boardNow());
        const QList<Workload::Reviewer> reviewers = ok(w.reviewers());
        // Only users with the role, by name.
        QCOMPARE(reviewers.size(), 2);
        QCOMPARE(reviewers.at(0).name, QStringLiteral("Alice Reviewer"));
        const Workload::Reviewer *alice = find(reviewers, QStringLiteral("u_alice"));
        const Workload::Reviewer *bob = find(reviewers, QStringLiteral("u_bob"));
        QVERIFY(alice && bob);
        // s_6 (security stage) is not Alice's work any more.
        QCOMPARE(alice->open, 2);
        QCOMPARE(alice->oldestDays, 10.0);
        QCOMPARE(alice->breaches, 1);
        QCOMPARE(alice->pending, 0);
        // s_3 is 20 days old but back in review for 2 days: no breach.
        QCOMPARE(bob->open, 1);
        QCOMPARE(bob->oldestDays, 20.0);
        QCOMPARE(bob->breaches, 0);

        QCOMPARE(idsOf(ok(w.unassigned())), (QStringList{QStringLiteral("s_5"), QStringLiteral("s_4")}));
        QCOMPARE(idsOf(ok(w.assignedTo(QStringLiteral("u_alice")))), (QStringList{QStringLiteral("s_1"), QStringLiteral("s_2")}));
        const QList<Workload::Item> bobs = ok(w.assignedTo(QStringLiteral("u_bob")));
        QCOMPARE(bobs.size(), 1);
        QCOMPARE(bobs.at(0).daysInStage, 2.0);
        QCOMPARE(bobs.at(0).ageDays, 20.0);
        QCOMPARE(bobs.at(0).stageEnteredAt, test::daysAgo(2));
        QVERIFY(!bobs.at(0).breached);
        // The resubmission knows who rejected its predecessor.
        const QList<Workload::Item> pile = ok(w.unassigned());
        QCOMPARE(pile.at(0).previousRejectedBy, QStringLiteral("u_bob"));
        QCOMPARE(pile.at(1).previousRejectedBy, QString());
        // Eve lost the role, yet what she holds is open work at review.
        QCOMPARE(idsOf(ok(w.openAtReview())), (QStringList{QStringLiteral("s_8"), QStringLiteral("s_5"), QStringLiteral("s_3"),
                                                           QStringLiteral("s_1"), QStringLiteral("s_2"), QStringLiteral("s_4")}));
    }

    void targetsDecideBreaches()
    {
        Workload w(*m_cache);
        w.setNow(test::boardNow());
        SlaPolicy sla;
        sla.reviewTargetDays = 1;
        w.setSla(sla);
        // Alice: s_1 (10 d) and s_2 (3 d); Bob: s_3 (2 d in stage).
        QCOMPARE(find(ok(w.reviewers()), QStringLiteral("u_alice"))->breaches, 2);
        QCOMPARE(find(ok(w.reviewers()), QStringLiteral("u_bob"))->breaches, 1);
    }

    void queueFactsAndThePausedClock()
    {
        // The queue's facts (schema 7) as SubmissionStore keeps them: s_1
        // entered its stage 8 days ago, paused 2 days, and has asked the
        // partner 1 day ago (awaiting): 5 days counted, paused, no breach.
        QSqlQuery q(m_cache->connection().database());
        QVERIFY(q.prepare(QStringLiteral("UPDATE submissions SET stage_entered_at = ?, sla_paused_seconds = ?, "
                                         "awaiting_partner_since = ? WHERE id = 's_1'")));
        q.addBindValue(test::daysAgo(8).toString(Qt::ISODate));
        q.addBindValue(2 * 86400);
        q.addBindValue(test::daysAgo(1).toString(Qt::ISODate));
        QVERIFY(q.exec());
        Workload w(*m_cache);
        w.setNow(test::boardNow());
        const QList<Workload::Item> alices = ok(w.assignedTo(QStringLiteral("u_alice")));
        QCOMPARE(alices.at(0).id, QStringLiteral("s_1"));
        QCOMPARE(alices.at(0).stageEnteredAt, test::daysAgo(8));
        QCOMPARE(alices.at(0).daysInStage, 5.0);
        QCOMPARE(alices.at(0).sla, SlaPolicy::State::Paused);
        QCOMPARE(find(ok(w.reviewers()), QStringLiteral("u_alice"))->breaches, 0);
        // Answered: the clock runs again (6 days after the closed waits).
        QVERIFY(q.exec(QStringLiteral("UPDATE submissions SET awaiting_partner_since = NULL WHERE id = 's_1'")));
        QCOMPARE(ok(w.assignedTo(QStringLiteral("u_alice"))).at(0).daysInStage, 6.0);
        QCOMPARE(find(ok(w.reviewers()), QStringLiteral("u_alice"))->breaches, 1);
    }

    void pendingAssignmentCountsWhereItGoes()
    {
        Workload w(*m_cache);
        w.setNow(test::boardNow());
        const qint64 entry = ok(m_cache->outbox().recordAssignment(QStringLiteral("s_4"), QStringLiteral("u_bob")));
        // And one taken from Alice to nobody.
        QVERIFY(ok(m_cache->outbox().recordAssignment(QStringLiteral("s_2"), std::nullopt)));

        const QList<Workload::Reviewer> reviewers = ok(w.reviewers());
        QCOMPARE(find(reviewers, QStringLiteral("u_bob"))->open, 2);
        QCOMPARE(find(reviewers, QStringLiteral("u_bob"))->pending, 1);
        QCOMPARE(find(reviewers, QStringLiteral("u_alice"))->open, 1);
        const QList<Workload::Item> bobs = ok(w.assignedTo(QStringLiteral("u_bob")));
        QCOMPARE(idsOf(bobs), (QStringList{QStringLiteral("s_3"), QStringLiteral("s_4")}));
        QCOMPARE(bobs.at(1).local, Workload::LocalState::Pending);
        QCOMPARE(bobs.at(1).serverAssignee, std::nullopt);
        QCOMPARE(bobs.at(1).assignee, std::optional<QString>(QStringLiteral("u_bob")));
        QCOMPARE(bobs.at(0).local, Workload::LocalState::None);
        QCOMPARE(idsOf(ok(w.unassigned())), (QStringList{QStringLiteral("s_5"), QStringLiteral("s_2")}));

        // Held in conflict: back where the server has it, marked held.
        QVERIFY(ok(m_cache->outbox().settle(entry, OutboxEntry::State::Conflict, QStringLiteral("version_conflict"))));
        const QList<Workload::Item> pile = ok(w.unassigned());
        QCOMPARE(idsOf(pile), (QStringList{QStringLiteral("s_5"), QStringLiteral("s_2"), QStringLiteral("s_4")}));
        QCOMPARE(pile.at(2).local, Workload::LocalState::Held);
        QCOMPARE(pile.at(1).local, Workload::LocalState::Pending);
        QCOMPARE(find(ok(w.reviewers()), QStringLiteral("u_bob"))->open, 1);

        // A later one supersedes it: the latest entry decides.
        QVERIFY(ok(m_cache->outbox().recordAssignment(QStringLiteral("s_4"), QStringLiteral("u_alice"))));
        QCOMPARE(idsOf(ok(w.assignedTo(QStringLiteral("u_alice")))), (QStringList{QStringLiteral("s_1"), QStringLiteral("s_4")}));
    }
};

QTEST_GUILESS_MAIN(TestWorkload)
#include "tst_workload.moc"
