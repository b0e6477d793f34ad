#include "models/SearchQuery.h"

#include <QChar>
#include <QVarLengthArray>

#include <algorithm>

namespace assay {

namespace {

// The tokenizer is SQLite's unicode61 (categories "L* N* Co"), whose tables
// are those of Unicode 6.1 — as measured against the SQLite we link
// (tst_searchquery compares the two over every character up to U+2FFFF):
// - a letter, number or private-use character of Unicode 6.1 is part of a
//   token; so is every character 6.1 did not know (its tables have no
//   category for them, and SQLite keeps them in tokens);
// - of the combining marks, only the diacritics remove_diacritics strips
//   stay in a token ("e\u0301cole" is one), the others separate;
// - a few characters changed category since 6.1 and are separators there.
// A difference in one direction only makes a term less precise; in the
// other (a character this takes for part of a token and SQLite for a
// separator), a quoted term would hold two tokens for SQLite: a phrase
// query, which a detail=none index refuses with an error.
bool isStrippedDiacritic(char32_t c)
{
    return (c >= 0x300 && c <= 0x304) || (c >= 0x306 && c <= 0x30C) || c == 0x30F || c == 0x311 || c == 0x31B
        || (c >= 0x323 && c <= 0x328) || c == 0x32D || c == 0x32E || c == 0x330 || c == 0x331;
}

// Letters now, spacing marks in Unicode 6.1.
bool markIn61(char32_t c)
{
    return (c >= 0x19B0 && c <= 0x19C0) || (c >= 0x19C8 && c <= 0x19C9) || c == 0x1CF2 || c == 0x1CF3;
}

// Marks now, letters in Unicode 6.1.
bool letterIn61(char32_t c)
{
    return c == 0x1885 || c == 0x1886;
}

bool isTokenChar(char32_t c)
{
    if (c < 0x80)
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
    const QChar::UnicodeVersion version = QChar::unicodeVersion(c);
    if (version == QChar::Unicode_Unassigned || version > QChar::Unicode_6_1 || letterIn61(c))
        return true;
    switch (QChar::category(c)) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Number_DecimalDigit:
    case QChar::Number_Letter:
    case QChar::Number_Other:
    case QChar::Other_PrivateUse:
        return !markIn61(c);
    case QChar::Mark_NonSpacing:
        return isStrippedDiacritic(c);
    case QChar::Other_NotAssigned: // the noncharacters U+FDD0 ... but not U+FFFE, U+FFFF
        return (c & 0xFFFE) != 0xFFFE;
    default:
        return false;
    }
}

bool isQuote(QChar c)
{
    return c == u'"' || c == u'\u201C' || c == u'\u201D' || c == u'\u201E';
}

bool isAscii(QStringView s)
{
    return std::all_of(s.begin(), s.end(), [](QChar c) { return c.unicode() < 0x80; });
}

// Calls fn(start, length, fieldStart) for each token of text.
template <typename Fn>
void forEachToken(QStringView text, Fn &&fn)
{
    const qsizetype n = text.size();
    bool fieldStart = true;
    qsizetype i = 0;
    while (i < n) {
        const char16_t u = text[i].unicode();
        if (u < 0x80) { // the common case, without a table lookup
            if (!isTokenChar(u)) {
                ++i;
                continue;
            }
        } else if (u == SearchQuery::FieldSeparator) {
            fieldStart = true;
            ++i;
            continue;
        }
        // Decode (a lone surrogate is not a character: a separator).
        auto charAt = [&](qsizetype at, int *width) -> char32_t {
            const QChar c = text[at];
            if (c.isHighSurrogate() && at + 1 < n && text[at + 1].isLowSurrogate()) {
                *width = 2;
                return QChar::surrogateToUcs4(c, text[at + 1]);
            }
            *width = 1;
            return c.isSurrogate() ? char32_t(0xFFFD) : char32_t(c.unicode());
        };
        int width = 1;
        if (!isTokenChar(charAt(i, &width))) {
            i += width;
            continue;
        }
        const qsizetype start = i;
        i += width;
        while (i < n) {
            const char16_t v = text[i].unicode();
            if (v < 0x80) {
                if (!isTokenChar(v))
                    break;
                ++i;
                continue;
            }
            if (!isTokenChar(charAt(i, &width)))
                break;
            i += width;
        }
        fn(int(start), int(i - start), fieldStart);
        fieldStart = false;
    }
}

// Whether a token (as in the text) folds to `folded`, or starts with it.
bool tokenIs(QStringView token, const QString &folded, bool prefix)
{
    if (isAscii(token)) {
        if (prefix ? token.size() < folded.size() : token.size() != folded.size())
            return false;
        for (qsizetype i = 0; i < folded.size(); ++i) {
            if (QChar::toLower(token[i].unicode()) != folded[i].unicode())
                return false;
        }
        return true;
    }
    const QString f = SearchQuery::fold(token);
    return prefix ? f.startsWith(folded) : f == folded;
}

QString quoted(const QString &token)
{
    QString q = token;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\"")); // tokens hold none; cheap insurance
    return QLatin1Char('"') + q + QLatin1Char('"');
}

} // namespace

QString SearchQuery::fold(QStringView token)
{
    if (isAscii(token))
        return token.toString().toLower();
    const QString decomposed = token.toString().normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing)
            out.append(c);
    }
    return out.toLower();
}

QList<SearchQuery::Token> SearchQuery::tokenize(const QString &text)
{
    QList<Token> tokens;
    forEachToken(text, [&](int start, int length, bool fieldStart) {
        tokens.append({start, length, fold(QStringView(text).mid(start, length)), fieldStart});
    });
    return tokens;
}

SearchQuery SearchQuery::parse(const QString &input)
{
    SearchQuery query;
    QString text = input.left(MaxInputChars);
    if (!text.isEmpty() && text.back().isHighSurrogate())
        text.chop(1);

    // A run of text becomes terms: each token alone, or, for a chunk with
    // punctuation inside ("row-level"), the phrase of its tokens.
    auto addTerm = [&query](QStringList tokens, bool lastIsPrefix) {
        // A token of diacritics alone folds to nothing: as a prefix it would
        // match every token.
        tokens.removeIf([](const QString &tok) { return fold(tok).isEmpty(); });
        if (tokens.isEmpty() || query.m_terms.size() >= MaxTerms)
            return;
        if (tokens.size() > MaxPhraseTokens) {
            tokens.resize(MaxPhraseTokens);
            lastIsPrefix = false; // the cut token is whole
        }
        Term t;
        t.tokens = tokens;
        for (const QString &tok : std::as_const(tokens))
            t.folded.append(fold(tok));
        t.lastIsPrefix = lastIsPrefix;
        const bool seen = std::any_of(query.m_terms.cbegin(), query.m_terms.cend(), [&t](const Term &o) {
            return o.folded == t.folded && o.lastIsPrefix == t.lastIsPrefix;
        });
        if (!seen)
            query.m_terms.append(std::move(t));
    };
    auto tokensOf = [](QStringView chunk) {
        QStringList tokens;
        forEachToken(chunk, [&](int start, int length, bool) { tokens.append(chunk.mid(start, length).toString()); });
        return tokens;
    };

    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        if (isQuote(text[i])) {
            qsizetype close = i + 1;
            while (close < n && !isQuote(text[close]))
                ++close;
            // An unclosed quote is a phrase still being typed: its last word
            // is a prefix, as a word's is.
            addTerm(tokensOf(QStringView(text).mid(i + 1, close - i - 1)), close >= n);
            i = close + 1;
            continue;
        }
        qsizetype end = i;
        while (end < n && !text[end].isSpace() && !isQuote(text[end]))
            ++end;
        if (end == i) {
            ++i;
            continue;
        }
        addTerm(tokensOf(QStringView(text).mid(i, end - i)), true);
        i = end;
    }
    return query;
}

QStringList SearchQuery::words() const
{
    QStringList out;
    for (const Term &t : m_terms) {
        if (t.tokens.size() == 1)
            out.append(t.tokens.first());
    }
    return out;
}

QStringList SearchQuery::phrases() const
{
    QStringList out;
    for (const Term &t : m_terms) {
        if (t.tokens.size() > 1)
            out.append(t.tokens.join(QLatin1Char(' ')));
    }
    return out;
}

bool SearchQuery::hasPhrases() const
{
    return std::any_of(m_terms.cbegin(), m_terms.cend(), [](const Term &t) { return t.tokens.size() > 1; });
}

QStringList SearchQuery::termMatches() const
{
    QStringList out;
    for (const Term &t : m_terms) {
        QStringList parts;
        for (const QString &tok : t.tokens)
            parts.append(quoted(tok));
        if (t.lastIsPrefix)
            parts.last().append(QLatin1Char('*'));
        out.append(parts.join(QLatin1Char(' ')));
    }
    return out;
}

QString SearchQuery::ftsMatch() const
{
    return termMatches().join(QLatin1Char(' '));
}

bool SearchQuery::phrasesMatch(const QString &text) const
{
    // The text is walked once, with no copy of its tokens and no allocation
    // per token: a candidate's answers run to tens of kilobytes, and
    // hundreds are checked per keystroke. Per phrase, bit k of `alive` says
    // a partial match of its first k tokens ends at the previous token (a
    // phrase has at most MaxPhraseTokens tokens).
    static_assert(MaxPhraseTokens < 32);
    struct Pending
    {
        const Term *term;
        quint32 alive = 0;
        bool found = false;
    };
    QVarLengthArray<Pending, MaxTerms> pending;
    for (const Term &t : m_terms) {
        if (t.tokens.size() > 1)
            pending.append({&t, 0, false});
    }
    qsizetype left = pending.size();
    if (left == 0)
        return true;
    const QStringView view(text);
    forEachToken(view, [&](int start, int length, bool fieldStart) {
        if (left == 0)
            return;
        const QStringView token = view.mid(start, length);
        for (Pending &p : pending) {
            if (p.found)
                continue;
            const Term &t = *p.term;
            const int n = int(t.folded.size());
            quint32 next = 0;
            const quint32 alive = fieldStart ? 0 : p.alive;
            for (int k = 1; k < n; ++k) {
                if ((alive & (1u << k)) && tokenIs(token, t.folded.at(k), t.lastIsPrefix && k == n - 1))
                    next |= 1u << (k + 1);
            }
            if (tokenIs(token, t.folded.at(0), false))
                next |= 1u << 1;
            if (next & (1u << n)) {
                p.found = true;
                --left;
            }
            p.alive = next;
        }
    });
    return left == 0;
}

QList<SearchQuery::Occurrence> SearchQuery::occurrences(const QString &text) const
{
    QList<Occurrence> out;
    if (m_terms.isEmpty())
        return out;
    // Where the tokens are (no folded copies: a snippet's document is tens
    // of kilobytes, and tokenIs() folds ASCII in place).
    struct Span
    {
        int start;
        int length;
        bool fieldStart;
    };
    QList<Span> spans;
    spans.reserve(text.size() / 6);
    forEachToken(text, [&](int start, int length, bool fieldStart) { spans.append({start, length, fieldStart}); });
    const QStringView view(text);
    auto termAt = [&](const Term &t, qsizetype i) {
        const qsizetype n = t.folded.size();
        if (i + n > spans.size())
            return false;
        for (qsizetype k = 0; k < n; ++k) {
            const Span &sp = spans.at(i + k);
            if (k > 0 && sp.fieldStart)
                return false;
            if (!tokenIs(view.mid(sp.start, sp.length), t.folded.at(k), t.lastIsPrefix && k == n - 1))
                return false;
        }
        return true;
    };
    for (qsizetype i = 0; i < spans.size(); ++i) {
        for (qsizetype t = 0; t < m_terms.size(); ++t) {
            const Term &term = m_terms.at(t);
            if (!termAt(term, i))
                continue;
            const Span &last = spans.at(i + term.folded.size() - 1);
            const int start = spans.at(i).start;
            out.append({start, last.start + last.length - start, int(t)});
            break; // the first term that starts here marks it
        }
    }
    return out;
}

} // namespace assay
