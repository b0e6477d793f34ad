#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace assay {

class JsonReader;

// A comment on a submission: internal (reviewers only) or to the partner;
// written by the marketplace's people or, as a reply, by the partner.
struct Comment
{
    enum class Visibility { Internal, Partner };
    enum class From { Marketplace, Partner };

    QString id;
    QString author;
    Visibility visibility = Visibility::Internal;
    QString body;
    QDateTime createdAt;
    // A partner's reply is always visibility Partner. Last, so the records
    // written before replies existed still read as the marketplace's.
    From from = From::Marketplace;

    QJsonObject toJson() const;
    static Comment fromJson(JsonReader &reader);
    static QString visibilityName(Visibility v);
    static QString fromName(From f);

    friend bool operator==(const Comment &, const Comment &) = default;
};

} // namespace assay
