#pragma once

#include "server/FaultInjector.h"
#include "server/Reply.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QObject>
#include <QUrl>

#include <functional>

namespace assay::server {

class TrackingTcpServer;

// The wire under the API: QtHttpServer on a loopback socket, the --faults
// and --latency-ms misbehaviour, and one log line per request (method, path,
// status, time; never a token, a query string or a body). Knows nothing of
// the API's resources: handlers turn a request into a Reply, this sends it.
class HttpTransport : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        double faultProbability = 0.0;
        quint32 faultSeed = 0;
        int latencyMs = 0;
        bool logRequests = true;
    };
    // `arg` is the path's one variable segment, or empty.
    using Handler = std::function<Reply(const QString &arg, const QHttpServerRequest &request)>;

    explicit HttpTransport(Options options, QObject *parent = nullptr);
    ~HttpTransport() override;

    // A QtHttpServer path pattern with at most one "<arg>", any method: the
    // handler sees the method. Requests on it may be answered by a fault.
    void route(const QString &pattern, Handler handler);
    // Every path no route matches; never faulted, never delayed.
    void setMissingHandler(Handler handler);

    // Listens on a loopback address (port 0 picks one). Returns an error
    // message, or empty.
    QString listen(const QHostAddress &address, quint16 port);
    QUrl baseUrl() const;
    quint16 port() const;

    static QString methodName(const QHttpServerRequest &request);

Q_SIGNALS:
    // Emitted when a request reaches its handler, before any delay.
    void requestReceived(const QString &method, const QString &path);
    // Emitted once the response (or its damaged form) has been written.
    void requestServed(const QString &method, const QString &path, int status);

private:
    void serve(const Handler &handler, const QString &arg, const QHttpServerRequest &request,
               QHttpServerResponder &responder);
    void send(QHttpServerResponder &responder, const Reply &reply, FaultInjector::Fault fault,
              const QHostAddress &peer, quint16 peerPort);
    void log(const QString &method, const QString &path, int status, qint64 ms, FaultInjector::Fault fault) const;

    Options m_options;
    FaultInjector m_faults;
    QHttpServer m_http;
    TrackingTcpServer *m_tcp = nullptr;
};

} // namespace assay::server
