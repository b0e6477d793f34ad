#include "server/FaultInjector.h"

namespace assay::server {

FaultInjector::FaultInjector(double probability, quint32 seed)
    : m_probability(probability)
    , m_random(seed ^ 0x5eed'fa17u)
{
}

FaultInjector::Fault FaultInjector::next()
{
    if (m_probability <= 0.0)
        return Fault::None;
    // Both draws always happen, so the sequence does not depend on P.
    const double draw = m_random.generateDouble();
    const auto kind = static_cast<Fault>(1 + m_random.bounded(7));
    return draw < m_probability ? kind : Fault::None;
}

QString FaultInjector::name(Fault fault)
{
    switch (fault) {
    case Fault::None:
        return QStringLiteral("none");
    case Fault::InternalError:
        return QStringLiteral("500");
    case Fault::Unavailable:
        return QStringLiteral("503");
    case Fault::RateLimited:
        return QStringLiteral("429");
    case Fault::Delay:
        return QStringLiteral("delay");
    case Fault::CutConnection:
        return QStringLiteral("cut");
    case Fault::TruncatedJson:
        return QStringLiteral("truncated");
    case Fault::MalformedJson:
        return QStringLiteral("malformed");
    }
    return {};
}

} // namespace assay::server
