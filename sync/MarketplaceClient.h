#pragma once

#include "models/OutboxEntry.h"
#include "domain/Questionnaire.h"
#include "domain/Submission.h"
#include "sync/ApiError.h"

#include <QHttpHeaders>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <optional>

class QIODevice;
class QNetworkReply;

namespace assay {

// One typed call per endpoint of the marketplace review API, over
// QNetworkAccessManager. Decoding is strict: a response that is not what the
// contract says is an ApiError (BadResponse) for that call — or, in a feed
// page, for that item — never a half-filled record.
//
// Safety, enforced here and nowhere else: plain HTTP only to loopback
// (anything else needs TLS, and a certificate error is fatal) — checked when
// the client is made and again on every request it sends, so a refused
// request never leaves the process; redirects only to the same origin; every
// transfer has a timeout; the token goes only into the Authorization header.
class MarketplaceClient : public QObject
{
    Q_OBJECT

public:
    struct Account
    {
        QString id;
        QString name;
        QStringList roles;
    };

    struct FeedPage
    {
        QList<SubmissionSummary> items;
        // Items that did not decode: their id (when readable) and why.
        QList<std::pair<QString, QString>> invalid;
        QString nextCursor;
        bool hasMore = false;
    };

    struct Reviewer
    {
        QString id;
        QString name;
        QStringList roles;
        int openAssigned = 0;
    };

    // The outcome of a write: the status and the decoded body (2xx), or an
    // error carrying the server's code and details (e.g. details.current on
    // a 409).
    struct WriteResult
    {
        int status = 0;
        QJsonObject body;
        bool replayed = false;
    };

    template<typename T>
    struct Result
    {
        std::optional<T> value;
        ApiError error;
        bool ok() const { return value.has_value(); }
    };
    template<typename T>
    using Callback = std::function<void(Result<T>)>;

    // `server` is the origin, e.g. http://127.0.0.1:8080 (the /api/v1 base
    // path is added here).
    MarketplaceClient(const QUrl &server, const QString &token, QObject *parent = nullptr);

    // The rule: empty when the URL may be used; otherwise why not (plain
    // HTTP to a non-loopback host, not http/https, ...).
    static QString checkServerUrl(const QUrl &server);
    static bool sameOrigin(const QUrl &a, const QUrl &b);

    QUrl server() const { return m_server; }
    // Why this client will not talk to its server (checkServerUrl's answer
    // when it was made), or empty. A refused client sends nothing: every
    // call fails with ApiError::Kind::Refused and this message.
    QString refusal() const { return m_refusal; }
    void setToken(const QString &token) { m_token = token; }
    void setTransferTimeout(int ms) { m_timeoutMs = ms; }
    // Abandons every call in flight (their callbacks are not called).
    void abortAll();

    void me(Callback<Account> done);
    void questionnaire(const QString &version, Callback<Questionnaire> done);
    void feed(const QString &cursor, int limit, Callback<FeedPage> done);
    void submission(const QString &id, Callback<Submission> done);
    void reviewers(Callback<QList<Reviewer>> done);
    // GET /users: every user's id, name and roles.
    void users(Callback<QList<Account>> done);
    // Writes, as the outbox keeps them: the same body and key every attempt.
    void write(OutboxEntry::Kind kind, const QString &submissionId, const QJsonObject &payload, const QString &key,
               Callback<WriteResult> done);

    // Streams evidence bytes into `sink` from byte `offset` (a Range request
    // when offset > 0). Calls `done` with the number of bytes written, or an
    // error. A 200 where a range was asked for restarts at 0: the sink is
    // emptied first (reported by `restarted`). A 206 must start at `offset`,
    // or nothing is written and the error is BadRange.
    struct Download
    {
        qint64 written = 0;
        bool restarted = false;
    };
    // With a `declaredSize` (>= 0, the whole file's size as the details
    // declare it): the transfer is aborted before a byte past it is written
    // (also when the response's length says so up front), and the error is
    // Oversize. On an error, details carry "written" and "restarted".
    void evidence(const QString &id, QIODevice *sink, qint64 offset, qint64 declaredSize, Callback<Download> done,
                  std::function<void(qint64 bytes)> progress = {});
    void evidence(const QString &id, QIODevice *sink, qint64 offset, Callback<Download> done,
                  std::function<void(qint64 bytes)> progress = {})
    {
        evidence(id, sink, offset, -1, std::move(done), std::move(progress));
    }

    static constexpr qint64 MaxJsonResponse = 32 * 1024 * 1024;

private:
    using Finish = std::function<void(const ApiError &error, int status, const QByteArray &body, QNetworkReply *reply)>;
    QNetworkRequest request(const QString &path, const QString &query = {}) const;
    void track(QNetworkReply *reply, qint64 maxBody, Finish finish);
    template<typename T, typename Decode>
    void getJson(const QString &path, const QString &query, Decode decode, Callback<T> done);

    // Every request of the client is created here, whichever call built
    // it: one the rules refuse (or one to another origin) gets a reply that
    // fails without a byte sent.
    class Network : public QNetworkAccessManager
    {
    public:
        Network(const QUrl &origin, const QString &refusal) : m_origin(origin), m_refusal(refusal) {}

    protected:
        QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *outgoingData) override;

    private:
        QUrl m_origin;
        QString m_refusal;
    };

    QUrl m_server;
    QString m_refusal;
    QString m_token;
    int m_timeoutMs = 30000;
    Network m_nam;
};

} // namespace assay
