#pragma once

#include "domain/Questionnaire.h"
#include "domain/Submission.h"
#include "domain/Verdict.h"
#include "models/ApprovalGate.h"

#include <QDialog>
#include <QHash>

#include <optional>

class QAbstractButton;
class QButtonGroup;
class QCheckBox;
class QGroupBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;
class QTimer;

namespace assay {

class Cache;
class ReasonsEditor;

// Where a reviewer writes and records a verdict: the decision (approve,
// reject, or a security user's return), the reasons of a reject picked per
// category from the rubric's codes, each with a note, and a summary. The
// unticked required items are offered as ready reasons through their
// reason_codes. Beside it, live, what the partner will receive against what
// stays internal. The decisions the signed-in user may not make are refused
// up front with the reason (ApprovalGate); an approve shows its warnings
// before it records. What is typed is saved as a draft within 300 ms, and
// recording goes through the outbox like `assay decide`.
class VerdictDialog : public QDialog
{
    Q_OBJECT

public:
    // `initial` is the decision the reviewer asked for (the screen's approve
    // or reject action); std::nullopt resumes the saved draft's decision.
    VerdictDialog(Cache &cache, const QString &submissionId, std::optional<Verdict::Decision> initial,
                  const ApprovalGate::Signer &me, QWidget *parent = nullptr);
    ~VerdictDialog() override;

    // Empty when the submission and its questionnaire were read; else why
    // not (the dialog shows it and records nothing).
    QString loadError() const { return m_loadError; }
    Verdict::Decision decision() const;
    // The verdict as it would be recorded now.
    Verdict verdict() const;
    // The two sides of the preview as plain text, as shown.
    QString partnerPreview() const;
    QString internalPreview() const;
    // Why recording is not possible now; empty when it is.
    QString recordBlocker() const;
    // The outbox entry the verdict was recorded as; 0 until then.
    qint64 recordedEntry() const { return m_recordedEntry; }

public Q_SLOTS:
    // Reads the submission, ticks and notes again: the review screen calls
    // it when a tick changes while the dialog is open.
    void reload();
    // The evidence viewer's secrets findings nobody has looked at yet, by
    // evidence id (issue 11): each becomes a warning before an approve.
    void setUnreviewedSecretsFindings(const QHash<QString, int> &countByEvidenceId);
    // Records the verdict (when recordBlocker() is empty) and accepts.
    void record();

Q_SIGNALS:
    void recorded(qint64 outboxEntryId);
    // The draft reached the cache (or failed to: the message says why).
    void draftSaved(const QString &error);

protected:
    void done(int result) override;

private:
    void build();
    // Reads the submission, questionnaire, ticks and notes; false (with
    // m_loadError) when the cache cannot say.
    bool read();
    void loadDraft(std::optional<Verdict::Decision> initial);
    void applyGate();
    void offerSuggestions();
    void changed();
    void saveDraft();
    void updatePreview();
    void updateRecordState();
    QString reviewStageHtml() const;

    Cache &m_cache;
    QString m_submissionId;
    ApprovalGate::Signer m_me;
    QString m_loadError;
    Submission m_submission;
    Questionnaire m_questionnaire;
    QMap<QString, bool> m_checklist;
    QMap<QString, QString> m_notes;
    std::optional<ApprovalGate> m_gate;
    qint64 m_recordedEntry = 0;
    bool m_loading = false;
    QHash<QString, int> m_secretsFindings;

    QGroupBox *m_reviewStage = nullptr;
    QTextBrowser *m_reviewStageText = nullptr;
    QButtonGroup *m_decisions = nullptr;
    QLabel *m_refusals = nullptr;
    QGroupBox *m_reasonsBox = nullptr;
    ReasonsEditor *m_reasons = nullptr;
    QPlainTextEdit *m_summary = nullptr;
    QGroupBox *m_warningsBox = nullptr;
    QListWidget *m_warnings = nullptr;
    QCheckBox *m_warningsSeen = nullptr;
    QTextBrowser *m_partner = nullptr;
    QTextBrowser *m_internal = nullptr;
    QLabel *m_blocker = nullptr;
    QLabel *m_draftState = nullptr;
    QPushButton *m_record = nullptr;
    QTimer *m_saveTimer = nullptr;
};

} // namespace assay
