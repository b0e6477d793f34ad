#include "domain/RecordedVerdict.h"

#include "domain/JsonReader.h"

#include <limits>

namespace assay {

QString RecordedVerdict::stageName(Stage s)
{
    return s == Stage::Security ? QStringLiteral("security") : QStringLiteral("review");
}

QJsonObject RecordedVerdict::toJson() const
{
    QJsonObject o = verdict.toJson();
    o.remove(QStringLiteral("base_version"));
    if (!o.contains(QStringLiteral("notes")))
        o.insert(QStringLiteral("notes"), QJsonObject());
    o.insert(QStringLiteral("stage"), stageName(stage));
    o.insert(QStringLiteral("by"), by);
    o.insert(QStringLiteral("at"), JsonReader::formatTimestamp(at));
    o.insert(QStringLiteral("version"), version);
    return o;
}

RecordedVerdict RecordedVerdict::fromJson(JsonReader &r)
{
    RecordedVerdict v;
    v.stage = r.oneOf(QStringLiteral("stage"), {QStringLiteral("review"), QStringLiteral("security")}) == QLatin1String("security")
        ? Stage::Security
        : Stage::Review;
    v.by = r.string(QStringLiteral("by"), 128);
    v.at = r.timestamp(QStringLiteral("at"));
    v.version = r.integer(QStringLiteral("version"), 1, std::numeric_limits<qint32>::max());
    if (!r.ok())
        return v;
    // The decision itself has the shape of a posted verdict, whose reader
    // knows the limits; the record names its version rather than a base.
    QJsonObject body = r.object();
    body.insert(QStringLiteral("base_version"), v.version);
    JsonReader vr = r.nested(body, QString());
    v.verdict = Verdict::fromJson(vr);
    r.adopt(vr);
    return v;
}

} // namespace assay
