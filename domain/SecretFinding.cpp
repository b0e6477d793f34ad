#include "domain/SecretFinding.h"

#include <array>
#include <utility>

namespace assay {

namespace {

using namespace Qt::StringLiterals;

constexpr std::array kKindNames{
    std::pair{SecretFinding::Kind::PrivateKey, "private_key"_L1},
    std::pair{SecretFinding::Kind::CloudAccessKey, "cloud_access_key"_L1},
    std::pair{SecretFinding::Kind::Token, "token"_L1},
    std::pair{SecretFinding::Kind::Jwt, "jwt"_L1},
    std::pair{SecretFinding::Kind::UrlPassword, "url_password"_L1},
    std::pair{SecretFinding::Kind::ConnectionString, "connection_string"_L1},
    std::pair{SecretFinding::Kind::Email, "email"_L1},
    std::pair{SecretFinding::Kind::CardNumber, "card_number"_L1},
};

} // namespace

QString SecretFinding::kindName(Kind kind)
{
    for (const auto &[k, name] : kKindNames) {
        if (k == kind)
            return QString(name);
    }
    return {};
}

std::optional<SecretFinding::Kind> SecretFinding::kindFromName(const QString &name)
{
    for (const auto &[k, n] : kKindNames) {
        if (name == n)
            return k;
    }
    return std::nullopt;
}

} // namespace assay
