#pragma once

#include "domain/Result.h"
#include "domain/SecretFinding.h"
#include "models/SecretsFinder.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace assay {

class CacheConnection;

// What the secrets and PII finder saw in each evidence file (by sha256, like
// the files), and which items the reviewer has opened. The sync scans a file
// when it is verified and stores the outcome here, so counts are known
// before anything is opened. Positions and kinds only: never the secret.
class EvidenceFindings
{
public:
    // What is known of one file's scan. A file with no Scan has not been
    // scanned yet; Failed and NotText are not "clean" either.
    struct Scan
    {
        enum class Outcome {
            Scanned, // the text was scanned: count findings (more when truncated)
            Failed, // it could not be scanned: error says why
            NotText, // nothing the finder reads (an image, a binary)
        };
        Outcome outcome = Outcome::Scanned;
        int scannerVersion = 0;
        int count = 0;
        bool truncated = false;
        QString error;

        friend bool operator==(const Scan &, const Scan &) = default;
    };

    // One file's outcome, as the sync gathers them to store in one go.
    struct Record
    {
        QString sha256;
        int scannerVersion = 0;
        Scan::Outcome outcome = Scan::Outcome::Scanned;
        SecretsFinder::FileScan scan; // Scanned only
        QString error; // Failed only
    };

    // A present file the finder has not scanned at the asked version, with
    // the type one of its items declares (the scanner's detection starts
    // from it). No path: the evidence store makes one from the sha256.
    struct Unscanned
    {
        QString sha256;
        QString mediaType;
        qint64 size = 0;
        friend bool operator==(const Unscanned &, const Unscanned &) = default;
    };

    explicit EvidenceFindings(CacheConnection &connection);

    // Each replaces what was stored for the file (a rescan).
    Result<> store(const QString &sha256, int scannerVersion, const SecretsFinder::FileScan &scan);
    Result<> storeFailure(const QString &sha256, int scannerVersion, const QString &why);
    Result<> storeNotText(const QString &sha256, int scannerVersion);
    // All or none, in one transaction.
    Result<> storeAll(const QList<Record> &records);

    // The findings, in the finder's order; nullopt: not scanned (yet, or it
    // failed, or there is no text to scan).
    Result<std::optional<QList<SecretFinding>>> forSha256(const QString &sha256) const;
    Result<std::optional<Scan>> scanOf(const QString &sha256) const;
    // Evidence id -> findings, for the submission's items whose file was
    // scanned; an item not in it is not scanned (scansForSubmission says why).
    Result<QHash<QString, int>> countsForSubmission(const QString &submissionId) const;
    // Evidence id -> its file's scan, for the items that have one.
    Result<QHash<QString, Scan>> scansForSubmission(const QString &submissionId) const;

    // The reviewer opened the item (in the review screen): its findings
    // count as seen, for the content it has now.
    Result<> markSeen(const QString &submissionId, const QString &evidenceId);
    // Evidence id -> findings, for items with findings the reviewer has not
    // opened since their content last changed (for ApprovalGate).
    Result<QHash<QString, int>> unseenWithFindings(const QString &submissionId) const;

    // The present files with no scan at scannerVersion (never scanned, or by
    // an older finder), each once, smallest first.
    Result<QList<Unscanned>> unscanned(int scannerVersion) const;

    static QString outcomeName(Scan::Outcome outcome);
    static std::optional<Scan::Outcome> outcomeFromName(const QString &name);

private:
    Result<> write(const Record &record);
    CacheConnection &m_connection;
};

} // namespace assay
