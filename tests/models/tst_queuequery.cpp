#include "QueueFixture.h"

#include "common/ResultCheck.h"
#include "models/Cache.h"
#include "models/CacheConnection.h"
#include "domain/JsonReader.h"
#include "domain/Migrations.h"
#include "models/QueueQuery.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace assay;
using test::ok;
using test::QueueFixture;

class TestQueueQuery : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Cache m_cache;

    QStringList idsOf(const QList<QueueQuery::Row> &rows, bool sorted = true)
    {
        QStringList ids;
        for (const QueueQuery::Row &r : rows)
            ids.append(r.summary.id);
        if (sorted)
            ids.sort();
        return ids;
    }

    QList<QueueQuery::Row> all(const QueueFilter &f, const QueueContext &c, const QueueQuery::Sort &sort = {})
    {
        QueueQuery query(m_cache.connection());
        return ok(query.page(f, c, sort, std::nullopt, 1000));
    }

    QueueFilter view(SavedView v)
    {
        QueueFilter f;
        f.view = v;
        return f;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(ok(m_cache.open(m_dir.filePath(QStringLiteral("queue.sqlite")))));
        QVERIFY(QueueFixture::fill(m_cache));
    }

    void eachViewHoldsExactlyItsRows_data()
    {
        QTest::addColumn<int>("view");
        for (SavedView v : allSavedViews())
            QTest::newRow(qPrintable(savedViewKey(v))) << int(v);
    }

    void eachViewHoldsExactlyItsRows()
    {
        QFETCH(int, view);
        const SavedView v = SavedView(view);
        const QueueContext alice = QueueFixture::context(QStringLiteral("u_alice"), {QStringLiteral("reviewer")});
        const QStringList expected = QueueFixture::expectedForAlice().value(v);
        QCOMPARE(idsOf(all(this->view(v), alice)), expected);
        QueueQuery query(m_cache.connection());
        QCOMPARE(ok(query.count(this->view(v), alice)), int(expected.size()));
        QCOMPARE(ok(query.viewCounts(alice)).value(v), int(expected.size()));
    }

    // A security user's queue: everything at stage security whose review
    // approve was not theirs.
    void myQueueOfASecurityUser()
    {
        const QueueFilter mine = view(SavedView::MyQueue);
        QCOMPARE(idsOf(all(mine, QueueFixture::context(QStringLiteral("u_sam"), {QStringLiteral("security")}))),
                 QStringList({QStringLiteral("q04")}));
        QCOMPARE(idsOf(all(mine, QueueFixture::context(QStringLiteral("u_vera"), {QStringLiteral("security")}))),
                 QStringList({QStringLiteral("q04"), QStringLiteral("q05")}));
        // Bob reviews: his assigned review-stage work, not q05 at security.
        QCOMPARE(idsOf(all(mine, QueueFixture::context(QStringLiteral("u_bob"), {QStringLiteral("reviewer")}))),
                 QStringList({QStringLiteral("q02")}));
        // Someone with both roles has both.
        QCOMPARE(idsOf(all(mine, QueueFixture::context(QStringLiteral("u_sam"),
                                                       {QStringLiteral("reviewer"), QStringLiteral("security")}))),
                 QStringList({QStringLiteral("q04")}));
        QCOMPARE(idsOf(all(mine, QueueFixture::context(QStringLiteral("u_bob"),
                                                       {QStringLiteral("reviewer"), QStringLiteral("security")}))),
                 QStringList({QStringLiteral("q02"), QStringLiteral("q04"), QStringLiteral("q05")}));
    }

    // The re-validation window is the context's.
    void dueDependsOnTheWindow()
    {
        QueueContext c = QueueFixture::context(QStringLiteral("u_alice"), {QStringLiteral("reviewer")});
        c.revalidationWindowDays = 16;
        QCOMPARE(idsOf(all(view(SavedView::DueForRevalidation), c)), QStringList({QStringLiteral("q08"), QStringLiteral("q11")}));
        c.revalidationWindowDays = 0;
        QCOMPARE(idsOf(all(view(SavedView::DueForRevalidation), c)), QStringList({QStringLiteral("q08")}));
        // Later on, the lock of q13 is over.
        c.now = QueueFixture::inDays(31);
        QVERIFY(all(view(SavedView::Locked), c).isEmpty());
    }

    // Whether an app has a later (approved) submission does not depend on
    // the order the cache learns of them, and an approval arriving later
    // renews the earlier badge.
    void laterSubmissionsInAnyOrder()
    {
        Cache cache;
        QVERIFY(ok(cache.open(m_dir.filePath(QStringLiteral("order.sqlite")))));
        QList<Submission> all = QueueFixture::submissions();
        std::reverse(all.begin(), all.end());
        for (const Submission &sub : std::as_const(all))
            QVERIFY(ok(cache.submissions().store(sub)));
        const QueueContext c = QueueFixture::context(QStringLiteral("u_alice"), {QStringLiteral("reviewer")});
        QueueQuery query(cache.connection());
        const auto ids = [&](SavedView v) {
            QueueFilter f;
            f.view = v;
            return idsOf(ok(query.page(f, c, {}, std::nullopt, 100)));
        };
        QCOMPARE(ids(SavedView::DueForRevalidation), QueueFixture::expectedForAlice().value(SavedView::DueForRevalidation));
        QCOMPARE(ids(SavedView::Locked), QueueFixture::expectedForAlice().value(SavedView::Locked));
        // q12 re-validates Juniper Chat: approved, q11's badge is renewed.
        SubmissionSummary q12 = all.at(all.size() - 12).summary;
        QCOMPARE(q12.id, QStringLiteral("q12"));
        q12.version = 7;
        q12.status = SubmissionSummary::Status::Approved;
        q12.stage = SubmissionSummary::Stage::Done;
        q12.badgeExpiresAt = QueueFixture::inDays(365);
        QVERIFY(ok(cache.submissions().applyFeedPage({q12}, QStringLiteral("c1"))));
        QCOMPARE(ids(SavedView::DueForRevalidation), QStringList({QStringLiteral("q06"), QStringLiteral("q08")}));
        QCOMPARE(ok(query.viewCounts(c)).value(SavedView::DueForRevalidation), 2);
    }

    void filtersCombineWithTheView()
    {
        const QueueContext c = QueueFixture::context(QStringLiteral("u_alice"), {QStringLiteral("reviewer")});
        QueueFilter f = view(SavedView::ReviewStage);
        f.partnerId = QStringLiteral("p_odd");
        QCOMPARE(idsOf(all(f, c)), QStringList({QStringLiteral("q01"), QStringLiteral("q03")}));
        f = view(SavedView::All);
        f.statuses = {QStringLiteral("rejected"), QStringLiteral("withdrawn")};
        QCOMPARE(idsOf(all(f, c)), QStringList({QStringLiteral("q13"), QStringLiteral("q14"), QStringLiteral("q15"),
                                                QStringLiteral("q17")}));
        f = view(SavedView::All);
        f.assignee = QString();
        QCOMPARE(idsOf(all(f, c)), QStringList({QStringLiteral("q03"), QStringLiteral("q12"), QStringLiteral("q17")}));
        f.assignee = QStringLiteral("u_bob");
        f.stages = {QStringLiteral("review"), QStringLiteral("security")};
        QCOMPARE(idsOf(all(f, c)), QStringList({QStringLiteral("q02"), QStringLiteral("q05")}));
        f = view(SavedView::Decided);
        f.questionnaireVersion = QStringLiteral("2026.1");
        QCOMPARE(idsOf(all(f, c)), QStringList({QStringLiteral("q06"), QStringLiteral("q07"), QStringLiteral("q08"),
                                                QStringLiteral("q09")}));
        // Age in whole days since submitted: q03 is 1 day old, q01 2, q12
        // and q05 5, q04 6, q02 10; q16 is an hour old (0).
        f = view(SavedView::All);
        f.stages = {QStringLiteral("review"), QStringLiteral("security")};
        f.minAgeDays = 2;
        f.maxAgeDays = 5;
        QCOMPARE(idsOf(all(f, c)), QStringList({QStringLiteral("q01"), QStringLiteral("q05"), QStringLiteral("q12")}));
        f.minAgeDays.reset();
        f.maxAgeDays = 0;
        QCOMPARE(idsOf(all(f, c)), QStringList({QStringLiteral("q16")}));
    }

    void sortsInSql()
    {
        const QueueContext c = QueueFixture::context(QStringLiteral("u_alice"), {QStringLiteral("reviewer")});
        const QueueFilter open = view(SavedView::ReviewStage);
        // Newest submitted first (the default).
        QCOMPARE(idsOf(all(open, c), false), QStringList({QStringLiteral("q16"), QStringLiteral("q03"), QStringLiteral("q01"),
                                                          QStringLiteral("q12"), QStringLiteral("q02")}));
        QCOMPARE(idsOf(all(open, c, {QueueQuery::SortKey::App, false}), false),
                 QStringList({QStringLiteral("q01"), QStringLiteral("q02"), QStringLiteral("q03"), QStringLiteral("q12"),
                              QStringLiteral("q16")}));
        // By the assignee's name, unassigned first: Alice (q01, q16), Bob (q02).
        QCOMPARE(idsOf(all(open, c, {QueueQuery::SortKey::Assignee, false}), false),
                 QStringList({QStringLiteral("q03"), QStringLiteral("q12"), QStringLiteral("q01"), QStringLiteral("q16"),
                              QStringLiteral("q02")}));
        // Most overdue first, in days past the stage's target: q04 (4 days
        // at security, target 3: +1), q12 (5 of 5 in review: 0), q05 (1 of
        // 3: -2), q02 (paused at 2 days: -3), q01 (2 days less 12 hours
        // paused: -3.5), q03 (1 day: -4), q16 (an hour); decided ones last.
        const QStringList bySla = idsOf(all(view(SavedView::All), c, {QueueQuery::SortKey::Sla, true}), false);
        QCOMPARE(bySla.mid(0, 7), QStringList({QStringLiteral("q04"), QStringLiteral("q12"), QStringLiteral("q05"),
                                               QStringLiteral("q02"), QStringLiteral("q01"), QStringLiteral("q03"),
                                               QStringLiteral("q16")}));
    }

    // Pages continue after their cursor: together they are the whole sorted
    // list, each row once.
    void keysetPagesJoinUp_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<bool>("descending");
        for (auto [name, key] : {std::pair{"app", QueueQuery::SortKey::App}, {"partner", QueueQuery::SortKey::Partner},
                                 {"assignee", QueueQuery::SortKey::Assignee}, {"submitted", QueueQuery::SortKey::Submitted},
                                 {"sla", QueueQuery::SortKey::Sla}, {"date", QueueQuery::SortKey::Date},
                                 {"kind", QueueQuery::SortKey::Kind}, {"local", QueueQuery::SortKey::LocalState},
                                 {"status", QueueQuery::SortKey::Status}}) {
            QTest::addRow("%s asc", name) << int(key) << false;
            QTest::addRow("%s desc", name) << int(key) << true;
        }
    }

    void keysetPagesJoinUp()
    {
        QFETCH(int, key);
        QFETCH(bool, descending);
        const QueueQuery::Sort sort{QueueQuery::SortKey(key), descending};
        const QueueContext c = QueueFixture::context(QStringLiteral("u_alice"), {QStringLiteral("reviewer")});
        const QList<QueueQuery::Row> whole = all(view(SavedView::All), c, sort);
        QCOMPARE(whole.size(), 17);
        QueueQuery query(m_cache.connection());
        QList<QueueQuery::Row> paged;
        std::optional<QueueQuery::Cursor> cursor;
        for (int guard = 0; guard < 20; ++guard) {
            const QList<QueueQuery::Row> page = ok(query.page(view(SavedView::All), c, sort, cursor, 3));
            for (int i = 1; i < page.size(); ++i)
                QVERIFY(QueueQuery::before(sort, page.at(i - 1), page.at(i)));
            paged += page;
            if (page.size() < 3)
                break;
            cursor = QueueQuery::cursorOf(page.last());
        }
        QCOMPARE(idsOf(paged, false), idsOf(whole, false));
    }

    // The facts a stored submission's details give (schema 7's columns).
    void storesTheQueueFacts()
    {
        QSqlQuery q(m_cache.connection().database());
        QVERIFY(q.exec(QStringLiteral("SELECT id, stage_entered_at, sla_paused_seconds, awaiting_partner_since, "
                                      "review_approved_by FROM submissions WHERE id IN ('q01','q02','q04') ORDER BY id")));
        QVERIFY(q.next());
        QCOMPARE(q.value(1).toString(), JsonReader::formatTimestamp(QueueFixture::daysAgo(2)));
        QCOMPARE(q.value(2).toLongLong(), 12 * 3600);
        QVERIFY(q.value(3).isNull());
        QVERIFY(q.next());
        QCOMPARE(q.value(2).toLongLong(), 0);
        QCOMPARE(q.value(3).toString(), JsonReader::formatTimestamp(QueueFixture::daysAgo(8)));
        QVERIFY(q.next());
        QCOMPARE(q.value(1).toString(), JsonReader::formatTimestamp(QueueFixture::daysAgo(4)));
        QCOMPARE(q.value(4).toString(), QStringLiteral("u_alice"));
    }

    // The feed moving a submission to another stage restarts its clock.
    void theFeedRestartsTheStageClock()
    {
        Cache cache;
        QVERIFY(ok(cache.open(m_dir.filePath(QStringLiteral("feed.sqlite")))));
        Submission sub = QueueFixture::submissions().at(0);
        QVERIFY(ok(cache.submissions().store(sub)));
        SubmissionSummary moved = sub.summary;
        moved.version = 3;
        moved.updatedAt = QueueFixture::daysAgo(0.5);
        QVERIFY(ok(cache.submissions().applyFeedPage({moved}, QStringLiteral("c1"))));
        const QueueContext c = QueueFixture::context(QStringLiteral("u_alice"), {QStringLiteral("reviewer")});
        QueueQuery query(cache.connection());
        QueueQuery::Row row = ok(query.rows({}, c, {}, {sub.summary.id})).value(0);
        QCOMPARE(row.stageEnteredAt, QueueFixture::daysAgo(2)); // same stage: kept
        QCOMPARE(row.slaPausedSeconds, 12 * 3600);
        moved.stage = SubmissionSummary::Stage::Security;
        moved.version = 4;
        QVERIFY(ok(cache.submissions().applyFeedPage({moved}, QStringLiteral("c2"))));
        row = ok(query.rows({}, c, {}, {sub.summary.id})).value(0);
        QCOMPARE(row.stageEnteredAt, moved.updatedAt);
        QCOMPARE(row.slaPausedSeconds, 0);
    }

    // A cache of schema 6 gets its facts from what it holds.
    void migratesSchemaSixWithFacts()
    {
        QTemporaryDir schemaSix;
        for (const char *name : {"001_initial.sql", "002_contentless_search.sql", "003_sync_indexes.sql",
                                 "004_evidence_refused.sql", "005_review.sql", "006_findings.sql"}) {
            const QString file = QString::fromLatin1(name);
            QVERIFY(QFile::copy(QStringLiteral(":/assay/sql/") + file, schemaSix.filePath(file)));
        }
        const QString path = m_dir.filePath(QStringLiteral("six.sqlite"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v6"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QVERIFY(ok(Migrations::migrate(db, schemaSix.path())));
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO submissions (num, id, version, app_id, app_name, partner_id, partner_name, "
                "questionnaire_version, status, stage, assignee, submitted_at, updated_at, details_updated_at) VALUES "
                "(1, 's_1', 3, 'a_1', 'Ledgerly', 'p_1', 'Acme', '2026.1', 'in_review', 'security', 'u_bob', "
                "'2026-11-01T00:00:00Z', '2026-11-05T00:00:00Z', '2026-11-05T00:00:00Z')")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO history (submission_id, seq, at, actor, action) VALUES "
                                          "('s_1', 0, '2026-11-01T00:00:00Z', 'p_1', 'submitted'), "
                                          "('s_1', 1, '2026-11-04T00:00:00Z', 'u_bob', 'approved_review')")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO verdicts (submission_id, seq, stage, decision, by_user, at, version, json) "
                                          "VALUES ('s_1', 0, 'review', 'approve', 'u_bob', '2026-11-04T00:00:00Z', 2, '{}')")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO comments (id, submission_id, author, visibility, body, created_at, "
                                          "from_party) VALUES ('c1', 's_1', 'u_sam', 'partner', 'Why?', "
                                          "'2026-11-04T12:00:00Z', 'marketplace')")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v6"));
        Cache cache;
        QVERIFY(ok(cache.open(path)));
        QSqlQuery q(cache.connection().database());
        QVERIFY(q.exec(QStringLiteral("SELECT stage_entered_at, awaiting_partner_since, review_approved_by, "
                                      "details_updated_at IS NULL FROM submissions")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("2026-11-04T00:00:00Z"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("2026-11-04T12:00:00Z"));
        QCOMPARE(q.value(2).toString(), QStringLiteral("u_bob"));
        QCOMPARE(q.value(3).toBool(), true); // open: its details are fetched again
    }

    // The views' queries use their indexes: no full scan of submissions for
    // the default sort of the big views.
    void viewsUseIndexes_data()
    {
        QTest::addColumn<int>("view");
        for (SavedView v : {SavedView::MyQueue, SavedView::Unassigned, SavedView::ReviewStage, SavedView::DueForRevalidation,
                            SavedView::Locked, SavedView::Decided, SavedView::All})
            QTest::newRow(qPrintable(savedViewKey(v))) << int(v);
    }

    void viewsUseIndexes()
    {
        QFETCH(int, view);
        QueueFilter f = this->view(SavedView(view));
        const QueueContext c = QueueFixture::context(QStringLiteral("u_alice"), {QStringLiteral("reviewer")});
        QueueQuery query(m_cache.connection());
        const QString plan = ok(query.explain(f, c, {}));
        QVERIFY2(!plan.contains(QStringLiteral("USE TEMP B-TREE FOR ORDER BY")), qPrintable(plan));
        QVERIFY2(plan.contains(QStringLiteral("INDEX")), qPrintable(plan));
    }
};

QTEST_GUILESS_MAIN(TestQueueQuery)
#include "tst_queuequery.moc"
