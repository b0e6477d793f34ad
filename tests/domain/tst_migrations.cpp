#include "domain/Migrations.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace assay;

// The schema runner: each file whole through SQLite's own parser, one
// transaction per version with PRAGMA user_version.
class TestMigrations : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;

    // A folder of migration files, name -> SQL.
    QString schema(const QList<std::pair<QString, QByteArray>> &files)
    {
        const QString dir = m_dir.filePath(QStringLiteral("schema-%1").arg(++m_n));
        if (!QDir().mkpath(dir))
            return {};
        for (const auto &[name, sql] : files) {
            QFile f(dir + QLatin1Char('/') + name);
            if (!f.open(QIODevice::WriteOnly) || f.write(sql) != sql.size())
                return {};
        }
        return dir;
    }

    QSqlDatabase open()
    {
        const QString name = QStringLiteral("db-%1").arg(++m_n);
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_dir.filePath(name + QStringLiteral(".sqlite")));
        if (!db.open())
            qWarning("cannot open %s: %s", qPrintable(name), qPrintable(db.lastError().text())); // the test's checks fail next
        return db;
    }

    static QVariant one(QSqlDatabase &db, const QString &sql)
    {
        QSqlQuery q(db);
        return q.exec(sql) && q.next() ? q.value(0) : QVariant();
    }

    static QStringList column(QSqlDatabase &db, const QString &sql)
    {
        QStringList values;
        QSqlQuery q(db);
        if (!q.exec(sql))
            return {QStringLiteral("<failed>")};
        while (q.next())
            values.append(q.value(0).toString());
        return values;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // The hand-written splitter this replaced cut statements at every ';'
    // that ended a line: inside a trigger's body, and inside a string.
    void triggersAndLiteralsAreWhatSQLiteSays()
    {
        const QString dir = schema({{QStringLiteral("001_first.sql"), QByteArrayLiteral(
            "-- A comment; with a semicolon\n"
            "CREATE TABLE t (id INTEGER PRIMARY KEY, note TEXT NOT NULL);\n"
            "CREATE TABLE log (what TEXT NOT NULL);\n"
            "CREATE TRIGGER t_logged AFTER INSERT ON t\n"
            "BEGIN\n"
            "    INSERT INTO log (what) VALUES ('inserted;');\n"
            "    INSERT INTO log (what) VALUES (NEW.note);\n"
            "END;\n"
            "INSERT INTO t (note) VALUES ('first line;\n"
            "second line');\n")}});
        QVERIFY(!dir.isEmpty());
        QSqlDatabase db = open();
        QVERIFY(db.isOpen());
        const Result<> migrated = Migrations::migrate(db, dir);
        QVERIFY2(migrated, qPrintable(migrated.errorString()));
        QCOMPARE(one(db, QStringLiteral("PRAGMA user_version")).toInt(), 1);
        QCOMPARE(Migrations::currentVersion(db).value_or(-1), 1);
        QCOMPARE(column(db, QStringLiteral("SELECT note FROM t")), QStringList{QStringLiteral("first line;\nsecond line")});
        QCOMPARE(column(db, QStringLiteral("SELECT what FROM log ORDER BY rowid")),
                 (QStringList{QStringLiteral("inserted;"), QStringLiteral("first line;\nsecond line")}));
        // The trigger is whole: it fires for later rows too.
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("INSERT INTO t (note) VALUES ('later')")));
        QCOMPARE(one(db, QStringLiteral("SELECT count(*) FROM log")).toInt(), 4);
        QCOMPARE(column(db, QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'trigger'")),
                 QStringList{QStringLiteral("t_logged")});
        // Run again: nothing to do, nothing done twice.
        QVERIFY(Migrations::migrate(db, dir));
        QCOMPARE(one(db, QStringLiteral("SELECT count(*) FROM t")).toInt(), 2);
    }

    // One transaction per version: a failing file leaves the version before
    // it whole, and none of its own statements.
    void aFailedVersionLeavesThePreviousIntact()
    {
        const QString dir = schema({{QStringLiteral("001_a.sql"), QByteArrayLiteral("CREATE TABLE a (x TEXT);\n")},
                                    {QStringLiteral("002_b.sql"), QByteArrayLiteral("CREATE TABLE b (y TEXT);\n"
                                                                                    "INSERT INTO missing VALUES (1);\n")}});
        QSqlDatabase db = open();
        const Result<> migrated = Migrations::migrate(db, dir);
        QVERIFY(!migrated);
        QVERIFY2(migrated.error().message.contains(QStringLiteral("migration 2 failed")), qPrintable(migrated.error().message));
        QVERIFY2(migrated.error().message.contains(QStringLiteral("missing")), qPrintable(migrated.error().message));
        QCOMPARE(one(db, QStringLiteral("PRAGMA user_version")).toInt(), 1);
        QCOMPARE(column(db, QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")),
                 QStringList{QStringLiteral("a")});
    }

    void refusesANewerDatabase()
    {
        const QString dir = schema({{QStringLiteral("001_a.sql"), QByteArrayLiteral("CREATE TABLE a (x TEXT);")}});
        QSqlDatabase db = open();
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 4")));
        const Result<> migrated = Migrations::migrate(db, dir);
        QVERIFY(!migrated);
        QVERIFY2(migrated.error().message.contains(QStringLiteral("schema version 4")), qPrintable(migrated.error().message));
        QCOMPARE(one(db, QStringLiteral("PRAGMA user_version")).toInt(), 4);
        QCOMPARE(one(db, QStringLiteral("SELECT count(*) FROM sqlite_schema")).toInt(), 0);
    }

    void refusesAGapInTheFiles()
    {
        const QString dir = schema({{QStringLiteral("001_a.sql"), QByteArrayLiteral("CREATE TABLE a (x TEXT);")},
                                    {QStringLiteral("003_c.sql"), QByteArrayLiteral("CREATE TABLE c (x TEXT);")}});
        QCOMPARE(Migrations::latestVersion(dir), 2);
        QSqlDatabase db = open();
        const Result<> migrated = Migrations::migrate(db, dir);
        QVERIFY(!migrated);
        QCOMPARE(migrated.error().message, QStringLiteral("migration files out of order at 003_c.sql"));
        QCOMPARE(one(db, QStringLiteral("PRAGMA user_version")).toInt(), 1);
    }

    // The last statement of a file needs no ';', and a trailing comment
    // does not swallow the version.
    void aFileMayEndWithoutSemicolonOrInAComment()
    {
        const QString dir = schema({{QStringLiteral("001_a.sql"), QByteArrayLiteral("CREATE TABLE a (x TEXT)")},
                                    {QStringLiteral("002_b.sql"), QByteArrayLiteral("CREATE TABLE b (x TEXT); -- done")}});
        QSqlDatabase db = open();
        const Result<> migrated = Migrations::migrate(db, dir);
        QVERIFY2(migrated, qPrintable(migrated.errorString()));
        QCOMPARE(one(db, QStringLiteral("PRAGMA user_version")).toInt(), 2);
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
