#include "ui/review/DebouncedWriter.h"

namespace assay {

DebouncedWriter::DebouncedWriter(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(DelayMs);
    connect(&m_timer, &QTimer::timeout, this, &DebouncedWriter::flush);
}

DebouncedWriter::~DebouncedWriter()
{
    // Closing the screen mid-word still keeps the word.
    if (m_pending)
        run(std::exchange(m_pending, {}));
}

void DebouncedWriter::schedule(const QString &key, Write write)
{
    if (m_pending && key != m_pendingKey)
        flush();
    m_pending = std::move(write);
    m_pendingKey = key;
    setState(State::Pending);
    m_timer.start();
}

void DebouncedWriter::writeNow(const Write &write)
{
    flush();
    setState(State::Pending);
    run(write);
}

void DebouncedWriter::flush()
{
    m_timer.stop();
    if (!m_pending)
        return;
    const Write write = std::exchange(m_pending, {});
    m_pendingKey.clear();
    run(write);
}

void DebouncedWriter::run(const Write &write)
{
    if (const Result<> done = write(); !done) {
        setState(State::Failed, done.error().message);
        return;
    }
    // Another write may have been scheduled meanwhile; then it is not all saved.
    if (!m_pending) {
        setState(State::Saved);
        Q_EMIT saved();
    }
}

void DebouncedWriter::setState(State state, const QString &error)
{
    if (state == m_state && error == m_error)
        return;
    m_state = state;
    m_error = error;
    Q_EMIT stateChanged(state);
}

} // namespace assay
