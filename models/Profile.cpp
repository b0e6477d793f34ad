#include "models/Profile.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#if defined(Q_OS_UNIX)
#include <unistd.h>
#endif

namespace assay {

namespace {

constexpr QFileDevice::Permissions OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;

// Why an existing folder may not hold a profile, or empty.
QString unsafeFolder(const QFileInfo &info)
{
    const QString path = QDir::toNativeSeparators(info.absoluteFilePath());
    if (!info.isDir())
        return QStringLiteral("%1 is not a folder").arg(path);
#if defined(Q_OS_UNIX)
    if (info.ownerId() != ::geteuid())
        return QStringLiteral("the profile folder %1 belongs to another user (uid %2); use a folder of your own")
            .arg(path)
            .arg(info.ownerId());
    if (info.permissions() & (QFileDevice::WriteGroup | QFileDevice::WriteOther))
        return QStringLiteral("the profile folder %1 can be written by other users; make it yours alone (chmod go-w %1) "
                              "or use another folder")
            .arg(path);
#endif
    return {};
}

} // namespace

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

Result<> Profile::ensureFolder(const QString &path)
{
    const QString clean = QDir::cleanPath(QDir(path).absolutePath());
    if (const QFileInfo info(clean); info.exists()) {
        if (const QString why = unsafeFolder(info); !why.isEmpty())
            return Error{why};
        return {};
    }
    // Created one level at a time, from the first folder that exists, so
    // every folder made here is owner-only (QDir::mkpath would leave the
    // parents to the umask).
    QStringList missing;
    QString existing = clean;
    while (!QFileInfo::exists(existing)) {
        missing.prepend(existing);
        const QString parent = QFileInfo(existing).path();
        if (parent == existing)
            break;
        existing = parent;
    }
    for (const QString &d : std::as_const(missing)) {
        // Another process may have made it meanwhile: then it is checked.
        if (!QDir().mkdir(d, OwnerOnly) && !QFileInfo(d).isDir())
            return Error{QStringLiteral("cannot create the profile folder %1").arg(QDir::toNativeSeparators(d))};
    }
    if (const QString why = unsafeFolder(QFileInfo(clean)); !why.isEmpty())
        return Error{why};
    return {};
}

Result<> Profile::ensureExists() const
{
    for (const QString &d : {m_dir, evidenceDir(), quarantineDir()}) {
        if (Result<> made = ensureFolder(d); !made)
            return made;
    }
    return {};
}

} // namespace assay
