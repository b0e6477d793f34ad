#include "domain/Submission.h"

#include "domain/JsonReader.h"

#include <QJsonArray>

namespace assay {

namespace {
template<typename Record>
QJsonArray toArray(const QList<Record> &records)
{
    QJsonArray a;
    for (const Record &r : records)
        a.append(r.toJson());
    return a;
}

template<typename Record>
QList<Record> fromArray(JsonReader &r, const QString &key, qsizetype maxItems)
{
    const QJsonArray a = r.array(key, maxItems);
    QList<Record> out;
    out.reserve(a.size());
    for (qsizetype i = 0; r.ok() && i < a.size(); ++i) {
        const QString name = key + QStringLiteral("[%1]").arg(i);
        if (!a.at(i).isObject()) {
            r.fail(name, QStringLiteral("expected an object"));
            break;
        }
        JsonReader item = r.nested(a.at(i).toObject(), name);
        out.append(Record::fromJson(item));
        r.adopt(item);
    }
    return out;
}
} // namespace

QJsonObject Submission::toJson() const
{
    QJsonObject o = summary.toJson();
    o.insert(QStringLiteral("answers"), toArray(answers));
    o.insert(QStringLiteral("evidence"), toArray(evidence));
    o.insert(QStringLiteral("comments"), toArray(comments));
    o.insert(QStringLiteral("history"), toArray(history));
    o.insert(QStringLiteral("verdicts"), toArray(verdicts));
    return o;
}

Submission Submission::fromJson(JsonReader &r)
{
    Submission s;
    s.summary = SubmissionSummary::fromJson(r);
    s.answers = fromArray<Answer>(r, QStringLiteral("answers"), 1000);
    s.evidence = fromArray<EvidenceItem>(r, QStringLiteral("evidence"), 1000);
    s.comments = fromArray<Comment>(r, QStringLiteral("comments"), 10000);
    s.history = fromArray<HistoryEntry>(r, QStringLiteral("history"), 10000);
    s.verdicts = fromArray<RecordedVerdict>(r, QStringLiteral("verdicts"), 1000);
    return s;
}

} // namespace assay
