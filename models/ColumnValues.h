#pragma once

#include "domain/JsonReader.h"
#include "domain/SubmissionRow.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QVariant>

// How the cache's pieces write and read the values of their columns: time
// stamps as the API's text, JSON compact, NOT NULL text never null. Private
// to models/ (only its .cpp files include this).
namespace assay::columns {

inline QString now()
{
    return JsonReader::formatTimestamp(QDateTime::currentDateTimeUtc());
}

inline QDateTime timeOf(const QVariant &v)
{
    return JsonReader::parseTimestamp(v.toString()).value_or(QDateTime());
}

// '' for a null string: the column is NOT NULL.
inline QString nn(const QString &s)
{
    return SubmissionRow::notNull(s);
}

inline QString compactJson(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

inline QString compactJson(const QJsonArray &a)
{
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

inline QJsonObject objectOf(const QVariant &v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

// A SQL NULL of text type, for a value that is absent.
inline QVariant nullText()
{
    return QVariant(QMetaType(QMetaType::QString));
}

} // namespace assay::columns
