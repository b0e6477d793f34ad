#include "models/Workload.h"

#include "domain/JsonReader.h"
#include "models/Cache.h"
#include "models/CacheConnection.h"

#include <QSqlQuery>

namespace assay {

namespace {

// The open work at the review stage, each row where it counts: a pending
// assignment (the latest assignment entry of the submission that is not
// superseded) moves it to its target. Ages in days against the clock given
// as the first parameter. The stage was entered when the queue's fact says
// (schema 7); a row stored without it, when the last verdict moved it (an
// approve at review moves it on, a return brings it back), else when it was
// submitted. days_in_stage is SlaPolicy::daysInStage in SQL, for the counts.
const char *const WorkSql = R"(
WITH clock(now) AS (SELECT julianday(?)),
latest AS (
    SELECT o.id, o.submission_id, o.state, json_extract(o.payload, '$.assignee') AS target
    FROM outbox o
    JOIN (SELECT submission_id, max(id) AS id FROM outbox
          WHERE kind = 'assignment' AND state <> 'superseded' GROUP BY submission_id) m ON m.id = o.id
),
work AS (
    SELECT s.id, s.app_name, s.partner_name, s.kind, s.stage, s.submitted_at,
           s.assignee AS server_assignee,
           CASE WHEN l.state = 'pending' THEN l.target ELSE s.assignee END AS assignee,
           CASE WHEN l.state = 'pending' THEN 1 WHEN l.state IN ('conflict', 'failed') THEN 2 ELSE 0 END AS local,
           COALESCE(s.stage_entered_at,
                    (SELECT max(v.at) FROM verdicts v WHERE v.submission_id = s.id), s.submitted_at) AS entered,
           s.sla_paused_seconds AS paused, s.awaiting_partner_since AS awaiting,
           s.kind AS kind_name, s.previous_submission_id AS previous,
           (SELECT now FROM clock) - julianday(s.submitted_at) AS age,
           l.id AS entry
    FROM submissions s LEFT JOIN latest l ON l.submission_id = s.id
    WHERE s.stage = 'review' AND ({base})
),
timed AS (
    SELECT w.*,
           max(0.0, (COALESCE(min(julianday(w.awaiting), (SELECT now FROM clock)), (SELECT now FROM clock))
                     - julianday(w.entered)) - w.paused / 86400.0) AS days_in_stage
    FROM work w
)
)";

// The work CTEs over the review stage's rows that pass `base`: a cheap
// filter on the stored row (it can use an index) that must keep every row
// the final filter on the computed assignee keeps.
QString workSql(const QString &base)
{
    return QString::fromUtf8(WorkSql).replace(QLatin1String("{base}"), base);
}

// Rows whose latest assignment entry may place them elsewhere.
const QString InOutbox = QStringLiteral("s.id IN (SELECT submission_id FROM latest)");

} // namespace

Workload::Workload(Cache &cache)
    : m_cache(cache)
{
}

Result<QList<Workload::Reviewer>> Workload::reviewers()
{
    QSqlQuery q(m_cache.connection().database());
    q.setForwardOnly(true);
    // Counted per assignee first, then joined to the few users: the open
    // work is read once, not once per user.
    q.prepare(workSql(QStringLiteral("1")) + QStringLiteral(R"(,
loads AS (
    SELECT assignee, count(*) AS open, max(age) AS oldest,
           sum(awaiting IS NULL AND days_in_stage > ?) AS breaches, sum(local = 1) AS pending
    FROM timed WHERE assignee IS NOT NULL GROUP BY assignee
)
SELECT u.id, u.name, COALESCE(l.open, 0), COALESCE(l.oldest, 0), COALESCE(l.breaches, 0), COALESCE(l.pending, 0)
FROM users u LEFT JOIN loads l ON l.assignee = u.id
WHERE EXISTS (SELECT 1 FROM json_each(u.roles) r WHERE r.value = 'reviewer')
ORDER BY u.name, u.id)"));
    q.addBindValue(JsonReader::formatTimestamp(m_now));
    q.addBindValue(m_sla.reviewTargetDays);
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("read the reviewers' workload"));
    QList<Reviewer> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toInt(), q.value(3).toDouble(),
                    q.value(4).toInt(), q.value(5).toInt()});
    return out;
}

Result<QList<Workload::Item>> Workload::unassigned()
{
    return items(QStringLiteral("s.assignee IS NULL OR ") + InOutbox, QStringLiteral("w.assignee IS NULL"), {});
}

Result<QList<Workload::Item>> Workload::assignedTo(const QString &reviewerId)
{
    return items(QStringLiteral("s.assignee = ? OR ") + InOutbox, QStringLiteral("w.assignee = ?"), reviewerId);
}

Result<QList<Workload::Item>> Workload::openAtReview()
{
    return items(QStringLiteral("1"), QStringLiteral("1"), {});
}

Result<QList<Workload::Item>> Workload::items(const QString &base, const QString &where, const QString &bind)
{
    QSqlQuery q(m_cache.connection().database());
    q.setForwardOnly(true);
    q.prepare(workSql(base) + QStringLiteral(R"(
SELECT w.id, w.app_name, w.partner_name, w.kind, w.stage, w.assignee, w.server_assignee, w.submitted_at,
       w.entered, w.age, w.paused, w.awaiting, w.local,
       CASE WHEN w.kind_name = 'resubmission' THEN
           (SELECT v.by_user FROM verdicts v WHERE v.submission_id = w.previous
            AND v.decision = 'reject' ORDER BY v.seq DESC LIMIT 1) END,
       w.entry
FROM timed w WHERE %1 ORDER BY w.submitted_at, w.id)").arg(where));
    q.addBindValue(JsonReader::formatTimestamp(m_now));
    // The bind value, if any, in the base filter and in the final one.
    if (!bind.isNull()) {
        q.addBindValue(bind);
        q.addBindValue(bind);
    }
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("read the open work"));
    auto text = [&q](int column) {
        return q.value(column).isNull() ? std::nullopt : std::optional<QString>(q.value(column).toString());
    };
    QList<Item> out;
    while (q.next()) {
        Item i;
        i.id = q.value(0).toString();
        i.appName = q.value(1).toString();
        i.partnerName = q.value(2).toString();
        i.kind = SubmissionSummary::kindFromName(q.value(3).toString()).value_or(SubmissionSummary::Kind::Initial);
        i.stage = SubmissionSummary::stageFromName(q.value(4).toString()).value_or(SubmissionSummary::Stage::Review);
        i.assignee = text(5);
        i.serverAssignee = text(6);
        i.submittedAt = JsonReader::parseTimestamp(q.value(7).toString()).value_or(QDateTime());
        i.stageEnteredAt = JsonReader::parseTimestamp(q.value(8).toString()).value_or(i.submittedAt);
        i.ageDays = q.value(9).toDouble();
        const std::optional<QDateTime> awaiting = q.value(11).isNull()
            ? std::nullopt : JsonReader::parseTimestamp(q.value(11).toString());
        i.daysInStage = SlaPolicy::daysInStage(i.stageEnteredAt, q.value(10).toLongLong(), awaiting, m_now);
        i.sla = m_sla.state(i.stage, i.daysInStage, awaiting.has_value());
        i.breached = i.sla == SlaPolicy::State::Breached;
        i.local = LocalState(q.value(12).toInt());
        i.previousRejectedBy = q.value(13).toString();
        i.outboxEntry = q.value(14).toLongLong();
        out.append(i);
    }
    return out;
}

} // namespace assay
