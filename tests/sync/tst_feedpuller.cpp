#include "models/SubmissionStore.h"
#include "common/ResultCheck.h"
#include "PartFixture.h"
#include "sync/FeedPuller.h"

using namespace assay;
using namespace assay::test;
using namespace Qt::StringLiterals;

// FeedPuller alone: the change feed, page by page, each page stored with
// its cursor.
class TestFeedPuller : public QObject
{
    Q_OBJECT

    PartTemplate m_template;

private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(m_template.make(), QString());
    }

    void pagesAreStoredWithTheirCursor()
    {
        PartFixture f(m_template.path);
        QVERIFY(f.ok());
        QCOMPARE(test::ok(f.cache.submissions().feedCursor()), QString());
        FeedPuller feed(f.cache, f.client, f.cycle, 2);
        QSignalSpy done(&feed, &FeedPuller::done);
        QSignalSpy stopped(&f.cycle, &SyncCycle::stopRequested);
        QSignalSpy changed(&f.cycle, &SyncCycle::submissionsChanged);
        feed.start();
        QVERIFY2(PartFixture::wait(done, stopped), qPrintable(stopped.value(0).value(0).toString()));
        // Six submissions in pages of two.
        QCOMPARE(f.cycle.report().summaries, PartFixture::Submissions);
        QCOMPARE(f.cycle.report().pages, 3);
        QCOMPARE(test::ok(f.cache.submissions().count()), PartFixture::Submissions);
        QStringList ids;
        for (const auto &call : changed)
            ids += call.at(0).toStringList();
        ids.sort();
        QCOMPARE(ids, (QStringList{u"s_00001"_s, u"s_00002"_s, u"s_00003"_s, u"s_00004"_s, u"s_00005"_s, u"s_00006"_s}));
        const QString cursor = test::ok(f.cache.submissions().feedCursor());
        QVERIFY(!cursor.isEmpty());

        // Nothing new: one page that says so, from the stored cursor.
        f.cycle.begin();
        QSignalSpy again(&feed, &FeedPuller::done);
        QSignalSpy served(&f.market.api(), &server::ApiServer::requestServed);
        feed.start();
        QVERIFY(PartFixture::wait(again, stopped));
        QCOMPARE(f.cycle.report().pages, 1);
        QCOMPARE(f.cycle.report().summaries, 0);
        QCOMPARE(served.size(), 1);
    }

    void aRefusedTokenStopsTheCycle()
    {
        PartFixture f(m_template.path, 4, u"revoked"_s);
        QVERIFY(f.ok());
        FeedPuller feed(f.cache, f.client, f.cycle, 2);
        QSignalSpy done(&feed, &FeedPuller::done);
        QSignalSpy stopped(&f.cycle, &SyncCycle::stopRequested);
        feed.start();
        QVERIFY(!PartFixture::wait(done, stopped));
        QVERIFY(f.cycle.report().tokenRejected);
        QVERIFY2(stopped.first().at(0).toString().contains(u"401"_s), qPrintable(stopped.first().at(0).toString()));
        QCOMPARE(test::ok(f.cache.submissions().feedCursor()), QString());
    }
};

QTEST_MAIN(TestFeedPuller)
#include "tst_feedpuller.moc"
