#include "ui/review/ReviewHeader.h"

#include "models/ApprovalGate.h"
#include "ui/review/ReviewContext.h"
#include "ui/shell/Translations.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace assay {

namespace {
QLabel *plainLabel(const QString &accessibleName)
{
    auto *l = new QLabel;
    l->setTextFormat(Qt::PlainText);
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->setAccessibleName(accessibleName);
    return l;
}

QString when(const QDateTime &t)
{
    return QLocale().toString(t.toLocalTime(), QLocale::ShortFormat);
}
} // namespace

ReviewHeader::ReviewHeader(QWidget *parent)
    : QWidget(parent)
    , m_title(plainLabel(tr("App and partner")))
    , m_facts(plainLabel(tr("Submission facts")))
    , m_dates(plainLabel(tr("Submission dates")))
    , m_outbox(plainLabel(tr("Outbox state of this submission")))
    , m_findings(plainLabel(tr("Secrets findings in this submission's evidence")))
{
    // Its counts are "%n item(s) …": the English plural forms.
    ensureTranslationsLoaded();
    setObjectName(QStringLiteral("ReviewHeader"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_outbox->setObjectName(QStringLiteral("OutboxState"));
    m_findings->setObjectName(QStringLiteral("FindingsSummary"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_title);
    layout->addWidget(m_facts);
    layout->addWidget(m_dates);
    layout->addWidget(m_outbox);
    layout->addWidget(m_findings);
}

void ReviewHeader::setContext(const ReviewContext &context)
{
    const SubmissionSummary &s = context.submission.summary;
    m_title->setText(tr("%1 — %2").arg(s.appName, s.partnerName));
    m_facts->setText(tr("%1 · version %2 · questionnaire %3 · %4 · stage: %5 · assignee: %6")
                         .arg(kindText(s))
                         .arg(s.version)
                         .arg(s.questionnaireVersion, statusText(s), stageText(s),
                              s.assignee ? context.nameOf(*s.assignee) : tr("nobody")));
    QString dates = tr("Submitted %1 · updated %2").arg(when(s.submittedAt), when(s.updatedAt));
    if (s.badgeExpiresAt)
        dates += QStringLiteral(" · ") + tr("badge expires %1").arg(when(*s.badgeExpiresAt));
    if (s.resubmissionAllowedAt)
        dates += QStringLiteral(" · ") + tr("may resubmit from %1").arg(when(*s.resubmissionAllowedAt));
    m_dates->setText(dates);
    QString outbox = tr("Your writes: %1").arg(outboxStateText(context.outbox));
    // A security reviewer reads whose approve sent it to them.
    if (const std::optional<RecordedVerdict> approval = ApprovalGate::reviewApproval(context.submission); approval)
        outbox += QStringLiteral(" · ") + tr("review stage approved by %1 on %2 (version %3)")
                                              .arg(context.nameOf(approval->by), when(approval->at))
                                              .arg(approval->version);
    m_outbox->setText(outbox);
    const QString findings = findingsText(context);
    m_findings->setText(findings);
    m_findings->setVisible(!findings.isEmpty());
}

QString ReviewHeader::outboxText() const
{
    return m_outbox->text();
}

QString ReviewHeader::findingsText() const
{
    return m_findings->text();
}

// Spelled out per number, as the status bar's counts are: without a loaded
// English translation Qt's %n plural forms would show "finding(s)".
QString ReviewHeader::findingsText(const ReviewContext &context)
{
    const QList<EvidenceItem> &items = context.submission.evidence;
    if (items.isEmpty())
        return {};
    int total = 0;
    int notScanned = 0;
    bool truncated = false;
    for (const EvidenceItem &e : items) {
        const std::optional<EvidenceFindings::Scan> scan = context.scanOf(e);
        if (!scan || scan->outcome != EvidenceFindings::Scan::Outcome::Scanned) {
            ++notScanned;
            continue;
        }
        total += scan->count;
        truncated = truncated || scan->truncated;
    }
    QString text;
    if (total == 0)
        text = notScanned == 0 ? tr("No secrets findings in evidence") : tr("No secrets findings in the evidence scanned");
    else if (truncated)
        text = tr("More than %L1 secrets findings in evidence").arg(total);
    else
        text = tr("%Ln secrets finding(s) in evidence", nullptr, int(total));
    if (const qsizetype unseen = context.unseenFindings.size(); unseen > 0)
        text += QStringLiteral(" · ")
            + tr("%Ln item(s) with findings not opened yet", nullptr, int(unseen));
    if (notScanned > 0)
        text += QStringLiteral(" · ") + tr("%Ln item(s) not scanned", nullptr, int(notScanned));
    return text;
}

QString ReviewHeader::statusText(const SubmissionSummary &s)
{
    switch (s.status) {
    case SubmissionSummary::Status::Submitted:
        return tr("submitted");
    case SubmissionSummary::Status::InReview:
        return tr("in review");
    case SubmissionSummary::Status::Approved:
        return tr("approved");
    case SubmissionSummary::Status::Rejected:
        return tr("rejected");
    case SubmissionSummary::Status::Withdrawn:
        return tr("withdrawn");
    }
    return {};
}

QString ReviewHeader::stageText(const SubmissionSummary &s)
{
    switch (s.stage) {
    case SubmissionSummary::Stage::Review:
        return tr("review");
    case SubmissionSummary::Stage::Security:
        return tr("security");
    case SubmissionSummary::Stage::Done:
        return tr("done");
    }
    return {};
}

QString ReviewHeader::kindText(const SubmissionSummary &s)
{
    switch (s.kind) {
    case SubmissionSummary::Kind::Initial:
        return tr("First submission");
    case SubmissionSummary::Kind::Resubmission:
        return tr("Resubmission");
    case SubmissionSummary::Kind::Revalidation:
        return tr("Yearly revalidation");
    }
    return {};
}

QString ReviewHeader::outboxStateText(const QList<OutboxEntry> &entries)
{
    QList<OutboxEntry> live;
    for (const OutboxEntry &e : entries)
        if (e.state != OutboxEntry::State::Superseded)
            live.append(e);
    if (live.isEmpty())
        return tr("nothing waiting");
    // The newest write says where things stand; a held one (conflict,
    // failed) is named whatever came after it, since it needs the reviewer.
    for (const OutboxEntry &e : live) {
        if (e.state == OutboxEntry::State::Conflict)
            return tr("conflict — the marketplace has moved on; open it to re-base or discard");
        if (e.state == OutboxEntry::State::Failed)
            return tr("failed: %1").arg(e.lastError.isEmpty() ? tr("refused by the marketplace") : e.lastError);
    }
    int pending = 0;
    for (const OutboxEntry &e : live)
        pending += e.state == OutboxEntry::State::Pending ? 1 : 0;
    if (pending == 1)
        return tr("1 change pending upload");
    if (pending > 1)
        return tr("%1 changes pending upload").arg(pending);
    return tr("sent");
}

} // namespace assay
