#include "models/SearchQuery.h"

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace assay;
using namespace Qt::StringLiterals;

// The search box's language: what any input becomes, that SQLite never
// sees its own syntax in it, and that the query splits text into tokens as
// the index does.
class TestSearchQuery : public QObject
{
    Q_OBJECT

private:
    QSqlDatabase m_db;

    // Runs a MATCH against the index's kind of table (contentless,
    // detail=none, the same tokenizer); the error text when SQLite refuses.
    QString matchError(const QString &match)
    {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT rowid FROM idx WHERE idx MATCH ?"));
        q.addBindValue(match);
        if (!q.exec())
            return q.lastError().text() + QStringLiteral(" for ") + match;
        while (q.next()) {
        }
        return {};
    }

    QList<qint64> matching(const QString &match)
    {
        QList<qint64> rows;
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT rowid FROM idx WHERE idx MATCH ? ORDER BY rowid"));
        q.addBindValue(match);
        if (!q.exec())
            return {-1};
        while (q.next())
            rows.append(q.value(0).toLongLong());
        return rows;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("searchquery"));
        m_db.setDatabaseName(QStringLiteral(":memory:"));
        QVERIFY(m_db.open());
        QSqlQuery q(m_db);
        QVERIFY(q.exec(QStringLiteral("CREATE VIRTUAL TABLE idx USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2', "
                                      "detail = none, content = '', contentless_delete = 1)")));
        const QStringList docs = {
            QStringLiteral("Timesheets Pro by Röntgen Labs"),             // 1
            QStringLiteral("we encrypt data at rest with AES-256"),       // 2
            QStringLiteral("row-level security; don't log tokens"),       // 3
            QStringLiteral("AND OR NOT NEAR are words here"),             // 4
            QStringLiteral("café crème and the école"),                   // 5
        };
        for (int i = 0; i < docs.size(); ++i) {
            q.prepare(QStringLiteral("INSERT INTO idx (rowid, body) VALUES (?, ?)"));
            q.addBindValue(i + 1);
            q.addBindValue(docs.at(i));
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
    }

    void cleanupTestCase()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("searchquery"));
    }

    // Hostile and ordinary input: the terms it becomes, and SQLite takes
    // the expression without an error.
    void parses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("words");
        QTest::addColumn<QStringList>("phrases");
        QTest::addColumn<QString>("match");
        const auto l = [](std::initializer_list<const char16_t *> items) {
            QStringList out;
            for (const char16_t *s : items)
                out.append(QString::fromUtf16(s));
            return out;
        };
        QTest::newRow("empty") << QString() << QStringList() << QStringList() << QString();
        QTest::newRow("spaces") << u"  \t\n "_s << QStringList() << QStringList() << QString();
        QTest::newRow("words") << u"tim pro"_s << l({u"tim", u"pro"}) << QStringList() << u"\"tim\"* \"pro\"*"_s;
        QTest::newRow("phrase") << u"\"at rest\" aes"_s << l({u"aes"}) << l({u"at rest"}) << u"\"at\" \"rest\" \"aes\"*"_s;
        QTest::newRow("unbalanced quote") << u"\"at res"_s << QStringList() << l({u"at res"}) << u"\"at\" \"res\"*"_s;
        QTest::newRow("lone quote") << u"\""_s << QStringList() << QStringList() << QString();
        QTest::newRow("empty quotes") << u"\"\" x"_s << l({u"x"}) << QStringList() << u"\"x\"*"_s;
        QTest::newRow("closed single word is whole") << u"\"Timesheets\""_s << l({u"Timesheets"}) << QStringList()
                                                     << u"\"Timesheets\""_s;
        QTest::newRow("typographic quotes") << u"\u201Cat rest\u201D"_s << QStringList() << l({u"at rest"})
                                            << u"\"at\" \"rest\""_s;
        QTest::newRow("star") << u"tim* *"_s << l({u"tim"}) << QStringList() << u"\"tim\"*"_s;
        QTest::newRow("minus") << u"-secret --"_s << l({u"secret"}) << QStringList() << u"\"secret\"*"_s;
        QTest::newRow("operators are words") << u"AND OR NOT NEAR"_s << l({u"AND", u"OR", u"NOT", u"NEAR"})
                                             << QStringList() << u"\"AND\"* \"OR\"* \"NOT\"* \"NEAR\"*"_s;
        QTest::newRow("near group") << u"NEAR(a b, 3)"_s << l({u"b", u"3"}) << l({u"NEAR a"}) << u"\"NEAR\" \"a\"* \"b\"* \"3\"*"_s;
        QTest::newRow("column filter") << u"body:x"_s << QStringList() << l({u"body x"}) << u"\"body\" \"x\"*"_s;
        QTest::newRow("caret") << u"^start"_s << l({u"start"}) << QStringList() << u"\"start\"*"_s;
        QTest::newRow("parentheses") << u"((a) OR (b"_s << l({u"a", u"OR", u"b"}) << QStringList()
                                     << u"\"a\"* \"OR\"* \"b\"*"_s;
        QTest::newRow("hyphenated word") << u"row-level"_s << QStringList() << l({u"row level"}) << u"\"row\" \"level\"*"_s;
        QTest::newRow("underscore") << u"foo_bar"_s << QStringList() << l({u"foo bar"}) << u"\"foo\" \"bar\"*"_s;
        QTest::newRow("apostrophe") << u"don't"_s << QStringList() << l({u"don t"}) << u"\"don\" \"t\"*"_s;
        QTest::newRow("diacritics kept as typed") << u"Röntg"_s << l({u"Röntg"}) << QStringList() << u"\"Röntg\"*"_s;
        QTest::newRow("punctuation only") << u"!@#$%^&*()_+-=[]{};':,./<>?"_s << QStringList() << QStringList()
                                          << QString();
        QTest::newRow("lone high surrogate") << QStringLiteral("ab%1cd").arg(QChar(0xD800)) << QStringList() << l({u"ab cd"}) << u"\"ab\" \"cd\"*"_s;
        QTest::newRow("lone low surrogate") << u"\xDC00 x"_s << l({u"x"}) << QStringList() << u"\"x\"*"_s;
        QTest::newRow("NUL") << QStringLiteral("a%1b").arg(QChar(0)) << QStringList() << l({u"a b"}) << u"\"a\" \"b\"*"_s;
        QTest::newRow("duplicates once") << u"tim TIM tim"_s << l({u"tim"}) << QStringList() << u"\"tim\"*"_s;
        QTest::newRow("emoji between") << u"ab😀cd"_s << QStringList() << l({u"ab cd"}) << u"\"ab\" \"cd\"*"_s;
        QTest::newRow("lone diacritic") << u"\u0301 x\u0301"_s << l({u"x\u0301"}) << QStringList() << u"\"x\u0301\"*"_s;
        QTest::newRow("field separator") << u"a\u2029b"_s << l({u"a", u"b"}) << QStringList() << u"\"a\"* \"b\"*"_s;
    }

    void parses()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, words);
        QFETCH(QStringList, phrases);
        QFETCH(QString, match);
        const SearchQuery q = SearchQuery::parse(text);
        QCOMPARE(q.words(), words);
        QCOMPARE(q.phrases(), phrases);
        QCOMPARE(q.ftsMatch(), match);
        QCOMPARE(q.isEmpty(), match.isEmpty());
        if (!q.isEmpty()) {
            QCOMPARE(matchError(q.ftsMatch()), QString());
            for (const QString &term : q.termMatches())
                QCOMPARE(matchError(term), QString());
        }
    }

    // What typed text finds in the index's kind of table.
    void findsInTheIndex()
    {
        QCOMPARE(matching(SearchQuery::parse(u"rontgen"_s).ftsMatch()), QList<qint64>{1});
        QCOMPARE(matching(SearchQuery::parse(u"RÖNT"_s).ftsMatch()), QList<qint64>{1});
        QCOMPARE(matching(SearchQuery::parse(u"ecole creme"_s).ftsMatch()), QList<qint64>{5});
        QCOMPARE(matching(SearchQuery::parse(u"AND NEAR"_s).ftsMatch()), QList<qint64>{4});
        QCOMPARE(matching(SearchQuery::parse(u"aes-256"_s).ftsMatch()), QList<qint64>{2});
        QCOMPARE(matching(SearchQuery::parse(u"\"Timesheet\""_s).ftsMatch()), QList<qint64>()); // a whole word
        QCOMPARE(matching(SearchQuery::parse(u"Timesheet"_s).ftsMatch()), QList<qint64>{1});    // a prefix
    }

    // A pasted page is a query of its first terms, not an error.
    void hugeInput()
    {
        QString text;
        for (int i = 0; i < 20000; ++i)
            text += QStringLiteral("w%1 \"p%1 q%1 ").arg(i);
        const SearchQuery q = SearchQuery::parse(text);
        QVERIFY(!q.isEmpty());
        QVERIFY(q.termMatches().size() <= SearchQuery::MaxTerms);
        QCOMPARE(matchError(q.ftsMatch()), QString());
        QString longWord(100000, QLatin1Char('x'));
        const SearchQuery one = SearchQuery::parse(longWord);
        QCOMPARE(one.words().size(), 1);
        QCOMPARE(one.words().first().size(), SearchQuery::MaxInputChars);
        QString longPhrase;
        for (int i = 0; i < 100; ++i)
            longPhrase += QStringLiteral("t%1-").arg(i);
        const SearchQuery cut = SearchQuery::parse(longPhrase);
        QCOMPARE(cut.phrases().size(), 1);
        QCOMPARE(cut.phrases().first().count(QLatin1Char(' ')) + 1, SearchQuery::MaxPhraseTokens);
        QCOMPARE(matchError(cut.ftsMatch()), QString());
    }

    // Random input from the characters that mean something to FTS5, to
    // SQL or to UTF-16: SQLite accepts every expression. The seed is printed;
    // ASSAY_TEST_SEED replays it.
    void randomInputIsNeverAnError()
    {
        const QByteArray env = qgetenv("ASSAY_TEST_SEED");
        const quint32 seed = env.isEmpty() ? QRandomGenerator::global()->generate() : env.toUInt();
        qInfo("seed %u (ASSAY_TEST_SEED=%u replays it)", seed, seed);
        QRandomGenerator rng(seed);
        const QString alphabet = u"\"\"\"**--^^::(()),;'{}[]+ \t\nabcxyzANDORNOTNEAR019éüßΩж中😀\u2029\u201C\u0301\u00AD_."_s;
        for (int round = 0; round < 2000; ++round) {
            QString text;
            const int length = int(rng.bounded(1, 40));
            for (int i = 0; i < length; ++i) {
                const quint32 pick = rng.bounded(100);
                if (pick < 3)
                    text += QChar(char16_t(0xD800 + rng.bounded(0x800))); // a lone surrogate
                else if (pick < 5)
                    text += QChar(char16_t(rng.bounded(0x10000u)));
                else
                    text += alphabet.at(rng.bounded(int(alphabet.size())));
            }
            const SearchQuery q = SearchQuery::parse(text);
            if (q.isEmpty())
                continue;
            const QString error = matchError(q.ftsMatch());
            QVERIFY2(error.isEmpty(), qPrintable(error + QStringLiteral(" from seed %1 round %2").arg(seed).arg(round)));
            for (const QString &term : q.termMatches())
                QVERIFY2(matchError(term).isEmpty(), qPrintable(QStringLiteral("seed %1 round %2").arg(seed).arg(round)));
        }
    }

    // The query's tokenizer against SQLite's own, character by character:
    // "a<c>b" is one token or two for both. A difference makes a quoted term
    // two tokens for SQLite (a phrase: an error on a detail=none index).
    void tokenizesAsTheIndex()
    {
        QSqlQuery q(m_db);
        QVERIFY(q.exec(QStringLiteral("CREATE VIRTUAL TABLE chars USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2')")));
        QVERIFY(q.exec(QStringLiteral("CREATE VIRTUAL TABLE chars_vocab USING fts5vocab (chars, 'instance')")));
        QVERIFY(m_db.transaction());
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO chars (rowid, body) VALUES (?, ?)")));
        QList<char32_t> tried;
        for (char32_t c = 1; c < 0x30000; ++c) {
            if ((c >= 0xD800 && c < 0xE000) || (c > 0xFFFF && QChar::category(c) == QChar::Other_NotAssigned))
                continue;
            const char32_t text[] = {U'a', c, U'b'};
            q.addBindValue(qint64(c));
            q.addBindValue(QString::fromUcs4(text, 3));
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
            tried.append(c);
        }
        QVERIFY(m_db.commit());
        QHash<qint64, int> sqliteTokens;
        QVERIFY(q.exec(QStringLiteral("SELECT doc, count(*) FROM chars_vocab GROUP BY doc")));
        while (q.next())
            sqliteTokens.insert(q.value(0).toLongLong(), q.value(1).toInt());
        QStringList differ;
        for (char32_t c : std::as_const(tried)) {
            const char32_t text[] = {U'a', c, U'b'};
            const int ours = int(SearchQuery::tokenize(QString::fromUcs4(text, 3)).size());
            if (ours != sqliteTokens.value(qint64(c)))
                differ.append(QStringLiteral("U+%1 (%2 vs SQLite's %3)").arg(quint32(c), 4, 16, QLatin1Char('0')).arg(ours).arg(sqliteTokens.value(qint64(c))));
        }
        QVERIFY2(differ.isEmpty(), qPrintable(QStringLiteral("%1 characters differ: ").arg(differ.size()) + differ.mid(0, 40).join(u", ")));
    }

    void folds()
    {
        QCOMPARE(SearchQuery::fold(u"Röntgen"), u"rontgen"_s);
        QCOMPARE(SearchQuery::fold(u"ÉCOLE"), u"ecole"_s);
        QCOMPARE(SearchQuery::fold(u"e\u0301cole"), u"ecole"_s);
        QCOMPARE(SearchQuery::fold(u"MiXeD42"), u"mixed42"_s);
    }

    void tokenizes()
    {
        const QList<SearchQuery::Token> t = SearchQuery::tokenize(u"Row-level  Röntgen\u2029next"_s);
        QCOMPARE(t.size(), 4);
        QCOMPARE(t.at(0).folded, u"row"_s);
        QCOMPARE(t.at(1).start, 4);
        QCOMPARE(t.at(1).length, 5);
        QCOMPARE(t.at(2).folded, u"rontgen"_s);
        QVERIFY(t.at(0).fieldStart);
        QVERIFY(!t.at(2).fieldStart);
        QVERIFY(t.at(3).fieldStart);
    }

    // Phrases need their words adjacent and in order; case and diacritics
    // do not matter; a field's end breaks a phrase.
    void phrasesMatch_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("matches");
        QTest::newRow("adjacent") << u"\"at rest\""_s << u"encrypted at rest."_s << true;
        QTest::newRow("apart") << u"\"at rest\""_s << u"at the rest"_s << false;
        QTest::newRow("reversed") << u"\"at rest\""_s << u"rest at"_s << false;
        QTest::newRow("punctuation between") << u"\"at rest\""_s << u"at, rest"_s << true;
        QTest::newRow("case and diacritics") << u"\"cafe creme\""_s << u"CAFÉ Crème"_s << true;
        QTest::newRow("closed phrase: last word whole") << u"\"at res\""_s << u"at rest"_s << false;
        QTest::newRow("open phrase: last word a prefix") << u"\"at res"_s << u"at rest"_s << true;
        QTest::newRow("hyphenated word") << u"row-lev"_s << u"row level security"_s << true;
        QTest::newRow("across fields") << u"\"at rest\""_s << u"at\u2029rest"_s << false;
        QTest::newRow("second of two") << u"\"a b\" \"c d\""_s << u"c d a x b"_s << false;
        QTest::newRow("both of two") << u"\"a b\" \"c d\""_s << u"c d a b"_s << true;
        QTest::newRow("overlapping start") << u"\"a a b\""_s << u"a a a b"_s << true;
        QTest::newRow("words only") << u"anything"_s << u"text"_s << true;
    }

    void phrasesMatch()
    {
        QFETCH(QString, query);
        QFETCH(QString, text);
        QFETCH(bool, matches);
        QCOMPARE(SearchQuery::parse(query).phrasesMatch(text), matches);
    }

    void occurrences()
    {
        const SearchQuery q = SearchQuery::parse(u"enc \"at rest\""_s);
        const QString text = u"Encrypted at rest, encoded at the rest"_s;
        const QList<SearchQuery::Occurrence> found = q.occurrences(text);
        QCOMPARE(found.size(), 3);
        QCOMPARE(text.mid(found.at(0).start, found.at(0).length), u"Encrypted"_s);
        QCOMPARE(text.mid(found.at(1).start, found.at(1).length), u"at rest"_s);
        QCOMPARE(found.at(1).term, 1);
        QCOMPARE(text.mid(found.at(2).start, found.at(2).length), u"encoded"_s);
    }
};

QTEST_GUILESS_MAIN(TestSearchQuery)
#include "tst_searchquery.moc"
