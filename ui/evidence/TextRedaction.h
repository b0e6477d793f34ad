#pragma once

#include "domain/SecretFinding.h"

#include <QString>

namespace assay {

// What the text view draws in place of a finding when redaction is on.
namespace TextRedaction {
QString text(const SecretFinding &finding);
}

} // namespace assay
