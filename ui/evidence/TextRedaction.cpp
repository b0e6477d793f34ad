#include "ui/evidence/TextRedaction.h"

namespace assay::TextRedaction {

// A stand-in until SecretsFinder::redaction() is in main: the kind in
// brackets, never anything of the secret.
QString text(const SecretFinding &finding)
{
    return u'[' + SecretFinding::kindName(finding.kind) + u']';
}

} // namespace assay::TextRedaction
