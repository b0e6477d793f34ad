#pragma once

#include "domain/EvidenceItem.h"
#include "domain/Questionnaire.h"
#include "domain/Submission.h"
#include "models/WordDiff.h"

#include <QHash>
#include <QList>
#include <QString>

namespace assay {

// A submission's answers against the app's previous submission: per question
// what changed and how, word by word, and the evidence by content (sha256).
// The two may answer different questionnaire versions: questions are matched
// by key, so a question only the newer version asks is New and one only the
// older asked is Dropped. Plain data in, plain data out; nothing is read.
class AnswerComparison
{
public:
    enum class Change {
        New,        // asked now, not asked by the previous questionnaire
        Dropped,    // answered or asked before, no longer asked
        Changed,    // text or evidence differ
        Unchanged,
        NoPrevious, // there is no previous submission to compare with
    };
    enum class EvidenceChange {
        New,        // this content was not in the previous submission
        Unchanged,  // the same sha256 was there
        Removed,    // there before, gone now (the item is the previous one)
        NoPrevious, // nothing to compare with
    };

    struct EvidenceDelta
    {
        EvidenceChange change = EvidenceChange::NoPrevious;
        // The current item; for Removed, the previous one.
        EvidenceItem item;
    };

    struct Question
    {
        QString key;
        // In the current questionnaire; for Dropped, in the previous one.
        QString categoryKey;
        QString questionText;
        Change change = Change::NoPrevious;
        QString currentText;
        QString previousText;
        bool textChanged = false;
        bool evidenceChanged = false;
        // previousText -> currentText; empty for NoPrevious.
        QList<WordDiff::Segment> diff;
        // The answer's evidence: current items in the answer's order, then
        // the removed ones.
        QList<EvidenceDelta> evidence;
    };

    AnswerComparison() = default;

    // `previous` is the app's previous submission (null when there is none
    // or it is not cached); `previousQuestionnaire` the version it answered,
    // null meaning the same as `questionnaire`.
    static AnswerComparison compare(const Questionnaire &questionnaire, const Submission &current,
                                    const Submission *previous = nullptr,
                                    const Questionnaire *previousQuestionnaire = nullptr);

    bool hasPrevious() const { return m_hasPrevious; }
    // The current questionnaire's questions in its order, then the dropped ones.
    const QList<Question> &questions() const { return m_questions; }
    const Question *question(const QString &key) const;
    Change change(const QString &key) const;
    // New, Changed or Dropped: what a "changed" mark and "changed only" show.
    bool isChanged(const QString &key) const;
    // Every evidence item of the submission against the previous one's.
    const QList<EvidenceDelta> &evidence() const { return m_evidence; }

    static QString changeName(Change c);
    static QString evidenceChangeName(EvidenceChange c);

private:
    bool m_hasPrevious = false;
    QList<Question> m_questions;
    QHash<QString, qsizetype> m_byKey;
    QList<EvidenceDelta> m_evidence;
};

} // namespace assay
