#include "server/PlantedSecrets.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace assay::server::PlantedSecrets {

namespace {

QString drawn(EvidenceContext &c, QLatin1StringView alphabet, int n)
{
    QString s;
    s.reserve(n);
    for (int i = 0; i < n; ++i)
        s.append(alphabet.at(c.below(int(alphabet.size()))));
    return s;
}

const QLatin1StringView Base64("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");
const QLatin1StringView Base64Url("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

QString base64Url(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

Plant forLog(quint32 variant)
{
    return variant % 6 == 2 ? Plant::Secrets : variant % 6 == 3 ? Plant::NearMisses : Plant::None;
}

Plant forConfig(quint32 variant)
{
    return variant % 6 == 1 ? Plant::Secrets : variant % 6 == 0 ? Plant::NearMisses : Plant::None;
}

Plant forSourceCode(quint32 variant)
{
    return variant % 6 == 3 ? Plant::Secrets : variant % 6 == 0 ? Plant::NearMisses : Plant::None;
}

QString awsAccessKeyId(EvidenceContext &c)
{
    // AKIA and 16 of base32's letters and digits, as AWS issues them; two of
    // them digits, as nearly every real one has (a run of capitals alone may
    // be a word, and the finder rightly doubts it).
    QString suffix = drawn(c, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"_L1, 16);
    suffix[3] = QLatin1Char(char('2' + c.below(6)));
    suffix[11] = QLatin1Char(char('2' + c.below(6)));
    return u"AKIA"_s + suffix;
}

QString awsSecretAccessKey(EvidenceContext &c)
{
    return drawn(c, Base64, 40);
}

QString bearerToken(EvidenceContext &c)
{
    return drawn(c, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"_L1, 40);
}

QString jwt(EvidenceContext &c)
{
    const QJsonObject header{{u"alg"_s, u"HS256"_s}, {u"typ"_s, u"JWT"_s}};
    const QJsonObject payload{{u"sub"_s, QString(u"u_"_s + QString::number(c.range(1000, 99999)))},
                              {u"tenant"_s, c.tenant()},
                              {u"iss"_s, QString(u"https://auth."_s + c.slug + u".example.com"_s)},
                              {u"iat"_s, 1790000000 + c.below(5000000)},
                              {u"exp"_s, 1800000000 + c.below(5000000)}};
    return base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + u'.'
        + base64Url(QJsonDocument(payload).toJson(QJsonDocument::Compact)) + u'.' + drawn(c, Base64Url, 43);
}

QString databaseUrl(EvidenceContext &c)
{
    const QString db = QString(c.slug).replace(u'-', u'_');
    return u"postgres://%1_app:%2@db-prod-%3.internal:5432/%1"_s.arg(db, drawn(c, "abcdefghijkmnopqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789"_L1, 20))
        .arg(c.range(1, 4));
}

QString personalEmail(EvidenceContext &c)
{
    // A private mailbox, not the partner's .example one the documents name.
    return c.email(c.person()).section(u'@', 0, 0) + u'.' + QString::number(c.range(70, 99)) + u"@mailbox-"_s + c.pslug
        + u".net"_s;
}

QString cardNumber(EvidenceContext &c)
{
    QString digits = u"4"_s;
    for (int i = 0; i < 14; ++i)
        digits.append(QLatin1Char(char('0' + c.below(10))));
    // Luhn: from the right, every second digit of the full number doubled;
    // the check digit is the rightmost, so the doubling starts on the last
    // digit drawn.
    int sum = 0;
    for (qsizetype i = digits.size() - 1, k = 0; i >= 0; --i, ++k) {
        int d = digits.at(i).digitValue();
        if (k % 2 == 0) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
    }
    digits.append(QLatin1Char(char('0' + (10 - sum % 10) % 10)));
    return digits;
}

QStringList rsaPrivateKey(EvidenceContext &c)
{
    // A 2048-bit key's PEM: 25 lines of base64 (the last one shorter).
    QStringList lines{u"-----BEGIN RSA PRIVATE KEY-----"_s};
    QString body = u"MIIEowIBAAKCAQEA"_s + drawn(c, Base64, 64 * 24 + 40 - 16);
    for (qsizetype at = 0; at < body.size(); at += 64)
        lines.append(body.mid(at, 64));
    lines.append(u"-----END RSA PRIVATE KEY-----"_s);
    return lines;
}

QString uuid(EvidenceContext &c)
{
    const QString h = c.hex(32);
    // Version 4, variant 10xx: the shape of QUuid::createUuid().
    return h.mid(0, 8) + u'-' + h.mid(8, 4) + u"-4"_s + h.mid(13, 3) + u'-' + QLatin1Char("89ab"[c.below(4)]) + h.mid(17, 3)
        + u'-' + h.mid(20, 12);
}

QString sha256Hex(EvidenceContext &c)
{
    return c.hex(64);
}

} // namespace assay::server::PlantedSecrets
