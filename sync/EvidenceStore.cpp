#include "sync/EvidenceStore.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace assay {

EvidenceStore::EvidenceStore(const Profile &profile)
    : m_profile(profile)
{
}

bool EvidenceStore::isValidSha256(const QString &sha256)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    return hex.match(sha256).hasMatch();
}

QString EvidenceStore::pathFor(const QString &sha256) const
{
    Q_ASSERT(isValidSha256(sha256));
    return m_profile.evidenceDir() + QLatin1Char('/') + sha256;
}

QString EvidenceStore::verifiedPath(const QString &sha256) const
{
    if (!isValidSha256(sha256))
        return {};
    const QString path = pathFor(sha256);
    return QFile::exists(path) ? path : QString();
}

bool EvidenceStore::hasVerified(const QString &sha256) const
{
    return !verifiedPath(sha256).isEmpty();
}

qint64 EvidenceStore::partialSize(const QString &sha256) const
{
    if (!isValidSha256(sha256))
        return 0;
    return QFileInfo(pathFor(sha256) + QStringLiteral(".part")).size();
}

std::unique_ptr<QFile> EvidenceStore::openPartial(const QString &sha256, QString *error) const
{
    if (!isValidSha256(sha256)) {
        *error = QStringLiteral("not a sha256");
        return nullptr;
    }
    QDir().mkpath(m_profile.evidenceDir());
    auto file = std::make_unique<QFile>(pathFor(sha256) + QStringLiteral(".part"));
    if (!file->open(QIODevice::ReadWrite | QIODevice::Append)) {
        *error = file->errorString();
        return nullptr;
    }
    return file;
}

void EvidenceStore::discardPartial(const QString &sha256) const
{
    if (isValidSha256(sha256))
        QFile::remove(pathFor(sha256) + QStringLiteral(".part"));
}

QString EvidenceStore::sha256Of(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = f.errorString();
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&f)) {
        if (error)
            *error = f.errorString();
        return {};
    }
    return QString::fromLatin1(hash.result().toHex());
}

EvidenceStore::Outcome EvidenceStore::finish(const QString &sha256, qint64 expectedSize, QString *error) const
{
    if (!isValidSha256(sha256)) {
        *error = QStringLiteral("not a sha256");
        return Outcome::Failed;
    }
    const QString part = pathFor(sha256) + QStringLiteral(".part");
    const qint64 size = QFileInfo(part).size();
    const QString actual = sha256Of(part, error);
    if (actual.isEmpty())
        return Outcome::Failed;
    if (actual == sha256 && size == expectedSize) {
        QFile::remove(pathFor(sha256)); // a stale copy, if any
        if (!QFile::rename(part, pathFor(sha256))) {
            *error = QStringLiteral("cannot move the verified file into place");
            return Outcome::Failed;
        }
        QFile::setPermissions(pathFor(sha256), QFile::ReadOwner | QFile::WriteOwner);
        return Outcome::Verified;
    }
    QDir().mkpath(m_profile.quarantineDir());
    const QString quarantined = m_profile.quarantineDir() + QLatin1Char('/') + sha256 + QLatin1Char('-')
        + QString::number(QDateTime::currentMSecsSinceEpoch());
    if (!QFile::rename(part, quarantined))
        QFile::remove(part);
    *error = QStringLiteral("declared sha256 %1, received %2 (%3 bytes)").arg(sha256.left(12), actual.left(12)).arg(size);
    return Outcome::Mismatch;
}

bool EvidenceStore::reverify(const QString &sha256) const
{
    const QString path = verifiedPath(sha256);
    return !path.isEmpty() && sha256Of(path) == sha256;
}

} // namespace assay
