#include "sync/EvidenceStore.h"

#include "sync/SyncLogging.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QMutex>
#include <QRegularExpression>

#include <algorithm>
#include <tuple>

namespace assay {

namespace {

// A quarantined file: <sha256>-<stamp>, the stamp a millisecond time made
// unique and increasing here, so "oldest" never depends on file times.
struct Quarantined
{
    QString name;
    qint64 stamp = 0;
    qint64 size = 0;
};

QList<Quarantined> quarantinedFiles(const QString &dir)
{
    static const QRegularExpression name(QRegularExpression::anchoredPattern(QStringLiteral("[0-9a-f]{64}-([0-9]{1,18})")));
    QList<Quarantined> files;
    const QFileInfoList entries = QDir(dir).entryInfoList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QFileInfo &info : entries) {
        // Only what this class put there is counted (and ever deleted).
        const QRegularExpressionMatch m = name.match(info.fileName());
        if (m.hasMatch())
            files.append({info.fileName(), m.captured(1).toLongLong(), info.size()});
    }
    std::sort(files.begin(), files.end(), [](const Quarantined &a, const Quarantined &b) {
        return a.stamp != b.stamp ? a.stamp < b.stamp : a.name < b.name;
    });
    return files;
}

// The engine checks files on several worker threads at once.
QMutex quarantineLock;

} // namespace

EvidenceStore::EvidenceStore(const Profile &profile)
    : EvidenceStore(profile, Options())
{
}

EvidenceStore::EvidenceStore(const Profile &profile, Options options)
    : m_profile(profile)
    , m_options(options)
{
}

bool EvidenceStore::isValidSha256(const QString &sha256)
{
    // Anchored as a whole: "^...$" would also accept a trailing newline,
    // and this name becomes a path.
    static const QRegularExpression hex(QRegularExpression::anchoredPattern(QStringLiteral("[0-9a-f]{64}")));
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
    if (const Result<> made = Profile::ensureFolder(m_profile.evidenceDir()); !made) {
        *error = made.errorString();
        return nullptr;
    }
    auto file = std::make_unique<QFile>(pathFor(sha256) + QStringLiteral(".part"));
    if (!file->open(QIODevice::ReadWrite | QIODevice::Append)) {
        *error = file->errorString();
        return nullptr;
    }
    return file;
}

void EvidenceStore::discardPartial(const QString &sha256) const
{
    if (!isValidSha256(sha256))
        return;
    QFile part(pathFor(sha256) + QStringLiteral(".part"));
    if (part.exists() && !part.remove())
        qCWarning(lcSync, "evidence: cannot delete the partial download %s: %s", qUtf8Printable(sha256.left(12)),
                  qUtf8Printable(part.errorString()));
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
        // A stale copy, if any; one that cannot go makes the rename below fail,
        // which is reported.
        std::ignore = QFile::remove(pathFor(sha256));
        if (!QFile::rename(part, pathFor(sha256))) {
            *error = QStringLiteral("cannot move the verified file into place");
            return Outcome::Failed;
        }
        // Partner data: owner-only. The evidence folder itself is owner-only
        // (Profile), so a file that keeps wider bits is still not readable by
        // others; say so rather than refuse a verified file.
        if (!QFile::setPermissions(pathFor(sha256), QFile::ReadOwner | QFile::WriteOwner))
            qCWarning(lcSync, "evidence: cannot make %s owner-only; it stays in the owner-only evidence folder",
                      qUtf8Printable(sha256.left(12)));
        return Outcome::Verified;
    }
    quarantine(part, sha256);
    *error = QStringLiteral("declared sha256 %1, received %2 (%3 bytes)").arg(sha256.left(12), actual.left(12)).arg(size);
    return Outcome::Mismatch;
}

void EvidenceStore::quarantine(const QString &part, const QString &sha256) const
{
    const QMutexLocker locker(&quarantineLock);
    const QString dir = m_profile.quarantineDir();
    if (const Result<> made = Profile::ensureFolder(dir); !made) {
        qCWarning(lcSync, "quarantine: unavailable (%s); the bytes received for %s are deleted", qUtf8Printable(made.errorString()),
                  qUtf8Printable(sha256.left(12)));
        if (!QFile::remove(part))
            qCWarning(lcSync, "quarantine: and cannot delete them either");
        return;
    }
    QList<Quarantined> files = quarantinedFiles(dir);
    Quarantined added;
    added.stamp = std::max(QDateTime::currentMSecsSinceEpoch(), files.isEmpty() ? 0 : files.constLast().stamp + 1);
    added.name = sha256 + QLatin1Char('-') + QString::number(added.stamp);
    added.size = QFileInfo(part).size();
    if (!QFile::rename(part, dir + QLatin1Char('/') + added.name)) {
        if (QFile::remove(part))
            qCWarning(lcSync, "quarantine: cannot move %s there; deleted", qUtf8Printable(added.name));
        else
            qCWarning(lcSync, "quarantine: cannot move %s there, nor delete it", qUtf8Printable(added.name));
        return;
    }
    files.append(added);
    qint64 bytes = 0;
    for (const Quarantined &f : std::as_const(files))
        bytes += f.size;
    while (!files.isEmpty() && (files.size() > m_options.maxQuarantineFiles || bytes > m_options.maxQuarantineBytes)) {
        const Quarantined oldest = files.takeFirst();
        bytes -= oldest.size;
        if (QFile::remove(dir + QLatin1Char('/') + oldest.name))
            qCInfo(lcSync, "quarantine: dropped %s (%lld bytes) to stay within %d files and %lld bytes",
                   qUtf8Printable(oldest.name), oldest.size, m_options.maxQuarantineFiles, m_options.maxQuarantineBytes);
        else
            qCWarning(lcSync, "quarantine: cannot drop %s", qUtf8Printable(oldest.name));
    }
}

bool EvidenceStore::reverify(const QString &sha256) const
{
    const QString path = verifiedPath(sha256);
    return !path.isEmpty() && sha256Of(path) == sha256;
}

} // namespace assay
