#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace assay {

class JsonReader;

// A comment on a submission: internal (reviewers only) or to the partner.
struct Comment
{
    enum class Visibility { Internal, Partner };

    QString id;
    QString author;
    Visibility visibility = Visibility::Internal;
    QString body;
    QDateTime createdAt;

    QJsonObject toJson() const;
    static Comment fromJson(JsonReader &reader);
    static QString visibilityName(Visibility v);

    friend bool operator==(const Comment &, const Comment &) = default;
};

} // namespace assay
