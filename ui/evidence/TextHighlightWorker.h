#pragma once

#include "models/LineIndex.h"
#include "ui/evidence/TextSpan.h"

#include <KSyntaxHighlighting/State>

#include <QObject>
#include <QTimer>

#include <memory>

namespace KSyntaxHighlighting {
class Repository;
}

namespace assay {

class TextRowHighlighter;

// Highlights rows of an indexed file on its own thread, with its own
// Repository (a Repository is not thread-safe, and a State belongs to the
// repository that made it, so this thread does all the highlighting of a
// document). In the background it carries the highlighter's State from row
// to row over the whole file and keeps it every CheckpointRows rows; a
// request for a window starts from the checkpoint before it. A window beyond
// the checkpoints so far is coloured at once from a fresh State a little
// before it (approximate) and again, exactly, when the checkpoints reach it.
//
// Rows are the index's display segments: a long line's segments are
// highlighted as consecutive lines with the State carried between them.
class TextHighlightWorker : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype CheckpointRows = 256;
    static constexpr qsizetype ApproximateLeadRows = 64;

    TextHighlightWorker();
    ~TextHighlightWorker() override;

    // These run on the worker's thread (call them through a queued invocation).
    void setDocument(quint64 document, const LineIndex::Snapshot &snapshot, const QString &definitionName,
                     const QString &themeName);
    void updateSnapshot(quint64 document, const LineIndex::Snapshot &snapshot);
    void request(quint64 document, qsizetype first, qsizetype count);

Q_SIGNALS:
    void highlighted(quint64 document, qsizetype first, const QList<assay::TextSpans> &rows, bool exact);
    // How far the exact colouring has come (rows).
    void progressed(quint64 document, qsizetype rows);

private:
    void work();
    void serve(qsizetype first, qsizetype count);
    KSyntaxHighlighting::State stateAtRow(qsizetype row, bool *exact);

    std::unique_ptr<KSyntaxHighlighting::Repository> m_repository;
    std::unique_ptr<TextRowHighlighter> m_highlighter;
    QTimer *m_timer; // a child, so it moves to the worker's thread with it
    quint64 m_document = 0;
    LineIndex::Snapshot m_snapshot;
    // m_checkpoints[k]: the State before row k * CheckpointRows.
    QList<KSyntaxHighlighting::State> m_checkpoints;
    KSyntaxHighlighting::State m_state; // before row m_next
    qsizetype m_next = 0;
    qsizetype m_wantedFirst = -1;
    qsizetype m_wantedCount = 0;
    // A window sent approximately, to send again when the checkpoints reach it.
    qsizetype m_approxFirst = -1;
    qsizetype m_approxCount = 0;
};

} // namespace assay
