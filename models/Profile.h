#pragma once

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

    // Creates the folders (owner-only permissions: the cache holds partner
    // data). Returns an error message, or empty on success.
    QString ensureExists() const;

    static QString defaultDir();

private:
    QString m_dir;
};

} // namespace assay
