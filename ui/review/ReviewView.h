#pragma once

#include "domain/Result.h"
#include "ui/review/ReviewContext.h"

#include <QWidget>

class QGroupBox;
class QSplitter;
class QTabWidget;

namespace assay {

class AnswerPane;
class Cache;
class ChecklistPane;
class CommentsPane;
class ConflictView;
class DebouncedWriter;
class EvidencePane;
class HistoryPane;
class PreviousReasons;
class QuestionNavigator;
class ReviewHeader;
class SaveIndicator;

// The screen a reviewer spends the day in: one submission with its header,
// the questionnaire's categories and questions on the left, the answer beside
// the previous submission's in the centre with its evidence, and the
// category's checklist, the comments and the history on the right. It reads
// the cache only; the sync's announcements make it read again.
class ReviewView : public QWidget
{
    Q_OBJECT

public:
    explicit ReviewView(Cache *cache, QWidget *parent = nullptr);
    ~ReviewView() override;

    // Reads the submission (and its previous one) from the cache and shows it.
    Result<> open(const QString &submissionId);
    // Reads the shown submission again, keeping the question in view and
    // whatever is being typed.
    Result<> reload();
    // The sync changed these submissions: reads again if one is in view.
    void submissionsChanged(const QStringList &ids);
    QString submissionId() const { return m_context.id(); }
    const ReviewContext &context() const { return m_context; }

    bool nextQuestion();
    bool previousQuestion();
    bool tickCurrentItem();
    void toggleChangedOnly();
    void focusFind();
    void focusComment();
    // Writes what is still being typed (before leaving the screen).
    void flush();
    // Shows an item of this submission in the evidence pane, as opening it
    // from the evidence list does (its findings count as seen).
    void showEvidence(const EvidenceItem &item);
    // "Add to rejection note" from the evidence viewer: the reference to a
    // finding ("line 212, AWS access key", never the secret) is appended to
    // the reviewer's note on the current question's category.
    Result<> addToRejectionNote(const QString &reference);

    ReviewHeader *header() const { return m_header; }
    QuestionNavigator *navigator() const { return m_navigator; }
    AnswerPane *answers() const { return m_answers; }
    EvidencePane *evidence() const { return m_evidence; }
    ChecklistPane *checklist() const { return m_checklist; }
    CommentsPane *comments() const { return m_comments; }
    HistoryPane *history() const { return m_history; }
    PreviousReasons *previousReasons() const { return m_reasons; }
    DebouncedWriter *writer() const { return m_writer; }
    SaveIndicator *saveIndicator() const { return m_saveIndicator; }
    QTabWidget *sideTabs() const { return m_tabs; }
    ConflictView *conflictView() const { return m_conflict; }

Q_SIGNALS:
    // A read failed; the screen keeps what it showed.
    void readFailed(const QString &message);
    // The reviewer recorded something in the outbox (the status bar counts).
    void outboxChanged();
    // A tick changed (what the verdict actions allow may change).
    void workChanged();
    // Something for the status line (a reference added to a note).
    void statusMessage(const QString &message);

private:
    Result<ReviewContext> read(const QString &submissionId);
    // `opening`: the reviewer opens it (counts as an opening, focus to the tree).
    Result<> load(const QString &submissionId, bool opening);
    void display(ReviewContext context);
    void markRead(const QString &questionKey);
    // Opening an item counts as looking at its findings.
    void markEvidenceSeen(const EvidenceItem &item);
    // A verdict of this submission that came back 409 is shown with its way out.
    void showConflict();
    Result<> setReasonAddressed(const QString &reasonKey, bool addressed);

    Cache *m_cache;
    ReviewContext m_context;
    DebouncedWriter *m_writer;
    ReviewHeader *m_header;
    SaveIndicator *m_saveIndicator;
    QuestionNavigator *m_navigator;
    PreviousReasons *m_reasons;
    AnswerPane *m_answers;
    EvidencePane *m_evidence;
    QSplitter *m_centre = nullptr;
    ChecklistPane *m_checklist;
    CommentsPane *m_comments;
    HistoryPane *m_history;
    QTabWidget *m_tabs;
    QGroupBox *m_conflictBox = nullptr;
    ConflictView *m_conflict = nullptr;
    qint64 m_conflictEntry = 0;
    bool m_settling = false;
};

} // namespace assay
