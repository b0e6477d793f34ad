#include "ui/evidence/TextHighlightWorker.h"

#include "ui/evidence/TextRowHighlighter.h"

#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>

#include <QElapsedTimer>

namespace assay {

namespace {

// A background slice: short, so a request waits at most this long.
constexpr int SliceMs = 8;

} // namespace

TextHighlightWorker::TextHighlightWorker()
    : m_timer(new QTimer(this))
{
    m_timer->setInterval(0);
    connect(m_timer, &QTimer::timeout, this, &TextHighlightWorker::work);
}

TextHighlightWorker::~TextHighlightWorker() = default;

void TextHighlightWorker::setDocument(quint64 document, const LineIndex::Snapshot &snapshot,
                                      const QString &definitionName, const QString &themeName)
{
    if (!m_repository)
        m_repository = std::make_unique<KSyntaxHighlighting::Repository>();
    if (!m_highlighter)
        m_highlighter = std::make_unique<TextRowHighlighter>();
    m_document = document;
    m_snapshot = snapshot;
    m_highlighter->setDefinition(m_repository->definitionForName(definitionName));
    m_highlighter->setTheme(m_repository->theme(themeName));
    m_checkpoints = {KSyntaxHighlighting::State()};
    m_state = {};
    m_next = 0;
    m_wantedFirst = -1;
    m_approxFirst = -1;
    if (definitionName.isEmpty())
        m_timer->stop();
    else
        m_timer->start();
}

void TextHighlightWorker::updateSnapshot(quint64 document, const LineIndex::Snapshot &snapshot)
{
    if (document != m_document)
        return;
    m_snapshot = snapshot;
    if (m_highlighter && m_highlighter->definition().isValid())
        m_timer->start();
}

void TextHighlightWorker::request(quint64 document, qsizetype first, qsizetype count)
{
    if (document != m_document || !m_highlighter || !m_highlighter->definition().isValid())
        return;
    // Requests only come through the event loop: the latest window wins.
    m_wantedFirst = first;
    m_wantedCount = count;
    m_timer->start();
}

KSyntaxHighlighting::State TextHighlightWorker::stateAtRow(qsizetype row, bool *exact)
{
    const qsizetype k = row / CheckpointRows;
    qsizetype from;
    KSyntaxHighlighting::State state;
    if (k < m_checkpoints.size()) {
        from = k * CheckpointRows;
        state = m_checkpoints.at(k);
        *exact = true;
    } else {
        from = std::max<qsizetype>(0, row - ApproximateLeadRows);
        *exact = false;
    }
    for (qsizetype r = from; r < row; ++r)
        state = m_highlighter->highlight(m_snapshot.segmentText(r), state, nullptr);
    return state;
}

void TextHighlightWorker::serve(qsizetype first, qsizetype count)
{
    first = std::clamp<qsizetype>(first, 0, m_snapshot.segmentCount());
    count = std::min(count, m_snapshot.segmentCount() - first);
    if (count <= 0)
        return;
    bool exact = false;
    KSyntaxHighlighting::State state = stateAtRow(first, &exact);
    QList<TextSpans> rows;
    rows.reserve(count);
    for (qsizetype r = first; r < first + count; ++r) {
        TextSpans spans;
        state = m_highlighter->highlight(m_snapshot.segmentText(r), state, &spans);
        rows.append(spans);
    }
    if (exact) {
        if (m_approxFirst >= 0 && m_approxFirst < first + count && first < m_approxFirst + m_approxCount)
            m_approxFirst = -1;
    } else {
        m_approxFirst = first;
        m_approxCount = count;
    }
    Q_EMIT highlighted(m_document, first, rows, exact);
}

void TextHighlightWorker::work()
{
    if (m_wantedFirst >= 0) {
        const qsizetype first = m_wantedFirst;
        m_wantedFirst = -1;
        serve(first, m_wantedCount);
        return;
    }
    // An approximate window the checkpoints have reached: send it exactly.
    if (m_approxFirst >= 0 && m_approxFirst / CheckpointRows < m_checkpoints.size()) {
        const qsizetype first = m_approxFirst;
        m_approxFirst = -1;
        serve(first, m_approxCount);
        return;
    }
    QElapsedTimer slice;
    slice.start();
    const qsizetype end = m_snapshot.segmentCount();
    while (m_next < end && slice.elapsed() < SliceMs) {
        m_state = m_highlighter->highlight(m_snapshot.segmentText(m_next), m_state, nullptr);
        ++m_next;
        if (m_next % CheckpointRows == 0)
            m_checkpoints.append(m_state);
    }
    Q_EMIT progressed(m_document, m_next);
    if (m_next >= end && m_approxFirst < 0)
        m_timer->stop();
}

} // namespace assay
