#pragma once

#include "domain/Result.h"
#include "domain/SecretFinding.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringView>

#include <memory>

namespace assay {

// The secrets and PII finder: scans evidence text for private keys, cloud
// access keys, API and bearer tokens, JWTs, passwords in URLs and connection
// strings, e-mail addresses and payment card numbers. It reports positions
// only (SecretFinding), never the matched text, so nothing it returns can
// leak a secret into the cache, a log or a rejection note.
//
// Positions are those of the text view (LineIndex): UTF-8 decoded with
// invalid sequences replaced (U+FFFD) and a leading byte order mark dropped;
// lines end at "\n" or "\r\n"; columns are UTF-16 code units of the line.
//
// Precision matters more than recall: a reviewer who sees false alarms on
// every digest and UUID stops looking. Each rule checks the structure of
// what it matched (Luhn, base64url JSON header, IIN ranges, placeholders),
// and the example keys that rule sets publish are not findings
// (tests/data/secrets/README.md lists what is decided and why).
class SecretsFinder
{
    Q_DECLARE_TR_FUNCTIONS(SecretsFinder)

public:
    static constexpr int Version = 1; // bump when the rules change: files are scanned again
    SecretsFinder(); // compiles the rules once; const methods are thread-safe
    ~SecretsFinder();
    SecretsFinder(const SecretsFinder &) = delete;
    SecretsFinder &operator=(const SecretsFinder &) = delete;

    QList<SecretFinding> scanLine(QStringView line, int lineNumber, int page = 0) const;
    QList<SecretFinding> scanText(QStringView text, int page = 0) const; // lines split on \n / \r\n; PEM blocks once
    struct FileScan
    {
        QList<SecretFinding> findings;
        bool truncated = false;
    };
    // Streams the file in chunks (never whole in memory), UTF-8 with invalid
    // sequences replaced; stops at maxFindings (truncated = true).
    Result<FileScan> scanFile(const QString &path, int maxFindings = 10000) const;
    static QString label(const SecretFinding &f); // tr: "AWS access key", "e-mail address"
    static QString reference(const SecretFinding &f); // "line 212, AWS access key" / "page 3, line 12, JSON Web Token"
    static QString redaction(const SecretFinding &f); // what replaces it when redacted: "[AWS access key]"

    // The bytes scanFile reads at a time (tests put a secret across it).
    static constexpr qint64 ChunkSize = 1 << 20;

private:
    struct Rules;
    std::unique_ptr<const Rules> m_rules;
};

} // namespace assay
