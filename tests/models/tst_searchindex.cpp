#include "common/ResultCheck.h"
#include "common/TestData.h"
#include "models/Cache.h"
#include "models/CacheConnection.h"
#include "models/SearchIndex.h"
#include "models/SearchQuery.h"
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
        // Quoted as one term, FTS5 split it into two tokens: a phrase query,
        // which detail=none refused with an error.
        QTest::newRow("underscore") << QStringLiteral("foo_bar") << 0;
        QTest::newRow("near") << QStringLiteral("NEAR(rls policy, 2)") << 0;
        QTest::newRow("caret and colon") << QStringLiteral("^body:rls") << 0;
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

    // Comments are searched: stored with the details, and found.
    void findsComments()
    {
        Cache cache;
        QVERIFY(ok(cache.open(freshPath())));
        for (int i = 0; i < 6; ++i)
            QVERIFY(ok(cache.submissions().store(test::submission(i))));
        Submission s = test::submission(3);
        s.summary.version = 2;
        s.comments.append({QStringLiteral("c_walrus"), QStringLiteral("u_alice"), Comment::Visibility::Partner,
                           QStringLiteral("Please attach the Müller pentest report."), s.summary.submittedAt.addSecs(60)});
        QVERIFY(ok(cache.submissions().store(s)));
        QCOMPARE(ok(cache.search().find(QStringLiteral("pentest"))), QStringList{s.summary.id});
        QCOMPARE(ok(cache.search().find(QStringLiteral("muller"))), QStringList{s.summary.id}); // diacritics
        QCOMPARE(ok(cache.search().find(QStringLiteral("MÜLL"))), QStringList{s.summary.id});
        QCOMPARE(ok(cache.search().find(QStringLiteral("\"pentest report\""))), QStringList{s.summary.id});
        QCOMPARE(ok(cache.search().find(QStringLiteral("rls policy"))).size(), 6); // every test submission's comment
        // A comment and the app's name, in different entries, both count.
        QCOMPARE(ok(cache.search().find(QStringLiteral("pentest helpdesk"))), QStringList{s.summary.id});
        QCOMPARE(ok(cache.search().find(QStringLiteral("pentest payroll"))), QStringList());
    }

    // A cache from schema 7 had answers only in its text entries; schema 8
    // writes the entries of submissions with comments again.
    void migrationIndexesComments()
    {
        const QString path = freshPath();
        {
            Cache cache;
            QVERIFY(ok(cache.open(path)));
            Submission with = test::submission(1);
            with.comments.first().body = QStringLiteral("narwhal sighting");
            Submission without = test::submission(2);
            without.comments.clear();
            without.answers[0].text = QStringLiteral("okapi answer");
            QVERIFY(ok(cache.submissions().store({with, without})));
            // As schema 7 wrote it: the answers alone.
            QSqlQuery q(cache.connection().database());
            QVERIFY(q.exec(QStringLiteral("INSERT OR REPLACE INTO search (rowid, body) SELECT 2 * s.num + 1, "
                                          "group_concat(a.text, char(10) ORDER BY a.position) FROM answers a "
                                          "JOIN submissions s ON s.id = a.submission_id GROUP BY s.num")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 7")));
            QCOMPARE(ok(cache.search().find(QStringLiteral("narwhal"))), QStringList());
        }
        Cache cache;
        QVERIFY(ok(cache.open(path)));
        QCOMPARE(ok(cache.connection().schemaVersion()), 8);
        QCOMPARE(ok(cache.search().find(QStringLiteral("narwhal"))), QStringList{QStringLiteral("s_00001")});
        QCOMPARE(ok(cache.search().find(QStringLiteral("csrfview"))), QStringList{QStringLiteral("s_00001")}); // answers kept
        QCOMPARE(ok(cache.search().find(QStringLiteral("okapi"))), QStringList{QStringLiteral("s_00002")});
        QCOMPARE(ok(cache.connection().integrityCheck()), QStringLiteral("ok"));
    }

    // A phrase needs its words adjacent and in order: the index gives every
    // submission holding the words, the cached text decides.
    void phrases()
    {
        Cache cache;
        QVERIFY(ok(cache.open(freshPath())));
        QList<Submission> subs;
        const QStringList texts = {QStringLiteral("Data is encrypted at rest with AES."),
                                   QStringLiteral("At the moment we rest; encrypted later."),
                                   QStringLiteral("rest at ease"),
                                   QStringLiteral("Encrypted AT-REST, all of it.")};
        for (int i = 0; i < texts.size(); ++i) {
            Submission s = test::submission(i);
            s.answers[0].text = texts.at(i);
            subs.append(s);
        }
        QVERIFY(ok(cache.submissions().store(subs)));
        auto sorted = [](QStringList l) {
            l.sort();
            return l;
        };
        QCOMPARE(ok(cache.search().find(QStringLiteral("at rest"))).size(), 4);
        QCOMPARE(sorted(ok(cache.search().find(QStringLiteral("\"at rest\"")))),
                 (QStringList{QStringLiteral("s_00000"), QStringLiteral("s_00003")}));
        QCOMPARE(sorted(ok(cache.search().find(QStringLiteral("\"encrypted at rest\"")))),
                 (QStringList{QStringLiteral("s_00000"), QStringLiteral("s_00003")}));
        QCOMPARE(ok(cache.search().find(QStringLiteral("\"encrypted at rest with\""))), QStringList{QStringLiteral("s_00000")});
        QCOMPARE(sorted(ok(cache.search().find(QStringLiteral("at-rest")))),
                 (QStringList{QStringLiteral("s_00000"), QStringLiteral("s_00003")}));
        QCOMPARE(ok(cache.search().find(QStringLiteral("\"rest at\""))), QStringList{QStringLiteral("s_00002")});
        // A phrase across two answers is not one.
        Submission split = test::submission(9);
        split.answers[0].text = QStringLiteral("the key is stored at");
        split.answers[1].text = QStringLiteral("rest of the answer");
        QVERIFY(ok(cache.submissions().store(split)));
        QCOMPARE(ok(cache.search().find(QStringLiteral("\"stored at rest\""))), QStringList());
        QCOMPARE(ok(cache.search().find(QStringLiteral("\"stored at\""))), QStringList{QStringLiteral("s_00009")});
    }

    // bm25 without positions: a rare word weighs more than a common one,
    // and a word in a name (a short entry) more than in 25 KB of answers.
    void ranksTheBetterMatchFirst()
    {
        Cache cache;
        QVERIFY(ok(cache.open(freshPath())));
        QList<Submission> subs;
        for (int i = 0; i < 12; ++i) {
            Submission s = test::submission(i);
            s.summary.appName = QStringLiteral("Plain App %1").arg(i);
            s.answers[0].text = QStringLiteral("common words only");
            subs.append(s);
        }
        subs[4].answers[0].text = QStringLiteral("the gecko appears once in long text ") + QStringLiteral("filler ").repeated(400);
        subs[7].summary.appName = QStringLiteral("Gecko Tracker");
        // Both words in one: it matches more of the query than a common
        // word alone would say.
        subs[2].answers[0].text = QStringLiteral("common words and a rare quetzal");
        QVERIFY(ok(cache.submissions().store(subs)));
        QCOMPARE(ok(cache.search().find(QStringLiteral("gecko"))),
                 (QStringList{QStringLiteral("s_00007"), QStringLiteral("s_00004")}));
        const QStringList common = ok(cache.search().find(QStringLiteral("common")));
        QCOMPARE(common.size(), 11); // all but the gecko text
        QCOMPARE(ok(cache.search().find(QStringLiteral("common quetzal"))), QStringList{QStringLiteral("s_00002")});
        // Two words, each in a name once: the rarer word's name wins.
        subs[9].summary.appName = QStringLiteral("Common Tool");
        subs[9].answers[1].text = QStringLiteral("and a quetzal");
        subs[10].summary.appName = QStringLiteral("Quetzal Tool");
        for (Submission &sub : subs)
            sub.summary.version = 2;
        QVERIFY(ok(cache.submissions().store(subs)));
        QCOMPARE(ok(cache.search().find(QStringLiteral("common quetzal"))),
                 (QStringList{QStringLiteral("s_00010"), QStringLiteral("s_00009"), QStringLiteral("s_00002")}));
        // fillHits ranks the same: lower rank first.
        QCOMPARE(ok(cache.search().fillHits(SearchQuery::parse(QStringLiteral("gecko")))), 2);
        QSqlQuery q(cache.connection().database());
        QVERIFY(q.exec(QStringLiteral("SELECT s.id FROM search_hits h JOIN submissions s ON s.num = h.num ORDER BY h.rank")));
        QStringList ranked;
        while (q.next())
            ranked.append(q.value(0).toString());
        QCOMPARE(ranked, (QStringList{QStringLiteral("s_00007"), QStringLiteral("s_00004")}));
    }

    // search_hits: replaced by each query, emptied
    // by an empty one; find() keeps its own table.
    void fillHitsReplaces()
    {
        Cache cache;
        QVERIFY(ok(cache.open(freshPath())));
        for (int i = 0; i < 10; ++i)
            QVERIFY(ok(cache.submissions().store(test::submission(i))));
        auto hits = [&cache] {
            QList<qint64> nums;
            QSqlQuery q(cache.connection().database());
            if (!q.exec(QStringLiteral("SELECT num FROM search_hits ORDER BY num")))
                return QList<qint64>{-1};
            while (q.next())
                nums.append(q.value(0).toLongLong());
            return nums;
        };
        SearchIndex &search = cache.search();
        QCOMPARE(ok(search.fillHits(SearchQuery::parse(QStringLiteral("timesheets")))), 2); // apps 0 and 5
        QCOMPARE(hits(), (QList<qint64>{numOf(cache, QStringLiteral("s_00000")), numOf(cache, QStringLiteral("s_00005"))}));
        QCOMPARE(ok(search.find(QStringLiteral("payroll"))).size(), 2);
        QCOMPARE(hits().size(), 2); // find() did not touch it
        QCOMPARE(ok(search.fillHits(SearchQuery::parse(QStringLiteral("\"row-level security\" kestrel")))), 2); // partner 3
        QCOMPARE(hits(), (QList<qint64>{numOf(cache, QStringLiteral("s_00003")), numOf(cache, QStringLiteral("s_00007"))}));
        QCOMPARE(ok(search.fillHits(SearchQuery::parse(QStringLiteral("\"security row-level\"")))), 0);
        QCOMPARE(hits(), QList<qint64>());
        QCOMPARE(ok(search.fillHits(SearchQuery::parse(QStringLiteral("timesheets")))), 2);
        QCOMPARE(ok(search.fillHits(SearchQuery::parse(QStringLiteral(" \"* ")))), 0);
        QCOMPARE(hits(), QList<qint64>());
    }

    // The searchable text of the visible rows, for their snippets.
    void documents()
    {
        Cache cache;
        QVERIFY(ok(cache.open(freshPath())));
        QVERIFY(ok(cache.submissions().store({test::submission(1), test::submission(2)})));
        const QHash<QString, QString> docs =
            ok(cache.search().documents({QStringLiteral("s_00002"), QStringLiteral("s_99999")}));
        QCOMPARE(docs.keys(), QStringList{QStringLiteral("s_00002")});
        const QStringList fields = docs.value(QStringLiteral("s_00002")).split(QChar(SearchQuery::FieldSeparator));
        const Submission s = test::submission(2);
        QStringList expected = {s.summary.appName, s.summary.partnerName};
        for (const Answer &a : s.answers)
            expected.append(a.text);
        expected.append(s.comments.first().body);
        QCOMPARE(fields, expected);
        QCOMPARE(ok(cache.search().documents({})).size(), 0);
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
