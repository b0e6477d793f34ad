#include "models/SubmissionRow.h"

#include "models/JsonReader.h"

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

void SubmissionRow::bind(QSqlQuery &q, const SubmissionSummary &s)
{
    q.addBindValue(s.id);
    q.addBindValue(s.version);
    q.addBindValue(notNull(s.appId));
    q.addBindValue(notNull(s.appName));
    q.addBindValue(notNull(s.partnerId));
    q.addBindValue(notNull(s.partnerName));
    q.addBindValue(notNull(s.questionnaireVersion));
    q.addBindValue(SubmissionSummary::statusName(s.status));
    q.addBindValue(SubmissionSummary::stageName(s.stage));
    q.addBindValue(opt(s.assignee));
    q.addBindValue(JsonReader::formatTimestamp(s.submittedAt));
    q.addBindValue(JsonReader::formatTimestamp(s.updatedAt));
    q.addBindValue(opt(s.previousSubmissionId));
    q.addBindValue(opt(s.badgeExpiresAt));
    q.addBindValue(opt(s.resubmissionAllowedAt));
}

} // namespace assay
