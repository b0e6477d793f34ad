#pragma once

#include "server/EvidenceContext.h"

namespace assay::server {

// A two- to four-page policy or procedure (resources/demo/evidence/pdf/
// documents.json), laid out by PdfEvidenceLayout. The bytes are pinned: a
// document ID derived from the arguments, a fixed XMP packet and dates.
class PdfEvidence
{
public:
    static GeneratedEvidence make(EvidenceContext &c);

    // QPdfWriter stamps /CreationDate and /ModDate with the wall clock in the
    // local time zone (so even their length varies). Pins both to one instant
    // and shifts the cross-reference offsets behind them, so the file stays
    // valid.
    static QByteArray pinDates(const QByteArray &in);
};

} // namespace assay::server
