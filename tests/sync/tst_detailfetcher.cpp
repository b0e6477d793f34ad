#include "models/SubmissionStore.h"
#include "common/ResultCheck.h"
#include "PartFixture.h"
#include "sync/CacheWriter.h"
#include "sync/DetailFetcher.h"

using namespace assay;
using namespace assay::test;
using namespace Qt::StringLiterals;

// DetailFetcher alone: the details of what changed, the opened submission
// first, stored by the CacheWriter's thread.
class TestDetailFetcher : public QObject
{
    Q_OBJECT

    PartTemplate m_template;

private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(m_template.make(), QString());
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
