#include "models/SearchQuery.h"
#include "models/SearchSnippet.h"

#include <QTest>

using namespace assay;

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
        const SearchSnippet s = SearchSnippet::make(u"Timesheets Pro"_qs, SearchQuery::parse(u"tim"_qs));
        QCOMPARE(s.text, u"Timesheets Pro"_qs);
        QCOMPARE(marked(s), QStringList{u"Timesheets"_qs});
        QCOMPARE(s.matches.first(), std::make_pair(0, 10));
    }

    // A match deep in a long text: cut on both sides with an ellipsis, at
    // spaces, within the limit, the match inside.
    void cutsAroundTheMatch()
    {
        const QString doc = filler(200) + u" we keep backups encrypted at rest with AES "_qs + filler(200, u"ipsum"_qs);
        const SearchSnippet s = SearchSnippet::make(doc, SearchQuery::parse(u"\"at rest\""_qs), 80);
        QVERIFY2(s.text.size() <= 80, qPrintable(s.text));
        QVERIFY(s.text.startsWith(QChar(0x2026)));
        QVERIFY(s.text.endsWith(QChar(0x2026)));
        QCOMPARE(marked(s), QStringList{u"at rest"_qs});
        QVERIFY(s.text.contains(u"encrypted at rest"_qs));
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
        const QString doc = u"token here. "_qs + filler(60) + u" the token is logged to stdout by the agent "_qs + filler(60);
        const SearchSnippet s = SearchSnippet::make(doc, SearchQuery::parse(u"token logged"_qs), 60);
        QCOMPARE(marked(s), (QStringList{u"token"_qs, u"logged"_qs}));
        QVERIFY(s.text.startsWith(QChar(0x2026)));
    }

    void caseAndDiacritics()
    {
        const SearchSnippet s = SearchSnippet::make(u"Built by RÖNTGEN Labs in the École"_qs, SearchQuery::parse(u"rontgen ecole"_qs));
        QCOMPARE(marked(s), (QStringList{u"RÖNTGEN"_qs, u"École"_qs}));
    }

    // Words only as prefixes of tokens, never inside one.
    void prefixesOnly()
    {
        const SearchSnippet s = SearchSnippet::make(u"encrypt, unencrypted, Encryption"_qs, SearchQuery::parse(u"encr"_qs));
        QCOMPARE(marked(s), (QStringList{u"encrypt"_qs, u"Encryption"_qs}));
    }

    // Line breaks and field ends show as spaces; offsets stay true.
    void oneLine()
    {
        const QString doc = u"App\u2029Partner\u2029first answer\nsecond answer"_qs;
        const SearchSnippet s = SearchSnippet::make(doc, SearchQuery::parse(u"second"_qs));
        QCOMPARE(s.text, u"App Partner first answer second answer"_qs);
        QCOMPARE(marked(s), QStringList{u"second"_qs});
    }

    void noMatchIsTheBeginning()
    {
        const QString doc = filler(100);
        const SearchSnippet s = SearchSnippet::make(doc, SearchQuery::parse(u"absent"_qs), 40);
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
        const QString longWord = u"x"_qs.repeated(500);
        const SearchSnippet s = SearchSnippet::make(u"a "_qs + longWord + u" b"_qs, SearchQuery::parse(u"xx"_qs), 30);
        QVERIFY(s.text.size() <= 30);
        const QString emoji = u"😀"_qs.repeated(100) + u" needle "_qs + u"😀"_qs.repeated(100);
        const SearchSnippet e = SearchSnippet::make(emoji, SearchQuery::parse(u"needle"_qs), 21);
        QVERIFY(e.text.size() <= 21);
        QCOMPARE(marked(e), QStringList{u"needle"_qs});
        for (qsizetype i = 0; i < e.text.size(); ++i) {
            if (e.text.at(i).isHighSurrogate())
                QVERIFY(i + 1 < e.text.size() && e.text.at(i + 1).isLowSurrogate());
            if (e.text.at(i).isLowSurrogate())
                QVERIFY(i > 0 && e.text.at(i - 1).isHighSurrogate());
        }
        QCOMPARE(SearchSnippet::make(QString(), SearchQuery::parse(u"a"_qs)).text, QString());
        QVERIFY(SearchSnippet::make(u"abc def"_qs, SearchQuery::parse(u"def"_qs), 0).text.size() <= 3);
    }
};

QTEST_GUILESS_MAIN(TestSearchSnippet)
#include "tst_searchsnippet.moc"
