#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace assay {

class JsonReader;

// A partner's answer to one question of the questionnaire.
struct Answer
{
    QString questionKey;
    QString text;
    QStringList evidenceIds;

    QJsonObject toJson() const;
    static Answer fromJson(JsonReader &reader);

    friend bool operator==(const Answer &, const Answer &) = default;
};

} // namespace assay
