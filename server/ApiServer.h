#pragma once

#include "server/ApiRoute.h"
#include "server/HttpTransport.h"

#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>

namespace assay::server {

class QuestionnaireCache;
class ReadHandlers;
class Revalidations;
class ServerStore;
class WriteHandlers;

// The marketplace review API (shared/design/api.md, api/openapi.yaml) over
// QtHttpServer, backed by a ServerStore. A front over its parts: the route
// table (routeTable(), the one list the router and the OpenAPI checks read),
// HttpTransport (the wire, faults, logging), RequestValidator, ReadHandlers
// and WriteHandlers.
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
        // The server's clock: every date it records or decides by (badge
        // expiry, re-validation, resubmission locks, idempotency keys).
        // Empty: the system's. `assay-marketplace --now` pins it.
        std::function<QDateTime()> clock;
    };

    ApiServer(ServerStore *store, const Options &options, QObject *parent = nullptr);
    ~ApiServer() override;

    // Listens on a loopback address (port 0 picks one). Returns an error
    // message, or empty.
    QString listen(const QHostAddress &address, quint16 port);
    QUrl baseUrl() const;
    quint16 port() const;

    // Every operation the server serves, in the order it registers them.
    static const QList<ApiRoute> &routeTable();
    // (METHOD, OpenAPI path template relative to /api/v1) of routeTable().
    static QList<std::pair<QString, QString>> routes();

    static constexpr qsizetype MaxBody = 1024 * 1024;

Q_SIGNALS:
    // A request reached the server (before any injected delay).
    void requestReceived(const QString &method, const QString &path);
    void requestServed(const QString &method, const QString &path, int status);

private:
    // Every request on a known path: 401, then 405, then the table's handler.
    Reply dispatch(const QString &path, const QString &arg, const QHttpServerRequest &request);

    ServerStore *m_store;
    std::function<QDateTime()> m_clock;
    std::unique_ptr<Revalidations> m_revalidations;
    std::unique_ptr<QuestionnaireCache> m_questionnaires;
    std::unique_ptr<ReadHandlers> m_reads;
    std::unique_ptr<WriteHandlers> m_writes;
    HttpTransport m_transport;
};

} // namespace assay::server
