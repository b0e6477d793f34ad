#include "common/ResultCheck.h"
#include "domain/SqliteHandle.h"
#include "models/SqliteStatement.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace assay;

class TestSqliteStatement : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QSqlDatabase m_db;
    sqlite3 *m_handle = nullptr;

private Q_SLOTS:
    void initTestCase()
    {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("t"));
        m_db.setDatabaseName(m_dir.filePath(QStringLiteral("t.sqlite")));
        QVERIFY(m_db.open());
        const Result<sqlite3 *> handle = SqliteHandle::of(m_db);
        QVERIFY2(handle, qPrintable(handle.errorString()));
        m_handle = *handle;
        QSqlQuery q(m_db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE t (k INTEGER PRIMARY KEY, s TEXT, n INTEGER, u TEXT NOT NULL UNIQUE)")));
    }

    void cleanupTestCase()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("t"));
    }

    void refusesAClosedConnection()
    {
        QSqlDatabase closed = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("closed"));
        const Result<sqlite3 *> handle = SqliteHandle::of(closed);
        QVERIFY(!handle);
        QVERIFY2(handle.error().message.contains(QStringLiteral("not an open")), qPrintable(handle.error().message));
        closed = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("closed"));
    }

    void badSqlSaysWhy()
    {
        SqliteStatement st;
        const Result<> prepared = st.prepare(m_handle, "INSERT INTO nowhere VALUES (1)");
        QVERIFY(!prepared);
        QVERIFY2(prepared.error().message.contains(QStringLiteral("nowhere")), qPrintable(prepared.error().message));
        QVERIFY(!st.isPrepared());
    }

    // Values go in and come back as the Qt SQL layer reads them: NULL stays
    // NULL, an empty string stays '' (a NOT NULL column takes it), text is
    // UTF-8 whatever it holds.
    void valuesRoundTrip()
    {
        SqliteStatement insert;
        QVERIFY(insert.prepare(m_handle, "INSERT INTO t (k, s, n, u) VALUES (?, ?, ?, ?) RETURNING k * 10"));
        const QString text = QStringLiteral("ünï ✓ \U0001F512 \"quoted\" ; DROP TABLE t; --");
        insert.bind(1, qint64(1));
        insert.bind(2, text);
        insert.bind(3, QVariant(qint64(1) << 40));
        insert.bind(4, QStringLiteral(""));
        QVERIFY(test::ok(insert.step()));
        QCOMPARE(insert.columnInt64(0), 10);
        insert.reset();
        insert.bind(1, qint64(2));
        insert.bind(2, QString());
        insert.bind(3, QVariant());
        insert.bind(4, QStringLiteral("second"));
        QVERIFY(test::ok(insert.step()));
        insert.reset();

        QSqlQuery q(m_db);
        QVERIFY(q.exec(QStringLiteral("SELECT s, n, u, typeof(s), typeof(u) FROM t ORDER BY k")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), text);
        QCOMPARE(q.value(1).toLongLong(), qint64(1) << 40);
        QCOMPARE(q.value(2).toString(), QString());
        QCOMPARE(q.value(4).toString(), QStringLiteral("text"));
        QVERIFY(q.next());
        QVERIFY(q.value(0).isNull());
        QVERIFY(q.value(1).isNull());
        QCOMPARE(q.value(3).toString(), QStringLiteral("null"));

        SqliteStatement select;
        QVERIFY(select.prepare(m_handle, "SELECT s FROM t WHERE k = ?"));
        select.bind(1, qint64(1));
        QVERIFY(test::ok(select.step()));
        QCOMPARE(select.columnText(0), text);
        const Result<bool> more = select.step();
        QVERIFY(more);
        QVERIFY(!*more); // one row only
        select.reset();
    }

    // A failed step says why, and the statement serves again after it.
    void constraintFailureIsReportedAndRecoverable()
    {
        SqliteStatement insert;
        QVERIFY(insert.prepare(m_handle, "INSERT INTO t (k, u) VALUES (?, ?)"));
        insert.bind(1, qint64(10));
        insert.bind(2, QStringLiteral("dup"));
        QVERIFY(insert.exec());
        insert.bind(1, qint64(11));
        insert.bind(2, QStringLiteral("dup"));
        Result<> ran = insert.exec();
        QVERIFY(!ran);
        QVERIFY2(ran.error().message.contains(QStringLiteral("UNIQUE")), qPrintable(ran.error().message));
        insert.bind(1, qint64(11));
        insert.bind(2, QString()); // NOT NULL
        ran = insert.exec();
        QVERIFY(!ran);
        QVERIFY2(ran.error().message.contains(QStringLiteral("NOT NULL")), qPrintable(ran.error().message));
        insert.bind(1, qint64(11));
        insert.bind(2, QStringLiteral("fine"));
        ran = insert.exec();
        QVERIFY2(ran, qPrintable(ran.errorString()));
    }
};

QTEST_GUILESS_MAIN(TestSqliteStatement)
#include "tst_sqlitestatement.moc"
