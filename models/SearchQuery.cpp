#include "models/SearchQuery.h"

#include <QChar>

#include <algorithm>

namespace assay {

namespace {

// The tokenizer is SQLite's unicode61, named for the Unicode version of its
// tables: a character is part of a token when it was a letter, a number or
// a private-use character in Unicode 6.1. Qt knows newer versions; a letter
// assigned since is a separator to the index, and must be one here, or a
// quoted term would hold two tokens for SQLite — a phrase query, which a
// detail=none index refuses with an error. (tst_searchquery compares this
// with SQLite's tokenizer over every character of the BMP.)
bool isTokenChar(char32_t c)
{
    if (c < 0x80)
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
    if (QChar::unicodeVersion(c) > QChar::Unicode_6_1 || QChar::unicodeVersion(c) == QChar::Unicode_Unassigned)
        return false;
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
        return true;
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
            const char32_t c = charAt(i, &width);
            // unicode61 with remove_diacritics keeps combining marks inside
            // a token (and then drops them): "e\u0301cole" is one token.
            if (!isTokenChar(c) && QChar::category(c) != QChar::Mark_NonSpacing)
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

bool SearchQuery::termAt(const Term &t, const QList<Token> &tokens, qsizetype i) const
{
    const qsizetype n = t.folded.size();
    if (i + n > tokens.size())
        return false;
    for (qsizetype k = 0; k < n; ++k) {
        const Token &tok = tokens.at(i + k);
        if (k > 0 && tok.fieldStart)
            return false;
        const bool prefix = t.lastIsPrefix && k == n - 1;
        if (prefix ? !tok.folded.startsWith(t.folded.at(k)) : tok.folded != t.folded.at(k))
            return false;
    }
    return true;
}

bool SearchQuery::phrasesMatch(const QString &text) const
{
    // The text is walked once, with no copy of its tokens: a candidate's
    // answers run to tens of kilobytes, and hundreds are checked per
    // keystroke. For each phrase, `progress` holds the starts of partial
    // matches still alive (a phrase has at most MaxPhraseTokens tokens).
    struct Pending
    {
        const Term *term;
        QList<int> alive; // how many tokens matched, per partial match
        bool found = false;
    };
    QList<Pending> pending;
    for (const Term &t : m_terms) {
        if (t.tokens.size() > 1)
            pending.append({&t, {}, false});
    }
    if (pending.isEmpty())
        return true;
    qsizetype left = pending.size();
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
            QList<int> next;
            if (!fieldStart) {
                for (int matched : std::as_const(p.alive)) {
                    if (tokenIs(token, t.folded.at(matched), t.lastIsPrefix && matched == n - 1))
                        next.append(matched + 1);
                }
            }
            if (tokenIs(token, t.folded.at(0), false))
                next.append(1);
            if (next.contains(n)) {
                p.found = true;
                --left;
            }
            p.alive = std::move(next);
        }
    });
    return left == 0;
}

QList<SearchQuery::Occurrence> SearchQuery::occurrences(const QString &text) const
{
    QList<Occurrence> out;
    if (m_terms.isEmpty())
        return out;
    const QList<Token> tokens = tokenize(text);
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        for (qsizetype t = 0; t < m_terms.size(); ++t) {
            const Term &term = m_terms.at(t);
            if (!termAt(term, tokens, i))
                continue;
            const Token &last = tokens.at(i + term.folded.size() - 1);
            const int start = tokens.at(i).start;
            out.append({start, last.start + last.length - start, int(t)});
            break; // the first term that starts here marks it
        }
    }
    return out;
}

} // namespace assay
