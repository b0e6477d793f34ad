#include "models/SearchQuery.h"
#include "models/SearchSnippet.h"

#include <QTest>

using namespace assay;
using namespace Qt::StringLiterals;

// The match column's text: the best part of a document, cut with "…", and
// where the matching words and phrases are in it.
class TestSearchSnippet : public QObject
{
    Q_OBJECT

private:
    static QStringList marked(const SearchSnippet &s)
    {
        QStringList out;
        for (const auto &[start, length] : s.matches)
            out.append(s.text.mid(start, length));
        return out;
    }

    static QString filler(int words, const QString &word = QStringLiteral("lorem"))
    {
        QStringList out;
        for (int i = 0; i < words; ++i)
            out.append(word);
        return out.join(QLatin1Char(' '));
    }

private Q_SLOTS:
    void shortDocumentWhole()
    {
        const SearchSnippet s = SearchSnippet::make(u"Timesheets Pro"_s, SearchQuery::parse(u"tim"_s));
        QCOMPARE(s.text, u"Timesheets Pro"_s);
        QCOMPARE(marked(s), QStringList{u"Timesheets"_s});
        QCOMPARE(s.matches.first(), std::make_pair(0, 10));
    }

    // A match deep in a long text: cut on both sides with an ellipsis, at
    // spaces, within the limit, the match inside.
    void cutsAroundTheMatch()
    {
        const QString doc = filler(200) + u" we keep backups encrypted at rest with AES "_s + filler(200, u"ipsum"_s);
        const SearchSnippet s = SearchSnippet::make(doc, SearchQuery::parse(u"\"at rest\""_s), 80);
        QVERIFY2(s.text.size() <= 80, qPrintable(s.text));
        QVERIFY(s.text.startsWith(QChar(0x2026)));
        QVERIFY(s.text.endsWith(QChar(0x2026)));
        QCOMPARE(marked(s), QStringList{u"at rest"_s});
        QVERIFY(s.text.contains(u"encrypted at rest"_s));
        // Cut between words: the first and last words are whole.
        const QString inner = s.text.mid(1).chopped(1);
        const qsizetype at = doc.indexOf(inner);
        QVERIFY(at > 0);
        QCOMPARE(doc.at(at - 1), QLatin1Char(' '));
        QCOMPARE(doc.at(at + inner.size()), QLatin1Char(' '));
    }

    // The window with the most different terms wins over an earlier one
    // with a single term.
    void prefersTheWindowWithMoreTerms()
    {
        const QString doc = u"token here. "_s + filler(60) + u" the token is logged to stdout by the agent "_s + filler(60);
        const SearchSnippet s = SearchSnippet::make(doc, SearchQuery::parse(u"token logged"_s), 60);
        QCOMPARE(marked(s), (QStringList{u"token"_s, u"logged"_s}));
        QVERIFY(s.text.startsWith(QChar(0x2026)));
    }

    void caseAndDiacritics()
    {
        const SearchSnippet s = SearchSnippet::make(u"Built by RÖNTGEN Labs in the École"_s, SearchQuery::parse(u"rontgen ecole"_s));
        QCOMPARE(marked(s), (QStringList{u"RÖNTGEN"_s, u"École"_s}));
    }

    // Words only as prefixes of tokens, never inside one.
    void prefixesOnly()
    {
        const SearchSnippet s = SearchSnippet::make(u"encrypt, unencrypted, Encryption"_s, SearchQuery::parse(u"encr"_s));
        QCOMPARE(marked(s), (QStringList{u"encrypt"_s, u"Encryption"_s}));
    }

    // Line breaks and field ends show as spaces; offsets stay true.
    void oneLine()
    {
        const QString doc = u"App\u2029Partner\u2029first answer\nsecond answer"_s;
        const SearchSnippet s = SearchSnippet::make(doc, SearchQuery::parse(u"second"_s));
        QCOMPARE(s.text, u"App Partner first answer second answer"_s);
        QCOMPARE(marked(s), QStringList{u"second"_s});
    }

    void noMatchIsTheBeginning()
    {
        const QString doc = filler(100);
        const SearchSnippet s = SearchSnippet::make(doc, SearchQuery::parse(u"absent"_s), 40);
        QVERIFY(s.matches.isEmpty());
        QCOMPARE(s.text.size(), 40);
        QVERIFY(doc.startsWith(s.text.chopped(1)));
        QVERIFY(s.text.endsWith(QChar(0x2026)));
        const SearchSnippet empty = SearchSnippet::make(doc, SearchQuery::parse(QString()), 40);
        QVERIFY(empty.matches.isEmpty());
        QCOMPARE(empty.text, s.text);
    }

    // A match longer than the room left is cut, never a crash or an
    // overlong text; a surrogate pair is never split.
    void edges()
    {
        const QString longWord = u"x"_s.repeated(500);
        const SearchSnippet s = SearchSnippet::make(u"a "_s + longWord + u" b"_s, SearchQuery::parse(u"xx"_s), 30);
        QVERIFY(s.text.size() <= 30);
        const QString emoji = u"😀"_s.repeated(100) + u" needle "_s + u"😀"_s.repeated(100);
        const SearchSnippet e = SearchSnippet::make(emoji, SearchQuery::parse(u"needle"_s), 21);
        QVERIFY(e.text.size() <= 21);
        QCOMPARE(marked(e), QStringList{u"needle"_s});
        for (qsizetype i = 0; i < e.text.size(); ++i) {
            if (e.text.at(i).isHighSurrogate())
                QVERIFY(i + 1 < e.text.size() && e.text.at(i + 1).isLowSurrogate());
            if (e.text.at(i).isLowSurrogate())
                QVERIFY(i > 0 && e.text.at(i - 1).isHighSurrogate());
        }
        QCOMPARE(SearchSnippet::make(QString(), SearchQuery::parse(u"a"_s)).text, QString());
        QVERIFY(SearchSnippet::make(u"abc def"_s, SearchQuery::parse(u"def"_s), 0).text.size() <= 3);
    }
};

QTEST_GUILESS_MAIN(TestSearchSnippet)
#include "tst_searchsnippet.moc"
