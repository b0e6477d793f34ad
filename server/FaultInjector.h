#pragma once

#include <QRandomGenerator>
#include <QString>

namespace assay::server {

// Decides, request by request, whether the reference server misbehaves, so
// that a client can be proven robust (--faults P). Deterministic for a seed:
// the n-th request gets the same fault on every run.
class FaultInjector
{
public:
    enum class Fault {
        None,
        InternalError,  // 500
        Unavailable,    // 503 with Retry-After
        RateLimited,    // 429 with Retry-After
        Delay,          // the answer comes late
        CutConnection,  // the connection closes mid-body
        TruncatedJson,  // a complete response whose JSON body is cut short
        MalformedJson,  // a complete response whose body is not JSON
    };

    FaultInjector(double probability = 0.0, quint32 seed = 0);

    Fault next();
    // For Delay: how long, in ms (drawn from the same sequence).
    int delayMs() { return int(m_random.bounded(200, 1200)); }
    double probability() const { return m_probability; }

    static QString name(Fault fault);

private:
    double m_probability;
    QRandomGenerator m_random;
};

} // namespace assay::server
