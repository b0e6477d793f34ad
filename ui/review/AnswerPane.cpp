#include "ui/review/AnswerPane.h"

#include "ui/review/EvidencePane.h"
#include "ui/review/ReviewContext.h"

#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace assay {

namespace {
enum EvidenceColumn { NameColumn, TypeColumn, SizeColumn, StateColumn, CompareColumn, FindingsColumn };
constexpr int EvidenceIdRole = Qt::UserRole + 1;

QLabel *wrapped(const QString &accessibleName)
{
    auto *l = new QLabel;
    l->setTextFormat(Qt::PlainText);
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    l->setAccessibleName(accessibleName);
    return l;
}

QTextBrowser *answerBrowser(const QString &accessibleName)
{
    auto *b = new QTextBrowser;
    b->setOpenLinks(false);
    b->setOpenExternalLinks(false);
    b->setAccessibleName(accessibleName);
    b->setTabChangesFocus(true);
    return b;
}

QString paragraphs(const QString &html)
{
    QString out = html;
    out.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    return QStringLiteral("<div style=\"white-space: pre-wrap\">%1</div>").arg(out);
}

const EvidenceItem *findEvidence(const QList<EvidenceItem> &items, const QString &id)
{
    for (const EvidenceItem &e : items)
        if (e.id == id)
            return &e;
    return nullptr;
}
} // namespace

AnswerPane::AnswerPane(QWidget *reasons, QWidget *parent)
    : QWidget(parent)
    , m_question(wrapped(tr("Question")))
    , m_guidance(wrapped(tr("Rubric guidance")))
    , m_answerTitle(wrapped(tr("Answer heading")))
    , m_previousTitle(wrapped(tr("Previous answer heading")))
    , m_answer(answerBrowser(tr("Partner's answer")))
    , m_previous(answerBrowser(tr("Previous submission's answer with changes marked")))
    , m_evidenceBox(new QGroupBox(tr("Evidence linked to this answer")))
    , m_evidence(new QTreeWidget)
{
    setObjectName(QStringLiteral("AnswerPane"));
    QFont bold = m_question->font();
    bold.setBold(true);
    m_question->setFont(bold);
    QFont italic = m_guidance->font();
    italic.setItalic(true);
    m_guidance->setFont(italic);
    m_answer->setObjectName(QStringLiteral("AnswerView"));
    m_previous->setObjectName(QStringLiteral("PreviousAnswerView"));

    auto *sides = new QSplitter(Qt::Horizontal);
    sides->setChildrenCollapsible(false);
    for (auto [title, view] : {std::pair{m_answerTitle, m_answer}, std::pair{m_previousTitle, m_previous}}) {
        auto *side = new QWidget;
        auto *l = new QVBoxLayout(side);
        l->setContentsMargins(0, 0, 0, 0);
        l->addWidget(title);
        l->addWidget(view, 1);
        sides->addWidget(side);
    }

    m_evidence->setObjectName(QStringLiteral("EvidenceList"));
    m_evidence->setAccessibleName(tr("Evidence linked to this answer"));
    m_evidence->setRootIsDecorated(false);
    m_evidence->setUniformRowHeights(true);
    m_evidence->setHeaderLabels(
        {tr("File"), tr("Declared type"), tr("Size"), tr("Local copy"), tr("Against the previous"), tr("Findings")});
    m_evidence->headerItem()->setToolTip(FindingsColumn, tr("Secrets and personal data the finder saw in the file"));
    m_evidence->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_evidence->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_evidence->setMaximumHeight(120);
    // The header and three items stay visible when the viewer below takes
    // most of the column.
    m_evidence->setMinimumHeight(m_evidence->fontMetrics().height() * 6);
    connect(m_evidence, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *row) {
        if (!m_context || !row)
            return;
        const QString id = row->data(NameColumn, EvidenceIdRole).toString();
        const EvidenceItem *e = findEvidence(m_context->submission.evidence, id);
        if (!e && m_context->previous)
            e = findEvidence(m_context->previous->evidence, id);
        if (e)
            Q_EMIT evidenceOpened(*e);
    });
    auto *evidenceLayout = new QVBoxLayout(m_evidenceBox);
    evidenceLayout->addWidget(m_evidence);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_question);
    layout->addWidget(m_guidance);
    layout->addWidget(sides, 1);
    if (reasons)
        layout->addWidget(reasons);
    layout->addWidget(m_evidenceBox);
    setTabOrder(m_answer, m_previous);
    setTabOrder(m_previous, m_evidence);
    showQuestion({});
}

void AnswerPane::setContext(const ReviewContext *context)
{
    m_context = context;
    showQuestion(m_key);
}

void AnswerPane::showQuestion(const QString &questionKey)
{
    m_key = questionKey;
    const AnswerComparison::Question *c = m_context ? m_context->comparison.question(questionKey) : nullptr;
    const Questionnaire::Question *q = m_context ? m_context->questionnaire.question(questionKey) : nullptr;
    if (!q && c && m_context->previousQuestionnaire)
        q = m_context->previousQuestionnaire->question(questionKey);
    if (!q || !c) {
        m_question->setText(tr("Pick a question on the left."));
        m_guidance->clear();
        m_answerTitle->clear();
        m_previousTitle->clear();
        m_answer->clear();
        m_previous->clear();
        m_evidence->clear();
        m_evidenceBox->setVisible(false);
        return;
    }
    m_question->setText(QStringLiteral("%1 — %2").arg(q->key, q->text));
    QString guidance = tr("Rubric: %1").arg(q->guidance);
    if (q->evidenceRequired)
        guidance += QLatin1Char(' ') + tr("(Evidence required.)");
    m_guidance->setText(guidance);

    const SubmissionSummary &s = m_context->submission.summary;
    m_answerTitle->setText(tr("Partner's answer (version %1)").arg(s.version));
    if (c->change == AnswerComparison::Change::Dropped)
        m_answer->setPlainText(tr("This question was dropped from questionnaire %1; it is not asked any more.")
                                   .arg(s.questionnaireVersion));
    else if (m_context->answer(questionKey))
        m_answer->setHtml(paragraphs(c->currentText.toHtmlEscaped()));
    else
        m_answer->setPlainText(tr("No answer."));

    const QString previousId = m_context->previous ? m_context->previous->summary.id : QString();
    const QString previousVersion = m_context->previous ? m_context->previous->summary.questionnaireVersion : QString();
    const bool answeredBefore = m_context->previousAnswer(questionKey) != nullptr;
    switch (c->change) {
    case AnswerComparison::Change::NoPrevious:
        m_previousTitle->setText(s.previousSubmissionId
                                     ? tr("Previous submission %1 is not in the cache yet").arg(*s.previousSubmissionId)
                                     : tr("No previous submission"));
        m_previous->setPlainText(s.previousSubmissionId ? tr("The sync fetches it; it shows here once cached.")
                                                        : tr("This is the app's first submission."));
        break;
    case AnswerComparison::Change::New:
        m_previousTitle->setText(tr("Previous submission %1: new question").arg(previousId));
        m_previous->setPlainText(tr("New question: questionnaire %1 of the previous submission did not ask it.")
                                     .arg(previousVersion));
        break;
    case AnswerComparison::Change::Dropped:
        m_previousTitle->setText(tr("Previous submission %1 (dropped question)").arg(previousId));
        m_previous->setHtml(paragraphs(c->previousText.toHtmlEscaped()));
        break;
    case AnswerComparison::Change::Unchanged:
        m_previousTitle->setText(tr("Previous submission %1: unchanged").arg(previousId));
        if (answeredBefore)
            m_previous->setHtml(paragraphs(c->previousText.toHtmlEscaped()));
        else
            m_previous->setPlainText(tr("Not answered there either."));
        break;
    case AnswerComparison::Change::Changed:
        if (!c->textChanged) {
            m_previousTitle->setText(tr("Previous submission %1: same text, other evidence").arg(previousId));
            m_previous->setHtml(paragraphs(c->previousText.toHtmlEscaped()));
        } else {
            // The pane shows the way from the previous text to this one, so
            // its title says so: underlined words are the partner's new ones.
            m_previousTitle->setText(tr("Changes since the previous submission %1 (underlined: added, struck "
                                        "through: removed)")
                                         .arg(previousId));
            m_previous->setHtml(diffHtml(c->diff));
        }
        break;
    }
    showEvidence(*c);
}

QString AnswerPane::findingsText(const std::optional<EvidenceFindings::Scan> &scan)
{
    if (!scan || scan->outcome != EvidenceFindings::Scan::Outcome::Scanned)
        return tr("not scanned");
    if (scan->truncated)
        return tr("%L1+").arg(scan->count);
    return QLocale().toString(scan->count);
}

QString AnswerPane::findingsToolTip(const std::optional<EvidenceFindings::Scan> &scan)
{
    if (!scan)
        return tr("Not scanned for secrets yet (the sync scans a file once it is downloaded)");
    switch (scan->outcome) {
    case EvidenceFindings::Scan::Outcome::Scanned:
        if (scan->count == 0)
            return tr("Scanned: no secrets or personal data found");
        return scan->truncated ? tr("Scanned: the finder stopped after %1 findings").arg(scan->count)
                               : tr("Scanned: open the item to see where");
    case EvidenceFindings::Scan::Outcome::NotText:
        return tr("Not scanned: an image or binary file (the finder reads text, HTML and PDF)");
    case EvidenceFindings::Scan::Outcome::Failed:
        return tr("Not scanned: %1").arg(scan->error);
    }
    return {};
}

void AnswerPane::showEvidence(const AnswerComparison::Question &question)
{
    m_evidence->clear();
    for (const AnswerComparison::EvidenceDelta &d : question.evidence) {
        const EvidenceItem &e = d.item;
        auto *row = new QTreeWidgetItem(m_evidence);
        row->setText(NameColumn, e.filename);
        row->setData(NameColumn, EvidenceIdRole, e.id);
        row->setText(TypeColumn, e.mediaType);
        row->setText(SizeColumn, EvidencePane::sizeText(e.size));
        row->setText(StateColumn, d.change == AnswerComparison::EvidenceChange::Removed ? tr("(previous submission)")
                                                                                       : EvidencePane::stateText(e.localState));
        QString comparison;
        switch (d.change) {
        case AnswerComparison::EvidenceChange::New:
            comparison = tr("new");
            break;
        case AnswerComparison::EvidenceChange::Unchanged:
            comparison = tr("unchanged");
            break;
        case AnswerComparison::EvidenceChange::Removed:
            comparison = tr("removed");
            break;
        case AnswerComparison::EvidenceChange::NoPrevious:
            break;
        }
        row->setText(CompareColumn, comparison);
        row->setToolTip(NameColumn, tr("sha256 %1").arg(e.sha256));
        const std::optional<EvidenceFindings::Scan> scan = m_context->scanOf(e);
        row->setText(FindingsColumn, findingsText(scan));
        row->setToolTip(FindingsColumn, findingsToolTip(scan));
    }
    m_evidenceBox->setVisible(true);
    if (m_evidence->topLevelItemCount() == 0) {
        auto *none = new QTreeWidgetItem(m_evidence);
        none->setText(NameColumn, tr("No evidence linked to this answer."));
        none->setFlags(Qt::ItemIsEnabled);
        none->setFirstColumnSpanned(true);
    }
}

QString AnswerPane::diffHtml(const QList<WordDiff::Segment> &segments)
{
    // Qt's rich text knows <u> and <s>, not <ins> and <del>.
    QString html = WordDiff::toHtml(segments);
    html.replace(QLatin1String("<ins>"), QLatin1String("<u>"));
    html.replace(QLatin1String("</ins>"), QLatin1String("</u>"));
    html.replace(QLatin1String("<del>"), QLatin1String("<s>"));
    html.replace(QLatin1String("</del>"), QLatin1String("</s>"));
    return QStringLiteral("<div style=\"white-space: pre-wrap\">%1</div>").arg(html);
}

} // namespace assay
