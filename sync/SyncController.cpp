#include "sync/SyncController.h"

namespace assay {

SyncController::SyncController(SyncEngine::Options options, QObject *parent)
    : QObject(parent)
    , m_engine(new SyncEngine(std::move(options)))
{
    m_thread.setObjectName(QStringLiteral("sync"));
    m_engine->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_engine, &QObject::deleteLater);
    connect(m_engine, &SyncEngine::statusChanged, this, &SyncController::statusChanged);
    connect(m_engine, &SyncEngine::phaseChanged, this, &SyncController::statusChanged);
    connect(m_engine, &SyncEngine::submissionsChanged, this, &SyncController::submissionsChanged);
    connect(m_engine, &SyncEngine::finished, this, [this](const SyncEngine::Report &report) {
        m_syncing = false;
        Q_EMIT finished(report);
    });
    connect(&m_timer, &QTimer::timeout, this, &SyncController::syncNow);
    m_thread.start();
}

SyncController::~SyncController()
{
    QMetaObject::invokeMethod(m_engine, &SyncEngine::cancel, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void SyncController::start(std::chrono::milliseconds interval)
{
    m_timer.start(interval);
    syncNow();
}

void SyncController::syncNow()
{
    if (m_syncing)
        return;
    m_syncing = true;
    QMetaObject::invokeMethod(m_engine, &SyncEngine::start, Qt::QueuedConnection);
}

void SyncController::prioritize(const QString &submissionId)
{
    QMetaObject::invokeMethod(m_engine, [engine = m_engine, submissionId] { engine->prioritize(submissionId); },
                              Qt::QueuedConnection);
}

} // namespace assay
