#pragma once

#include "server/EvidenceContext.h"

namespace assay::server {

// A source file that implements the topic's control (code/templates.json
// names them, one file each under code/), with a regression table of
// generated test vectors and a self-check in the file's own language.
class SourceCodeEvidence
{
public:
    static GeneratedEvidence make(EvidenceContext &c);
};

} // namespace assay::server
