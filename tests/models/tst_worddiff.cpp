#include "models/WordDiff.h"

#include <QElapsedTimer>
#include <QTest>

#include <algorithm>

using namespace assay;
using namespace Qt::StringLiterals;
using Op = WordDiff::Op;
using Segments = QList<WordDiff::Segment>;

Q_DECLARE_METATYPE(Segments)

namespace {

WordDiff::Segment eq(const char16_t *t) { return {Op::Equal, QString::fromUtf16(t)}; }
WordDiff::Segment ins(const char16_t *t) { return {Op::Insert, QString::fromUtf16(t)}; }
WordDiff::Segment del(const char16_t *t) { return {Op::Delete, QString::fromUtf16(t)}; }

QString describe(const Segments &segments)
{
    QString out;
    for (const auto &s : segments)
        out += (s.op == Op::Equal ? u"="_s : s.op == Op::Insert ? u"+"_s : u"-"_s) + u'[' + s.text + u"] ";
    return out;
}

// A long answer of n words, deterministic; words of the form "wNNN".
QString longText(int n, int changeEvery = 0, const QString &replacement = {})
{
    QStringList words;
    words.reserve(n);
    for (int i = 0; i < n; ++i)
        words.append(changeEvery && i % changeEvery == changeEvery / 2 ? replacement : QStringLiteral("w%1").arg(i % 97));
    return words.join(QLatin1Char(' '));
}

} // namespace

class TestWordDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokenizesWordsAndWhatIsBetween()
    {
        QCOMPARE(WordDiff::tokenize(QStringLiteral("We rotate keys, yearly.")),
                 QStringList({u"We"_s, u" "_s, u"rotate"_s, u" "_s, u"keys"_s, u","_s, u" "_s, u"yearly"_s, u"."_s}));
        // Accented words stay whole; an apostrophe inside a word is part of it.
        QCOMPARE(WordDiff::tokenize(QStringLiteral("Daten verschlüsselt, don't")),
                 QStringList({u"Daten"_s, u" "_s, u"verschlüsselt"_s, u","_s, u" "_s, u"don't"_s}));
        QCOMPARE(WordDiff::tokenize(QString()), QStringList());
    }

    void knownPairs_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::addColumn<Segments>("expected");

        QTest::newRow("identical") << u"We patch monthly."_s << u"We patch monthly."_s
                                   << Segments{eq(u"We patch monthly.")};
        QTest::newRow("both empty") << QString() << QString() << Segments{};
        QTest::newRow("empty before") << QString() << u"Now answered."_s << Segments{ins(u"Now answered.")};
        QTest::newRow("empty after") << u"Was answered."_s << QString() << Segments{del(u"Was answered.")};
        QTest::newRow("insertion") << u"We patch monthly."_s << u"We patch all servers monthly."_s
                                   << Segments{eq(u"We patch "), ins(u"all servers "), eq(u"monthly.")};
        QTest::newRow("deletion") << u"We patch all servers monthly."_s << u"We patch monthly."_s
                                  << Segments{eq(u"We patch "), del(u"all servers "), eq(u"monthly.")};
        QTest::newRow("one word replaced") << u"Tokens are stored in plain text."_s << u"Tokens are stored in a vault."_s
                                           << Segments{eq(u"Tokens are stored in "), del(u"plain text"), ins(u"a vault"), eq(u".")};
        QTest::newRow("punctuation only") << u"Yes, always."_s << u"Yes; always!"_s
                                          << Segments{eq(u"Yes"), del(u","), ins(u";"), eq(u" always"), del(u"."), ins(u"!")};
        QTest::newRow("accented word") << u"Daten werden verschlüsselt gespeichert."_s
                                       << u"Daten werden unverschlüsselt gespeichert."_s
                                       << Segments{eq(u"Daten werden "), del(u"verschlüsselt"), ins(u"unverschlüsselt"), eq(u" gespeichert.")};
        QTest::newRow("cyrillic") << u"пароль хранится открыто"_s << u"пароль шифруется"_s
                                  << Segments{eq(u"пароль "), del(u"хранится открыто"), ins(u"шифруется")};
        QTest::newRow("repeated word") << u"the the cat"_s << u"the cat"_s
                                       << Segments{eq(u"the "), del(u"the "), eq(u"cat")};
        QTest::newRow("appended") << u"Yes."_s << u"Yes. Since 2024."_s << Segments{eq(u"Yes."), ins(u" Since 2024.")};
        QTest::newRow("line break") << u"MFA for staff.\nSSO too."_s << u"MFA for all staff.\nSSO too."_s
                                    << Segments{eq(u"MFA for "), ins(u"all "), eq(u"staff.\nSSO too.")};
    }

    void knownPairs()
    {
        QFETCH(QString, before);
        QFETCH(QString, after);
        QFETCH(Segments, expected);
        const Segments got = WordDiff::compare(before, after);
        QVERIFY2(got == expected, qPrintable(describe(got) + u" expected "_s + describe(expected)));
        QCOMPARE(WordDiff::before(got), before);
        QCOMPARE(WordDiff::after(got), after);
    }

    void htmlEscapesAndMarks()
    {
        const Segments s{eq(u"a <b> & "), del(u"\"old\""), ins(u"new\nline")};
        QCOMPARE(WordDiff::toHtml(s), u"a &lt;b&gt; &amp; <del>&quot;old&quot;</del><ins>new<br>line</ins>"_s);
        QCOMPARE(WordDiff::toHtml({}), QString());
        // Partner text with markup never becomes markup.
        const QString html = WordDiff::toHtml(WordDiff::compare(u"<script>x</script>"_s, u"<img src=x onerror=y>"_s));
        QVERIFY(!html.contains(u"<script"_s));
        QVERIFY(!html.contains(u"<img"_s));
    }

    void longAnswersStayFast()
    {
        // ~5,000 words with ten words replaced, and one rewritten throughout.
        const QString before = longText(5000);
        const QString edited = longText(5000, 500, u"CHANGED"_s);
        QElapsedTimer timer;
        timer.start();
        const Segments few = WordDiff::compare(before, edited);
        const qint64 fewMs = timer.elapsed();
        int deletes = 0;
        int inserts = 0;
        for (const auto &s : few) {
            deletes += s.op == Op::Delete;
            inserts += s.op == Op::Insert;
            if (s.op == Op::Insert)
                QCOMPARE(s.text, u"CHANGED"_s);
        }
        QCOMPARE(inserts, 10);
        QCOMPARE(deletes, 10);
        QCOMPARE(WordDiff::after(few), edited);

        const QString rewritten = longText(5000, 1, u"other"_s);
        timer.restart();
        const Segments all = WordDiff::compare(before, rewritten);
        const qint64 allMs = timer.elapsed();
        QCOMPARE(WordDiff::before(all), before);
        QCOMPARE(WordDiff::after(all), rewritten);
        // The longest answer the API allows (20,000 characters), every word
        // replaced: the worst case one question can cost.
        const QString longest = QStringLiteral("x ").repeated(10000);
        const QString longestRewritten = QStringLiteral("y ").repeated(10000);
        timer.restart();
        const Segments worst = WordDiff::compare(longest, longestRewritten);
        const qint64 worstMs = timer.elapsed();
        QCOMPARE(WordDiff::after(worst), longestRewritten);
        // The same words in another order defeat the cheap estimate of the
        // edits: the bound a partner could push one comparison to.
        QStringList words = before.split(QLatin1Char(' '));
        std::reverse(words.begin(), words.end());
        const QString reversed = words.join(QLatin1Char(' '));
        timer.restart();
        const Segments shuffled = WordDiff::compare(before, reversed);
        const qint64 shuffledMs = timer.elapsed();
        QCOMPARE(WordDiff::after(shuffled), reversed);
        qInfo("5,000 words: ten words changed %lld ms, every word changed %lld ms, reversed %lld ms; "
              "20,000 characters every word changed %lld ms", fewMs, allMs, shuffledMs, worstMs);
    }

    void longRewritesAreMatchedBySentenceThenWord()
    {
        // 1,500 sentences (~36,000 tokens on both sides), every third one
        // edited: beyond the word budget, sentences are matched first and the
        // changed ones compared word by word.
        QString before;
        QString after;
        for (int i = 0; i < 1500; ++i) {
            before += QStringLiteral("Item %1 is kept as is. ").arg(i);
            after += (i % 3 == 1 ? QStringLiteral("Item %1 is kept as it was. ") : QStringLiteral("Item %1 is kept as is. ")).arg(i);
        }
        QElapsedTimer timer;
        timer.start();
        const Segments s = WordDiff::compare(before, after);
        const qint64 ms = timer.elapsed();
        QCOMPARE(WordDiff::before(s), before);
        QCOMPARE(WordDiff::after(s), after);
        int inserts = 0;
        int deletes = 0;
        for (const auto &seg : s) {
            if (seg.op == Op::Insert) {
                ++inserts;
                QCOMPARE(seg.text, u"it was"_s);
            } else if (seg.op == Op::Delete) {
                ++deletes;
                QCOMPARE(seg.text, u"is"_s);
            }
        }
        QCOMPARE(inserts, 500);
        QCOMPARE(deletes, 500);

        // Rewritten throughout with no sentence to hold on to: one replacement.
        const QString other = QStringLiteral("z ").repeated(10000);
        timer.restart();
        const Segments all = WordDiff::compare(QStringLiteral("x ").repeated(10000), other);
        const qint64 allMs = timer.elapsed();
        QCOMPARE(all.size(), 3); // "x x ... x" deleted, "z z ... z" inserted, the last blank shared
        QCOMPARE(all.at(0).op, Op::Delete);
        QCOMPARE(all.at(1).op, Op::Insert);
        QCOMPARE(all.at(2), eq(u" "));
        qInfo("1,500 sentences, every third edited: %lld ms; 20,000 characters without a sentence break, all changed: %lld ms", ms, allMs);
    }
};

QTEST_GUILESS_MAIN(TestWordDiff)
#include "tst_worddiff.moc"
