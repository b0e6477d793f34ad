#include "ui/review/ReviewView.h"

#include "models/Cache.h"
#include "models/EvidenceFindings.h"
#include "models/Outbox.h"
#include "models/ReviewWork.h"
#include "models/SubmissionStore.h"
#include "models/UserDirectory.h"
#include "ui/review/AnswerPane.h"
#include "ui/review/ChecklistPane.h"
#include "ui/review/ConflictView.h"
#include "ui/review/CommentsPane.h"
#include "ui/review/DebouncedWriter.h"
#include "ui/review/EvidencePane.h"
#include "ui/review/HistoryPane.h"
#include "ui/review/PreviousReasons.h"
#include "ui/review/QuestionNavigator.h"
#include "ui/review/ReviewHeader.h"
#include "ui/review/SaveIndicator.h"

#include <QCheckBox>
#include <QPlainTextEdit>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace assay {

namespace {
// The questionnaire a submission uses: the cached one, else the one shipped.
Result<Questionnaire> questionnaireOf(Cache *cache, const QString &version)
{
    const Result<std::optional<Questionnaire>> cached = cache->submissions().questionnaire(version);
    if (!cached)
        return cached.error();
    if (const std::optional<Questionnaire> &found = *cached; found)
        return *found;
    QString error;
    if (std::optional<Questionnaire> shipped = Questionnaire::builtin(version, &error))
        return *shipped;
    return Error{QStringLiteral("questionnaire %1 is neither cached nor shipped").arg(version)};
}
} // namespace

ReviewView::ReviewView(Cache *cache, QWidget *parent)
    : QWidget(parent)
    , m_cache(cache)
    , m_writer(new DebouncedWriter(this))
    , m_header(new ReviewHeader)
    , m_saveIndicator(new SaveIndicator(m_writer))
    , m_navigator(new QuestionNavigator)
    , m_reasons(new PreviousReasons([this](const QString &key, bool addressed) { return setReasonAddressed(key, addressed); }))
    , m_answers(new AnswerPane(m_reasons))
    , m_evidence(new EvidencePane)
    , m_checklist(new ChecklistPane(cache, m_writer))
    , m_comments(new CommentsPane(cache))
    , m_history(new HistoryPane)
    , m_tabs(new QTabWidget)
{
    setObjectName(QStringLiteral("ReviewView"));
    setAccessibleName(tr("Review of a submission"));

    auto *evidenceBox = new QGroupBox(tr("Evidence viewer"));
    auto *evidenceLayout = new QVBoxLayout(evidenceBox);
    evidenceLayout->addWidget(m_evidence);
    auto *centre = new QSplitter(Qt::Vertical);
    m_centre = centre;
    centre->setObjectName(QStringLiteral("AnswerEvidenceSplitter"));
    centre->setChildrenCollapsible(false);
    centre->addWidget(m_answers);
    centre->addWidget(evidenceBox);
    centre->setStretchFactor(0, 4);
    centre->setStretchFactor(1, 1);

    m_tabs->setObjectName(QStringLiteral("ReviewTabs"));
    m_tabs->setAccessibleName(tr("Checklist, comments and history"));
    m_tabs->addTab(m_checklist, tr("Chec&klist"));
    m_tabs->addTab(m_comments, tr("Co&mments"));
    m_tabs->addTab(m_history, tr("&History"));

    auto *body = new QSplitter(Qt::Horizontal);
    body->setObjectName(QStringLiteral("ReviewSplitter"));
    body->setChildrenCollapsible(false);
    body->addWidget(m_navigator);
    body->addWidget(centre);
    body->addWidget(m_tabs);
    body->setStretchFactor(0, 2);
    body->setStretchFactor(1, 5);
    body->setStretchFactor(2, 3);
    body->setSizes({380, 640, 420});

    auto *top = new QHBoxLayout;
    top->addWidget(m_header, 1);
    top->addWidget(m_saveIndicator, 0, Qt::AlignTop | Qt::AlignRight);
    m_conflictBox = new QGroupBox(tr("Your verdict met a newer state on the marketplace"));
    m_conflictBox->setObjectName(QStringLiteral("ConflictBox"));
    m_conflictBox->setAccessibleName(tr("Conflict with the marketplace"));
    new QVBoxLayout(m_conflictBox);
    m_conflictBox->hide();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_conflictBox);
    layout->addWidget(body, 1);

    connect(m_navigator, &QuestionNavigator::questionSelected, m_answers, &AnswerPane::showQuestion);
    connect(m_navigator, &QuestionNavigator::questionSelected, this, &ReviewView::markRead);
    connect(m_navigator, &QuestionNavigator::categorySelected, m_checklist, &ChecklistPane::showCategory);
    connect(m_navigator, &QuestionNavigator::categorySelected, this,
            [this](const QString &category) { m_reasons->showCategory(&m_context, category); });
    connect(m_reasons, &PreviousReasons::writeFailed, this, &ReviewView::readFailed);
    connect(m_answers, &AnswerPane::evidenceOpened, this, &ReviewView::showEvidence);
    connect(m_evidence, &EvidencePane::referenceRequested, this, [this](const QString &reference) {
        if (const Result<> r = addToRejectionNote(reference); !r)
            Q_EMIT readFailed(r.error().message);
    });
    connect(m_checklist, &ChecklistPane::ticked, m_navigator, &QuestionNavigator::setTicked);
    connect(m_checklist, &ChecklistPane::ticked, this, &ReviewView::workChanged);
    connect(m_comments, &CommentsPane::recorded, this, [this] {
        if (const Result<> r = reload(); !r)
            Q_EMIT readFailed(r.error().message);
        Q_EMIT outboxChanged();
    });

    // Keyboard order: find, the tree, the answers, the checklist, its notes.
    setTabOrder(m_navigator->findField(), m_navigator->changedOnlySwitch());
    setTabOrder(m_navigator->changedOnlySwitch(), m_navigator->tree());
    setTabOrder(m_navigator->tree(), m_answers);
}

ReviewView::~ReviewView()
{
    flush();
}

Result<ReviewContext> ReviewView::read(const QString &submissionId)
{
    ReviewContext c;
    const Result<std::optional<Submission>> s = m_cache->submissions().submission(submissionId);
    if (!s)
        return s.error();
    const std::optional<Submission> &found = *s;
    if (!found)
        return Error{tr("Submission %1 is not in the cache.").arg(submissionId)};
    c.submission = *found;
    const Result<Questionnaire> q = questionnaireOf(m_cache, c.submission.summary.questionnaireVersion);
    if (!q)
        return q.error();
    c.questionnaire = *q;
    if (const std::optional<QString> &previousId = c.submission.summary.previousSubmissionId) {
        const Result<std::optional<Submission>> p = m_cache->submissions().submission(*previousId);
        if (!p)
            return p.error();
        if (const std::optional<Submission> &previous = *p; previous) {
            c.previous = *previous;
            const QString version = c.previous->summary.questionnaireVersion;
            if (version != c.questionnaire.version) {
                const Result<Questionnaire> pq = questionnaireOf(m_cache, version);
                if (!pq)
                    return pq.error();
                c.previousQuestionnaire = *pq;
            }
        }
    }
    c.comparison = AnswerComparison::compare(c.questionnaire, c.submission, c.previous ? &*c.previous : nullptr,
                                             c.previousQuestionnaire ? &*c.previousQuestionnaire : nullptr);
    ReviewWork &work = m_cache->work();
    const Result<QHash<QString, ReviewWork::Tick>> ticks = work.checklistTicks(submissionId);
    if (!ticks)
        return ticks.error();
    for (auto it = ticks->cbegin(); it != ticks->cend(); ++it) {
        c.ticks.insert(it.key(), it->checked);
        if (!it->basis.isEmpty())
            c.tickStamps.insert(it.key(), WorkStamp{it->madeOnVersion, it->basis});
    }
    const Result<QHash<QString, ReviewWork::Note>> notes = work.notes(submissionId);
    if (!notes)
        return notes.error();
    for (auto it = notes->cbegin(); it != notes->cend(); ++it) {
        c.notes.insert(it.key(), it->body);
        if (!it->basis.isEmpty())
            c.noteStamps.insert(it.key(), WorkStamp{it->madeOnVersion, it->basis});
    }
    const Result<QHash<QString, QDateTime>> read = work.readQuestions(submissionId);
    if (!read)
        return read.error();
    for (auto it = read->cbegin(); it != read->cend(); ++it)
        c.read.insert(it.key());
    const Result<QHash<QString, bool>> marks = work.reasonMarks(submissionId);
    if (!marks)
        return marks.error();
    c.reasonMarks = *marks;
    const Result<std::optional<QDateTime>> opened = work.lastOpened(submissionId);
    if (!opened)
        return opened.error();
    c.lastOpened = opened->value_or(QDateTime());
    const Result<QHash<QString, QString>> names = m_cache->users().names();
    if (!names)
        return names.error();
    c.names = *names;
    const Result<std::optional<UserDirectory::User>> me = m_cache->users().me();
    if (!me)
        return me.error();
    if (const std::optional<UserDirectory::User> &signedIn = *me; signedIn) {
        c.me = signedIn->id;
        c.myRoles = signedIn->roles;
    }
    const Result<QList<OutboxEntry>> entries = m_cache->outbox().entries();
    if (!entries)
        return entries.error();
    for (const OutboxEntry &e : *entries)
        if (e.submissionId == submissionId)
            c.outbox.append(e);
    EvidenceFindings &findings = m_cache->findings();
    auto scansOf = [&](const Submission &s) -> Result<> {
        const Result<QHash<QString, EvidenceFindings::Scan>> scans = findings.scansForSubmission(s.summary.id);
        if (!scans)
            return scans.error();
        for (const EvidenceItem &e : s.evidence) {
            if (const auto it = scans->constFind(e.id); it != scans->cend())
                c.scans.insert(e.sha256, *it);
        }
        return {};
    };
    if (const Result<> r = scansOf(c.submission); !r)
        return r.error();
    if (c.previous) {
        if (const Result<> r = scansOf(*c.previous); !r)
            return r.error();
    }
    const Result<QHash<QString, int>> unseen = findings.unseenWithFindings(submissionId);
    if (!unseen)
        return unseen.error();
    c.unseenFindings = *unseen;
    return c;
}

Result<> ReviewView::open(const QString &submissionId)
{
    return load(submissionId, true);
}

Result<> ReviewView::reload()
{
    if (m_context.id().isEmpty())
        return {};
    return load(m_context.id(), false);
}

Result<> ReviewView::load(const QString &submissionId, bool opening)
{
    flush();
    const bool same = submissionId == m_context.id();
    Result<ReviewContext> c = read(submissionId);
    if (!c)
        return c.error();
    if (opening) {
        // Comments after the previous opening are new.
        const Result<std::optional<QDateTime>> before = m_cache->work().markOpened(submissionId);
        if (!before)
            return before.error();
        c->lastOpened = before->value_or(QDateTime());
    } else {
        // A reload keeps what "new" is measured from.
        c->lastOpened = m_context.lastOpened;
    }
    // Only the question the screen settles on counts as read, not the ones
    // passed on the way there.
    m_settling = true;
    display(std::move(*c));
    if (opening) {
        if (!same)
            m_evidence->clear();
        // A resubmission is read from what changed.
        if (!same && m_context.comparison.hasPrevious())
            m_navigator->selectFirstChanged();
        m_navigator->tree()->setFocus(Qt::OtherFocusReason);
    }
    m_settling = false;
    markRead(m_navigator->currentQuestionKey());
    return {};
}

void ReviewView::submissionsChanged(const QStringList &ids)
{
    const QString previous = m_context.previous ? m_context.previous->summary.id : QString();
    const std::optional<QString> &wanted = m_context.submission.summary.previousSubmissionId;
    if (ids.contains(m_context.id()) || (!previous.isEmpty() && ids.contains(previous))
        || (wanted && ids.contains(*wanted))) {
        if (const Result<> r = reload(); !r)
            Q_EMIT readFailed(r.error().message);
    }
}

void ReviewView::display(ReviewContext context)
{
    m_context = std::move(context);
    m_header->setContext(m_context);
    m_navigator->setContext(&m_context);
    m_answers->setContext(&m_context);
    m_answers->showQuestion(m_navigator->currentQuestionKey());
    m_checklist->setContext(&m_context);
    m_reasons->showCategory(&m_context, m_navigator->currentCategoryKey());
    m_checklist->showCategory(m_navigator->currentCategoryKey());
    m_comments->setContext(&m_context);
    m_history->setContext(&m_context);
    showConflict();
}

void ReviewView::showConflict()
{
    qint64 conflict = 0;
    for (const OutboxEntry &e : std::as_const(m_context.outbox))
        if (e.kind == OutboxEntry::Kind::Verdict && e.state == OutboxEntry::State::Conflict)
            conflict = e.id;
    if (m_conflict && m_conflictEntry == conflict) {
        m_conflict->reload();
        return;
    }
    delete m_conflict;
    m_conflict = nullptr;
    m_conflictEntry = conflict;
    m_conflictBox->setVisible(conflict != 0);
    if (conflict == 0)
        return;
    // Re-base or discard changes the outbox: read again, after the view's
    // own slot has returned (it is replaced by the reload).
    m_conflict = new ConflictView(*m_cache, conflict);
    m_conflictBox->layout()->addWidget(m_conflict);
    auto settled = [this] {
        if (const Result<> r = reload(); !r)
            Q_EMIT readFailed(r.error().message);
        Q_EMIT outboxChanged();
    };
    connect(m_conflict, &ConflictView::rebased, this, settled, Qt::QueuedConnection);
    connect(m_conflict, &ConflictView::discarded, this, settled, Qt::QueuedConnection);
}

Result<> ReviewView::setReasonAddressed(const QString &reasonKey, bool addressed)
{
    if (const Result<> r = m_cache->work().setReasonAddressed(m_context.id(), reasonKey, addressed); !r)
        return r;
    m_context.reasonMarks.insert(reasonKey, addressed);
    return {};
}

void ReviewView::markRead(const QString &questionKey)
{
    if (m_settling || questionKey.isEmpty() || m_context.read.contains(questionKey)
        || !m_context.questionnaire.question(questionKey))
        return;
    if (const Result<> r = m_cache->work().markRead(m_context.id(), questionKey); !r) {
        Q_EMIT readFailed(r.error().message);
        return;
    }
    m_context.read.insert(questionKey);
    m_navigator->setRead(questionKey);
}

void ReviewView::showEvidence(const EvidenceItem &item)
{
    m_evidence->showItem(item);
    markEvidenceSeen(item);
    // Evidence is read, not glanced at: an opened item gets three fifths of
    // the column (the answer keeps what it needs) unless the reviewer
    // already gave it more than half.
    const QList<int> sizes = m_centre->sizes();
    const int total = sizes.value(0) + sizes.value(1);
    if (total > 0 && sizes.value(1) < total / 2) {
        const int answers = std::max(total * 2 / 5, m_answers->minimumSizeHint().height());
        m_centre->setSizes({answers, total - answers});
    }
}

void ReviewView::markEvidenceSeen(const EvidenceItem &item)
{
    // An item of the previous submission is not this one's to mark.
    if (!m_context.unseenFindings.contains(item.id))
        return;
    if (const Result<> r = m_cache->findings().markSeen(m_context.id(), item.id); !r) {
        Q_EMIT readFailed(r.error().message);
        return;
    }
    m_context.unseenFindings.remove(item.id);
    m_header->setContext(m_context);
}

Result<> ReviewView::addToRejectionNote(const QString &reference)
{
    const QString category = m_navigator->currentCategoryKey();
    if (m_context.id().isEmpty() || category.isEmpty() || reference.isEmpty())
        return Error{tr("No category is in view to add the reference to.")};
    QString line = reference;
    if (const std::optional<EvidenceItem> item = m_evidence->item())
        line = tr("%1: %2").arg(item->filename, reference);
    // Through the checklist pane's own note, as if typed there: it keeps its
    // stamp and its model, and shows the line at once.
    if (m_checklist->categoryKey() != category)
        m_checklist->showCategory(category);
    QPlainTextEdit *note = m_checklist->categoryNote();
    note->appendPlainText(line);
    m_writer->flush();
    if (m_context.notes.value(category) != note->toPlainText())
        return Error{tr("The reference could not be saved in the note.")};
    const Questionnaire::Category *c = m_context.questionnaire.category(category);
    Q_EMIT statusMessage(tr("Added to your note on %1: %2").arg(c ? c->title : category, line));
    return {};
}

bool ReviewView::nextQuestion()
{
    return m_navigator->nextQuestion();
}

bool ReviewView::previousQuestion()
{
    return m_navigator->previousQuestion();
}

bool ReviewView::tickCurrentItem()
{
    return m_checklist->tickCurrent();
}

void ReviewView::toggleChangedOnly()
{
    m_navigator->changedOnlySwitch()->toggle();
}

void ReviewView::focusFind()
{
    m_navigator->findField()->setFocus(Qt::ShortcutFocusReason);
    m_navigator->findField()->selectAll();
}

void ReviewView::focusComment()
{
    m_tabs->setCurrentWidget(m_comments);
    m_comments->focusComposer();
}

void ReviewView::flush()
{
    m_writer->flush();
}

} // namespace assay
