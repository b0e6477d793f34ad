#include "models/EvidenceFindings.h"

#include "models/CacheConnection.h"
#include "models/ColumnValues.h"

#include <QSqlDatabase>
#include <QSqlQuery>

namespace assay {

using namespace columns;

namespace {

// The scan columns, in the order scanAt() reads them.
const QLatin1StringView ScanColumns("s.outcome, s.scanner_version, s.finding_count, s.truncated, s.error");

EvidenceFindings::Scan scanAt(const QSqlQuery &q, int first)
{
    EvidenceFindings::Scan scan;
    // The column's CHECK admits only known names.
    scan.outcome = EvidenceFindings::outcomeFromName(q.value(first).toString())
                       .value_or(EvidenceFindings::Scan::Outcome::Failed);
    scan.scannerVersion = q.value(first + 1).toInt();
    scan.count = q.value(first + 2).toInt();
    scan.truncated = q.value(first + 3).toBool();
    scan.error = q.value(first + 4).toString();
    return scan;
}

} // namespace

EvidenceFindings::EvidenceFindings(CacheConnection &connection)
    : m_connection(connection)
{
}

QString EvidenceFindings::outcomeName(Scan::Outcome outcome)
{
    switch (outcome) {
    case Scan::Outcome::Scanned:
        return QStringLiteral("scanned");
    case Scan::Outcome::Failed:
        return QStringLiteral("failed");
    case Scan::Outcome::NotText:
        return QStringLiteral("not_text");
    }
    return {};
}

std::optional<EvidenceFindings::Scan::Outcome> EvidenceFindings::outcomeFromName(const QString &name)
{
    for (const Scan::Outcome o : {Scan::Outcome::Scanned, Scan::Outcome::Failed, Scan::Outcome::NotText}) {
        if (outcomeName(o) == name)
            return o;
    }
    return std::nullopt;
}

Result<> EvidenceFindings::store(const QString &sha256, int scannerVersion, const SecretsFinder::FileScan &scan)
{
    return storeAll({Record{sha256, scannerVersion, Scan::Outcome::Scanned, scan, {}}});
}

Result<> EvidenceFindings::storeFailure(const QString &sha256, int scannerVersion, const QString &why)
{
    return storeAll({Record{sha256, scannerVersion, Scan::Outcome::Failed, {}, why}});
}

Result<> EvidenceFindings::storeNotText(const QString &sha256, int scannerVersion)
{
    return storeAll({Record{sha256, scannerVersion, Scan::Outcome::NotText, {}, {}}});
}

Result<> EvidenceFindings::storeAll(const QList<Record> &records)
{
    if (records.isEmpty())
        return {};
    return m_connection.inTransaction(QStringLiteral("evidence findings"), [&]() -> Result<> {
        for (const Record &r : records) {
            if (Result<> written = write(r); !written)
                return written;
        }
        return {};
    });
}

// Inside storeAll's transaction.
Result<> EvidenceFindings::write(const Record &r)
{
    const QString what = QStringLiteral("findings of %1").arg(r.sha256.left(12));
    if (r.sha256.size() != 64)
        return CacheConnection::fail(QStringLiteral("%1: not a sha256").arg(what));
    QSqlDatabase db = m_connection.database();
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("DELETE FROM evidence_findings WHERE sha256 = ?"));
        q.addBindValue(r.sha256);
        if (!q.exec())
            return CacheConnection::failQuery(q, what);
    }
    const bool scanned = r.outcome == Scan::Outcome::Scanned;
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral(
            "INSERT INTO evidence_scans (sha256, scanner_version, outcome, finding_count, truncated, error, scanned_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO UPDATE SET scanner_version = excluded.scanner_version, "
            "outcome = excluded.outcome, finding_count = excluded.finding_count, truncated = excluded.truncated, "
            "error = excluded.error, scanned_at = excluded.scanned_at"));
        q.addBindValue(r.sha256);
        q.addBindValue(r.scannerVersion);
        q.addBindValue(outcomeName(r.outcome));
        q.addBindValue(scanned ? int(r.scan.findings.size()) : 0);
        q.addBindValue(scanned && r.scan.truncated ? 1 : 0);
        q.addBindValue(r.outcome == Scan::Outcome::Failed ? QVariant(r.error) : nullText());
        q.addBindValue(now());
        if (!q.exec())
            return CacheConnection::failQuery(q, what);
    }
    if (!scanned || r.scan.findings.isEmpty())
        return {};
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO evidence_findings (sha256, seq, kind, rule, page, line, col, length, line_count) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (qsizetype i = 0; i < r.scan.findings.size(); ++i) {
        const SecretFinding &f = r.scan.findings.at(i);
        q.bindValue(0, r.sha256);
        q.bindValue(1, int(i));
        q.bindValue(2, SecretFinding::kindName(f.kind));
        q.bindValue(3, f.rule);
        q.bindValue(4, f.page);
        q.bindValue(5, f.line);
        q.bindValue(6, f.column);
        q.bindValue(7, f.length);
        q.bindValue(8, f.lineCount);
        if (!q.exec())
            return CacheConnection::failQuery(q, what);
    }
    return {};
}

Result<std::optional<EvidenceFindings::Scan>> EvidenceFindings::scanOf(const QString &sha256) const
{
    QSqlQuery q(m_connection.database());
    q.prepare(QStringLiteral("SELECT %1 FROM evidence_scans AS s WHERE s.sha256 = ?").arg(ScanColumns));
    q.addBindValue(sha256);
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("read the scan of %1").arg(sha256.left(12)));
    if (!q.next())
        return std::optional<Scan>();
    return std::optional(scanAt(q, 0));
}

Result<std::optional<QList<SecretFinding>>> EvidenceFindings::forSha256(const QString &sha256) const
{
    const Result<std::optional<Scan>> read = scanOf(sha256);
    if (!read)
        return read.error();
    const std::optional<Scan> &scan = *read;
    if (!scan || scan->outcome != Scan::Outcome::Scanned)
        return std::optional<QList<SecretFinding>>();
    QSqlQuery q(m_connection.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT kind, rule, page, line, col, length, line_count FROM evidence_findings "
                             "WHERE sha256 = ? ORDER BY seq"));
    q.addBindValue(sha256);
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("read the findings of %1").arg(sha256.left(12)));
    QList<SecretFinding> findings;
    findings.reserve(scan->count);
    while (q.next()) {
        const std::optional<SecretFinding::Kind> kind = SecretFinding::kindFromName(q.value(0).toString());
        // A kind this build does not know (a newer finder wrote it): the file
        // is scanned again at this build's version, so skipping it is brief.
        if (!kind)
            continue;
        SecretFinding f;
        f.kind = *kind;
        f.rule = q.value(1).toString();
        f.page = q.value(2).toInt();
        f.line = q.value(3).toInt();
        f.column = q.value(4).toInt();
        f.length = q.value(5).toInt();
        f.lineCount = q.value(6).toInt();
        findings.append(f);
    }
    return std::optional(findings);
}

Result<QHash<QString, EvidenceFindings::Scan>> EvidenceFindings::scansForSubmission(const QString &submissionId) const
{
    QSqlQuery q(m_connection.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT e.id, %1 FROM evidence AS e JOIN evidence_scans AS s ON s.sha256 = e.sha256 "
                             "WHERE e.submission_id = ?")
                  .arg(ScanColumns));
    q.addBindValue(submissionId);
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("read the scans of %1").arg(submissionId));
    QHash<QString, Scan> out;
    while (q.next())
        out.insert(q.value(0).toString(), scanAt(q, 1));
    return out;
}

Result<QHash<QString, int>> EvidenceFindings::countsForSubmission(const QString &submissionId) const
{
    const Result<QHash<QString, Scan>> scans = scansForSubmission(submissionId);
    if (!scans)
        return scans.error();
    QHash<QString, int> out;
    for (auto it = scans->cbegin(); it != scans->cend(); ++it) {
        if (it->outcome == Scan::Outcome::Scanned)
            out.insert(it.key(), it->count);
    }
    return out;
}

Result<> EvidenceFindings::markSeen(const QString &submissionId, const QString &evidenceId)
{
    QSqlQuery q(m_connection.database());
    q.prepare(QStringLiteral("INSERT INTO evidence_seen (submission_id, evidence_id, sha256, seen_at) "
                             "SELECT submission_id, id, sha256, ? FROM evidence WHERE id = ? AND submission_id = ? "
                             "ON CONFLICT (submission_id, evidence_id) DO UPDATE SET sha256 = excluded.sha256, "
                             "seen_at = excluded.seen_at"));
    q.addBindValue(now());
    q.addBindValue(evidenceId);
    q.addBindValue(submissionId);
    const QString what = QStringLiteral("mark evidence %1 of %2 seen").arg(evidenceId, submissionId);
    if (!q.exec())
        return CacheConnection::failQuery(q, what);
    if (q.numRowsAffected() != 1)
        return CacheConnection::fail(QStringLiteral("%1: no such item in the cache").arg(what));
    return {};
}

Result<QHash<QString, int>> EvidenceFindings::unseenWithFindings(const QString &submissionId) const
{
    QSqlQuery q(m_connection.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT e.id, s.finding_count FROM evidence AS e "
        "JOIN evidence_scans AS s ON s.sha256 = e.sha256 AND s.outcome = 'scanned' AND s.finding_count > 0 "
        "LEFT JOIN evidence_seen AS v ON v.submission_id = e.submission_id AND v.evidence_id = e.id "
        "AND v.sha256 = e.sha256 WHERE e.submission_id = ? AND v.evidence_id IS NULL"));
    q.addBindValue(submissionId);
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("read the unseen findings of %1").arg(submissionId));
    QHash<QString, int> out;
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toInt());
    return out;
}

Result<QList<EvidenceFindings::Unscanned>> EvidenceFindings::unscanned(int scannerVersion) const
{
    QSqlQuery q(m_connection.database());
    q.setForwardOnly(true);
    // min(media_type): items sharing a file may declare different types;
    // any one of them is a start for detection, which goes by the content.
    q.prepare(QStringLiteral("SELECT e.sha256, min(e.media_type), max(e.size) FROM evidence AS e "
                             "LEFT JOIN evidence_scans AS s ON s.sha256 = e.sha256 "
                             "WHERE e.local_state = 'present' AND (s.sha256 IS NULL OR s.scanner_version != ?) "
                             "GROUP BY e.sha256 ORDER BY max(e.size), e.sha256"));
    q.addBindValue(scannerVersion);
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("read the unscanned evidence"));
    QList<Unscanned> out;
    while (q.next())
        out.append(Unscanned{q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong()});
    return out;
}

} // namespace assay
