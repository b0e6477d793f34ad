#include "domain/SubmissionRow.h"

#include "domain/JsonReader.h"

#include <QSqlQuery>
#include <QVariant>

namespace assay {

namespace {
QVariant opt(const std::optional<QString> &s)
{
    return s ? QVariant(*s) : QVariant(QMetaType(QMetaType::QString));
}

QVariant opt(const std::optional<QDateTime> &t)
{
    return t ? QVariant(JsonReader::formatTimestamp(*t)) : QVariant(QMetaType(QMetaType::QString));
}

std::optional<QString> optString(const QVariant &v)
{
    if (v.isNull())
        return std::nullopt;
    return v.toString();
}

std::optional<QDateTime> optTime(const QVariant &v)
{
    if (v.isNull())
        return std::nullopt;
    return JsonReader::parseTimestamp(v.toString());
}

QDateTime timeOf(const QVariant &v)
{
    return JsonReader::parseTimestamp(v.toString()).value_or(QDateTime());
}
} // namespace

QString SubmissionRow::columns()
{
    return QStringLiteral(
        "id, version, app_id, app_name, partner_id, partner_name, questionnaire_version, status, stage, assignee, "
        "submitted_at, updated_at, previous_submission_id, badge_expires_at, resubmission_allowed_at");
}

SubmissionSummary SubmissionRow::read(const QSqlQuery &q, int f)
{
    SubmissionSummary s;
    s.id = q.value(f + 0).toString();
    s.version = q.value(f + 1).toLongLong();
    s.appId = q.value(f + 2).toString();
    s.appName = q.value(f + 3).toString();
    s.partnerId = q.value(f + 4).toString();
    s.partnerName = q.value(f + 5).toString();
    s.questionnaireVersion = q.value(f + 6).toString();
    s.status = SubmissionSummary::statusFromName(q.value(f + 7).toString()).value_or(SubmissionSummary::Status::Submitted);
    s.stage = SubmissionSummary::stageFromName(q.value(f + 8).toString()).value_or(SubmissionSummary::Stage::Review);
    s.assignee = optString(q.value(f + 9));
    s.submittedAt = timeOf(q.value(f + 10));
    s.updatedAt = timeOf(q.value(f + 11));
    s.previousSubmissionId = optString(q.value(f + 12));
    s.badgeExpiresAt = optTime(q.value(f + 13));
    s.resubmissionAllowedAt = optTime(q.value(f + 14));
    return s;
}

QVariantList SubmissionRow::values(const SubmissionSummary &s)
{
    return {s.id,
            s.version,
            notNull(s.appId),
            notNull(s.appName),
            notNull(s.partnerId),
            notNull(s.partnerName),
            notNull(s.questionnaireVersion),
            SubmissionSummary::statusName(s.status),
            SubmissionSummary::stageName(s.stage),
            opt(s.assignee),
            JsonReader::formatTimestamp(s.submittedAt),
            JsonReader::formatTimestamp(s.updatedAt),
            opt(s.previousSubmissionId),
            opt(s.badgeExpiresAt),
            opt(s.resubmissionAllowedAt)};
}

void SubmissionRow::bind(QSqlQuery &q, const SubmissionSummary &s)
{
    for (const QVariant &v : values(s))
        q.addBindValue(v);
}

} // namespace assay
