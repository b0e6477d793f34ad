#include "server/EvidenceCache.h"

#include "server/ServerLogging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFont>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace assay::server {

namespace {
bool isDigest(const QString &s)
{
    if (s.size() != 64)
        return false;
    return std::all_of(s.cbegin(), s.cend(), [](QChar c) { return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f'); });
}

bool write(const QString &path, const QByteArray &bytes)
{
    QSaveFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size() && f.commit();
}
} // namespace

EvidenceCache::EvidenceCache(const QString &dir)
    : m_dir(dir)
    , m_generator(u"%1|%2|%3"_s.arg(EvidenceFactory::GeneratorVersion)
                      .arg(QString::fromLatin1(qVersion()), QGuiApplication::font().toString()))
{
}

QString EvidenceCache::recipe(EvidenceFactory::Kind kind, const QString &categoryKey, const QString &appName,
                              const QString &partnerName, quint32 variant)
{
    return QStringList{QString::number(int(kind)), categoryKey, appName, partnerName, QString::number(variant)}.join(u'\x1f');
}

QString EvidenceCache::recipePath(const QString &recipe) const
{
    const QByteArray key = QCryptographicHash::hash((m_generator + u'\x1e' + recipe).toUtf8(), QCryptographicHash::Sha256);
    return m_dir + u"/recipes/"_s + QString::fromLatin1(key.toHex());
}

std::optional<EvidenceCache::Hit> EvidenceCache::find(const QString &recipe) const
{
    if (m_dir.isEmpty())
        return std::nullopt;
    QFile r(recipePath(recipe));
    if (!r.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(r.readAll()).object();
    Hit hit{GeneratedEvidence{o.value(u"filename"_s).toString(), o.value(u"media_type"_s).toString(), {}},
            o.value(u"sha256"_s).toString()};
    if (!isDigest(hit.sha256) || hit.evidence.mediaType.isEmpty())
        return std::nullopt;
    QFile blob(m_dir + u"/blobs/"_s + hit.sha256);
    if (!blob.open(QIODevice::ReadOnly))
        return std::nullopt;
    hit.evidence.content = blob.readAll();
    if (QCryptographicHash::hash(hit.evidence.content, QCryptographicHash::Sha256).toHex() != hit.sha256.toLatin1()) {
        qCWarning(lcServer) << "cached evidence" << hit.sha256 << "does not match its digest; making it again";
        blob.close();
        QFile::remove(blob.fileName());
        return std::nullopt;
    }
    return hit;
}

void EvidenceCache::keep(const QString &recipe, const GeneratedEvidence &evidence, const QString &sha256) const
{
    if (m_dir.isEmpty())
        return;
    if (!QDir().mkpath(m_dir + u"/blobs"_s) || !QDir().mkpath(m_dir + u"/recipes"_s))
        return;
    const QString blob = m_dir + u"/blobs/"_s + sha256;
    if (!QFile::exists(blob) && !write(blob, evidence.content))
        return;
    const QJsonObject o{{u"sha256"_s, sha256}, {u"filename"_s, evidence.filename}, {u"media_type"_s, evidence.mediaType}};
    std::ignore = write(recipePath(recipe), QJsonDocument(o).toJson(QJsonDocument::Compact)); // see above: best effort
}

} // namespace assay::server
