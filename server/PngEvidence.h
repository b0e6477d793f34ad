#pragma once

#include "server/EvidenceContext.h"

namespace assay::server {

// A 1200x800 "screenshot" of an admin console (identity provider, CI,
// cloud console, incident tool, ...) showing the topic's settings and a
// table, drawn with QPainter in the application font.
class PngEvidence
{
public:
    static GeneratedEvidence make(EvidenceContext &c);
};

} // namespace assay::server
