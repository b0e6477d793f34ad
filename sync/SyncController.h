#pragma once

#include "sync/SyncEngine.h"

#include <QObject>
#include <QThread>
#include <QTimer>

namespace assay {

// Runs a SyncEngine on a thread of its own for the GUI: the GUI thread never
// waits on the network or on bulk writes to the cache. Syncs now and then
// again every `interval` while the application runs; signals arrive in the
// controller's (the GUI's) thread.
class SyncController : public QObject
{
    Q_OBJECT

public:
    explicit SyncController(SyncEngine::Options options, QObject *parent = nullptr);
    ~SyncController() override;

    void start(std::chrono::milliseconds interval = std::chrono::minutes(2));
    void syncNow();
    void prioritize(const QString &submissionId);
    bool isSyncing() const { return m_syncing; }

Q_SIGNALS:
    void statusChanged(const QString &status);
    void submissionsChanged(const QStringList &ids);
    void finished(const assay::SyncEngine::Report &report);

private:
    QThread m_thread;
    SyncEngine *m_engine;
    QTimer m_timer;
    bool m_syncing = false;
};

} // namespace assay
