#pragma once

#include "domain/Result.h"
#include "server/ServerStore.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace assay::server {

// `--seed-cache DIR`: a seeded store kept between runs, so that a demo
// starts in a fraction of a second instead of drawing its evidence again
// (200 submissions: about 150 MB of logs, screenshots and PDFs, 6 s).
//
// A template is only used when everything that decides its bytes is the
// same: the number of submissions and the random seed, the users, any
// further parameter the caller names, and the generator itself — the
// assay-marketplace executable (path, size and time: a rebuild of the server
// makes a new template), the Qt version and the application font (the PDFs
// and PNGs draw text). Tokens are never kept: the template's are blanked,
// and the caller sets fresh ones on the copy.
class SeedTemplate
{
public:
    SeedTemplate(const QString &dir, int count, quint32 seed, const QList<User> &users,
                 const QStringList &parameters = {});

    // Where the template for these parameters is (or would be).
    QString path() const { return m_path; }

    // Copies the template to `dbPath` (which must not exist): true when
    // there was one, false when the store must be seeded.
    Result<bool> restore(const QString &dbPath) const;

    // Keeps a copy of a store seeded with these parameters (its tokens
    // blanked), replacing the templates of other parameters. Written under
    // a temporary name and renamed: a concurrent or broken run never leaves
    // half a template behind.
    Result<> save(ServerStore &store) const;

private:
    QString m_dir;
    QString m_path;
};

} // namespace assay::server
