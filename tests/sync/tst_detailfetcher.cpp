#include "models/SubmissionStore.h"
#include "common/ResultCheck.h"
#include "models/CacheConnection.h"
#include "PartFixture.h"
#include "sync/CacheWriter.h"
#include "sync/DetailFetcher.h"

#include <QSqlDatabase>
#include <QSqlQuery>

using namespace assay;
using namespace assay::test;
using namespace Qt::StringLiterals;

// DetailFetcher alone: the details of what changed, the opened submission
// first, stored by the CacheWriter's thread.
class TestDetailFetcher : public QObject
{
    Q_OBJECT

    PartTemplate m_template;
    // Enough submissions for resubmissions and revalidations that are open.
    static constexpr int Many = 24;
    QTemporaryDir m_manyDir;
    QString m_many = m_manyDir.filePath(u"many.sqlite"_s);

private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(m_template.make(), QString());
        QCOMPARE(LoopbackMarketplace::makeTemplate(m_many, Many), QString());
    }

    void detailsAreFetchedAndStoredThePriorityFirst()
    {
        // One request at a time: the order is the fetcher's.
        PartFixture f(m_template.path, 1);
        QVERIFY(f.ok());
        QVERIFY(f.storeSummaries());
        QCOMPARE(test::ok(f.cache.submissions().needingDetails()).size(), PartFixture::Submissions);
        CacheWriter writer(f.profile.cachePath());
        DetailFetcher details(f.cache, f.client, f.cycle, writer);
        details.prioritize(u"s_00005"_s);
        QSignalSpy drained(&details, &DetailFetcher::drained);
        QSignalSpy stored(&details, &DetailFetcher::stored);
        QSignalSpy stopped(&f.cycle, &SyncCycle::stopRequested);
        QSignalSpy served(&f.market.api(), &server::ApiServer::requestServed);
        details.start();
        QVERIFY(details.isActive());
        QVERIFY2(PartFixture::wait(drained, stopped), qPrintable(stopped.value(0).value(0).toString()));
        QVERIFY(!details.isActive());
        QVERIFY(!details.isStoring());
        QCOMPARE(served.first().at(1).toString(), u"/api/v1/submissions/s_00005"_s);
        QCOMPARE(served.size(), PartFixture::Submissions);
        // The opened one is stored at once, in a batch of its own.
        QCOMPARE(stored.first().at(0).toStringList(), QStringList{u"s_00005"_s});
        QCOMPARE(f.cycle.report().details, PartFixture::Submissions);
        QVERIFY(f.cycle.report().problems.isEmpty());
        QVERIFY(test::ok(f.cache.submissions().needingDetails()).isEmpty());
        QCOMPARE(test::ok(f.cache.submissions().submission(u"s_00003"_s)), f.market.store().submission(u"s_00003"_s));
    }

    // An open submission is compared with its previous one: the previous
    // comes right after the opened one, and one the feed did not bring (no
    // row in the cache) is fetched by id.
    void thePreviousSubmissionComesWithTheOpenedOne()
    {
        PartFixture f(m_many, 1);
        QVERIFY(f.ok());
        QVERIFY(f.storeSummaries());
        QString open, previous;
        for (const SubmissionSummary &s : test::ok(f.cache.submissions().summaries())) {
            if (s.isOpen() && s.previousSubmissionId) {
                open = s.id;
                previous = *s.previousSubmissionId;
            }
        }
        QVERIFY2(!open.isEmpty(), "the seeded marketplace has an open submission with a previous one");
        // The feed has not brought the previous one.
        {
            QSqlQuery q(f.cache.connection().database());
            q.prepare(u"DELETE FROM submissions WHERE id = ?"_s);
            q.addBindValue(previous);
            QVERIFY(q.exec());
            QCOMPARE(q.numRowsAffected(), 1);
        }
        QCOMPARE(test::ok(f.cache.submissions().missingPrevious()), QStringList{previous});
        QVERIFY(!test::ok(f.cache.submissions().needingDetails()).contains(previous));

        CacheWriter writer(f.profile.cachePath());
        DetailFetcher details(f.cache, f.client, f.cycle, writer);
        details.prioritize(open);
        QSignalSpy drained(&details, &DetailFetcher::drained);
        QSignalSpy stopped(&f.cycle, &SyncCycle::stopRequested);
        QSignalSpy served(&f.market.api(), &server::ApiServer::requestServed);
        details.start();
        QVERIFY2(PartFixture::wait(drained, stopped), qPrintable(stopped.value(0).value(0).toString()));
        QVERIFY(served.size() >= 2);
        QCOMPARE(served.at(0).at(1).toString(), u"/api/v1/submissions/"_s + open);
        QCOMPARE(served.at(1).at(1).toString(), u"/api/v1/submissions/"_s + previous);
        QCOMPARE(served.size(), Many);
        const std::optional<Submission> stored = test::ok(f.cache.submissions().submission(previous));
        QVERIFY(stored);
        QCOMPARE(*stored, f.market.store().submission(previous));
        QVERIFY(test::ok(f.cache.submissions().missingPrevious()).isEmpty());
        QVERIFY(test::ok(f.cache.submissions().needingDetails()).isEmpty());
    }

    // Open submissions need their details first, then the ones they are
    // compared with, then the rest.
    void openSubmissionsAndTheirPreviousOnesComeFirst()
    {
        PartFixture f(m_many, 1);
        QVERIFY(f.ok());
        QVERIFY(f.storeSummaries());
        const QList<SubmissionSummary> all = test::ok(f.cache.submissions().summaries());
        QSet<QString> open, previous;
        for (const SubmissionSummary &s : all) {
            if (s.isOpen()) {
                open.insert(s.id);
                if (s.previousSubmissionId)
                    previous.insert(*s.previousSubmissionId);
            }
        }
        const QStringList order = test::ok(f.cache.submissions().needingDetails());
        QCOMPARE(order.size(), all.size());
        const auto rank = [&](const QString &id) { return open.contains(id) ? 0 : previous.contains(id) ? 1 : 2; };
        for (qsizetype i = 1; i < order.size(); ++i)
            QVERIFY2(rank(order.at(i - 1)) <= rank(order.at(i)), qPrintable(order.join(u' ')));
        QVERIFY(!open.isEmpty());
        QVERIFY(!previous.isEmpty());
        QVERIFY(rank(order.last()) == 2);
    }

    // Requests left to the evidence beside the details are not used.
    void reservedSlotsAreLeftFree_data()
    {
        QTest::addColumn<int>("reserved");
        QTest::addColumn<bool>("slotFree");
        QTest::newRow("none reserved: all three go") << 0 << false;
        QTest::newRow("two reserved: one goes") << 2 << true;
    }

    void reservedSlotsAreLeftFree()
    {
        QFETCH(int, reserved);
        QFETCH(bool, slotFree);
        PartFixture f(m_template.path, 3);
        QVERIFY(f.ok());
        QVERIFY(f.storeSummaries());
        CacheWriter writer(f.profile.cachePath());
        DetailFetcher details(f.cache, f.client, f.cycle, writer);
        details.setReservedSlots([reserved] { return qsizetype(reserved); });
        QSignalSpy drained(&details, &DetailFetcher::drained);
        QSignalSpy stopped(&f.cycle, &SyncCycle::stopRequested);
        details.start();
        QCOMPARE(f.cycle.hasFreeSlot(), slotFree);
        QVERIFY(PartFixture::wait(drained, stopped));
        QCOMPARE(f.cycle.report().details, PartFixture::Submissions);
    }
};

QTEST_MAIN(TestDetailFetcher)
#include "tst_detailfetcher.moc"
