#pragma once

#include "domain/Result.h"

#include <QString>

namespace assay {

// Where one reviewer's local state lives: the cache database, the evidence
// store. Given by --profile DIR or the platform's app-data folder.
class Profile
{
public:
    // An empty dir means the platform's default app-data location.
    explicit Profile(const QString &dir = {});

    QString dir() const { return m_dir; }
    QString cachePath() const;
    QString evidenceDir() const;
    QString quarantineDir() const;

    // Makes the profile's folders ready: the ones that are missing are
    // created owner-only (the cache holds partner data); the ones that exist
    // keep their permissions — a folder given with --profile is the user's
    // to set. A folder that another user can write to, or that belongs to
    // another user, is refused: whoever can write there can change the cache
    // and the evidence a reviewer relies on.
    Result<> ensureExists() const;

    // Creates `path` and any missing parents, each owner-only; checks an
    // existing folder as ensureExists() does, without changing it.
    static Result<> ensureFolder(const QString &path);

    static QString defaultDir();

private:
    QString m_dir;
};

} // namespace assay
