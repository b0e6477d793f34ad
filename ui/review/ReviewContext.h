#pragma once

#include "domain/Questionnaire.h"
#include "domain/Submission.h"
#include "models/OutboxEntry.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace assay {

// Everything the review screen shows of one submission, read from the cache
// in one go when it is opened or the sync says it changed. The panes read
// from it; they never go to the network.
struct ReviewContext
{
    Submission submission;
    // The app's previous submission (previous_submission_id), when cached.
    std::optional<Submission> previous;
    Questionnaire questionnaire;
    // The previous submission's questionnaire, when its version differs.
    std::optional<Questionnaire> previousQuestionnaire;
    QHash<QString, bool> ticks;
    // By checklist item key or category key.
    QHash<QString, QString> notes;
    // This submission's outbox entries, oldest first.
    QList<OutboxEntry> outbox;

    enum class Change { NoPrevious, New, Dropped, Changed, Unchanged };

    QString id() const { return submission.summary.id; }
    const Questionnaire &previousQuestions() const
    {
        return previousQuestionnaire ? *previousQuestionnaire : questionnaire;
    }
    // How a question's answer compares with the previous submission's: a
    // question only one questionnaire asks is new or dropped; evidence is
    // compared by content (sha256), not by id.
    Change change(const QString &questionKey) const
    {
        if (!previous)
            return Change::NoPrevious;
        const bool now = questionnaire.question(questionKey) != nullptr;
        const bool before = previousQuestions().question(questionKey) != nullptr;
        if (now && !before)
            return Change::New;
        if (!now)
            return Change::Dropped;
        const Answer *a = answer(questionKey);
        const Answer *b = previousAnswer(questionKey);
        if (!a || !b)
            return bool(a) == bool(b) ? Change::Unchanged : Change::Changed;
        if (a->text != b->text)
            return Change::Changed;
        return evidenceShas(submission, a->evidenceIds) == evidenceShas(*previous, b->evidenceIds) ? Change::Unchanged
                                                                                                  : Change::Changed;
    }
    static QStringList evidenceShas(const Submission &s, const QStringList &ids)
    {
        QStringList shas;
        for (const EvidenceItem &e : s.evidence)
            if (ids.contains(e.id))
                shas.append(e.sha256);
        shas.sort();
        return shas;
    }
    const Answer *answer(const QString &questionKey) const
    {
        for (const Answer &a : submission.answers)
            if (a.questionKey == questionKey)
                return &a;
        return nullptr;
    }
    const Answer *previousAnswer(const QString &questionKey) const
    {
        if (!previous)
            return nullptr;
        for (const Answer &a : previous->answers)
            if (a.questionKey == questionKey)
                return &a;
        return nullptr;
    }
};

} // namespace assay
