#include "models/EvidenceStates.h"

#include "models/CacheConnection.h"
#include "models/ColumnValues.h"

#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace assay {

using namespace columns;

EvidenceStates::EvidenceStates(CacheConnection &connection)
    : m_connection(connection)
{
}

Result<> EvidenceStates::set(const QString &evidenceId, EvidenceItem::LocalState state)
{
    return set(QStringList{evidenceId}, state);
}

Result<> EvidenceStates::set(const QStringList &evidenceIds, EvidenceItem::LocalState state)
{
    // One statement and one transaction for any number of items.
    const QJsonArray ids = QJsonArray::fromStringList(evidenceIds);
    const qsizetype distinct = QSet<QString>(evidenceIds.cbegin(), evidenceIds.cend()).size();
    return m_connection.inTransaction(QStringLiteral("evidence state"), [&]() -> Result<> {
        QSqlQuery q(m_connection.database());
        q.prepare(QStringLiteral("UPDATE evidence SET local_state = ?, verified_at = ? "
                                 "WHERE id IN (SELECT value FROM json_each(?))"));
        q.addBindValue(EvidenceItem::localStateName(state));
        q.addBindValue(state == EvidenceItem::LocalState::Present ? QVariant(now()) : nullText());
        q.addBindValue(compactJson(ids));
        if (!q.exec())
            return CacheConnection::failQuery(q, QStringLiteral("evidence %1").arg(evidenceIds.value(0)));
        if (q.numRowsAffected() != distinct)
            return CacheConnection::fail(QStringLiteral("%1 of %2 evidence items are not in the cache (%3 …)")
                                             .arg(distinct - q.numRowsAffected())
                                             .arg(distinct)
                                             .arg(evidenceIds.value(0)));
        return {};
    });
}

Result<int> EvidenceStates::count(EvidenceItem::LocalState state)
{
    QSqlQuery q(m_connection.database());
    q.prepare(QStringLiteral("SELECT count(*) FROM evidence WHERE local_state = ?"));
    q.addBindValue(EvidenceItem::localStateName(state));
    if (!q.exec() || !q.next())
        return CacheConnection::failQuery(q, QStringLiteral("read evidence"));
    return q.value(0).toInt();
}

Result<std::optional<QString>> EvidenceStates::submissionOf(const QString &evidenceId)
{
    QSqlQuery q(m_connection.database());
    q.prepare(QStringLiteral("SELECT submission_id FROM evidence WHERE id = ?"));
    q.addBindValue(evidenceId);
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("evidence %1").arg(evidenceId));
    if (!q.next())
        return std::optional<QString>();
    return std::optional<QString>(q.value(0).toString());
}

Result<QList<EvidenceItem>> EvidenceStates::inState(EvidenceItem::LocalState state)
{
    return read(state, nullptr);
}

Result<QList<EvidenceItem>> EvidenceStates::inState(EvidenceItem::LocalState state, const QStringList &submissionIds)
{
    return read(state, &submissionIds);
}

Result<QList<EvidenceItem>> EvidenceStates::read(EvidenceItem::LocalState state, const QStringList *submissionIds)
{
    QList<EvidenceItem> out;
    QSqlQuery q(m_connection.database());
    q.setForwardOnly(true);
    if (submissionIds) {
        // The ids drive the loop (CROSS JOIN keeps them outside), each looked
        // up through evidence_by_submission; left to itself the planner read
        // every absent item through evidence_by_state for each id, which made
        // a 10k sync four times slower as the table filled.
        q.prepare(QStringLiteral("SELECT %1 FROM json_each(?) AS j "
                                 "CROSS JOIN evidence AS e INDEXED BY evidence_by_submission ON e.submission_id = j.value "
                                 "WHERE e.local_state = ? ORDER BY e.id")
                      .arg(columns(QStringLiteral("e"))));
        q.addBindValue(compactJson(QJsonArray::fromStringList(*submissionIds)));
    } else {
        q.prepare(QStringLiteral("SELECT %1 FROM evidence WHERE local_state = ? ORDER BY id").arg(columns()));
    }
    q.addBindValue(EvidenceItem::localStateName(state));
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("read evidence"));
    while (q.next())
        out.append(itemAt(q));
    return out;
}

QString EvidenceStates::columns(const QString &table)
{
    return QStringLiteral("%1.id, %1.filename, %1.media_type, %1.size, %1.sha256, %1.local_state").arg(table);
}

EvidenceItem EvidenceStates::itemAt(const QSqlQuery &q)
{
    EvidenceItem e;
    e.id = q.value(0).toString();
    e.filename = q.value(1).toString();
    e.mediaType = q.value(2).toString();
    e.size = q.value(3).toLongLong();
    e.sha256 = q.value(4).toString();
    // The column's CHECK admits only known names.
    e.localState = EvidenceItem::localStateFromName(q.value(5).toString()).value_or(EvidenceItem::LocalState::Absent);
    return e;
}

Result<> EvidenceStates::markFilesVerified(const QStringList &sha256s)
{
    // The sync gathers verified files and marks them together: a commit per
    // file rewrote the same scattered evidence pages each time (300 MB of WAL
    // for 360 files).
    return m_connection.inTransaction(QStringLiteral("evidence state"), [&]() -> Result<> {
        QSqlQuery q(m_connection.database());
        q.prepare(QStringLiteral("UPDATE evidence SET local_state = 'present', verified_at = ? "
                                 "WHERE sha256 IN (SELECT value FROM json_each(?)) AND local_state != 'present'"));
        q.addBindValue(now());
        q.addBindValue(compactJson(QJsonArray::fromStringList(sha256s)));
        if (!q.exec())
            return CacheConnection::failQuery(q, QStringLiteral("mark verified evidence"));
        return {};
    });
}

} // namespace assay
