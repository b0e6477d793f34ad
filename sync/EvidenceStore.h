#pragma once

#include "models/Profile.h"

#include <QString>

#include <memory>

class QFile;

namespace assay {

// The profile's content-addressed evidence files: evidence/<sha256>, written
// as evidence/<sha256>.part until the bytes are complete and their sha256 is
// verified. Bytes that do not match their declared hash go to quarantine/
// (bounded, oldest dropped first) and are never opened by a viewer. Partner filenames never become paths: the
// only name a file gets is a hash this class has checked to be 64 hex digits.
class EvidenceStore
{
public:
    enum class Outcome { Verified, Mismatch, Failed };

    // Quarantine keeps mismatched bytes for someone to look at, but a server
    // that sends wrong bytes again and again must not fill the disk: past
    // either bound the oldest files are deleted (the newest too, when it
    // alone is over the byte bound).
    struct Options
    {
        int maxQuarantineFiles = 32;
        qint64 maxQuarantineBytes = qint64(1) << 30; // 1 GiB
    };

    explicit EvidenceStore(const Profile &profile);
    EvidenceStore(const Profile &profile, Options options);

    static bool isValidSha256(const QString &sha256);

    // The verified file for a hash, or empty when there is none.
    QString verifiedPath(const QString &sha256) const;
    bool hasVerified(const QString &sha256) const;
    qint64 partialSize(const QString &sha256) const;
    // Opens the partial file for appending (created when missing).
    std::unique_ptr<QFile> openPartial(const QString &sha256, QString *error) const;
    void discardPartial(const QString &sha256) const;
    // Checks a partial file after a transfer ended normally: Verified moves
    // it into place, Mismatch (wrong bytes, or a server that says "done"
    // short of the declared size) moves it to quarantine.
    Outcome finish(const QString &sha256, qint64 expectedSize, QString *error) const;
    // Re-hashes a verified file (it may have been tampered with on disk).
    bool reverify(const QString &sha256) const;

    static QString sha256Of(const QString &path, QString *error = nullptr);

private:
    QString pathFor(const QString &sha256) const;
    // Moves a partial file into quarantine/ and keeps the folder in bounds.
    void quarantine(const QString &part, const QString &sha256) const;
    Profile m_profile;
    Options m_options;
};

} // namespace assay
