#include "common/ResultCheck.h"
#include "common/TestData.h"
#include "models/Cache.h"
#include "models/SubmissionStore.h"
#include "models/QueueModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace assay;
using test::ok;

class TestQueueModel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void showsCachedSubmissionsNewestFirst()
    {
        Cache cache;
        QVERIFY(ok(cache.open(m_dir.filePath(QStringLiteral("a.sqlite")))));
        QueueModel model(&cache);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        for (int i = 0; i < 12; ++i)
            QVERIFY(ok(cache.submissions().store(test::submission(i))));
        model.reload();
        QCOMPARE(model.rowCount(), 12);
        QCOMPARE(model.columnCount(), int(QueueModel::ColumnCount));
        QCOMPARE(model.index(0, 0).data(QueueModel::IdRole).toString(), QStringLiteral("s_00011"));
        QCOMPARE(model.index(0, QueueModel::AppColumn).data().toString(), QStringLiteral("Invoice Ninja Sync 11"));
        QCOMPARE(model.index(0, QueueModel::StatusColumn).data().toString(), QStringLiteral("In review"));
        QCOMPARE(model.index(1, QueueModel::AssigneeColumn).data().toString(), QStringLiteral("u_alice"));
        QCOMPARE(model.index(2, QueueModel::AssigneeColumn).data().toString(), QStringLiteral("Unassigned"));
        QCOMPARE(model.headerData(QueueModel::PartnerColumn, Qt::Horizontal).toString(), QStringLiteral("Partner"));
        QCOMPARE(model.indexOfId(QStringLiteral("s_00003")).row(), 8);
    }

    void refreshesJustTheChangedRows()
    {
        Cache cache;
        QVERIFY(ok(cache.open(m_dir.filePath(QStringLiteral("c.sqlite")))));
        for (int i = 0; i < 5; ++i)
            QVERIFY(ok(cache.submissions().store(test::submission(i))));
        QueueModel model(&cache);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        // One changes, two arrive.
        SubmissionSummary s2 = test::summary(2, 5);
        s2.status = SubmissionSummary::Status::Rejected;
        QVERIFY(ok(cache.submissions().applyFeedPage({s2, test::summary(7), test::summary(8)}, QStringLiteral("c"))));
        model.refreshIds({s2.id, test::summary(7).id, test::summary(8).id, QStringLiteral("s_gone")});
        QCOMPARE(reset.count(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 7);
        QCOMPARE(model.index(model.indexOfId(s2.id).row(), QueueModel::StatusColumn).data().toString(), QStringLiteral("Rejected"));
        QVERIFY(model.indexOfId(test::summary(8).id).isValid());
        // Under a search, new rows appear only when they match.
        model.setSearchText(QStringLiteral("helpdesk"));
        const int matching = model.rowCount();
        QVERIFY(ok(cache.submissions().applyFeedPage({test::summary(13), test::summary(14)}, QStringLiteral("d")))); // 13: Helpdesk
        model.refreshIds({test::summary(13).id, test::summary(14).id});
        QCOMPARE(model.rowCount(), matching + 1);
        QCOMPARE(model.totalCount(), 9);
    }

    void searchNarrowsAndClears()
    {
        Cache cache;
        QVERIFY(ok(cache.open(m_dir.filePath(QStringLiteral("b.sqlite")))));
        for (int i = 0; i < 10; ++i)
            QVERIFY(ok(cache.submissions().store(test::submission(i))));
        QueueModel model(&cache);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setSearchText(QStringLiteral("helpdesk"));
        QCOMPARE(model.rowCount(), 2); // 3 and 8
        QCOMPARE(reset.count(), 1);
        model.setSearchText(QStringLiteral("helpdesk")); // unchanged: no reset
        QCOMPARE(reset.count(), 1);
        model.setSearchText(QStringLiteral("no-such-thing"));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.totalCount(), 10);
        model.setSearchText(QString());
        QCOMPARE(model.rowCount(), 10);
    }
};

QTEST_GUILESS_MAIN(TestQueueModel)
#include "tst_queuemodel.moc"
