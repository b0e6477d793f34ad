#include "domain/SubmissionSummary.h"

#include "domain/JsonReader.h"

#include <QJsonValue>

#include <limits>

namespace assay {

namespace {
// Limits of what the client accepts for identifiers and names; the API gives
// no maxima for them, so these are generous bounds that still stop a hostile
// server from filling the cache with megabyte "names".
constexpr qsizetype MaxId = 128;
constexpr qsizetype MaxName = 512;

QJsonValue nullable(const std::optional<QString> &s)
{
    return s ? QJsonValue(*s) : QJsonValue(QJsonValue::Null);
}

QJsonValue nullable(const std::optional<QDateTime> &t)
{
    return t ? QJsonValue(JsonReader::formatTimestamp(*t)) : QJsonValue(QJsonValue::Null);
}
} // namespace

QStringList SubmissionSummary::statusNames()
{
    return {QStringLiteral("submitted"), QStringLiteral("in_review"), QStringLiteral("approved"),
            QStringLiteral("rejected"), QStringLiteral("withdrawn")};
}

QStringList SubmissionSummary::stageNames()
{
    return {QStringLiteral("review"), QStringLiteral("security"), QStringLiteral("done")};
}

QStringList SubmissionSummary::kindNames()
{
    return {QStringLiteral("initial"), QStringLiteral("resubmission"), QStringLiteral("revalidation")};
}

QString SubmissionSummary::kindName(Kind k)
{
    return kindNames().at(static_cast<int>(k));
}

std::optional<SubmissionSummary::Kind> SubmissionSummary::kindFromName(const QString &name)
{
    const qsizetype i = kindNames().indexOf(name);
    if (i < 0)
        return std::nullopt;
    return static_cast<Kind>(i);
}

QString SubmissionSummary::statusName(Status s)
{
    return statusNames().at(static_cast<int>(s));
}

QString SubmissionSummary::stageName(Stage s)
{
    return stageNames().at(static_cast<int>(s));
}

std::optional<SubmissionSummary::Status> SubmissionSummary::statusFromName(const QString &name)
{
    const qsizetype i = statusNames().indexOf(name);
    if (i < 0)
        return std::nullopt;
    return static_cast<Status>(i);
}

std::optional<SubmissionSummary::Stage> SubmissionSummary::stageFromName(const QString &name)
{
    const qsizetype i = stageNames().indexOf(name);
    if (i < 0)
        return std::nullopt;
    return static_cast<Stage>(i);
}

QJsonObject SubmissionSummary::toJson() const
{
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("version"), version},
        {QStringLiteral("app"), QJsonObject{{QStringLiteral("id"), appId}, {QStringLiteral("name"), appName}}},
        {QStringLiteral("partner"), QJsonObject{{QStringLiteral("id"), partnerId}, {QStringLiteral("name"), partnerName}}},
        {QStringLiteral("questionnaire_version"), questionnaireVersion},
        {QStringLiteral("status"), statusName(status)},
        {QStringLiteral("stage"), stageName(stage)},
        {QStringLiteral("assignee"), nullable(assignee)},
        {QStringLiteral("submitted_at"), JsonReader::formatTimestamp(submittedAt)},
        {QStringLiteral("updated_at"), JsonReader::formatTimestamp(updatedAt)},
        {QStringLiteral("kind"), kindName(kind)},
        {QStringLiteral("previous_submission_id"), nullable(previousSubmissionId)},
        {QStringLiteral("badge_expires_at"), nullable(badgeExpiresAt)},
        {QStringLiteral("resubmission_allowed_at"), nullable(resubmissionAllowedAt)},
    };
}

SubmissionSummary SubmissionSummary::fromJson(JsonReader &r)
{
    SubmissionSummary s;
    s.id = r.string(QStringLiteral("id"), MaxId);
    s.version = r.integer(QStringLiteral("version"), 1, std::numeric_limits<qint32>::max());
    JsonReader app = r.nested(r.child(QStringLiteral("app")), QStringLiteral("app"));
    if (r.ok()) {
        s.appId = app.string(QStringLiteral("id"), MaxId);
        s.appName = app.string(QStringLiteral("name"), MaxName);
        r.adopt(app);
    }
    JsonReader partner = r.nested(r.child(QStringLiteral("partner")), QStringLiteral("partner"));
    if (r.ok()) {
        s.partnerId = partner.string(QStringLiteral("id"), MaxId);
        s.partnerName = partner.string(QStringLiteral("name"), MaxName);
        r.adopt(partner);
    }
    s.questionnaireVersion = r.string(QStringLiteral("questionnaire_version"), 32);
    if (const auto st = statusFromName(r.oneOf(QStringLiteral("status"), statusNames())))
        s.status = *st;
    if (const auto sg = stageFromName(r.oneOf(QStringLiteral("stage"), stageNames())))
        s.stage = *sg;
    s.assignee = r.nullableString(QStringLiteral("assignee"), MaxId);
    s.submittedAt = r.timestamp(QStringLiteral("submitted_at"));
    s.updatedAt = r.timestamp(QStringLiteral("updated_at"));
    if (const auto k = kindFromName(r.oneOf(QStringLiteral("kind"), kindNames())))
        s.kind = *k;
    s.previousSubmissionId = r.nullableString(QStringLiteral("previous_submission_id"), MaxId);
    s.badgeExpiresAt = r.nullableTimestamp(QStringLiteral("badge_expires_at"));
    s.resubmissionAllowedAt = r.nullableTimestamp(QStringLiteral("resubmission_allowed_at"));
    if (r.ok() && s.id.isEmpty())
        r.fail(QStringLiteral("id"), QStringLiteral("empty"));
    return s;
}

} // namespace assay
