#pragma once

#include "models/OutboxEntry.h"
#include "domain/Questionnaire.h"
#include "models/ReviewDraft.h"
#include "domain/Submission.h"
#include "domain/Verdict.h"

#include <QHash>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

struct sqlite3;

namespace assay {

class SqliteStatement;

// The local store of one profile: a SQLite file (WAL, foreign keys on) with
// what the marketplace said and the reviewer's own work. Every SQL statement
// of Assay lives behind this class.
//
// A Cache owns one database connection, and a connection may only be used
// from the thread that opened it: make one Cache per thread (the UI has one,
// the sync engine another). Each write that belongs together is one
// transaction, so a crash keeps either all or none of it.
//
// Methods that can fail return false / std::nullopt and leave the reason in
// errorString().
class Cache
{
public:
    Cache();
    ~Cache();
    Cache(const Cache &) = delete;
    Cache &operator=(const Cache &) = delete;

    bool open(const QString &path);
    void close();
    bool isOpen() const;
    // Whether this connection's commits copy the WAL back into the database
    // once it passes 32 MB (on by default). The window's connection turns it
    // off: the sync's connections checkpoint on their own threads, and a
    // reviewer's small write never pays for a bulk copy on the GUI thread.
    bool setCheckpointing(bool on);
    QString errorString() const { return m_error; }
    QString path() const { return m_path; }
    int schemaVersion();

    // --- what the marketplace says -----------------------------------------

    // One page of the change feed together with the cursor that follows it,
    // in one transaction: after a crash the page is either stored with its
    // cursor or not at all.
    bool applyFeedPage(const QList<SubmissionSummary> &items, const QString &nextCursor);
    QString feedCursor();

    // Stores a submission's details (replacing answers, comments, history;
    // keeping the local state of evidence whose sha256 did not change).
    bool storeSubmission(const Submission &submission);
    // Several at once, in one transaction (a sync stores details in batches).
    bool storeSubmissions(const QList<Submission> &submissions);
    // Questionnaire versions that submissions use and the cache lacks.
    QStringList missingQuestionnaires();

    std::optional<SubmissionSummary> summary(const QString &id);
    std::optional<Submission> submission(const QString &id);
    QList<SubmissionSummary> summaries();
    int submissionCount();
    // Submissions whose details are missing or older than their summary.
    QStringList submissionsNeedingDetails();
    // Ids of submissions matching free text (app, partner, answers), best
    // first. Every word counts as a prefix: "tim pro" finds "Timesheets Pro".
    QStringList search(const QString &text, int limit = 200);

    bool storeQuestionnaire(const Questionnaire &questionnaire);
    std::optional<Questionnaire> questionnaire(const QString &version);

    bool setEvidenceState(const QString &evidenceId, EvidenceItem::LocalState state);
    // All or none, in one transaction.
    bool setEvidenceState(const QStringList &evidenceIds, EvidenceItem::LocalState state);
    QList<EvidenceItem> evidenceInState(EvidenceItem::LocalState state);
    // The same, for some submissions only (those just stored).
    QList<EvidenceItem> evidenceInState(EvidenceItem::LocalState state, const QStringList &submissionIds);
    // Every item whose content has one of these sha256, verified in the
    // evidence store, becomes present: items that share a file share its
    // check, whenever they were stored.
    bool markFilesVerified(const QStringList &sha256s);
    // Tells stored details which contents the evidence store holds verified
    // already: their items are stored present. Called on the writer's
    // thread, so it must be safe there.
    void setVerifiedContent(std::function<bool(const QString &sha256)> isVerified) { m_verifiedContent = std::move(isVerified); }
    int evidenceCount(EvidenceItem::LocalState state); // -1 on error

    QString syncValue(const QString &key);
    bool setSyncValue(const QString &key, const QString &value);

    // --- the reviewer's own work -------------------------------------------

    bool setChecklistTick(const QString &submissionId, const QString &itemKey, bool checked);
    QHash<QString, bool> checklistTicks(const QString &submissionId);
    bool setNote(const QString &submissionId, const QString &questionKey, const QString &body);
    QHash<QString, QString> notes(const QString &submissionId);
    bool saveDraft(const ReviewDraft &draft);
    std::optional<ReviewDraft> draft(const QString &submissionId);
    QList<ReviewDraft> drafts();

    // --- the outbox ---------------------------------------------------------

    // Records a write for the marketplace. The idempotency key is made here,
    // once, and sent with every attempt. For a verdict the reviewer's draft
    // is kept as it is (until the server accepts), in the same transaction.
    std::optional<qint64> enqueue(OutboxEntry::Kind kind, const QString &submissionId, const QJsonObject &payload);
    std::optional<OutboxEntry> outboxEntry(qint64 id);
    QList<OutboxEntry> outbox();
    QList<OutboxEntry> outboxInState(OutboxEntry::State state);
    int outboxCount(OutboxEntry::State state);
    // An attempt is being made: counted before the request leaves, so a crash
    // mid-request still shows in `attempts`.
    bool noteOutboxAttempt(qint64 id);
    bool settleOutbox(qint64 id, OutboxEntry::State state, const QString &error = {},
                      const QJsonObject &serverState = {}, const QJsonObject &response = {});
    bool retryOutbox(qint64 id);

    // Runs PRAGMA integrity_check; "ok" when sound.
    QString integrityCheck();

private:
    QList<EvidenceItem> readEvidence(EvidenceItem::LocalState state, const std::optional<QStringList> &submissionIds);
    bool fail(const QString &what);
    // The first column of every row of `sql`, as text.
    QStringList firstColumn(const QString &sql, const QString &what);
    bool failQuery(const class QSqlQuery &q, const QString &what);
    // One row of the search index; an empty body removes the row.
    struct SearchEntry {
        qint64 rowId;
        QString body;
    };
    enum class UpsertFor { Feed, Details };
    bool upsertSummary(const SubmissionSummary &s, QList<SearchEntry> &search, UpsertFor purpose);
    static QByteArray upsertSql(bool withDetails);
    bool storeSubmissionRows(const Submission &submission, QList<SearchEntry> &search);
    bool writeSearch(QList<SearchEntry> entries);
    struct BulkStatements;
    static constexpr int AnswerChunk = 16;
    bool prepared(SqliteStatement &st, const char *sql);
    template<typename What>
    bool ran(SqliteStatement &st, What &&what);
    template<typename Fn>
    bool inTransaction(const QString &what, Fn &&fn);

    QString m_connection;
    // The connection's own sqlite3 handle and the statements compiled on it.
    sqlite3 *m_handle = nullptr;
    std::unique_ptr<BulkStatements> m_bulk;
    QString m_path;
    QString m_error;
    std::function<bool(const QString &)> m_verifiedContent;
};

} // namespace assay
