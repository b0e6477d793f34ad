#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace assay {

// Word-by-word differences between two texts (a partner's answer now and in
// the previous submission). Texts are cut into words and the runs of space
// and punctuation between them, so a change of one word marks that word, not
// its line or its characters.
class WordDiff
{
public:
    enum class Op { Equal, Insert, Delete };
    struct Segment
    {
        Op op = Op::Equal;
        QString text;
        friend bool operator==(const Segment &, const Segment &) = default;
    };

    // The segments that turn `before` into `after`: Equal and Delete spell
    // `before`, Equal and Insert spell `after`. Adjacent tokens of one kind
    // are merged; within a change the deleted text comes before the inserted.
    static QList<Segment> compare(const QString &before, const QString &after);

    // Escaped HTML: insertions in <ins>, deletions in <del>, so they read
    // without colour too (underline, strike-through). Line breaks become <br>.
    static QString toHtml(const QList<Segment> &segments);

    // The tokens compare() works on: words, and everything between them
    // (spaces, punctuation) as tokens of their own. Unicode word boundaries
    // (UAX #29), so accented and non-Latin words stay whole.
    static QStringList tokenize(const QString &text);

    // The text on one side of the segments (Equal + Delete, or Equal + Insert).
    static QString before(const QList<Segment> &segments);
    static QString after(const QList<Segment> &segments);
};

} // namespace assay
