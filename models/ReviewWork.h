#pragma once

#include "domain/Result.h"
#include "models/WorkStamp.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace assay {

class CacheConnection;
struct ReviewDraft;

// The reviewer's own work on a submission, saved as it is made so a crash
// or a closed laptop loses nothing: checklist ticks, notes, the verdict
// being written, which questions were read, the "addressed?" marks of a
// previous rejection's reasons, when it was last opened. Sync never touches
// it; it outlives any refresh of the cached submission.
//
// Every write is one transaction, committed when the call returns: in WAL
// mode with synchronous=NORMAL a commit is in the WAL file (the kernel's
// page cache) before SQLite returns, so it survives kill -9 of the process
// at any moment after; only a power cut may lose the last commits.
class ReviewWork
{
public:
    explicit ReviewWork(CacheConnection &connection);

    struct Tick
    {
        bool checked = false;
        // What it was made on (WorkStamp): 0 / empty when not known.
        qint64 madeOnVersion = 0;
        QString basis;
        QDateTime updatedAt;
        friend bool operator==(const Tick &, const Tick &) = default;
    };
    struct Note
    {
        QString body;
        qint64 madeOnVersion = 0;
        QString basis;
        QDateTime updatedAt;
        friend bool operator==(const Note &, const Note &) = default;
    };

    Result<> setChecklistTick(const QString &submissionId, const QString &itemKey, bool checked,
                              const WorkStamp &stamp = {});
    Result<QHash<QString, Tick>> checklistTicks(const QString &submissionId);
    // Keyed by checklist item or category key (the verdict's notes); an empty
    // key is the note on the whole submission; an empty body removes the
    // note.
    Result<> setNote(const QString &submissionId, const QString &key, const QString &body, const WorkStamp &stamp = {});
    Result<QHash<QString, Note>> notes(const QString &submissionId);

    // The reviewer looked at a question (the first time counts; later looks
    // keep the first time).
    Result<> markRead(const QString &submissionId, const QString &questionKey);
    // Question key -> when first read.
    Result<QHash<QString, QDateTime>> readQuestions(const QString &submissionId);

    // A previous rejection's reason ("category:code") marked addressed or not.
    Result<> setReasonAddressed(const QString &submissionId, const QString &reasonKey, bool addressed);
    Result<QHash<QString, bool>> reasonMarks(const QString &submissionId);

    // The submission is being opened now; returns when it was opened before
    // (std::nullopt: never), so comments after it can be marked new.
    Result<std::optional<QDateTime>> markOpened(const QString &submissionId);
    Result<std::optional<QDateTime>> lastOpened(const QString &submissionId);

    Result<> saveDraft(const ReviewDraft &draft);
    // std::nullopt: no draft for that submission.
    Result<std::optional<ReviewDraft>> draft(const QString &submissionId);
    Result<QList<ReviewDraft>> drafts();

private:
    CacheConnection &m_connection;
};

} // namespace assay
