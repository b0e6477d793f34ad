#pragma once

#include "domain/SecretFinding.h"
#include "models/LineIndex.h"
#include "ui/evidence/TextSearch.h"

#include <QBrush>
#include <QList>
#include <QString>
#include <QTextLayout>

#include <limits>

namespace assay {

class TextHighlighter;

// One row of the text view as it is drawn: the row's text with syntax
// colours, findings marked, search hits and the current place, and — when
// redaction is on — each finding replaced by SecretsFinder::redaction(), so
// the secret's text is not in what is drawn (or copied) at all.
class TextRowComposer
{
public:
    struct Row
    {
        QString text;
        QList<QTextLayout::FormatRange> formats;
    };
    // A place in the text (a go-to or the current hit): line from 0,
    // column and length in UTF-16 units of the line.
    struct Mark
    {
        int line = -1;
        qint64 column = 0;
        int length = 0;
    };

    // What rows are made of; borrowed, valid while composing.
    const LineIndex::Snapshot *snapshot = nullptr;
    const TextHighlighter *highlighter = nullptr;
    const QList<SecretFinding> *findings = nullptr; // sorted by line and column
    const QList<TextSearch::Hit> *hits = nullptr;    // sorted
    bool redacted = false;
    Mark mark;
    QBrush markBackground;
    QBrush markForeground;

    // Formats are made only for [from, to) of the drawn text (the rest of a
    // long row is off screen).
    Row compose(qsizetype row, qsizetype from = 0, qsizetype to = std::numeric_limits<qsizetype>::max()) const;
};

} // namespace assay
