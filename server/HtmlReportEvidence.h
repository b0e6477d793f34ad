#pragma once

#include "server/EvidenceContext.h"

namespace assay::server {

// A scanner's or pen tester's HTML report: a shuffled subset of the topic's
// findings (resources/demo/evidence/html/reports.json) in report.html. Every
// third variant carries the hostile parts in html/hostile/.
class HtmlReportEvidence
{
public:
    static GeneratedEvidence make(EvidenceContext &c);
};

} // namespace assay::server
