#pragma once

#include "server/EvidenceContext.h"

namespace assay::server {

// A configuration file that enforces the topic's control (config/
// templates.json names them, one file each under config/). Trusted
// redirects have none: their allow-list is data, generated as JSON.
class ConfigEvidence
{
public:
    static GeneratedEvidence make(EvidenceContext &c);
};

} // namespace assay::server
