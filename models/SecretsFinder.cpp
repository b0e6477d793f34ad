#include "models/SecretsFinder.h"

namespace assay {

struct SecretsFinder::Rules
{
};

SecretsFinder::SecretsFinder() : m_rules(std::make_unique<const Rules>()) {}

SecretsFinder::~SecretsFinder() = default;

QList<SecretFinding> SecretsFinder::scanLine(QStringView, int, int) const
{
    return {};
}

QList<SecretFinding> SecretsFinder::scanText(QStringView, int) const
{
    return {};
}

Result<SecretsFinder::FileScan> SecretsFinder::scanFile(const QString &, int) const
{
    return FileScan{};
}

QString SecretsFinder::label(const SecretFinding &)
{
    return {};
}

QString SecretsFinder::reference(const SecretFinding &)
{
    return {};
}

QString SecretsFinder::redaction(const SecretFinding &)
{
    return {};
}

} // namespace assay
