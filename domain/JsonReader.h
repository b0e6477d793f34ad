#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace assay {

// Strict, typed access to a JSON object received from outside (the API, a
// file). Every accessor checks presence, type and limits; the first failure is
// kept with the field's path ("answers[3].text: expected a string") and later
// calls return empty values, so a decoder reads straight through and checks
// ok() once. Qt's QJsonValue::toString() silently turns a number into "" —
// exactly the kind of half-decoded record this class exists to prevent.
class JsonReader
{
public:
    explicit JsonReader(QJsonObject object, QString path = {});

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    void fail(const QString &field, const QString &message);

    bool has(const QString &key) const { return m_object.contains(key); }
    const QJsonObject &object() const { return m_object; }

    QString string(const QString &key, qsizetype maxCodePoints = 20000);
    std::optional<QString> nullableString(const QString &key, qsizetype maxCodePoints = 20000);
    QString optionalString(const QString &key, qsizetype maxCodePoints = 20000);
    qint64 integer(const QString &key, qint64 min, qint64 max);
    bool boolean(const QString &key);
    QDateTime timestamp(const QString &key);
    std::optional<QDateTime> nullableTimestamp(const QString &key);
    QJsonArray array(const QString &key, qsizetype maxItems = 100000);
    QJsonObject child(const QString &key);
    // A string that must be one of `allowed`; anything else is an error that
    // names the unknown value.
    QString oneOf(const QString &key, const QStringList &allowed);
    QStringList stringList(const QString &key, qsizetype maxItems = 10000, qsizetype maxCodePoints = 256);

    // A reader for a nested object, sharing this reader's path for messages.
    JsonReader nested(const QJsonObject &object, const QString &name) const;
    // Takes over the first error of a nested reader.
    void adopt(const JsonReader &nestedReader);

    QString pathOf(const QString &key) const;
    static qsizetype codePoints(const QString &text);
    static QString formatTimestamp(const QDateTime &at);
    static std::optional<QDateTime> parseTimestamp(const QString &text);

private:
    QJsonValue take(const QString &key, bool required);

    QJsonObject m_object;
    QString m_path;
    QString m_error;
};

} // namespace assay
