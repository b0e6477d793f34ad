#pragma once

#include "domain/Result.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace assay {

class CacheConnection;
struct ReviewDraft;

// The reviewer's own work on a submission, saved as it is typed so a crash
// or a closed laptop loses nothing: checklist ticks, notes, the verdict
// being written. Sync never touches it; it outlives any refresh of the
// cached submission.
class ReviewWork
{
public:
    explicit ReviewWork(CacheConnection &connection);

    Result<> setChecklistTick(const QString &submissionId, const QString &itemKey, bool checked);
    Result<QHash<QString, bool>> checklistTicks(const QString &submissionId);
    // An empty questionKey is the note on the whole submission; an empty
    // body removes the note.
    Result<> setNote(const QString &submissionId, const QString &questionKey, const QString &body);
    Result<QHash<QString, QString>> notes(const QString &submissionId);
    Result<> saveDraft(const ReviewDraft &draft);
    // std::nullopt: no draft for that submission.
    Result<std::optional<ReviewDraft>> draft(const QString &submissionId);
    Result<QList<ReviewDraft>> drafts();

private:
    CacheConnection &m_connection;
};

} // namespace assay
