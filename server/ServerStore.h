#pragma once

#include "domain/Submission.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace assay::server {

// A user of the marketplace's review API.
struct User
{
    QString id;
    QString name;
    QStringList roles;
    QString token;

    bool hasRole(const QString &role) const { return roles.contains(role); }
};

// A submission as the server keeps it: what the API shows plus what only the
// server knows (its place in the change feed, who approved the review stage).
struct StoredSubmission
{
    SubmissionSummary summary;
    QString reviewApprovedBy;
    qint64 changeSeq = 0;
};

// The bytes of an evidence item with its metadata.
struct StoredEvidence
{
    EvidenceItem item;
    QByteArray content;
};

// A response kept for an Idempotency-Key.
struct StoredResponse
{
    QString bodySha256;
    int status = 0;
    QByteArray body;
};

// The reference marketplace's own SQLite store. Every write the API makes is
// one transaction (with its idempotency record), so a request that fails
// writes nothing.
class ServerStore
{
public:
    ServerStore();
    ~ServerStore();
    ServerStore(const ServerStore &) = delete;
    ServerStore &operator=(const ServerStore &) = delete;

    bool open(const QString &path);
    QString errorString() const { return m_error; }
    QSqlDatabase database() const;

    bool transaction();
    bool commit();
    void rollback();

    // A per-store secret for signing feed cursors, made on first use.
    QByteArray secret();
    QString metaValue(const QString &key);
    bool setMetaValue(const QString &key, const QString &value);

    // --- users ---
    bool addUser(const User &user);
    // A fresh token for a user already there (a store copied from a seeded
    // template, whose tokens are blank).
    bool setToken(const QString &userId, const QString &token);
    std::optional<User> userByToken(const QString &token);
    std::optional<User> user(const QString &id);
    QList<User> users();
    int openAssignedCount(const QString &userId);

    // --- submissions ---
    int submissionCount();
    qint64 lastChangeSeq();
    // Inserts a seeded submission with its details (inside a transaction the
    // caller holds). The change sequence follows insertion order.
    bool insertSubmission(const Submission &submission, const QString &reviewApprovedBy);
    bool insertBlob(const QString &sha256, const QByteArray &content);

    struct FeedPage
    {
        QList<SubmissionSummary> items;
        qint64 lastSeq = 0;
        bool hasMore = false;
    };
    std::optional<FeedPage> feed(qint64 afterSeq, int limit);

    std::optional<StoredSubmission> stored(const QString &id);
    std::optional<Submission> submission(const QString &id);
    std::optional<StoredEvidence> evidence(const QString &id);

    // Writes a changed summary back, moving it to the head of the feed.
    // `bumpVersion` for changes a decision depends on (not for comments).
    bool updateSubmission(const StoredSubmission &s, bool bumpVersion);
    // Records a verdict as decided (inside the caller's transaction, with the
    // change it makes): the submission's `verdicts`, oldest first.
    bool addVerdict(const QString &submissionId, const RecordedVerdict &verdict);
    bool addHistory(const QString &submissionId, const QDateTime &at, const QString &actor, const QString &action,
                    const QJsonObject &detail);
    std::optional<Comment> addComment(const QString &submissionId, const QString &author,
                                      Comment::Visibility visibility, const QString &body, const QDateTime &at);

    // --- idempotency ---
    std::optional<StoredResponse> idempotentResponse(const QString &userId, const QString &endpoint, const QString &key);
    // `at`: the server's clock, the one expireIdempotencyKeys is given.
    bool storeIdempotentResponse(const QString &userId, const QString &endpoint, const QString &key,
                                 const StoredResponse &response, const QDateTime &at);
    // Forgets keys older than the given time (kept at least 24 hours).
    bool expireIdempotencyKeys(const QDateTime &olderThan);

    static inline const QString Schema = QStringLiteral(":/assay/server/sql");

private:
    bool fail(const QString &what);
    qint64 nextChangeSeq();

    QString m_connection;
    QString m_error;
    qint64 m_seq = -1;
};

} // namespace assay::server
