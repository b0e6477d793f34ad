#include "common/TestData.h"
#include "models/Cache.h"
#include "models/QueueModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace assay;

class TestQueueModel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void showsCachedSubmissionsNewestFirst()
    {
        Cache cache;
        QVERIFY(cache.open(m_dir.filePath(QStringLiteral("a.sqlite"))));
        QueueModel model(&cache);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        for (int i = 0; i < 12; ++i)
            QVERIFY(cache.storeSubmission(test::submission(i)));
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

    void searchNarrowsAndClears()
    {
        Cache cache;
        QVERIFY(cache.open(m_dir.filePath(QStringLiteral("b.sqlite"))));
        for (int i = 0; i < 10; ++i)
            QVERIFY(cache.storeSubmission(test::submission(i)));
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
