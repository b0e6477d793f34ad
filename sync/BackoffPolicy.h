#pragma once

#include <functional>
#include <optional>

namespace assay {

struct ApiError;

// When a failed request is tried again, and after how long. Pure rules, no
// timer and no network, so that they are testable on their own; SyncCycle
// does the waiting.
//
// - Only transient errors (offline, 5xx, 429, a response that did not
//   decode) are retried, each task at most `maxAttempts` times.
// - A server's Retry-After is honoured (capped at a minute) with a little
//   jitter on top.
// - Otherwise the wait grows exponentially up to `maxBackoffMs`, with full
//   jitter in its upper half: many clients coming back at once do not knock
//   the server over again in step.
class BackoffPolicy
{
public:
    // A number in [0, bound): the jitter's source. A seam for tests; the
    // default is QRandomGenerator::global().
    using Random = std::function<int(int bound)>;

    static constexpr int MaxRetryAfterMs = 60000;
    static constexpr int RetryAfterJitterMs = 100;
    static constexpr int FirstBackoffMs = 100;

    BackoffPolicy(int maxAttempts, int maxBackoffMs, Random random = {});

    // Counts one more attempt in `attempts` and returns the wait before it,
    // or nothing when `error` is not worth retrying or the attempts ran out.
    std::optional<int> next(const ApiError &error, int &attempts) const;
    // The wait before retry number `attempts` (1 is the first retry).
    int delayMs(const ApiError &error, int attempts) const;

    int maxAttempts() const { return m_maxAttempts; }

private:
    int m_maxAttempts;
    int m_maxBackoffMs;
    Random m_random;
};

} // namespace assay
