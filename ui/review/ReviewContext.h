#pragma once

#include "domain/Questionnaire.h"
#include "domain/Submission.h"
#include "models/AnswerComparison.h"
#include "models/EvidenceFindings.h"
#include "models/OutboxEntry.h"
#include "models/WorkStamp.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
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
    // What each tick and note was made on (version, basis), by key.
    QHash<QString, WorkStamp> tickStamps;
    QHash<QString, WorkStamp> noteStamps;
    // The previous rejection's reasons ("category:code") marked addressed.
    QHash<QString, bool> reasonMarks;
    // The questions the reviewer has looked at.
    QSet<QString> read;
    // By checklist item key or category key.
    QHash<QString, QString> notes;
    // Its answers and evidence against the previous submission's.
    AnswerComparison comparison;
    // When the reviewer opened it before this time (invalid: never).
    QDateTime lastOpened;
    // The signed-in user's id and roles (empty until a sync signed in).
    QString me;
    QStringList myRoles;
    // User ids to names (authors, actors, the assignee).
    QHash<QString, QString> names;
    // This submission's outbox entries, oldest first.
    QList<OutboxEntry> outbox;
    // What the secrets finder saw in each evidence file of this submission
    // and the previous one, by sha256; a file without one is not scanned.
    QHash<QString, EvidenceFindings::Scan> scans;
    // This submission's items with findings the reviewer has not opened, by
    // evidence id (the verdict dialog warns of them).
    QHash<QString, int> unseenFindings;

    QString id() const { return submission.summary.id; }
    QString nameOf(const QString &userId) const { return names.value(userId, userId); }
    std::optional<EvidenceFindings::Scan> scanOf(const EvidenceItem &item) const
    {
        const auto it = scans.constFind(item.sha256);
        return it == scans.cend() ? std::nullopt : std::optional(*it);
    }
    const Questionnaire &previousQuestions() const
    {
        return previousQuestionnaire ? *previousQuestionnaire : questionnaire;
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
