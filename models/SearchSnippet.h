#pragma once

#include <QList>
#include <QString>

#include <utility>

namespace assay {

class SearchQuery;

// The part of a searchable document to show in the queue's match column:
// the window of text with the most different terms of the query in it,
// "…" where it was cut, and where each matching word or phrase sits in it
// for highlighting.
struct SearchSnippet
{
    QString text;                       // at most maxChars, "…" where cut
    QList<std::pair<int, int>> matches; // (start, length) in text, ascending

    // Without a match (an empty query, or a document the query does not
    // hit) the snippet is the document's beginning with no matches.
    static SearchSnippet make(const QString &document, const SearchQuery &query, int maxChars = 160);
};

} // namespace assay
