#include "domain/Answer.h"

#include "domain/JsonReader.h"

#include <QJsonArray>

namespace assay {

QJsonObject Answer::toJson() const
{
    return QJsonObject{{QStringLiteral("question_key"), questionKey},
                       {QStringLiteral("text"), text},
                       {QStringLiteral("evidence_ids"), QJsonArray::fromStringList(evidenceIds)}};
}

Answer Answer::fromJson(JsonReader &r)
{
    Answer a;
    a.questionKey = r.string(QStringLiteral("question_key"), 64);
    a.text = r.string(QStringLiteral("text"), 20000);
    a.evidenceIds = r.stringList(QStringLiteral("evidence_ids"), 1000, 128);
    return a;
}

} // namespace assay
