#pragma once

#include "models/LineIndex.h"
#include "ui/evidence/TextSpan.h"

#include <QHash>
#include <QObject>
#include <QThread>

namespace assay {

class TextHighlightWorker;

// The GUI thread's side of highlighting: hands the document to a
// TextHighlightWorker on its own thread, asks it for the visible window and
// keeps what comes back. Rows without colours yet are drawn plain.
class TextHighlighter : public QObject
{
    Q_OBJECT

public:
    explicit TextHighlighter(QObject *parent = nullptr);
    ~TextHighlighter() override;

    // An empty definition name: no highlighting (plain text).
    void setDocument(const LineIndex::Snapshot &snapshot, const QString &definitionName, const QString &themeName);
    void updateSnapshot(const LineIndex::Snapshot &snapshot);
    void clear();
    // Asks for rows [first, first + count) unless they are coloured already.
    void requestWindow(qsizetype first, qsizetype count);
    // The row's spans, or null when it has none yet.
    const TextSpans *spans(qsizetype row) const;
    bool isExact(qsizetype row) const;
    // How many rows from the start the background has coloured exactly.
    qsizetype progress() const { return m_progress; }

Q_SIGNALS:
    void rowsHighlighted(qsizetype first, qsizetype count);

private:
    void received(quint64 document, qsizetype first, const QList<assay::TextSpans> &rows, bool exact);
    struct Row
    {
        TextSpans spans;
        bool exact = false;
    };
    QThread m_thread;
    TextHighlightWorker *m_worker = nullptr;
    quint64 m_document = 0;
    bool m_active = false;
    QHash<qsizetype, Row> m_rows;
    qsizetype m_progress = 0;
};

} // namespace assay
