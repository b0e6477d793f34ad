#include "server/FeedCursor.h"

#include <QMessageAuthenticationCode>

namespace assay::server {

namespace {
constexpr auto Encoding = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
// 96 bits of HMAC-SHA256: forging one by chance is out of reach, and the
// cursor stays short enough for a query string.
constexpr qsizetype MacBytes = 12;

QByteArray mac(const QByteArray &payload, const QByteArray &secret)
{
    return QMessageAuthenticationCode::hash(payload, secret, QCryptographicHash::Sha256).left(MacBytes);
}
} // namespace

QString FeedCursor::encode(qint64 seq, const QByteArray &secret)
{
    const QByteArray payload = "1:" + QByteArray::number(seq);
    const QByteArray raw = payload + QByteArray(1, ':') + mac(payload, secret);
    return QString::fromLatin1(raw.toBase64(Encoding));
}

std::optional<qint64> FeedCursor::decode(const QString &cursor, const QByteArray &secret)
{
    if (cursor.size() > 128)
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(cursor.toLatin1(), Encoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QByteArray &raw = *decoded;
    const qsizetype cut = raw.size() - MacBytes - 1;
    if (cut < 3 || raw.at(cut) != ':')
        return std::nullopt;
    const QByteArray payload = raw.left(cut);
    if (!payload.startsWith("1:") || mac(payload, secret) != raw.mid(cut + 1))
        return std::nullopt;
    bool ok = false;
    const qint64 seq = payload.mid(2).toLongLong(&ok);
    if (!ok || seq < 0)
        return std::nullopt;
    return seq;
}

} // namespace assay::server
