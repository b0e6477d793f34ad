#include "common/ResultCheck.h"
#include "common/TestData.h"
#include "models/Cache.h"
#include "models/CacheConnection.h"
#include "models/SearchIndex.h"
#include "models/SubmissionStore.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace assay;
using test::ok;

// The full-text index: what it finds, that it follows what is stored, and
// its row-id scheme.
class TestSearchIndex : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;

    QString freshPath() { return m_dir.filePath(QStringLiteral("cache-%1.sqlite").arg(++m_n)); }

    // The index's row ids that hold `word`, as SQLite reads them.
    static QList<qint64> rowsHolding(Cache &cache, const QString &word)
    {
        QList<qint64> rows;
        QSqlQuery q(cache.connection().database());
        q.prepare(QStringLiteral("SELECT rowid FROM search WHERE search MATCH ? ORDER BY rowid"));
        q.addBindValue(word);
        if (!q.exec())
            return {-1};
        while (q.next())
            rows.append(q.value(0).toLongLong());
        return rows;
    }

    static qint64 numOf(Cache &cache, const QString &id)
    {
        QSqlQuery q(cache.connection().database());
        q.prepare(QStringLiteral("SELECT num FROM submissions WHERE id = ?"));
        q.addBindValue(id);
        return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    // Names at 2 * num, answers at 2 * num + 1 (migration 002 wrote the
    // same numbers; they are part of the schema).
    void rowIdScheme()
    {
        QCOMPARE(SearchIndex::namesRow(5), 10);
        QCOMPARE(SearchIndex::answersRow(5), 11);
        Cache cache;
        QVERIFY(ok(cache.open(freshPath())));
        QVERIFY(ok(cache.submissions().applyFeedPage({test::summary(1), test::summary(2)}, QStringLiteral("c"))));
        Submission s = test::submission(2);
        s.summary.appName = QStringLiteral("Quillfeather");
        s.answers[0].text = QStringLiteral("okapi");
        QVERIFY(ok(cache.submissions().store(s)));
        const qint64 num = numOf(cache, s.summary.id);
        QCOMPARE(num, 2);
        QCOMPARE(rowsHolding(cache, QStringLiteral("quillfeather")), QList<qint64>{4});
        QCOMPARE(rowsHolding(cache, QStringLiteral("okapi")), QList<qint64>{5});
        QCOMPARE(ok(cache.search().find(QStringLiteral("okapi"))), QStringList{QStringLiteral("s_00002")});
    }

    void findsPrefixesAcrossFields()
    {
        Cache cache;
        QVERIFY(ok(cache.open(freshPath())));
        for (int i = 0; i < 20; ++i)
            QVERIFY(ok(cache.submissions().store(test::submission(i))));
        SearchIndex &search = cache.search();
        QCOMPARE(ok(search.find(QStringLiteral("timesh pro"))).size(), 4); // apps 0,5,10,15
        QCOMPARE(ok(search.find(QStringLiteral("roentgen"))), QStringList());
        QCOMPARE(ok(search.find(QStringLiteral("rontgen"))).size(), 4); // diacritics folded
        QCOMPARE(ok(search.find(QStringLiteral("Röntg"))).size(), 4); // a word with them stays one word
        QCOMPARE(ok(search.find(QStringLiteral("CsrfViewMiddleware"))).size(), 20);
        QCOMPARE(ok(search.find(QStringLiteral("row-level"))).size(), 20);
        QCOMPARE(ok(search.find(QStringLiteral("kubernetes"))), QStringList());
        QCOMPARE(ok(search.find(QStringLiteral("row-level"), 3)).size(), 3);
    }

    // FTS5 syntax typed by a reviewer is text: every query succeeds, and
    // none finds what its words do not say.
    void typedSyntaxIsText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("hits");
        QTest::newRow("unbalanced quote") << QStringLiteral("\"unbalanced") << 0;
        QTest::newRow("operators") << QStringLiteral("NOT AND OR") << 0;
        QTest::newRow("column filter") << QStringLiteral("body:x*") << 0;
        QTest::newRow("parentheses") << QStringLiteral("((") << 0;
        QTest::newRow("dash only") << QStringLiteral("-") << 0;
        QTest::newRow("nothing") << QString() << 0;
        QTest::newRow("quoted word") << QStringLiteral("\"Timesheets\"") << 4;
        QTest::newRow("star and parenthesis") << QStringLiteral("(timesh*") << 4;
    }

    void typedSyntaxIsText()
    {
        QFETCH(QString, text);
        QFETCH(int, hits);
        Cache cache;
        QVERIFY(ok(cache.open(freshPath())));
        for (int i = 0; i < 20; ++i)
            QVERIFY(ok(cache.submissions().store(test::submission(i))));
        const Result<QStringList> found = cache.search().find(text);
        QVERIFY2(found, qPrintable(found.errorString()));
        QCOMPARE(found->size(), hits);
    }

    void followsReplacedAnswers()
    {
        Cache cache;
        QVERIFY(ok(cache.open(freshPath())));
        SearchIndex &search = cache.search();
        Submission s = test::submission(7);
        s.answers[0].text = QStringLiteral("quokka-specific wording");
        QVERIFY(ok(cache.submissions().store(s)));
        QCOMPARE(ok(search.find(QStringLiteral("quokka"))), QStringList{QStringLiteral("s_00007")});
        s.summary.version = 2;
        s.answers[0].text = QStringLiteral("wombat wording now");
        s.summary.appName = QStringLiteral("Zebracorn Ledger");
        QVERIFY(ok(cache.submissions().store(s)));
        QCOMPARE(ok(search.find(QStringLiteral("quokka"))), QStringList());
        QCOMPARE(ok(search.find(QStringLiteral("wombat"))), QStringList{QStringLiteral("s_00007")});
        // The names are indexed anew when the details bring new ones.
        QCOMPARE(ok(search.find(QStringLiteral("zebracorn"))), QStringList{QStringLiteral("s_00007")});
        QCOMPARE(ok(search.find(test::summary(7).appName)), QStringList());
        // No answers left: no answer entry left (the names still match).
        s.summary.version = 3;
        s.answers.clear();
        QVERIFY(ok(cache.submissions().store(s)));
        QCOMPARE(ok(search.find(QStringLiteral("wombat"))), QStringList());
        QCOMPARE(ok(search.find(QStringLiteral("Zebracorn Ledger"))), QStringList{QStringLiteral("s_00007")});
        QCOMPARE(rowsHolding(cache, QStringLiteral("zebracorn")), QList<qint64>{2 * numOf(cache, s.summary.id)});
        QCOMPARE(ok(cache.connection().integrityCheck()), QStringLiteral("ok"));
    }

    // Details arrive in any order; the index is written sorted by row id
    // (FTS5 wants ascending ids within a transaction), and every one is
    // found afterwards.
    void indexesABatchInAnyOrder()
    {
        Cache cache;
        QVERIFY(ok(cache.open(freshPath())));
        QList<SubmissionSummary> summaries;
        for (int i = 0; i < 30; ++i)
            summaries.append(test::summary(i));
        QVERIFY(ok(cache.submissions().applyFeedPage(summaries, QStringLiteral("c"))));
        QList<Submission> batch;
        for (int i : {17, 3, 29, 0, 11, 28, 5, 22, 1, 14})
            batch.append(test::submission(i));
        for (Submission &s : batch)
            s.answers[0].text = QStringLiteral("marker%1x text").arg(s.summary.id.mid(2).toInt());
        QVERIFY(ok(cache.submissions().store(batch)));
        for (int i : {17, 3, 29, 0, 11, 28, 5, 22, 1, 14}) {
            const QString word = QStringLiteral("marker%1x").arg(i);
            QCOMPARE(ok(cache.search().find(word)), QStringList{QStringLiteral("s_%1").arg(i, 5, 10, QLatin1Char('0'))});
        }
        QCOMPARE(ok(cache.search().find(QStringLiteral("marker"))).size(), 10);
        QCOMPARE(ok(cache.connection().integrityCheck()), QStringLiteral("ok"));
    }
};

QTEST_GUILESS_MAIN(TestSearchIndex)
#include "tst_searchindex.moc"
