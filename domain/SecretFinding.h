#pragma once

#include <QString>

#include <optional>

namespace assay {

// One place in a piece of evidence where the secrets and PII finder saw
// something that looks like a live secret or personal data. It says where
// and what kind, never the secret itself: findings are stored in the cache
// and quoted in rejection notes, and neither may hold partner secrets.
//
// Positions are in the evidence's decoded text (UTF-8, invalid sequences
// replaced): `line` counts from 1; `column` and `length` are in UTF-16 code
// units of that line (what QString indexes). A finding that spans lines (a
// PEM private key) has `lineCount` > 1 and `length` runs to the end of its
// first line. For PDF evidence `page` counts from 1 and `line` is the line in
// that page's extracted text; for everything else `page` is 0.
struct SecretFinding
{
    enum class Kind {
        PrivateKey,       // PEM / OpenSSH private key blocks
        CloudAccessKey,   // AWS, Google Cloud, Azure keys and account secrets
        Token,            // bearer tokens and well-known API token formats
        Jwt,              // JSON Web Tokens (header.payload.signature)
        UrlPassword,      // scheme://user:password@host
        ConnectionString, // Password=... / pwd=... in connection strings
        Email,            // e-mail addresses (personal data)
        CardNumber,       // payment card numbers that pass the Luhn check
    };

    Kind kind = Kind::Token;
    // The rule that matched, a stable id such as "aws-access-key-id": what a
    // reference names ("line 212, AWS access key") and what tests check.
    QString rule;
    int page = 0;
    int line = 0;
    int column = 0;
    int length = 0;
    int lineCount = 1;

    // Stable names for the cache and tests ("private_key", "card_number").
    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString &name);

    friend bool operator==(const SecretFinding &, const SecretFinding &) = default;
};

} // namespace assay
