#include "server/HttpTransport.h"

#include "server/ServerLogging.h"
#include "server/TrackingTcpServer.h"

#include <QElapsedTimer>
#include <QMetaEnum>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

using namespace Qt::StringLiterals;

namespace assay::server {

HttpTransport::HttpTransport(Options options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_faults(options.faultProbability, options.faultSeed)
{
}

HttpTransport::~HttpTransport()
{
    // Answers still waiting for their delay go before m_http does: each
    // holds a responder of m_http's.
    qDeleteAll(findChildren<QTimer *>(Qt::FindDirectChildrenOnly));
}

QString HttpTransport::methodName(const QHttpServerRequest &request)
{
    return QString::fromLatin1(QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(int(request.method())))
        .toUpper();
}

void HttpTransport::route(const QString &pattern, Handler handler)
{
    if (pattern.contains(u"<arg>"_s)) {
        m_http.route(pattern, QHttpServerRequest::Method::AnyKnown, this,
                     [this, handler = std::move(handler)](const QString &arg, const QHttpServerRequest &request,
                                     QHttpServerResponder &responder) { serve(handler, arg, request, responder); });
    } else {
        m_http.route(pattern, QHttpServerRequest::Method::AnyKnown, this,
                     [this, handler = std::move(handler)](const QHttpServerRequest &request, QHttpServerResponder &responder) {
                         serve(handler, QString(), request, responder);
                     });
    }
}

void HttpTransport::setMissingHandler(Handler handler)
{
    m_http.setMissingHandler(this, [this, handler = std::move(handler)](const QHttpServerRequest &request, QHttpServerResponder &responder) {
        QElapsedTimer timer;
        timer.start();
        const QString method = methodName(request);
        const QString path = request.url().path();
        Q_EMIT requestReceived(method, path);
        const Reply reply = handler(QString(), request);
        send(responder, reply, FaultInjector::Fault::None, request.remoteAddress(), request.remotePort());
        log(method, path, reply.status, timer.elapsed(), FaultInjector::Fault::None);
        Q_EMIT requestServed(method, path, reply.status);
    });
}

QString HttpTransport::listen(const QHostAddress &address, quint16 port)
{
    if (!address.isLoopback()) {
        return u"refusing to serve on %1: the reference marketplace serves loopback only (QtHttpServer is meant "
               "for trusted networks, and the API must not travel without TLS)"_s.arg(address.toString());
    }
    m_tcp = new TrackingTcpServer(this);
    if (!m_tcp->listen(address, port))
        return u"cannot listen on %1:%2: %3"_s.arg(address.toString()).arg(port).arg(m_tcp->errorString());
    if (!m_http.bind(m_tcp))
        return u"cannot serve HTTP on %1:%2"_s.arg(address.toString()).arg(port);
    return {};
}

quint16 HttpTransport::port() const
{
    return m_tcp ? m_tcp->serverPort() : 0;
}

QUrl HttpTransport::baseUrl() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(m_tcp ? m_tcp->serverAddress().toString() : u"127.0.0.1"_s);
    url.setPort(port());
    return url;
}

void HttpTransport::log(const QString &method, const QString &path, int status, qint64 ms,
                        FaultInjector::Fault fault) const
{
    if (!m_options.logRequests)
        return;
    // The path only: the query may carry a cursor, and headers a token.
    qCInfo(lcRequests).noquote() << method << path << status << u"%1ms"_s.arg(ms)
                                 << (fault == FaultInjector::Fault::None ? QString() : u"fault=" + FaultInjector::name(fault));
}

void HttpTransport::serve(const Handler &handler, const QString &arg, const QHttpServerRequest &request,
                          QHttpServerResponder &responder)
{
    QElapsedTimer timer;
    timer.start();
    const QString method = methodName(request);
    const QString path = request.url().path();
    Q_EMIT requestReceived(method, path);
    const FaultInjector::Fault fault = m_faults.next();
    Reply reply;
    switch (fault) {
    case FaultInjector::Fault::InternalError:
        reply = Reply::error(500, u"internal"_s, u"injected fault: internal error"_s);
        break;
    case FaultInjector::Fault::Unavailable:
        reply = Reply::retryLater(503, u"unavailable"_s, u"injected fault: unavailable"_s);
        break;
    case FaultInjector::Fault::RateLimited:
        reply = Reply::retryLater(429, u"rate_limited"_s, u"injected fault: rate limited"_s);
        break;
    default:
        reply = handler(arg, request);
        break;
    }
    auto finish = [this, method, path, timer, fault](const Reply &r) {
        log(method, path, r.status, timer.elapsed(), fault);
        Q_EMIT requestServed(method, path, r.status);
    };
    int delay = m_options.latencyMs;
    if (fault == FaultInjector::Fault::Delay)
        delay += m_faults.delayMs();
    if (delay <= 0) {
        send(responder, reply, fault, request.remoteAddress(), request.remotePort());
        finish(reply);
        return;
    }
    // Answer later without holding up other connections: the responder is
    // moved out of the handler and kept until the timer fires. The timer is
    // a child, so that a transport destroyed first drops the responder while
    // the HTTP server it belongs to still exists (see the destructor).
    auto kept = std::make_shared<QHttpServerResponder>(std::move(responder));
    auto *later = new QTimer(this);
    later->setSingleShot(true);
    // A coarse timer may fire up to 5% early: a promised latency is a floor
    // that clients and tests measure against.
    later->setTimerType(Qt::PreciseTimer);
    connect(later, &QTimer::timeout, this, [this, later, kept, reply, fault, finish, peer = request.remoteAddress(),
                                             peerPort = request.remotePort()] {
        send(*kept, reply, fault, peer, peerPort);
        finish(reply);
        later->deleteLater();
    });
    later->start(delay);
}

void HttpTransport::send(QHttpServerResponder &responder, const Reply &reply, FaultInjector::Fault fault,
                         const QHostAddress &peer, quint16 peerPort)
{
    using F = FaultInjector::Fault;
    QByteArray body = reply.body;
    F damage = fault;
    if (!reply.isJson && (damage == F::TruncatedJson || damage == F::MalformedJson))
        damage = F::CutConnection;
    if (body.size() < 2 && damage == F::CutConnection)
        damage = F::None;
    switch (damage) {
    case F::TruncatedJson:
        body.truncate(body.size() / 2);
        break;
    case F::MalformedJson:
        // Not JSON, and not even UTF-8.
        body = QByteArrayLiteral("<html>\xff\xfe upstream error</html>");
        break;
    case F::CutConnection: {
        QTcpSocket *socket = m_tcp ? m_tcp->socketFor(peer, peerPort) : nullptr;
        if (!socket) {
            // Never a short body that looks whole: without the socket, fail
            // loudly instead.
            const Reply fallback = Reply::error(500, u"internal"_s, u"injected fault: internal error"_s);
            responder.write(fallback.body, fallback.headers, QHttpServerResponder::StatusCode::InternalServerError);
            return;
        }
        // Written on the socket itself: the status line and headers with
        // the full Content-Length, half the body, then the connection is
        // dropped. (A chunked response through the responder can be closed
        // by QHttpServer with a final chunk, which would make half a body
        // look whole.)
        QByteArray head = "HTTP/1.1 " + QByteArray::number(reply.status) + " Damaged\r\n";
        for (const auto &[name, value] : reply.headers.toListOfPairs())
            head += name + ": " + value + "\r\n";
        head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n";
        socket->write(head + body.left(body.size() / 2));
        socket->flush();
#ifdef Q_OS_UNIX
        // No byte may follow what was queued so far (QHttpServer may still
        // write once this handler returns): the kernel sends the queue, then
        // FIN.
        ::shutdown(int(socket->socketDescriptor()), SHUT_WR);
#endif
        // Dropped once control is back in the event loop: aborting inside
        // QHttpServer's handling of this very socket disturbs the others.
        QTimer::singleShot(0, socket, [socket] { socket->abort(); });
        return;
    }
    default:
        break;
    }
    responder.write(body, reply.headers, static_cast<QHttpServerResponder::StatusCode>(reply.status));
}

} // namespace assay::server
