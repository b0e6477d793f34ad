#pragma once

#include "domain/EvidenceItem.h"
#include "domain/Result.h"

#include <QList>
#include <QStringList>

#include <optional>

class QSqlQuery;

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
    // The submission an evidence item belongs to (nullopt: not cached).
    Result<std::optional<QString>> submissionOf(const QString &evidenceId);

    // The columns an item is read from, in the order itemAt() expects; the
    // submission store reads a submission's items with them too.
    static QString columns(const QString &table = QStringLiteral("evidence"));
    static EvidenceItem itemAt(const QSqlQuery &q);

private:
    Result<QList<EvidenceItem>> read(EvidenceItem::LocalState state, const QStringList *submissionIds);
    CacheConnection &m_connection;
};

} // namespace assay
