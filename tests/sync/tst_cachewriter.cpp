#include "common/TestData.h"
#include "common/ResultCheck.h"
#include "models/Cache.h"
#include "models/CacheConnection.h"
#include "models/SubmissionStore.h"
#include "sync/CacheWriter.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace assay;

class TestCacheWriter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;

    QString freshPath() { return m_dir.filePath(QStringLiteral("cache-%1.sqlite").arg(++m_n)); }

    static QList<Submission> batch(int first, int count)
    {
        QList<Submission> out;
        for (int i = first; i < first + count; ++i)
            out.append(test::submission(i));
        return out;
    }

private Q_SLOTS:
    // Batches are stored in order, in the writer's thread, and each is
    // reported with the ids it stored; readers on other connections see them.
    void storesBatchesInOrder()
    {
        const QString path = freshPath();
        CacheWriter writer(path);
        QSignalSpy spy(&writer, &CacheWriter::stored);
        writer.store(batch(0, 5));
        writer.store(batch(5, 3));
        writer.store({});
        QCOMPARE(writer.pending(), 2);
        QTRY_COMPARE(spy.size(), 2);
        QCOMPARE(writer.pending(), 0);
        QCOMPARE(spy.at(0).at(0).toStringList().size(), 5);
        QCOMPARE(spy.at(0).at(0).toStringList().first(), test::submission(0).summary.id);
        QCOMPARE(spy.at(1).at(0).toStringList(),
                 (QStringList{test::submission(5).summary.id, test::submission(6).summary.id, test::submission(7).summary.id}));
        QVERIFY(spy.at(1).at(1).toStringList().isEmpty());

        Cache reader;
        QVERIFY(test::ok(reader.open(path)));
        QCOMPARE(test::ok(reader.submissions().count()), 8);
        QCOMPARE(test::ok(reader.submissions().submission(test::submission(6).summary.id)), std::optional(test::submission(6)));
        QCOMPARE(test::ok(reader.submissions().needingDetails()), QStringList());
    }

    // One bad record costs only itself: the rest of its batch is stored and
    // the problem names it.
    void aBadRecordCostsOnlyItself()
    {
        const QString path = freshPath();
        CacheWriter writer(path);
        QSignalSpy spy(&writer, &CacheWriter::stored);
        QList<Submission> b = batch(20, 4);
        b[2].evidence[0].sha256 = QStringLiteral("not a digest"); // CHECK (length 64)
        writer.store(b);
        QTRY_COMPARE(spy.size(), 1);
        const QStringList ids = spy.at(0).at(0).toStringList();
        const QStringList problems = spy.at(0).at(1).toStringList();
        QCOMPARE(ids.size(), 3);
        QVERIFY(!ids.contains(b[2].summary.id));
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().contains(b[2].summary.id), qPrintable(problems.first()));
        Cache reader;
        QVERIFY(test::ok(reader.open(path)));
        QCOMPARE(test::ok(reader.submissions().count()), 3);
        QVERIFY(!test::ok(reader.submissions().summary(b[2].summary.id)));
    }

    // Destroying the writer stores what was queued first: nothing fetched is
    // dropped on the way out.
    void destructionDrainsTheQueue()
    {
        const QString path = freshPath();
        {
            CacheWriter writer(path);
            for (int i = 0; i < 6; ++i)
                writer.store(batch(100 + i * 10, 10));
        }
        Cache reader;
        QVERIFY(test::ok(reader.open(path)));
        QCOMPARE(test::ok(reader.submissions().count()), 60);
        QCOMPARE(test::ok(reader.connection().integrityCheck()), QStringLiteral("ok"));
    }

    // A cache that cannot be opened is reported per submission, not a crash.
    void anUnusableCacheIsReported()
    {
        const QString path = m_dir.filePath(QStringLiteral("no/such/dir/cache.sqlite"));
        CacheWriter writer(path);
        QSignalSpy spy(&writer, &CacheWriter::stored);
        writer.store(batch(0, 2));
        QTRY_COMPARE(spy.size(), 1);
        QVERIFY(spy.at(0).at(0).toStringList().isEmpty());
        QCOMPARE(spy.at(0).at(1).toStringList().size(), 2);
        QVERIFY(spy.at(0).at(1).toStringList().first().contains(QStringLiteral("could not be stored")));
    }
};

QTEST_GUILESS_MAIN(TestCacheWriter)
#include "tst_cachewriter.moc"
