#include "ui/evidence/TextHighlighter.h"

#include "ui/evidence/TextHighlightWorker.h"

namespace assay {

namespace {

// Rows kept; a screen is under a hundred, so this is many screens of
// scrolling back without asking again, and little memory.
constexpr qsizetype MaxCachedRows = 20000;

} // namespace

TextHighlighter::TextHighlighter(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<assay::TextSpans>();
    qRegisterMetaType<QList<assay::TextSpans>>();
    m_thread.setObjectName(QStringLiteral("text highlighter"));
}

TextHighlighter::~TextHighlighter()
{
    if (m_thread.isRunning()) {
        m_thread.quit();
        m_thread.wait();
    }
}

void TextHighlighter::setDocument(const LineIndex::Snapshot &snapshot, const QString &definitionName,
                                  const QString &themeName)
{
    ++m_document;
    m_rows.clear();
    m_progress = 0;
    m_active = !definitionName.isEmpty();
    if (!m_active)
        return;
    if (!m_worker) {
        // The worker's Repository is made on its thread, on first use.
        m_worker = new TextHighlightWorker;
        m_worker->moveToThread(&m_thread);
        connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
        connect(m_worker, &TextHighlightWorker::highlighted, this, &TextHighlighter::received);
        connect(m_worker, &TextHighlightWorker::progressed, this, [this](quint64 document, qsizetype rows) {
            if (document == m_document)
                m_progress = rows;
        });
        m_thread.start(QThread::LowPriority);
    }
    const quint64 document = m_document;
    QMetaObject::invokeMethod(m_worker, [w = m_worker, document, snapshot, definitionName, themeName] {
        w->setDocument(document, snapshot, definitionName, themeName);
    });
}

void TextHighlighter::updateSnapshot(const LineIndex::Snapshot &snapshot)
{
    if (!m_active)
        return;
    const quint64 document = m_document;
    QMetaObject::invokeMethod(m_worker, [w = m_worker, document, snapshot] { w->updateSnapshot(document, snapshot); });
}

void TextHighlighter::clear()
{
    ++m_document;
    m_rows.clear();
    m_progress = 0;
    m_active = false;
}

void TextHighlighter::requestWindow(qsizetype first, qsizetype count)
{
    if (!m_active || count <= 0)
        return;
    bool complete = true;
    for (qsizetype r = first; r < first + count && complete; ++r) {
        const auto it = m_rows.constFind(r);
        complete = it != m_rows.cend() && it->exact;
    }
    if (complete)
        return;
    const quint64 document = m_document;
    QMetaObject::invokeMethod(m_worker, [w = m_worker, document, first, count] { w->request(document, first, count); });
}

const TextSpans *TextHighlighter::spans(qsizetype row) const
{
    const auto it = m_rows.constFind(row);
    return it == m_rows.cend() ? nullptr : &it->spans;
}

bool TextHighlighter::isExact(qsizetype row) const
{
    const auto it = m_rows.constFind(row);
    return it != m_rows.cend() && it->exact;
}

void TextHighlighter::received(quint64 document, qsizetype first, const QList<TextSpans> &rows, bool exact)
{
    if (document != m_document)
        return;
    if (m_rows.size() + rows.size() > MaxCachedRows)
        m_rows.clear();
    for (qsizetype i = 0; i < rows.size(); ++i) {
        Row &row = m_rows[first + i];
        // An approximate answer never replaces an exact one.
        if (exact || !row.exact)
            row = Row{rows.at(i), exact};
    }
    Q_EMIT rowsHighlighted(first, rows.size());
}

} // namespace assay
