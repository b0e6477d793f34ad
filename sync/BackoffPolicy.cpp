#include "sync/BackoffPolicy.h"

#include "sync/ApiError.h"

#include <QRandomGenerator>

#include <algorithm>

namespace assay {

BackoffPolicy::BackoffPolicy(int maxAttempts, int maxBackoffMs, Random random)
    : m_maxAttempts(maxAttempts)
    , m_maxBackoffMs(std::max(maxBackoffMs, 1))
    , m_random(std::move(random))
{
    if (!m_random)
        m_random = [](int bound) { return int(QRandomGenerator::global()->bounded(bound)); };
}

std::optional<int> BackoffPolicy::next(const ApiError &error, int &attempts) const
{
    if (!error.isTransient() || ++attempts > m_maxAttempts)
        return std::nullopt;
    return delayMs(error, attempts);
}

int BackoffPolicy::delayMs(const ApiError &error, int attempts) const
{
    if (error.retryAfterSeconds >= 0)
        return int(std::min<qint64>(qint64(error.retryAfterSeconds) * 1000, MaxRetryAfterMs)) + m_random(RetryAfterJitterMs);
    const int ceiling = std::min(m_maxBackoffMs, FirstBackoffMs << std::clamp(attempts, 0, 10));
    return ceiling / 2 + m_random(ceiling / 2 + 1);
}

} // namespace assay
