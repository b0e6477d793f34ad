#include "ui/review/PreviousReasons.h"

#include "ui/review/ReviewContext.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace assay {

PreviousReasons::PreviousReasons(MarkWriter write, QWidget *parent)
    : QGroupBox(parent)
    , m_write(std::move(write))
    , m_rows(new QVBoxLayout)
{
    setObjectName(QStringLiteral("PreviousReasons"));
    setAccessibleName(tr("Reasons of the previous rejection"));
    m_rows->setContentsMargins(0, 0, 0, 0);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_rows);
    setVisible(false);
}

QString PreviousReasons::reasonKey(const QString &category, const QString &code)
{
    return category + QLatin1Char(':') + code;
}

void PreviousReasons::showCategory(const ReviewContext *context, const QString &categoryKey)
{
    while (QLayoutItem *item = m_rows->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_count = 0;
    const RecordedVerdict *rejection = nullptr;
    QString previousId;
    if (context && context->previous) {
        previousId = context->previous->summary.id;
        for (const RecordedVerdict &v : context->previous->verdicts)
            if (v.verdict.decision == Verdict::Decision::Reject)
                rejection = &v;
    }
    if (!rejection) {
        setVisible(false);
        return;
    }
    const Questionnaire &questions = context->previousQuestions();
    for (const Verdict::Reason &r : rejection->verdict.reasons) {
        if (r.category != categoryKey)
            continue;
        QString text = r.code;
        if (const Questionnaire::Category *c = questions.category(r.category)) {
            for (const Questionnaire::RejectionReason &known : c->rejectionReasons)
                if (known.code == r.code)
                    text = known.text;
        }
        if (!r.note.isEmpty())
            text += QStringLiteral(" — ") + r.note;
        auto *label = new QLabel(text);
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        const QString key = reasonKey(r.category, r.code);
        auto *addressed = new QCheckBox(tr("Addressed?"));
        addressed->setAccessibleName(tr("Addressed: %1").arg(text));
        addressed->setChecked(context->reasonMarks.value(key));
        connect(addressed, &QCheckBox::toggled, this, [this, addressed, key](bool on) {
            if (const Result<> r = m_write(key, on); !r) {
                const QSignalBlocker blocker(addressed);
                addressed->setChecked(!on);
                Q_EMIT writeFailed(r.error().message);
            }
        });
        auto *row = new QWidget;
        auto *rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        rowLayout->addWidget(label, 1);
        rowLayout->addWidget(addressed, 0, Qt::AlignTop);
        m_rows->addWidget(row);
        ++m_count;
    }
    setTitle(tr("Why %1 was rejected (%L2 reasons in this category)").arg(previousId).arg(m_count));
    setVisible(m_count > 0);
}

} // namespace assay
