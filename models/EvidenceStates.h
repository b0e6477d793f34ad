#pragma once

#include "domain/EvidenceItem.h"
#include "domain/Result.h"

#include <QList>
#include <QStringList>

namespace assay {

class CacheConnection;

// What the profile holds of each evidence item: absent, present (verified
// against its sha256 in the evidence store) or mismatch (quarantined). The
// bytes themselves live in the EvidenceStore; this keeps the items' state.
class EvidenceStates
{
public:
    explicit EvidenceStates(CacheConnection &connection);

    Result<> set(const QString &evidenceId, EvidenceItem::LocalState state);
    // All or none, in one transaction; an id the cache lacks refuses all.
    Result<> set(const QStringList &evidenceIds, EvidenceItem::LocalState state);
    Result<QList<EvidenceItem>> inState(EvidenceItem::LocalState state);
    // The same, for some submissions only (those just stored).
    Result<QList<EvidenceItem>> inState(EvidenceItem::LocalState state, const QStringList &submissionIds);
    // Every item whose content has one of these sha256, verified in the
    // evidence store, becomes present: items that share a file share its
    // check, whenever they were stored.
    Result<> markFilesVerified(const QStringList &sha256s);
    Result<int> count(EvidenceItem::LocalState state);

private:
    Result<QList<EvidenceItem>> read(EvidenceItem::LocalState state, const QStringList *submissionIds);
    CacheConnection &m_connection;
};

} // namespace assay
