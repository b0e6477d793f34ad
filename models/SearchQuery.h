#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace assay {

// What a reviewer typed into the search box, as the index can answer it.
//
// The language is plain words and "quoted phrases", nothing else: FTS5's own
// syntax (AND/OR/NOT/NEAR, *, ^, column filters, parentheses) is text like
// any other, and no input is ever an error — what says nothing searchable
// gives an empty query. Words match as prefixes ("tim" finds "Timesheets");
// a phrase's words must follow one another (its last word is a prefix too,
// so a phrase being typed keeps finding).
//
// Text is split into tokens as the index's tokenizer (unicode61
// remove_diacritics 2) splits it, and compared as it folds it: case and
// diacritics do not matter ("rontgen" finds "Röntgen"). A word with
// punctuation inside ("row-level", "don't") is the phrase of its pieces.
class SearchQuery
{
public:
    // Words and phrases beyond these are dropped: a pasted page of text is a
    // query of its first terms, not a MATCH expression of megabytes.
    static constexpr int MaxTerms = 16;
    static constexpr int MaxInputChars = 1000;
    static constexpr int MaxPhraseTokens = 16;

    // Ends a field in a searchable document (SearchIndex::documents()): no
    // phrase runs across it. A paragraph separator, which the tokenizer
    // skips like a space.
    static constexpr char16_t FieldSeparator = u'\u2029';

    static SearchQuery parse(const QString &text);

    bool isEmpty() const { return m_terms.isEmpty(); }

    // The single-token terms (prefixes), as typed (not folded).
    QStringList words() const;
    // The terms of more than one token, their tokens joined by a space.
    QStringList phrases() const;
    bool hasPhrases() const;

    // A safe MATCH expression for the index: each token quoted, words as
    // prefixes. A phrase is its tokens in one entry (detail=none knows no
    // positions): phrasesMatch() checks the order afterwards. Empty when
    // the query is.
    QString ftsMatch() const;
    // One MATCH expression per term, for ranking each term on its own (a
    // submission's terms may sit in different index entries).
    QStringList termMatches() const;

    // Whether a text holds every phrase with its tokens adjacent (case- and
    // diacritic-insensitive, as the index tokenizes; not across a
    // FieldSeparator). Words are not checked: the index did.
    bool phrasesMatch(const QString &text) const;

    // Every occurrence of a term in text: (start, length) in UTF-16 units,
    // sorted by start, with the index of the term (0-based, in order of
    // terms) that matched.
    struct Occurrence
    {
        int start = 0;
        int length = 0;
        int term = 0;
    };
    QList<Occurrence> occurrences(const QString &text) const;
    int termCount() const { return int(m_terms.size()); }

    // The index's tokenizer, folded: lower case, no diacritics. Exposed for
    // tests and the snippet maker.
    struct Token
    {
        int start = 0;
        int length = 0;
        QString folded;
        bool fieldStart = false; // the first token after a FieldSeparator
    };
    static QList<Token> tokenize(const QString &text);
    static QString fold(QStringView token);

private:
    struct Term
    {
        QStringList tokens; // as typed
        QStringList folded;
        bool lastIsPrefix = true;
    };
    QList<Term> m_terms;
};

} // namespace assay
