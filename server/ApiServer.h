#pragma once

#include "domain/Questionnaire.h"
#include "server/FaultInjector.h"

#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QHttpHeaders>
#include <QHttpServer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QUrl>

#include <functional>
#include <optional>

class QTcpSocket;

namespace assay::server {

class ServerStore;
struct StoredSubmission;
struct User;

// A response before it goes out: built by the handlers, then sent (or
// damaged, under --faults) in one place.
struct Reply
{
    int status = 200;
    QByteArray body;
    QHttpHeaders headers;
    bool json = true;
};

// The QTcpServer the HTTP server runs on, remembering its sockets so that the
// "connection cut mid-body" fault can close one. QHttpServer keeps sockets to
// itself; nextPendingConnection() is the one place they pass through.
class TrackingTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    using QTcpServer::QTcpServer;
    QTcpSocket *nextPendingConnection() override;
    QTcpSocket *socketFor(const QHostAddress &peer, quint16 port) const;

private:
    QHash<quint16, QPointer<QTcpSocket>> m_sockets;
};

// The marketplace review API (shared/design/api.md, api/openapi.yaml) over
// QtHttpServer, backed by a ServerStore.
class ApiServer : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        double faultProbability = 0.0;
        quint32 faultSeed = 0;
        int latencyMs = 0;
        bool logRequests = true;
        // The server's clock (a seam for tests of the calendar rules).
        std::function<QDateTime()> clock;
    };

    ApiServer(ServerStore *store, Options options, QObject *parent = nullptr);
    ~ApiServer() override;

    // Listens on a loopback address (port 0 picks one). Returns an error
    // message, or empty.
    QString listen(const QHostAddress &address, quint16 port);
    QUrl baseUrl() const;
    quint16 port() const;

    // Every route the server serves, as (METHOD, OpenAPI path template
    // relative to /api/v1) — checked against api/openapi.yaml by a test.
    static QList<std::pair<QString, QString>> routes();

    static constexpr qsizetype MaxBody = 1024 * 1024;

Q_SIGNALS:
    void requestServed(const QString &method, const QString &path, int status);

private:
    enum class Route { Me, Questionnaire, Feed, Submission, Evidence, Verdict, Assignee, Comments, Reviewers };
    struct Request;

    void addRoute(const QString &pattern, Route route, bool hasArg);
    void dispatch(Route route, const QString &arg, const QHttpServerRequest &request, QHttpServerResponder &responder);
    void send(QHttpServerResponder &responder, const Reply &reply, FaultInjector::Fault fault,
              const QHostAddress &peer, quint16 peerPort);
    Reply handle(Route route, const QString &arg, const QHttpServerRequest &request);

    Reply me(const User &user);
    Reply questionnaire(const QString &version);
    Reply feed(const QHttpServerRequest &request);
    Reply submission(const QString &id);
    Reply evidence(const QString &id, const QHttpServerRequest &request);
    Reply reviewers(const User &user);

    // The common path of every write, in the contract's order of errors:
    // 400 (Idempotency-Key, JSON), 413, 415, 404, 422 shape, idempotency
    // replay / reuse, then `decide` (409, 403, 422 rules, apply), whose
    // answer is stored for the key in the same transaction as the change.
    using Shape = std::function<std::optional<Reply>(const QJsonObject &body)>;
    using Decide = std::function<Reply(const QJsonObject &body, StoredSubmission &submission)>;
    Reply write(const User &user, const QString &submissionId, const QHttpServerRequest &request, const Shape &shape,
                const Decide &decide);
    Reply decideVerdict(const User &user, const QJsonObject &body, StoredSubmission &s);
    Reply decideAssignee(const User &user, const QJsonObject &body, StoredSubmission &s);
    Reply decideComment(const User &user, const QJsonObject &body, StoredSubmission &s);

    const Questionnaire *questionnaireFor(const QString &version);

    ServerStore *m_store;
    Options m_options;
    FaultInjector m_faults;
    QHttpServer m_http;
    TrackingTcpServer *m_tcp = nullptr;
    QHash<QString, Questionnaire> m_questionnaires;
};

} // namespace assay::server
