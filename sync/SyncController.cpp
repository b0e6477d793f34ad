#include "sync/SyncController.h"

#include "models/Cache.h"
#include "models/Profile.h"
#include "models/SubmissionStore.h"
#include "sync/SyncLogging.h"

using namespace Qt::StringLiterals;

namespace assay {

namespace {

// The engine names its steps for people; the status bar shows a bar for the
// three that move many things, under a stable key.
QString phaseKey(const QString &engineText)
{
    static const QHash<QString, QString> keys = {
        {u"reading the change feed"_s, u"feed"_s},
        {u"fetching details"_s, u"details"_s},
        {u"downloading evidence"_s, u"evidence"_s},
    };
    return keys.value(engineText, engineText);
}

// The last good sync's time lives in the cache's sync values, read and
// written on the sync thread through a connection of the controller's own
// (the engine's is its private business; the GUI thread never waits on it).
Result<QDateTime> readLastSuccess(std::unique_ptr<Cache> &cache, const QString &profileDir)
{
    if (!cache) {
        const Profile profile(profileDir);
        if (const Result<> made = profile.ensureExists(); !made)
            return made.error();
        auto opened = std::make_unique<Cache>();
        if (const Result<> ok = opened->open(profile.cachePath()); !ok)
            return ok.error();
        cache = std::move(opened);
    }
    const Result<QString> value = cache->submissions().syncValue(SyncController::lastSuccessKey());
    if (!value)
        return value.error();
    return QDateTime::fromString(*value, Qt::ISODateWithMs);
}

} // namespace

SyncController::SyncController(SyncEngine::Options options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_engine(new SyncEngine(std::move(options)))
{
    m_thread.setObjectName(QStringLiteral("sync"));
    m_engine->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_engine, &QObject::deleteLater);
    connect(m_engine, &SyncEngine::statusChanged, this, &SyncController::statusChanged);
    connect(m_engine, &SyncEngine::phaseChanged, this, &SyncController::statusChanged);
    connect(m_engine, &SyncEngine::phaseChanged, this, &SyncController::onPhase);
    connect(m_engine, &SyncEngine::progress, this, [this](int done, int total, qint64) {
        // Something came back from the marketplace.
        setOnline(true);
        Q_EMIT progressChanged(m_phase, done, total);
    });
    connect(m_engine, &SyncEngine::retrying, this, [this](const QString &, int, bool offline) {
        if (offline)
            setOnline(false);
    });
    connect(m_engine, &SyncEngine::submissionsChanged, this, &SyncController::submissionsChanged);
    connect(m_engine, &SyncEngine::finished, this, &SyncController::onFinished);
    connect(&m_timer, &QTimer::timeout, this, &SyncController::syncNow);
    m_thread.start();

    // What an earlier run recorded, for the status bar before this run's
    // first cycle ends.
    QMetaObject::invokeMethod(m_engine, [this, engine = m_engine, dir = m_options.profileDir] {
        const Result<QDateTime> at = readLastSuccess(m_values, dir);
        if (!at) {
            qCWarning(lcSync).noquote() << "the last sync's time could not be read:" << at.error().message;
            return;
        }
        if (!at->isValid())
            return;
        // Posted to the controller: dropped with it if it is gone by then.
        QMetaObject::invokeMethod(this, [this, when = *at] {
            if (!m_lastSuccess.isValid() || when > m_lastSuccess) {
                m_lastSuccess = when;
                Q_EMIT lastSyncChanged(when);
            }
        }, Qt::QueuedConnection);
        Q_UNUSED(engine);
    }, Qt::QueuedConnection);
}

SyncController::~SyncController()
{
    QMetaObject::invokeMethod(m_engine, [this] {
        m_engine->cancel();
        // Closed in the thread that opened it.
        m_values.reset();
    }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QString SyncController::lastSuccessKey()
{
    return u"last_success"_s;
}

void SyncController::start(std::chrono::milliseconds interval)
{
    m_timer.start(interval);
    syncNow();
}

void SyncController::syncNow()
{
    if (m_syncing) {
        // Changes made during this cycle (a verdict recorded while the feed
        // was read) go out with the next one, right after.
        m_again = true;
        return;
    }
    m_syncing = true;
    m_again = false;
    QMetaObject::invokeMethod(m_engine, &SyncEngine::start, Qt::QueuedConnection);
}

void SyncController::stop()
{
    m_timer.stop();
    m_again = false;
    if (m_syncing)
        QMetaObject::invokeMethod(m_engine, &SyncEngine::cancel, Qt::QueuedConnection);
}

void SyncController::prioritize(const QString &submissionId)
{
    QMetaObject::invokeMethod(m_engine, [engine = m_engine, submissionId] { engine->prioritize(submissionId); },
                              Qt::QueuedConnection);
}

void SyncController::onPhase(const QString &phase)
{
    m_phase = phaseKey(phase);
    // A step without a count of its own shows as busy (total 0); the three
    // counted ones start at nothing done of an unknown total.
    const bool counted = m_phase == u"feed"_s || m_phase == u"details"_s || m_phase == u"evidence"_s;
    Q_EMIT progressChanged(m_phase, 0, counted ? -1 : 0);
}

void SyncController::setOnline(bool online)
{
    if (m_online == online)
        return;
    m_online = online;
    Q_EMIT onlineChanged(online);
}

void SyncController::onFinished(const SyncEngine::Report &report)
{
    m_syncing = false;
    m_phase.clear();
    const bool cancelled = report.error == u"cancelled"_s;
    if (!cancelled)
        setOnline(report.error.isEmpty() || !report.offline);
    if (report.pendingOutbox >= 0 && report.pendingOutbox != m_pending) {
        m_pending = report.pendingOutbox;
        Q_EMIT pendingChanged(m_pending);
    }
    if (report.inStep) {
        m_lastError.clear();
        m_lastSuccess = QDateTime::currentDateTimeUtc();
        Q_EMIT lastSyncChanged(m_lastSuccess);
        QMetaObject::invokeMethod(m_engine, [this, at = m_lastSuccess, dir = m_options.profileDir] {
            // Opens the connection if the start-up read could not.
            if (const Result<QDateTime> read = readLastSuccess(m_values, dir); !read || !m_values) {
                qCWarning(lcSync).noquote() << "the last sync's time could not be kept:" << (read ? QString() : read.error().message);
                return;
            }
            const Result<> kept = m_values->submissions().setSyncValue(lastSuccessKey(), at.toString(Qt::ISODateWithMs));
            if (!kept)
                qCWarning(lcSync).noquote() << "the last sync's time could not be kept:" << kept.error().message;
        }, Qt::QueuedConnection);
    } else if (!cancelled && !report.error.isEmpty()) {
        m_lastError = report.error;
        Q_EMIT failed(report.error);
    }
    Q_EMIT finished(report);
    if (std::exchange(m_again, false))
        syncNow();
}

} // namespace assay
