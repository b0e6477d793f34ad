#pragma once

#include "server/EvidenceContext.h"

#include <QString>
#include <QStringList>

namespace assay::server {

// Fake secrets and personal data in the shapes real ones have, for a
// minority of the demo evidence, so the client's secrets and PII finder has
// something to find (and near-misses it must not find). Every value is drawn
// from the evidence's own generator: deterministic, never a real
// credential, never one of the example keys rule sets publish (those are
// near-misses too).
//
// Which files carry them (variant as the seeder draws it, 0-5, and on
// through the factory's tests' sweep by variant % 6):
//   Log        variant % 6 == 2: a bearer token and a JWT in its first lines
//              (s_00031's redirect-guard.log in the demo, seed 1), a
//              database URL with a password further down
//   Config     variant % 6 == 1, formats with # comments: an AWS access key
//              id and secret key, a database URL with a password, a personal
//              e-mail address (s_00031's workforce-mfa-policy.tf)
//   SourceCode variant % 6 == 3: an RSA private key block and a test card
//              number that passes the Luhn check
// Near-misses: Log variant % 6 == 3 and Config / SourceCode variant % 6 ==
// 0 carry UUIDs and sha256 digests.
namespace PlantedSecrets {

enum class Plant { None, Secrets, NearMisses };
// What a file of this kind and variant carries.
Plant forLog(quint32 variant);
Plant forConfig(quint32 variant);
Plant forSourceCode(quint32 variant);

QString awsAccessKeyId(EvidenceContext &c);
QString awsSecretAccessKey(EvidenceContext &c);
QString bearerToken(EvidenceContext &c);
// header.payload.signature, base64url; the payload names the app's user.
QString jwt(EvidenceContext &c);
QString databaseUrl(EvidenceContext &c);
QString personalEmail(EvidenceContext &c);
// 16 digits of a Visa-range number whose last digit makes the Luhn sum right.
QString cardNumber(EvidenceContext &c);
// "-----BEGIN RSA PRIVATE KEY-----" ... "-----END RSA PRIVATE KEY-----", one
// line each; RsaKeyLines of them.
QStringList rsaPrivateKey(EvidenceContext &c);
constexpr int RsaKeyLines = 27;
QString uuid(EvidenceContext &c);
QString sha256Hex(EvidenceContext &c);

} // namespace PlantedSecrets

} // namespace assay::server
