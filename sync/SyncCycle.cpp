#include "sync/SyncCycle.h"

#include "sync/ApiError.h"
#include "sync/SyncLogging.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace assay {

SyncCycle::SyncCycle(BackoffPolicy policy, int parallel, QObject *parent)
    : QObject(parent)
    , m_policy(std::move(policy))
    , m_parallel(std::max(parallel, 1))
{
}

void SyncCycle::begin()
{
    ++m_id;
    m_running = true;
    m_cancelled = false;
    m_stopping = false;
    // Requests of an earlier cycle were aborted with it.
    m_inFlight = 0;
    m_report = SyncReport();
    m_timer.start();
}

void SyncCycle::problem(const QString &text)
{
    qCWarning(lcSync).noquote() << text;
    m_report.problems.append(text);
}

bool SyncCycle::retryLater(const ApiError &error, int &attempts, std::function<void()> again)
{
    if (error.kind == ApiError::Kind::Unauthorized) {
        m_report.tokenRejected = true;
        return false;
    }
    m_report.offline = error.kind == ApiError::Kind::Offline;
    const std::optional<int> delay = m_policy.next(error, attempts);
    if (!delay)
        return false;
    ++m_report.retries;
    Q_EMIT retrying(error.describe(), *delay, m_report.offline);
    qCInfo(lcSync).noquote() << "transient:" << error.describe() << "retry in" << *delay << "ms";
    QTimer::singleShot(*delay, this, [this, again = std::move(again), cycle = m_id] {
        if (isCurrent(cycle) && !m_cancelled)
            again();
    });
    return true;
}

void SyncCycle::refuseToken(const ApiError &error)
{
    m_report.tokenRejected = true;
    // The server's words first (its message and code, e.g. "HTTP 401: a
    // valid bearer token is required (unauthorized)"), then what to do.
    stop(u"the marketplace refused the token — %1; sign in again (the Account menu, or assay login) or set a new ASSAY_TOKEN"_s.arg(error.describe()));
}

} // namespace assay
