#pragma once

#include "domain/Verdict.h"

#include <QString>

#include <optional>

namespace assay {

class Cache;

// Records a reviewer's or a lead's decision for the marketplace: checks it
// against what the cache knows (the submission, its version, the
// questionnaire's rules) so that an obviously refused decision is caught
// while the reviewer is still looking at it, then turns it into an outbox
// entry. The review screen and the command line (assay decide / assign) both
// go through here; the sync engine pushes what it records.
class Outbox
{
public:
    explicit Outbox(Cache &cache);

    // The verdict's base_version is the cached submission's version. Returns
    // the outbox entry's id, or std::nullopt with errorString().
    std::optional<qint64> recordVerdict(const QString &submissionId, Verdict::Decision decision,
                                        const QMap<QString, bool> &checklist, const QList<Verdict::Reason> &reasons,
                                        const QString &summary);
    std::optional<qint64> recordAssignment(const QString &submissionId, const std::optional<QString> &assignee);
    std::optional<qint64> recordComment(const QString &submissionId, const QString &body, bool toPartner);

    QString errorString() const { return m_error; }

private:
    std::optional<qint64> fail(const QString &error);
    Cache &m_cache;
    QString m_error;
};

} // namespace assay
