#include "server/Revalidations.h"

#include "domain/JsonReader.h"
#include "server/ServerLogging.h"
#include "server/ServerStore.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace assay::server {

namespace {
Error sqlError(const QString &what, const QSqlQuery &q)
{
    return Error{u"%1: %2"_s.arg(what, q.lastError().text())};
}
} // namespace

Revalidations::Revalidations(ServerStore *store)
    : m_store(store)
{
}

Submission Revalidations::prefilled(const Submission &approved, const QString &id, const QDateTime &at,
                                    const std::function<QString()> &evidenceId)
{
    Submission s;
    SubmissionSummary &sum = s.summary;
    const SubmissionSummary &was = approved.summary;
    sum.id = id;
    sum.version = 1;
    sum.appId = was.appId;
    sum.appName = was.appName;
    sum.partnerId = was.partnerId;
    sum.partnerName = was.partnerName;
    // The answers were given to this version: the partner confirms them as
    // they stand.
    sum.questionnaireVersion = was.questionnaireVersion;
    sum.status = SubmissionSummary::Status::Submitted;
    sum.stage = SubmissionSummary::Stage::Review;
    sum.submittedAt = at;
    sum.updatedAt = at;
    sum.kind = SubmissionSummary::Kind::Revalidation;
    sum.previousSubmissionId = was.id;

    // The same files (the same sha256) under ids of their own: an evidence
    // id belongs to one submission.
    QHash<QString, QString> renamed;
    for (const EvidenceItem &e : approved.evidence) {
        EvidenceItem copy = e;
        copy.id = evidenceId();
        renamed.insert(e.id, copy.id);
        s.evidence.append(copy);
    }
    for (const Answer &a : approved.answers) {
        Answer copy{a.questionKey, a.text, {}};
        for (const QString &e : a.evidenceIds)
            copy.evidenceIds.append(renamed.value(e, e));
        s.answers.append(copy);
    }
    s.history.append(HistoryEntry{at, Actor, OpenedAction,
                                  QJsonObject{{u"previous_submission_id"_s, was.id},
                                              {u"badge_expires_at"_s,
                                               was.badgeExpiresAt ? JsonReader::formatTimestamp(*was.badgeExpiresAt)
                                                                  : QString()}}});
    return s;
}

Result<int> Revalidations::openDue(const QDateTime &now)
{
    // The literals match the partial index's WHERE, so SQLite uses it: the
    // badges already settled are not in it at all.
    QSqlQuery q(m_store->database());
    q.setForwardOnly(true);
    q.prepare(u"SELECT id FROM submissions WHERE status = 'approved' AND revalidation_handled = 0 "
              u"AND badge_expires_at <= ? ORDER BY badge_expires_at, id"_s);
    q.addBindValue(JsonReader::formatTimestamp(now.addDays(LeadDays)));
    if (!q.exec())
        return sqlError(u"the badges due for re-validation could not be read"_s, q);
    QStringList due;
    while (q.next())
        due.append(q.value(0).toString());
    q.finish();

    int opened = 0;
    for (const QString &id : std::as_const(due)) {
        if (!m_store->transaction())
            return Error{u"no transaction for the re-validation of %1: %2"_s.arg(id, m_store->errorString())};
        const Result<bool> settled = settle(id, now);
        if (!settled) {
            m_store->rollback();
            return settled.error();
        }
        if (!m_store->commit())
            return Error{u"the re-validation of %1 was not stored: %2"_s.arg(id, m_store->errorString())};
        opened += *settled ? 1 : 0;
    }
    return opened;
}

Result<bool> Revalidations::settle(const QString &approvedId, const QDateTime &now)
{
    const std::optional<Submission> approved = m_store->submission(approvedId);
    if (!approved)
        return Error{u"the approved submission %1 could not be read: %2"_s.arg(approvedId, m_store->errorString())};

    // What came after it: a later submission of the app, or one that names
    // it as its previous.
    QSqlQuery q(m_store->database());
    q.setForwardOnly(true);
    q.prepare(u"SELECT status, stage, kind, previous_submission_id FROM submissions "
              u"WHERE (app_id = ? AND submitted_at > ?) OR previous_submission_id = ?"_s);
    q.addBindValue(approved->summary.appId);
    q.addBindValue(JsonReader::formatTimestamp(approved->summary.submittedAt));
    q.addBindValue(approvedId);
    if (!q.exec())
        return sqlError(u"the later submissions of %1 could not be read"_s.arg(approvedId), q);
    bool settledAlready = false;
    bool laterOpen = false;
    while (q.next()) {
        const bool approvedLater = q.value(0).toString() == u"approved"_s;
        const bool itsRevalidation = q.value(2).toString() == u"revalidation"_s && q.value(3).toString() == approvedId;
        // A later approval gave the app a new badge; this badge's
        // re-validation is on record already: either way, never again.
        settledAlready = settledAlready || approvedLater || itsRevalidation;
        laterOpen = laterOpen || q.value(1).toString() != u"done"_s;
    }
    q.finish();

    QSqlQuery mark(m_store->database());
    mark.prepare(u"UPDATE submissions SET revalidation_handled = 1 WHERE id = ?"_s);
    mark.addBindValue(approvedId);
    if (settledAlready) {
        if (!mark.exec())
            return sqlError(u"the badge of %1 could not be marked settled"_s.arg(approvedId), mark);
        return false;
    }
    // The partner is already answering a later submission; its outcome
    // decides (a later approval supersedes this badge, anything else brings
    // the re-validation back).
    if (laterOpen)
        return false;

    const Result<qint64> submissionNumber = nextNumber(u"submissions"_s);
    if (!submissionNumber)
        return submissionNumber.error();
    Result<qint64> evidenceNumber = nextNumber(u"evidence"_s);
    if (!evidenceNumber)
        return evidenceNumber.error();
    qint64 nextEvidence = *evidenceNumber;
    const Submission opened = prefilled(*approved, u"s_%1"_s.arg(*submissionNumber, 5, 10, QLatin1Char('0')), now,
                                        [&nextEvidence] { return u"e_%1"_s.arg(nextEvidence++); });
    if (!m_store->insertSubmission(opened, QString()))
        return Error{u"the re-validation of %1 could not be stored: %2"_s.arg(approvedId, m_store->errorString())};
    if (!mark.exec())
        return sqlError(u"the badge of %1 could not be marked settled"_s.arg(approvedId), mark);
    qCInfo(lcServer).noquote() << "opened re-validation" << opened.summary.id << "of" << approvedId;
    return true;
}

Result<qint64> Revalidations::nextNumber(const QString &table)
{
    // Ids are a letter, '_' and a number ("s_00042", "e_17"); only opening a
    // re-validation reads them all, which is rare.
    QSqlQuery q(m_store->database());
    if (!q.exec(u"SELECT coalesce(max(CAST(substr(id, 3) AS INTEGER)), 0) + 1 FROM %1"_s.arg(table)) || !q.next())
        return sqlError(u"the next id of %1 could not be read"_s.arg(table), q);
    return q.value(0).toLongLong();
}

} // namespace assay::server
