#include "models/ApprovalGate.h"

#include <QSet>

#include <algorithm>

namespace assay {

namespace {
const QString Reviewer = QStringLiteral("reviewer");
const QString Lead = QStringLiteral("lead");
const QString Security = QStringLiteral("security");
// A refusal names this many missing items, then counts the rest: a tooltip
// listing fifty keys helps nobody.
constexpr qsizetype NamedMissing = 6;
} // namespace

ApprovalGate::ApprovalGate(const Questionnaire &questionnaire, const Submission &submission,
                           const QMap<QString, bool> &checklist, const Signer &me)
    : m_summary(submission.summary)
    , m_me(me)
{
    if (const std::optional<RecordedVerdict> approval = reviewApproval(submission))
        m_reviewApprover = approval->by;
    for (const QString &key : questionnaire.requiredChecklistKeys()) {
        if (!checklist.value(key, false))
            m_missing.append(key);
    }

    QHash<QString, const Answer *> answers;
    for (const Answer &a : submission.answers)
        answers.insert(a.questionKey, &a);
    QSet<QString> known;
    for (const EvidenceItem &e : submission.evidence)
        known.insert(e.id);
    for (const Questionnaire::Category &c : questionnaire.categories) {
        for (const Questionnaire::Question &q : c.questions) {
            if (!q.evidenceRequired)
                continue;
            const Answer *a = answers.value(q.key);
            const bool any = a && std::ranges::any_of(a->evidenceIds, [&](const QString &id) { return known.contains(id); });
            if (!any) {
                m_warnings.append({Warning::Kind::EvidenceMissing, q.key,
                                   tr("Question %1 requires evidence and has none.").arg(q.key)});
            }
        }
    }
    collectEvidenceWarnings(submission);
}

void ApprovalGate::collectEvidenceWarnings(const Submission &submission)
{
    for (const EvidenceItem &e : submission.evidence) {
        m_filenames.insert(e.id, e.filename);
        switch (e.localState) {
        case EvidenceItem::LocalState::Present:
            break;
        case EvidenceItem::LocalState::Absent:
            m_warnings.append({Warning::Kind::EvidenceNotDownloaded, e.id,
                               tr("Evidence \"%1\" is not downloaded: nobody has looked at it here.").arg(e.filename)});
            break;
        case EvidenceItem::LocalState::Mismatch:
            m_warnings.append({Warning::Kind::EvidenceMismatch, e.id,
                               tr("Evidence \"%1\" did not match its sha256 and is quarantined.").arg(e.filename)});
            break;
        case EvidenceItem::LocalState::Refused:
            m_warnings.append({Warning::Kind::EvidenceRefused, e.id,
                               tr("Evidence \"%1\" was refused by the sync (too large or malformed).").arg(e.filename)});
            break;
        }
    }
}

void ApprovalGate::setUnreviewedSecretsFindings(const QHash<QString, int> &countByEvidenceId)
{
    m_warnings.removeIf([](const Warning &w) { return w.kind == Warning::Kind::SecretsUnreviewed; });
    QStringList ids = countByEvidenceId.keys();
    ids.sort();
    for (const QString &id : std::as_const(ids)) {
        const int n = countByEvidenceId.value(id);
        if (n <= 0)
            continue;
        const QString name = m_filenames.value(id, id);
        m_warnings.append({Warning::Kind::SecretsUnreviewed, id,
                           tr("Evidence \"%1\" has %n secrets finding(s) nobody has looked at.", nullptr, n).arg(name)});
    }
}

std::optional<RecordedVerdict> ApprovalGate::reviewApproval(const Submission &submission)
{
    // Oldest first: after a return the latest review approve is the one that
    // counts (it is the one the server remembers for four eyes).
    for (auto it = submission.verdicts.crbegin(); it != submission.verdicts.crend(); ++it) {
        if (it->stage == RecordedVerdict::Stage::Review && it->verdict.decision == Verdict::Decision::Approve)
            return *it;
    }
    return std::nullopt;
}

QString ApprovalGate::whoRefusal() const
{
    using Stage = SubmissionSummary::Stage;
    using Status = SubmissionSummary::Status;
    if (m_summary.stage == Stage::Done || m_summary.status == Status::Approved || m_summary.status == Status::Rejected
        || m_summary.status == Status::Withdrawn) {
        return tr("This submission is already decided (%1): it takes no further verdict.")
            .arg(SubmissionSummary::statusName(m_summary.status));
    }
    if (m_summary.stage == Stage::Review) {
        const bool assignee = m_summary.assignee && *m_summary.assignee == m_me.id && m_me.hasRole(Reviewer);
        if (assignee || m_me.hasRole(Lead))
            return {};
        if (!m_summary.assignee)
            return tr("Only the assignee or a lead decides at the review stage, and nobody is assigned yet.");
        return tr("Only the assignee (%1) or a lead decides at the review stage.").arg(*m_summary.assignee);
    }
    if (!m_me.hasRole(Security))
        return tr("Only the security team decides at the security stage.");
    if (m_reviewApprover && *m_reviewApprover == m_me.id)
        return tr("You approved the review stage: someone else in the security team must decide (four eyes).");
    return {};
}

QString ApprovalGate::refusal(Verdict::Decision decision) const
{
    if (QString who = whoRefusal(); !who.isEmpty())
        return who;
    switch (decision) {
    case Verdict::Decision::Reject:
        return {};
    case Verdict::Decision::Return:
        if (m_summary.stage != SubmissionSummary::Stage::Security)
            return tr("Only a security user returns a submission, at the security stage.");
        return {};
    case Verdict::Decision::Approve:
        if (m_missing.isEmpty())
            return {};
        QStringList named = m_missing.first(std::min(m_missing.size(), NamedMissing));
        QString list = named.join(QStringLiteral(", "));
        if (m_missing.size() > NamedMissing)
            list += tr(" and %n more", nullptr, int(m_missing.size() - NamedMissing));
        return tr("To approve, every required checklist item must be ticked; %n not ticked: %1", nullptr,
                  int(m_missing.size()))
            .arg(list);
    }
    return {};
}

QList<Verdict::Decision> ApprovalGate::allowed() const
{
    QList<Verdict::Decision> out;
    for (Verdict::Decision d : {Verdict::Decision::Approve, Verdict::Decision::Reject, Verdict::Decision::Return}) {
        if (allows(d))
            out.append(d);
    }
    return out;
}

} // namespace assay
