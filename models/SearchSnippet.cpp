#include "models/SearchSnippet.h"

#include "models/SearchQuery.h"

#include <QSet>

#include <algorithm>

namespace assay {

namespace {
const QChar Ellipsis(0x2026);

// How far a cut moves to land on a space rather than inside a word.
constexpr int WordSnap = 16;

bool isBreak(QChar c)
{
    return c.isSpace() || c == QChar(SearchQuery::FieldSeparator);
}
} // namespace

SearchSnippet SearchSnippet::make(const QString &document, const SearchQuery &query, int maxChars)
{
    SearchSnippet snippet;
    maxChars = std::max(maxChars, 3);
    const qsizetype size = document.size();
    const QList<SearchQuery::Occurrence> found = query.occurrences(document);

    // The window: the run of occurrences that fits in the room left for
    // text (two ellipses at most) with the most different terms, then the
    // most occurrences; the earliest of equals.
    const int room = maxChars - 2;
    qsizetype from = 0;
    qsizetype to = std::min<qsizetype>(size, maxChars);
    if (!found.isEmpty()) {
        qsizetype best = 0, bestEnd = 0;
        int bestTerms = -1, bestCount = -1;
        for (qsizetype i = 0; i < found.size(); ++i) {
            QSet<int> terms;
            qsizetype j = i;
            for (; j < found.size(); ++j) {
                const qsizetype end = found.at(j).start + found.at(j).length;
                if (j > i && end - found.at(i).start > room)
                    break;
                terms.insert(found.at(j).term);
            }
            const int count = int(j - i);
            if (int(terms.size()) > bestTerms || (int(terms.size()) == bestTerms && count > bestCount)) {
                best = i;
                bestEnd = j - 1;
                bestTerms = int(terms.size());
                bestCount = count;
            }
        }
        const qsizetype spanStart = found.at(best).start;
        const qsizetype spanEnd = std::min<qsizetype>(found.at(bestEnd).start + found.at(bestEnd).length, spanStart + room);
        // A third of the slack before the matches, the rest after: the
        // words leading up to a match say what it is about.
        const qsizetype slack = room - (spanEnd - spanStart);
        from = std::max<qsizetype>(0, spanStart - slack / 3);
        to = std::min<qsizetype>(size, from + room);
        from = std::max<qsizetype>(0, std::min(from, to - room));
        // Cut at spaces where one is near, never into the matches.
        if (from > 0 && !isBreak(document.at(from - 1))) {
            for (qsizetype k = from; k < std::min(spanStart, from + WordSnap); ++k) {
                if (isBreak(document.at(k))) {
                    from = k + 1;
                    break;
                }
            }
        }
        if (to < size && !isBreak(document.at(to))) {
            for (qsizetype k = to - 1; k > std::max(spanEnd, to - WordSnap); --k) {
                if (isBreak(document.at(k))) {
                    to = k;
                    break;
                }
            }
        }
    } else if (to < size) {
        to = std::min<qsizetype>(size, room + 1);
    }
    // Never half a surrogate pair at either end.
    if (from > 0 && from < size && document.at(from).isLowSurrogate())
        ++from;
    if (to > from && to < size && document.at(to).isLowSurrogate())
        --to;

    const bool cutBefore = from > 0;
    const bool cutAfter = to < size;
    QString body = document.mid(from, to - from);
    // Line breaks and field ends read as spaces in a one-line cell (one
    // character for one: the offsets stay true).
    for (QChar &c : body) {
        if (isBreak(c))
            c = QLatin1Char(' ');
    }
    snippet.text = (cutBefore ? QString(Ellipsis) : QString()) + body + (cutAfter ? QString(Ellipsis) : QString());
    const int shift = (cutBefore ? 1 : 0) - int(from);
    for (const SearchQuery::Occurrence &o : found) {
        if (o.start >= from && o.start + o.length <= to)
            snippet.matches.append({o.start + shift, o.length});
    }
    return snippet;
}

} // namespace assay
