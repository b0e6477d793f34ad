#pragma once

#include "server/EvidenceContext.h"

namespace assay::server {

// A service or audit log of the topic (log/logs.json): weighted line
// templates, mixed with ordinary request lines for web services, a few
// lines a second from a variant-dependent day.
class LogEvidence
{
public:
    static GeneratedEvidence make(EvidenceContext &c);
};

} // namespace assay::server
