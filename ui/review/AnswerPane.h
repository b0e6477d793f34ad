#pragma once

#include "domain/EvidenceItem.h"
#include "models/AnswerComparison.h"
#include "models/EvidenceFindings.h"
#include "models/WordDiff.h"

#include <QWidget>

class QGroupBox;
class QLabel;
class QTextBrowser;
class QTreeWidget;
class QVBoxLayout;

namespace assay {

struct ReviewContext;

// The centre of the review screen: the selected question with the rubric's
// guidance, the partner's answer beside the previous submission's with the
// changes marked word by word, the previous rejection's reasons for this
// category, and the evidence linked to the answer.
class AnswerPane : public QWidget
{
    Q_OBJECT

public:
    // The previous rejection's reasons are shown beside the answers of their
    // category; `reasons` is placed under the answers.
    explicit AnswerPane(QWidget *reasons = nullptr, QWidget *parent = nullptr);

    void setContext(const ReviewContext *context);
    void showQuestion(const QString &questionKey);
    QString questionKey() const { return m_key; }

    QTextBrowser *answerView() const { return m_answer; }
    QTextBrowser *previousView() const { return m_previous; }
    QTreeWidget *evidenceList() const { return m_evidence; }

    // A word diff as the view's HTML: insertions underlined, deletions struck
    // through, so it reads without colour too.
    static QString diffHtml(const QList<WordDiff::Segment> &segments);
    // The evidence list's "Findings" cell: the count, or "not scanned" (not
    // yet, no text, or failed: the tooltip says which), never a blank that
    // could pass for clean.
    static QString findingsText(const std::optional<EvidenceFindings::Scan> &scan);
    static QString findingsToolTip(const std::optional<EvidenceFindings::Scan> &scan);

Q_SIGNALS:
    void evidenceOpened(const assay::EvidenceItem &item);

private:
    void showEvidence(const AnswerComparison::Question &question);

    const ReviewContext *m_context = nullptr;
    QString m_key;
    QLabel *m_question;
    QLabel *m_guidance;
    QLabel *m_answerTitle;
    QLabel *m_previousTitle;
    QTextBrowser *m_answer;
    QTextBrowser *m_previous;
    QGroupBox *m_evidenceBox;
    QTreeWidget *m_evidence;
};

} // namespace assay
