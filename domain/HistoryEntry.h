#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace assay {

class JsonReader;

// One event in a submission's life (submitted, assigned, approved_review ...).
struct HistoryEntry
{
    QDateTime at;
    QString actor;
    QString action;
    QJsonObject detail;

    QJsonObject toJson() const;
    static HistoryEntry fromJson(JsonReader &reader);

    friend bool operator==(const HistoryEntry &, const HistoryEntry &) = default;
};

} // namespace assay
