#include "models/Outbox.h"

#include "models/Cache.h"
#include "domain/JsonReader.h"

namespace assay {

Outbox::Outbox(Cache &cache)
    : m_cache(cache)
{
}

std::optional<qint64> Outbox::fail(const QString &error)
{
    m_error = error;
    return std::nullopt;
}

std::optional<qint64> Outbox::recordVerdict(const QString &submissionId, Verdict::Decision decision,
                                            const QMap<QString, bool> &checklist,
                                            const QList<Verdict::Reason> &reasons, const QString &summary)
{
    const auto s = m_cache.summary(submissionId);
    if (!s)
        return fail(QStringLiteral("submission %1 is not in this profile's cache; sync first").arg(submissionId));
    if (s->stage == SubmissionSummary::Stage::Done)
        return fail(QStringLiteral("submission %1 is already decided (%2)").arg(submissionId, SubmissionSummary::statusName(s->status)));
    const auto q = m_cache.questionnaire(s->questionnaireVersion);
    if (!q)
        return fail(QStringLiteral("questionnaire %1 is not in the cache; sync first").arg(s->questionnaireVersion));
    if (JsonReader::codePoints(summary) > Verdict::MaxSummary)
        return fail(QStringLiteral("the summary is longer than %1 characters").arg(Verdict::MaxSummary));
    for (auto it = checklist.cbegin(); it != checklist.cend(); ++it) {
        if (!q->checklistItem(it.key()))
            return fail(QStringLiteral("no checklist item \"%1\" in questionnaire %2").arg(it.key(), q->version));
    }
    if (decision == Verdict::Decision::Reject) {
        if (reasons.isEmpty())
            return fail(QStringLiteral("a rejection needs at least one reason (CATEGORY:CODE)"));
        for (const Verdict::Reason &r : reasons) {
            if (!q->category(r.category))
                return fail(QStringLiteral("no category \"%1\"").arg(r.category));
            if (!q->hasReason(r.category, r.code))
                return fail(QStringLiteral("\"%1\" is not a rejection reason of %2").arg(r.code, r.category));
            if (JsonReader::codePoints(r.note) > Verdict::MaxNote)
                return fail(QStringLiteral("a reason's note is longer than %1 characters").arg(Verdict::MaxNote));
        }
    } else {
        if (!reasons.isEmpty())
            return fail(QStringLiteral("an approval takes no rejection reasons"));
        QStringList missing;
        for (const QString &k : q->requiredChecklistKeys()) {
            if (!checklist.value(k, false))
                missing.append(k);
        }
        if (!missing.isEmpty())
            return fail(QStringLiteral("to approve, every required checklist item must be ticked; missing: %1")
                            .arg(missing.join(QStringLiteral(", "))));
    }
    Verdict v;
    v.decision = decision;
    v.baseVersion = s->version;
    v.summary = summary;
    // Every item of the rubric is stated, ticked or not.
    for (const auto &category : q->categories) {
        for (const auto &item : category.checklist)
            v.checklist.insert(item.key, checklist.value(item.key, false));
    }
    v.reasons = reasons;
    const auto id = m_cache.enqueue(OutboxEntry::Kind::Verdict, submissionId, v.toJson());
    if (!id)
        return fail(m_cache.errorString());
    return id;
}

std::optional<qint64> Outbox::recordAssignment(const QString &submissionId, const std::optional<QString> &assignee)
{
    const auto s = m_cache.summary(submissionId);
    if (!s)
        return fail(QStringLiteral("submission %1 is not in this profile's cache; sync first").arg(submissionId));
    if (s->stage == SubmissionSummary::Stage::Done)
        return fail(QStringLiteral("submission %1 is already decided").arg(submissionId));
    const QJsonObject payload{{QStringLiteral("assignee"), assignee ? QJsonValue(*assignee) : QJsonValue(QJsonValue::Null)},
                              {QStringLiteral("base_version"), s->version}};
    const auto id = m_cache.enqueue(OutboxEntry::Kind::Assignment, submissionId, payload);
    if (!id)
        return fail(m_cache.errorString());
    return id;
}

std::optional<qint64> Outbox::recordComment(const QString &submissionId, const QString &body, bool toPartner)
{
    if (body.trimmed().isEmpty())
        return fail(QStringLiteral("a comment needs text"));
    if (JsonReader::codePoints(body) > 20000)
        return fail(QStringLiteral("a comment is limited to 20000 characters"));
    if (!m_cache.summary(submissionId))
        return fail(QStringLiteral("submission %1 is not in this profile's cache; sync first").arg(submissionId));
    const QJsonObject payload{{QStringLiteral("body"), body},
                              {QStringLiteral("visibility"), toPartner ? QStringLiteral("partner") : QStringLiteral("internal")}};
    const auto id = m_cache.enqueue(OutboxEntry::Kind::Comment, submissionId, payload);
    if (!id)
        return fail(m_cache.errorString());
    return id;
}

} // namespace assay
