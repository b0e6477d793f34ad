#pragma once

#include "sync/SyncEngine.h"

#include <QDateTime>
#include <QObject>
#include <QThread>
#include <QTimer>

#include <memory>

namespace assay {

class Cache;

// Runs a SyncEngine on a thread of its own for the GUI: the GUI thread never
// waits on the network or on bulk writes to the cache. Syncs now and then
// again every `interval` while the application runs; signals arrive in the
// controller's (the GUI's) thread.
//
// It also keeps what a status bar shows: the phase and its progress, whether
// the marketplace answered the last cycle (online), when a cycle last ended
// in step (kept in the cache's sync values, so a restart still knows), what
// the last failure said, and how many changes wait in the outbox.
class SyncController : public QObject
{
    Q_OBJECT

public:
    explicit SyncController(SyncEngine::Options options, QObject *parent = nullptr);
    ~SyncController() override;

    void start(std::chrono::milliseconds interval = std::chrono::minutes(2));
    // Starts a cycle; during one, asks for another right after it (any
    // number of calls meanwhile make one more cycle, not many).
    void syncNow();
    // Ends the cycle in flight and the automatic syncs (sign out).
    void stop();
    void prioritize(const QString &submissionId);
    bool isSyncing() const { return m_syncing; }

    // The marketplace answered the last cycle (true until a cycle says
    // otherwise).
    bool isOnline() const { return m_online; }
    // The end of the last cycle that left the cache in step; invalid: never.
    QDateTime lastSuccess() const { return m_lastSuccess; }
    // Changes in the outbox not yet delivered, as of the last cycle's end.
    int pendingChanges() const { return m_pending; }
    // What the last failed cycle said (empty after a good one).
    QString lastError() const { return m_lastError; }
    // The cache's sync-values key of lastSuccess().
    static QString lastSuccessKey();

Q_SIGNALS:
    void statusChanged(const QString &status);
    void submissionsChanged(const QStringList &ids);
    void finished(const assay::SyncEngine::Report &report);
    // The phase ("feed", "details", "evidence", or another step of the cycle
    // with total 0) and how far it is; total -1: not known yet.
    void progressChanged(const QString &phase, int done, int total);
    void onlineChanged(bool online);
    void lastSyncChanged(const QDateTime &at); // last successful sync
    void failed(const QString &serverMessage); // what the server said, for a click
    void pendingChanged(int changes);

private:
    void onFinished(const SyncEngine::Report &report);
    void onPhase(const QString &phase);
    void setOnline(bool online);

    SyncEngine::Options m_options;
    QThread m_thread;
    SyncEngine *m_engine;
    QTimer m_timer;
    bool m_syncing = false;
    bool m_again = false;
    bool m_online = true;
    int m_pending = 0;
    QString m_phase;
    QDateTime m_lastSuccess;
    QString m_lastError;
    // The cache's sync values, on the sync thread only.
    std::unique_ptr<Cache> m_values;
};

} // namespace assay
