#pragma once

#include "sync/BackoffPolicy.h"
#include "sync/SyncReport.h"

#include <QElapsedTimer>
#include <QObject>

#include <functional>

namespace assay {

struct ApiError;

// One sync cycle as its parts see it: which cycle is current (a reply or a
// retry that outlives its cycle is dropped), whether new work may start,
// the report they fill in, the retry rules, and the one budget of requests
// in flight that details and files share. SyncEngine owns it and decides
// when a cycle begins and ends; the parts ask it to stop.
class SyncCycle : public QObject
{
    Q_OBJECT

public:
    SyncCycle(BackoffPolicy policy, int parallel, QObject *parent = nullptr);

    void begin();
    // The cycle is winding down: what was fetched is stored, nothing new starts.
    void setStopping(bool stopping) { m_stopping = stopping; }
    void cancel() { m_cancelled = true; }
    void end() { m_running = false; m_stopping = false; }

    quint64 id() const { return m_id; }
    bool isRunning() const { return m_running; }
    bool isStopping() const { return m_stopping; }
    bool isCancelled() const { return m_cancelled; }
    // A reply or a timer of cycle `id` may still act.
    bool isCurrent(quint64 id) const { return m_running && id == m_id; }
    // New requests may start.
    bool accepting() const { return m_running && !m_cancelled && !m_stopping; }
    qint64 elapsedMs() const { return m_timer.elapsed(); }

    SyncReport &report() { return m_report; }
    const SyncReport &report() const { return m_report; }

    // Requests in flight, details and files together, and how many may be.
    int parallel() const { return m_parallel; }
    bool hasFreeSlot() const { return m_inFlight < m_parallel; }
    void requestStarted() { ++m_inFlight; }
    void requestEnded() { --m_inFlight; }

    // Logged and kept in the report; the cycle goes on.
    void problem(const QString &text);
    // Schedules `again` after a backoff for a transient error (in this cycle
    // only), or returns false when `error` is not worth retrying or the
    // attempts ran out. A 401 is never retried: it marks the token rejected.
    bool retryLater(const ApiError &error, int &attempts, std::function<void()> again);
    // The marketplace refused the token: every other request would be
    // refused as well, so the cycle stops. Its error says what the server
    // said (api.md's error body): shown, never logged — an error's text is
    // the server's and may quote what it was sent.
    void refuseToken(const ApiError &error);
    // Asks SyncEngine to end the cycle with `error` (empty: it is done).
    void stop(const QString &error = {}) { Q_EMIT stopRequested(error); }

Q_SIGNALS:
    void stopRequested(const QString &error);
    void retrying(const QString &why, int delayMs, bool offline);
    void submissionsChanged(const QStringList &ids);
    void progress(int done, int total, qint64 bytes);

private:
    BackoffPolicy m_policy;
    int m_parallel;
    quint64 m_id = 0;
    bool m_running = false;
    bool m_cancelled = false;
    bool m_stopping = false;
    int m_inFlight = 0;
    SyncReport m_report;
    QElapsedTimer m_timer;
};

} // namespace assay
