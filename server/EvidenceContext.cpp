#include "server/EvidenceContext.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtEndian>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace assay::server {

const QStringView EvidenceContext::categoryKeys[CategoryCount] = {
    u"data_segregation",  u"security_patches", u"breach_response",         u"csrf_protection",
    u"xss_sanitization",  u"customer_data_protection", u"employee_mfa",   u"secrets_and_pii_storage",
    u"mass_assignment",   u"trusted_redirects",
};

const QStringView EvidenceContext::categoryTitles[CategoryCount] = {
    u"data segregation",      u"security patches",         u"breach response",   u"CSRF protection",
    u"XSS encoding and sanitization", u"customer data protection", u"MFA for employees", u"secrets and PII storage",
    u"mass assignment protection", u"trusted redirects",
};

const QStringView EvidenceContext::services[7] = {u"api", u"web", u"worker", u"billing", u"notifier", u"search", u"export"};

namespace {

const QStringView firstNames[] = {u"Ava",   u"Liam",  u"Noah",  u"Emma",   u"Mia",    u"Lucas", u"Sofia", u"Mateo",
                                  u"Aisha", u"Chen",  u"Priya", u"Jonas",  u"Elena",  u"Omar",  u"Yuki",  u"Fatima",
                                  u"Daniel", u"Zoe",  u"Ravi",  u"Ingrid", u"Kofi",   u"Lena",  u"Marco", u"Sara"};
const QStringView lastNames[] = {u"Schmidt", u"Okafor", u"Nguyen", u"Garcia",  u"Kowalski", u"Tanaka", u"Patel",
                                 u"Johansson", u"Rossi", u"Haddad", u"Silva",  u"Kim",      u"Dubois", u"Novak",
                                 u"Reyes",   u"Andersen", u"Costa", u"Ibrahim", u"Walsh",   u"Larsen"};

QString slugify(const QString &s, QChar sep)
{
    QString out;
    for (const QChar ch : s.toLower()) {
        if ((ch >= u'a' && ch <= u'z') || (ch >= u'0' && ch <= u'9'))
            out.append(ch);
        else if (!out.isEmpty() && !out.endsWith(sep))
            out.append(sep);
    }
    while (out.endsWith(sep))
        out.chop(1);
    return out.isEmpty() ? u"app"_s : out.left(40);
}

// App and partner names are partner data too: inside generated code or
// config they must not be able to break out of a string literal.
QString literalSafe(const QString &s)
{
    QString out;
    for (const QChar ch : s) {
        if (ch == u'"' || ch == u'\'' || ch == u'\\' || ch == u'`' || ch == u'$' || ch.category() == QChar::Other_Control)
            continue;
        out.append(ch);
    }
    return out.trimmed().isEmpty() ? u"Demo"_s : out.trimmed();
}

EvidenceCategory categoryFor(const QString &key)
{
    for (int i = 0; i < CategoryCount; ++i)
        if (EvidenceContext::categoryKeys[i] == key)
            return EvidenceCategory(i);
    // Unknown topics still get evidence, from a stable stand-in category.
    const QByteArray digest = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256);
    return EvidenceCategory(quint8(digest.at(0)) % CategoryCount);
}

} // namespace

EvidenceContext EvidenceContext::make(EvidenceFactory::Kind kind, const QString &categoryKey, const QString &appName,
                                      const QString &partnerName, quint32 variant)
{
    // Everything random comes from one generator seeded by the arguments.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArrayView("assay-evidence-v1\0", 18));
    for (const QByteArray &part : {QByteArray::number(int(kind)), categoryKey.toUtf8(), appName.toUtf8(), partnerName.toUtf8(),
                                   QByteArray::number(variant)}) {
        hash.addData(part);
        hash.addData(QByteArrayView("\0", 1));
    }
    const QByteArray digest = hash.result();
    quint32 seed[8];
    for (int i = 0; i < 8; ++i)
        seed[i] = qFromLittleEndian<quint32>(digest.constData() + i * 4);

    EvidenceContext c{kind, categoryFor(categoryKey), appName, partnerName, literalSafe(appName), literalSafe(partnerName),
                      slugify(appName, u'-'), slugify(partnerName, u'-'), {}, {}, variant, QRandomGenerator(seed, 8)};
    c.ident = c.slug;
    c.ident.replace(u'-', u'_');
    if (c.ident.at(0).isDigit())
        c.ident.prepend(u"app_"_s);
    for (const QString &word : c.slug.split(u'-', Qt::SkipEmptyParts))
        c.className += word.left(1).toUpper() + word.mid(1);
    if (c.className.at(0).isDigit())
        c.className.prepend(u"App"_s);
    return c;
}

QString EvidenceContext::person() { return pick(firstNames) + u' ' + pick(lastNames); }

QString EvidenceContext::email(const QString &person) const { return slugify(person, u'.') + u'@' + pslug + u".example"_s; }

QString EvidenceContext::tenant() { return u"t_"_s + QString::number(1000 + below(900)); }

QString EvidenceContext::hex(int digits)
{
    QString s;
    for (int i = 0; i < digits; ++i)
        s.append(QLatin1Char("0123456789abcdef"[below(16)]));
    return s;
}

QString EvidenceContext::alnum(int n, bool upperAndDigits)
{
    static const char all[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString s;
    for (int i = 0; i < n; ++i)
        s.append(QLatin1Char(all[!upperAndDigits ? below(62) : i % 3 == 2 ? 52 + below(10) : below(26)]));
    return s;
}

QDate EvidenceContext::date(int maxDaysBack) const
{
    return QDate(2026, 10, 15).addDays(-qint64((variant * 7919u) % quint32(maxDaysBack + 1)));
}

QString EvidenceContext::fill(QString text)
{
    static const QStringView days[] = {u"monday", u"tuesday", u"wednesday", u"thursday", u"friday", u"saturday", u"sunday"};
    text.replace(u"{{APP}}"_s, appText);
    text.replace(u"{{PARTNER}}"_s, partnerText);
    text.replace(u"{{SLUG}}"_s, slug);
    text.replace(u"{{PSLUG}}"_s, pslug);
    text.replace(u"{{IDENT}}"_s, ident);
    text.replace(u"{{CLASS}}"_s, className);
    text.replace(u"{{DAY}}"_s, days[variant % 7].toString());
    text.replace(u"{{HOUR}}"_s, QString::number(2 + variant % 4));
    text.replace(u"{{HOURS}}"_s, QString::number(variant % 2 ? 8 : 12));
    text.replace(u"{{N}}"_s, QString::number(5 + variant % 11));
    text.replace(u"{{ROT}}"_s, QString::number(variant % 2 ? 90 : 365));
    text.replace(u"{{TENANT}}"_s, QString::number(1000 + (variant * 37) % 900));
    if (text.contains(u"{{REVIEWED}}"_s))
        text.replace(u"{{REVIEWED}}"_s, u"Last reviewed "_s + date(90).toString(Qt::ISODate) + u" by "_s + email(person()));
    return text;
}

QString evidenceText(const QString &path)
{
    QFile f(u":/assay/server/demo/evidence/"_s + path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("EvidenceFactory: the template %s is not compiled in (server/CMakeLists.txt)", qPrintable(path));
    return QString::fromUtf8(f.readAll());
}

QJsonObject evidenceJson(const QString &path)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(evidenceText(path).toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        qFatal("EvidenceFactory: %s is not a JSON object: %s", qPrintable(path), qPrintable(error.errorString()));
    return doc.object();
}

QStringList evidenceStrings(const QJsonValue &array)
{
    QStringList out;
    for (const QJsonValue &v : array.toArray())
        out.append(v.toString());
    return out;
}

QString expandPlaceholders(const QString &text, std::initializer_list<std::pair<QStringView, QString>> values)
{
    QString out;
    qsizetype pos = 0;
    while (pos < text.size()) {
        const qsizetype open = text.indexOf(u'@', pos);
        const qsizetype close = open < 0 ? -1 : text.indexOf(u'@', open + 1);
        if (close < 0)
            break;
        const QStringView key = QStringView(text).sliced(open + 1, close - open - 1);
        const auto found = std::find_if(values.begin(), values.end(), [&](const auto &kv) { return kv.first == key; });
        if (found == values.end()) {
            // Not a placeholder ("user@host"): keep the '@', look again after it.
            out += QStringView(text).sliced(pos, open + 1 - pos);
            pos = open + 1;
            continue;
        }
        out += QStringView(text).sliced(pos, open - pos);
        out += found->second;
        pos = close + 1;
    }
    out += QStringView(text).sliced(pos);
    return out;
}

void requireGuiApplication()
{
    // Without a QGuiApplication Qt would abort somewhere deep inside QFont,
    // so say what is missing.
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        qFatal("EvidenceFactory: Pdf and Png evidence need a QGuiApplication (the offscreen platform is enough)");
}

} // namespace assay::server
