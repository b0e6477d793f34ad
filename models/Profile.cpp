#include "models/Profile.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace assay {

Profile::Profile(const QString &dir)
    : m_dir(QDir::cleanPath(QDir(dir.isEmpty() ? defaultDir() : dir).absolutePath()))
{
}

QString Profile::defaultDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString Profile::cachePath() const
{
    return m_dir + QStringLiteral("/cache.sqlite");
}

QString Profile::evidenceDir() const
{
    return m_dir + QStringLiteral("/evidence");
}

QString Profile::quarantineDir() const
{
    return m_dir + QStringLiteral("/quarantine");
}

QString Profile::ensureExists() const
{
    for (const QString &d : {m_dir, evidenceDir(), quarantineDir()}) {
        if (!QDir().mkpath(d))
            return QStringLiteral("cannot create the profile folder %1").arg(d);
        QFile::setPermissions(d, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    return {};
}

} // namespace assay
