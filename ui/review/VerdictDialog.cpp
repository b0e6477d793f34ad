#include "ui/review/VerdictDialog.h"

#include "models/Cache.h"
#include "models/Outbox.h"
#include "models/PartnerView.h"
#include "models/ReasonSuggestions.h"
#include "models/ReviewDraft.h"
#include "models/ReviewWork.h"
#include "models/SubmissionStore.h"
#include "models/UserDirectory.h"
#include "ui/review/ReasonsEditor.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSet>
#include <QShortcut>
#include <QTextBrowser>
#include <QTime>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace assay {

namespace {
using Decision = Verdict::Decision;

// Typing is saved this long after the last keystroke (the issue allows 300).
constexpr int DraftDelayMs = 200;

QString html(const QString &text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

} // namespace

VerdictDialog::VerdictDialog(Cache &cache, const QString &submissionId, std::optional<Verdict::Decision> initial,
                             const ApprovalGate::Signer &me, QWidget *parent)
    : QDialog(parent)
    , m_cache(cache)
    , m_submissionId(submissionId)
    , m_me(me)
{
    m_loading = true;
    build();
    if (read()) {
        loadDraft(initial);
        offerSuggestions();
    }
    applyGate();
    m_loading = false;
    updatePreview();
    updateRecordState();
}

VerdictDialog::~VerdictDialog() = default;

void VerdictDialog::build()
{
    setWindowTitle(tr("Verdict on %1").arg(m_submissionId));
    setAccessibleName(windowTitle());

    m_saveTimer = new QTimer(this);
    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(DraftDelayMs);
    connect(m_saveTimer, &QTimer::timeout, this, &VerdictDialog::saveDraft);

    // A security user reads the review stage's verdict above their own.
    m_reviewStage = new QGroupBox(tr("The review stage's verdict (read-only)"), this);
    m_reviewStageText = new QTextBrowser(m_reviewStage);
    m_reviewStageText->setObjectName(QStringLiteral("reviewStageVerdict"));
    m_reviewStageText->setAccessibleName(tr("The review stage's verdict"));
    m_reviewStageText->setOpenLinks(false);
    m_reviewStageText->setMaximumHeight(160);
    (new QVBoxLayout(m_reviewStage))->addWidget(m_reviewStageText);

    auto *decisionBox = new QGroupBox(tr("Decision"), this);
    auto *decisionRow = new QHBoxLayout;
    m_decisions = new QButtonGroup(this);
    const QList<std::pair<Decision, QString>> decisions = {
        {Decision::Approve, tr("&Approve")}, {Decision::Reject, tr("&Reject")}, {Decision::Return, tr("Re&turn to the reviewer")}};
    for (const auto &[d, label] : decisions) {
        auto *b = new QRadioButton(label, decisionBox);
        b->setObjectName(QStringLiteral("decision") + Verdict::decisionName(d));
        b->setAccessibleName(QString(label).remove(QLatin1Char('&')));
        m_decisions->addButton(b, int(d));
        decisionRow->addWidget(b);
    }
    decisionRow->addStretch();
    m_refusals = new QLabel(decisionBox);
    m_refusals->setObjectName(QStringLiteral("decisionRefusals"));
    m_refusals->setTextFormat(Qt::PlainText);
    m_refusals->setWordWrap(true);
    m_refusals->setAccessibleName(tr("Why a decision is not available"));
    auto *decisionLayout = new QVBoxLayout(decisionBox);
    decisionLayout->addLayout(decisionRow);
    decisionLayout->addWidget(m_refusals);
    connect(m_decisions, &QButtonGroup::idToggled, this, [this](int, bool on) {
        if (on)
            changed();
    });

    m_reasonsBox = new QGroupBox(tr("Reasons (the partner reads each one)"), this);
    m_reasons = new ReasonsEditor(m_reasonsBox);
    connect(m_reasons, &ReasonsEditor::changed, this, &VerdictDialog::changed);
    (new QVBoxLayout(m_reasonsBox))->addWidget(m_reasons);

    m_summary = new QPlainTextEdit(this);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setAccessibleName(tr("Summary"));
    m_summary->setTabChangesFocus(true);
    m_summary->setMaximumHeight(110);
    connect(m_summary, &QPlainTextEdit::textChanged, this, &VerdictDialog::changed);
    auto *summaryLabel = new QLabel(tr("&Summary"), this);
    summaryLabel->setBuddy(m_summary);

    m_warningsBox = new QGroupBox(tr("Before approving"), this);
    m_warnings = new QListWidget(m_warningsBox);
    m_warnings->setObjectName(QStringLiteral("approveWarnings"));
    m_warnings->setAccessibleName(tr("Warnings before approving"));
    m_warnings->setMaximumHeight(120);
    m_warningsSeen = new QCheckBox(tr("I have read these &warnings"), m_warningsBox);
    m_warningsSeen->setObjectName(QStringLiteral("warningsSeen"));
    m_warningsSeen->setAccessibleName(tr("I have read the warnings"));
    connect(m_warningsSeen, &QCheckBox::toggled, this, &VerdictDialog::updateRecordState);
    auto *warningsLayout = new QVBoxLayout(m_warningsBox);
    warningsLayout->addWidget(m_warnings);
    warningsLayout->addWidget(m_warningsSeen);

    auto *left = new QVBoxLayout;
    left->addWidget(decisionBox);
    left->addWidget(m_reasonsBox, 1);
    left->addWidget(summaryLabel);
    left->addWidget(m_summary);
    left->addWidget(m_warningsBox);

    auto *partnerBox = new QGroupBox(tr("What the partner receives"), this);
    m_partner = new QTextBrowser(partnerBox);
    m_partner->setObjectName(QStringLiteral("partnerPreview"));
    m_partner->setAccessibleName(tr("What the partner receives"));
    (new QVBoxLayout(partnerBox))->addWidget(m_partner);
    auto *internalBox = new QGroupBox(tr("What stays internal"), this);
    m_internal = new QTextBrowser(internalBox);
    m_internal->setObjectName(QStringLiteral("internalPreview"));
    m_internal->setAccessibleName(tr("What stays internal"));
    (new QVBoxLayout(internalBox))->addWidget(m_internal);
    auto *right = new QVBoxLayout;
    right->addWidget(partnerBox, 1);
    right->addWidget(internalBox, 1);

    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 3);
    columns->addLayout(right, 2);

    m_blocker = new QLabel(this);
    m_blocker->setObjectName(QStringLiteral("recordBlocker"));
    m_blocker->setTextFormat(Qt::PlainText);
    m_blocker->setWordWrap(true);
    m_blocker->setAccessibleName(tr("Why the verdict cannot be recorded yet"));
    m_draftState = new QLabel(this);
    m_draftState->setObjectName(QStringLiteral("draftState"));
    m_draftState->setAccessibleName(tr("Draft state"));

    auto *buttons = new QDialogButtonBox(this);
    m_record = buttons->addButton(tr("Re&cord verdict"), QDialogButtonBox::ActionRole);
    m_record->setObjectName(QStringLiteral("record"));
    m_record->setAccessibleName(tr("Record the verdict"));
    m_record->setToolTip(tr("Records the verdict in the outbox (Ctrl+Enter); the sync sends it."));
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Close);
    cancel->setAccessibleName(tr("Close, keeping the draft"));
    for (QPushButton *b : {m_record, cancel})
        b->setAutoDefault(false);
    connect(m_record, &QPushButton::clicked, this, &VerdictDialog::record);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (const QKeySequence &k : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)})
        connect(new QShortcut(k, this), &QShortcut::activated, this, &VerdictDialog::record);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_draftState);
    bottom->addWidget(m_blocker, 1);
    bottom->addWidget(buttons);

    auto *root = new QVBoxLayout(this);
    root->addWidget(m_reviewStage);
    root->addLayout(columns, 1);
    root->addLayout(bottom);
    resize(1100, 720);
}

bool VerdictDialog::read()
{
    auto fail = [this](const QString &why) {
        m_loadError = why;
        return false;
    };
    const Result<std::optional<Submission>> s = m_cache.submissions().submission(m_submissionId);
    if (!s)
        return fail(s.error().message);
    const std::optional<Submission> &submission = *s;
    if (!submission)
        return fail(tr("Submission %1 is not in the cache; sync first.").arg(m_submissionId));
    m_submission = *submission;
    const QString version = m_submission.summary.questionnaireVersion;
    const Result<std::optional<Questionnaire>> q = m_cache.submissions().questionnaire(version);
    if (!q)
        return fail(q.error().message);
    const std::optional<Questionnaire> &questionnaire = *q;
    if (!questionnaire)
        return fail(tr("Questionnaire %1 is not in the cache; sync first.").arg(version));
    m_questionnaire = *questionnaire;
    // The ticks and the notes on items and categories, exactly as `assay
    // decide` takes them from the saved work.
    const Result<Verdict> work = m_cache.outbox().verdictFromWork(m_submissionId);
    if (!work)
        return fail(work.error().message);
    m_checklist = work->checklist;
    m_notes = work->notes;
    m_gate.emplace(m_questionnaire, m_submission, m_checklist, m_me);
    m_gate->setUnreviewedSecretsFindings(m_secretsFindings);
    setWindowTitle(tr("Verdict on %1 (%2)").arg(m_submission.summary.appName, m_submissionId));
    m_loadError.clear();

    m_reasons->setQuestionnaire(m_questionnaire);
    return true;
}

void VerdictDialog::reload()
{
    m_loading = true;
    if (read()) {
        // The offers follow the ticks; what the reviewer accepted stays.
        m_reasons->dropOffers();
        offerSuggestions();
    }
    applyGate();
    m_loading = false;
    updatePreview();
    updateRecordState();
}

void VerdictDialog::setUnreviewedSecretsFindings(const QHash<QString, int> &countByEvidenceId)
{
    m_secretsFindings = countByEvidenceId;
    reload();
}

void VerdictDialog::loadDraft(std::optional<Verdict::Decision> initial)
{
    const Result<std::optional<ReviewDraft>> read = m_cache.work().draft(m_submissionId);
    if (!read) {
        m_draftState->setText(tr("Draft not read: %1").arg(read.error().message));
    } else if (const std::optional<ReviewDraft> &draft = *read; draft) {
        m_summary->setPlainText(draft->summary);
        for (const Verdict::Reason &r : draft->reasons)
            m_reasons->add(r.category, r.code, r.note, {}, true);
        if (!initial)
            initial = draft->decision;
        m_draftState->setText(tr("Draft restored"));
    }
    Decision d = initial.value_or(Decision::Reject);
    if (!initial && m_gate && m_gate->allows(Decision::Approve))
        d = Decision::Approve;
    m_decisions->button(int(d))->setChecked(true);
    m_decisions->button(int(d))->setFocus();
}

void VerdictDialog::applyGate()
{
    QStringList refusals;
    const bool security = m_submission.summary.stage == SubmissionSummary::Stage::Security;
    for (QAbstractButton *b : m_decisions->buttons()) {
        const auto d = Decision(m_decisions->id(b));
        const QString why = m_gate ? m_gate->refusal(d) : m_loadError;
        b->setEnabled(why.isEmpty());
        b->setToolTip(why);
        // Return exists at the security stage only; elsewhere it is noise.
        const bool offered = d != Decision::Return || security;
        b->setVisible(offered);
        if (!why.isEmpty() && offered)
            refusals.append(QStringLiteral("%1: %2").arg(b->accessibleName(), why));
    }
    m_refusals->setText(refusals.join(QLatin1Char('\n')));
    m_refusals->setVisible(!refusals.isEmpty());

    QStringList warnings;
    if (m_gate) {
        for (const ApprovalGate::Warning &w : m_gate->warnings())
            warnings.append(w.text);
    }
    QStringList shown;
    for (int i = 0; i < m_warnings->count(); ++i)
        shown.append(m_warnings->item(i)->text());
    if (warnings != shown) {
        // A confirmation covers the warnings it was given for, not new ones.
        m_warningsSeen->setChecked(false);
        m_warnings->clear();
        m_warnings->addItems(warnings);
    }
    const QString stageHtml = reviewStageHtml();
    m_reviewStageText->setHtml(stageHtml);
    m_reviewStage->setVisible(!stageHtml.isEmpty());
}

QString VerdictDialog::reviewStageHtml() const
{
    const std::optional<RecordedVerdict> approval = ApprovalGate::reviewApproval(m_submission);
    if (m_submission.summary.stage != SubmissionSummary::Stage::Security || !approval)
        return {};
    QString out = tr("<p><b>Approved at the review stage</b> by %1 on %2, version %3.</p>")
                      .arg(html(QStringLiteral("%1 (%2)").arg(m_cache.users().name(approval->by), approval->by)),
                           QLocale().toString(approval->at.toLocalTime(), QLocale::ShortFormat))
                      .arg(approval->version);
    // Its summary, checklist and notes: all internal, shown as the record has them.
    const Result<PartnerView> view = PartnerView::of(approval->verdict, m_questionnaire);
    out += view ? view->internalHtml() : QStringLiteral("<p>%1</p>").arg(html(view.error().message));
    return out;
}

// Every unticked required item offers the codes its rubric entry names
// (reason_codes), seeded with the items' texts for the reviewer to edit.
void VerdictDialog::offerSuggestions()
{
    QSet<QString> ticked;
    for (auto it = m_checklist.cbegin(); it != m_checklist.cend(); ++it) {
        if (it.value())
            ticked.insert(it.key());
    }
    for (const ReasonSuggestions::Suggestion &s : ReasonSuggestions::of(m_questionnaire, ticked))
        m_reasons->add(s.category, s.code, s.note, s.itemKeys, false);
}

void VerdictDialog::changed()
{
    if (m_loading)
        return;
    m_draftState->setText(tr("Saving…"));
    m_saveTimer->start();
    updatePreview();
    updateRecordState();
}

void VerdictDialog::saveDraft()
{
    m_saveTimer->stop();
    if (!m_loadError.isEmpty())
        return;
    ReviewDraft d;
    d.submissionId = m_submissionId;
    d.decision = decision();
    d.summary = m_summary->toPlainText();
    d.reasons = m_reasons->accepted();
    d.notes = m_notes;
    const Result<> saved = m_cache.work().saveDraft(d);
    m_draftState->setText(saved ? tr("Draft saved %1").arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat))
                                : tr("Draft not saved: %1").arg(saved.error().message));
    Q_EMIT draftSaved(saved.errorString());
}

void VerdictDialog::done(int result)
{
    // Closing within the debounce keeps what was typed.
    if (m_saveTimer->isActive())
        saveDraft();
    QDialog::done(result);
}

Verdict::Decision VerdictDialog::decision() const
{
    const int id = m_decisions->checkedId();
    return id < 0 ? Decision::Reject : Decision(id);
}

Verdict VerdictDialog::verdict() const
{
    Verdict v;
    v.decision = decision();
    v.baseVersion = m_submission.summary.version;
    v.summary = m_summary->toPlainText().trimmed();
    v.checklist = m_checklist;
    v.notes = m_notes;
    if (v.decision == Decision::Reject)
        v.reasons = m_reasons->accepted();
    return v;
}

// What the partner receives and what stays internal, by api.md's rule
// (PartnerView), before anything is recorded.
void VerdictDialog::updatePreview()
{
    const Verdict v = verdict();
    const Result<PartnerView> view = PartnerView::of(v, m_questionnaire);
    if (!view) {
        m_partner->setPlainText(view.error().message);
        m_internal->clear();
        return;
    }
    QString partner = view->partnerHtml();
    // An approve at the review stage only moves the submission on: the
    // badge waits for the security team's approve.
    if (v.decision == Decision::Approve && m_submission.summary.stage == SubmissionSummary::Stage::Review)
        partner.prepend(tr("<p>Nothing yet: this approve sends the submission to the security team. When security "
                           "approves:</p>"));
    m_partner->setHtml(partner);
    m_internal->setHtml(view->internalHtml());
}

QString VerdictDialog::partnerPreview() const
{
    return m_partner->toPlainText();
}

QString VerdictDialog::internalPreview() const
{
    return m_internal->toPlainText();
}

QString VerdictDialog::recordBlocker() const
{
    if (!m_loadError.isEmpty() || !m_gate)
        return m_loadError;
    const Verdict v = verdict();
    if (const QString why = m_gate->refusal(v.decision); !why.isEmpty())
        return why;
    if (v.summary.size() > Verdict::MaxSummary)
        return tr("The summary is longer than %1 characters.").arg(Verdict::MaxSummary);
    switch (v.decision) {
    case Decision::Reject:
        if (v.reasons.isEmpty())
            return tr("Pick at least one reason to reject.");
        for (const Verdict::Reason &r : v.reasons) {
            if (r.note.size() > Verdict::MaxNote)
                return tr("A reason's note is longer than %1 characters.").arg(Verdict::MaxNote);
        }
        break;
    case Decision::Return:
        if (v.summary.isEmpty())
            return tr("Say in the summary why it goes back to the reviewer.");
        break;
    case Decision::Approve:
        if (!m_gate->warnings().isEmpty() && !m_warningsSeen->isChecked())
            return tr("Read the warnings before approving, and confirm you have.");
        break;
    }
    return {};
}

void VerdictDialog::updateRecordState()
{
    const Decision d = decision();
    m_reasonsBox->setVisible(d == Decision::Reject);
    m_warningsBox->setVisible(d == Decision::Approve && m_warnings->count() > 0);
    const QString blocker = recordBlocker();
    m_blocker->setText(blocker);
    m_record->setEnabled(blocker.isEmpty());
}

void VerdictDialog::record()
{
    updateRecordState();
    if (!m_record->isEnabled())
        return;
    const Verdict v = verdict();
    // The outbox's one path (also `assay decide`): checks, writes the entry
    // and the draft in one transaction.
    const Result<qint64> id = m_cache.outbox().recordVerdict(m_submissionId, v);
    if (!id) {
        m_blocker->setText(tr("Not recorded: %1").arg(id.error().message));
        return;
    }
    m_saveTimer->stop();
    m_recordedEntry = *id;
    m_draftState->setText(tr("Recorded: pending upload"));
    Q_EMIT recorded(*id);
    accept();
}

} // namespace assay
