#pragma once

#include "models/Profile.h"

#include <QString>

#include <memory>

class QFile;

namespace assay {

// The profile's content-addressed evidence files: evidence/<sha256>, written
// as evidence/<sha256>.part until the bytes are complete and their sha256 is
// verified. Bytes that do not match their declared hash go to quarantine/ and
// are never opened by a viewer. Partner filenames never become paths: the
// only name a file gets is a hash this class has checked to be 64 hex digits.
class EvidenceStore
{
public:
    enum class Outcome { Verified, Mismatch, Failed };

    explicit EvidenceStore(const Profile &profile);

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
    Profile m_profile;
};

} // namespace assay
