#include "domain/JsonReader.h"

#include <QTimeZone>

namespace assay {

JsonReader::JsonReader(QJsonObject object, QString path)
    : m_object(std::move(object))
    , m_path(std::move(path))
{
}

QString JsonReader::pathOf(const QString &key) const
{
    if (m_path.isEmpty())
        return key;
    if (key.startsWith(QLatin1Char('[')))
        return m_path + key;
    return m_path + QLatin1Char('.') + key;
}

void JsonReader::fail(const QString &field, const QString &message)
{
    if (m_error.isEmpty())
        m_error = pathOf(field) + QStringLiteral(": ") + message;
}

QJsonValue JsonReader::take(const QString &key, bool required)
{
    if (!ok())
        return {};
    const auto it = m_object.constFind(key);
    if (it == m_object.constEnd() || it->isUndefined()) {
        if (required)
            fail(key, QStringLiteral("missing"));
        return QJsonValue(QJsonValue::Undefined);
    }
    return *it;
}

qsizetype JsonReader::codePoints(const QString &text)
{
    qsizetype surrogates = 0;
    for (const QChar c : text) {
        if (c.isLowSurrogate())
            ++surrogates;
    }
    return text.size() - surrogates;
}

QString JsonReader::string(const QString &key, qsizetype maxCodePoints)
{
    const QJsonValue v = take(key, true);
    if (!ok())
        return {};
    if (!v.isString()) {
        fail(key, QStringLiteral("expected a string"));
        return {};
    }
    QString s = v.toString();
    // QJsonDocument replaces invalid UTF-8 with U+FFFD; a lone surrogate can
    // still arrive through \u escapes and would corrupt everything downstream.
    if (!s.isValidUtf16()) {
        fail(key, QStringLiteral("invalid Unicode (unpaired surrogate)"));
        return {};
    }
    // Code points never outnumber UTF-16 units: most strings need no count
    // (a sync decodes ~150 MB of answers).
    if (s.size() > maxCodePoints && codePoints(s) > maxCodePoints) {
        fail(key, QStringLiteral("longer than %1 characters").arg(maxCodePoints));
        return {};
    }
    return s;
}

std::optional<QString> JsonReader::nullableString(const QString &key, qsizetype maxCodePoints)
{
    const QJsonValue v = take(key, true);
    if (!ok() || v.isNull())
        return std::nullopt;
    return string(key, maxCodePoints);
}

QString JsonReader::optionalString(const QString &key, qsizetype maxCodePoints)
{
    if (!m_object.contains(key) || m_object.value(key).isNull())
        return {};
    return string(key, maxCodePoints);
}

qint64 JsonReader::integer(const QString &key, qint64 min, qint64 max)
{
    const QJsonValue v = take(key, true);
    if (!ok())
        return 0;
    if (!v.isDouble()) {
        fail(key, QStringLiteral("expected an integer"));
        return 0;
    }
    const double d = v.toDouble();
    // 2^53: beyond it a JSON number no longer holds every integer exactly.
    constexpr double exactLimit = 9007199254740992.0;
    if (d != static_cast<double>(static_cast<qint64>(d)) || d > exactLimit || d < -exactLimit) {
        fail(key, QStringLiteral("expected an integer"));
        return 0;
    }
    const auto i = static_cast<qint64>(d);
    if (i < min || i > max) {
        fail(key, QStringLiteral("out of range %1..%2").arg(min).arg(max));
        return 0;
    }
    return i;
}

bool JsonReader::boolean(const QString &key)
{
    const QJsonValue v = take(key, true);
    if (!ok())
        return false;
    if (!v.isBool()) {
        fail(key, QStringLiteral("expected true or false"));
        return false;
    }
    return v.toBool();
}

QString JsonReader::formatTimestamp(const QDateTime &at)
{
    return at.toUTC().toString(Qt::ISODate);
}

std::optional<QDateTime> JsonReader::parseTimestamp(const QString &text)
{
    // RFC 3339 needs a date, a time and an offset; Qt's ISO parser also takes
    // a bare date or a local time, which would silently shift by the host's
    // zone, so those are refused here.
    if (text.size() < 20 || text.at(10) != QLatin1Char('T'))
        return std::nullopt;
    const QChar last = text.back();
    const bool hasOffset = last == QLatin1Char('Z') || last == QLatin1Char('z')
        || (text.size() >= 25 && (text.at(text.size() - 6) == QLatin1Char('+') || text.at(text.size() - 6) == QLatin1Char('-')));
    if (!hasOffset)
        return std::nullopt;
    QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!at.isValid())
        return std::nullopt;
    return at.toUTC();
}

QDateTime JsonReader::timestamp(const QString &key)
{
    const QString s = string(key, 64);
    if (!ok())
        return {};
    const auto at = parseTimestamp(s);
    if (!at) {
        fail(key, QStringLiteral("expected an RFC 3339 timestamp"));
        return {};
    }
    return *at;
}

std::optional<QDateTime> JsonReader::nullableTimestamp(const QString &key)
{
    const QJsonValue v = take(key, true);
    if (!ok() || v.isNull())
        return std::nullopt;
    QDateTime at = timestamp(key);
    if (!ok())
        return std::nullopt;
    return at;
}

QJsonArray JsonReader::array(const QString &key, qsizetype maxItems)
{
    const QJsonValue v = take(key, true);
    if (!ok())
        return {};
    if (!v.isArray()) {
        fail(key, QStringLiteral("expected an array"));
        return {};
    }
    QJsonArray a = v.toArray();
    if (a.size() > maxItems) {
        fail(key, QStringLiteral("more than %1 items").arg(maxItems));
        return {};
    }
    return a;
}

QJsonObject JsonReader::child(const QString &key)
{
    const QJsonValue v = take(key, true);
    if (!ok())
        return {};
    if (!v.isObject()) {
        fail(key, QStringLiteral("expected an object"));
        return {};
    }
    return v.toObject();
}

QString JsonReader::oneOf(const QString &key, const QStringList &allowed)
{
    QString s = string(key, 64);
    if (!ok())
        return {};
    if (!allowed.contains(s)) {
        fail(key, QStringLiteral("unknown value \"%1\" (expected one of %2)").arg(s.left(64), allowed.join(QStringLiteral(", "))));
        return {};
    }
    return s;
}

QStringList JsonReader::stringList(const QString &key, qsizetype maxItems, qsizetype maxCodePoints)
{
    const QJsonArray a = array(key, maxItems);
    QStringList out;
    out.reserve(a.size());
    for (qsizetype i = 0; ok() && i < a.size(); ++i) {
        if (!a.at(i).isString()) {
            fail(key + QStringLiteral("[%1]").arg(i), QStringLiteral("expected a string"));
            return {};
        }
        const QString s = a.at(i).toString();
        if (codePoints(s) > maxCodePoints) {
            fail(key + QStringLiteral("[%1]").arg(i), QStringLiteral("longer than %1 characters").arg(maxCodePoints));
            return {};
        }
        out.append(s);
    }
    return out;
}

JsonReader JsonReader::nested(const QJsonObject &object, const QString &name) const
{
    return JsonReader(object, pathOf(name));
}

void JsonReader::adopt(const JsonReader &nestedReader)
{
    if (m_error.isEmpty() && !nestedReader.ok())
        m_error = nestedReader.error();
}

} // namespace assay
