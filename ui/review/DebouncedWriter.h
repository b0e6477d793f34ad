#pragma once

#include "domain/Result.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>

namespace assay {

// Saves the reviewer's work as it is made: a tick is written at once, typing
// a moment after the last keystroke (well inside 300 ms), so a crash loses at
// most the keystrokes of that moment and a fast typist does not write once per
// key. It says Saved only once the write has committed.
class DebouncedWriter : public QObject
{
    Q_OBJECT

public:
    enum class State { Idle, Pending, Saved, Failed };
    Q_ENUM(State)
    using Write = std::function<Result<>()>;

    static constexpr int DelayMs = 200;

    explicit DebouncedWriter(QObject *parent = nullptr);
    ~DebouncedWriter() override;

    // Schedules a write for `key` (e.g. the note being typed); a later call
    // for the same key replaces it. A pending write for another key is
    // written first, so switching notes never drops one.
    void schedule(const QString &key, Write write);
    // Writes now: what is pending, then `write`.
    void writeNow(const Write &write);
    // Writes what is pending now (before the screen shows other data).
    void flush();
    bool hasPending() const { return bool(m_pending); }
    QString pendingKey() const { return m_pendingKey; }

    State state() const { return m_state; }
    QString error() const { return m_error; }

Q_SIGNALS:
    void stateChanged(assay::DebouncedWriter::State state);
    // A write committed (what it wrote is in the cache).
    void saved();

private:
    void run(const Write &write);
    void setState(State state, const QString &error = {});

    QTimer m_timer;
    Write m_pending;
    QString m_pendingKey;
    State m_state = State::Idle;
    QString m_error;
};

} // namespace assay
