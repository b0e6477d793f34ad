#include "HttpStub.h"

#include <QNetworkReply>
#include <QTcpSocket>
#include <tuple>

namespace assay::test {

QByteArray HttpStub::Response::header(const QByteArray &name) const
{
    for (const auto &[n, v] : headers) {
        if (n.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

void HttpStub::Response::setHeader(const QByteArray &name, const QByteArray &value)
{
    headers.removeIf([&name](const auto &h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
    headers.append({name, value});
}

HttpStub::HttpStub(QUrl backend, QObject *parent)
    : QObject(parent)
    , m_backend(std::move(backend))
{
    connect(&m_server, &QTcpServer::newConnection, this, &HttpStub::accept);
    // isListening() tells the test, which checks it first.
    std::ignore = m_server.listen(QHostAddress::LocalHost, 0);
}

HttpStub::~HttpStub() = default;

QUrl HttpStub::url() const
{
    QUrl u;
    u.setScheme(QStringLiteral("http"));
    u.setHost(QStringLiteral("127.0.0.1"));
    u.setPort(m_server.serverPort());
    return u;
}

void HttpStub::accept()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readFrom(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            m_busy.remove(socket);
            socket->deleteLater();
        });
    }
}

void HttpStub::readFrom(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    if (m_busy.value(socket))
        return;
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return;
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    auto exchange = std::make_shared<Exchange>();
    exchange->m_stub = this;
    exchange->m_socket = socket;
    Request &request = exchange->m_request;
    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
    request.method = first.value(0);
    request.target = first.value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            request.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }
    const qsizetype length = request.headers.value("content-length").toLongLong();
    if (buffer.size() < end + 4 + length)
        return; // the body is still coming
    request.body = buffer.mid(end + 4, length);
    buffer.remove(0, end + 4 + length);
    m_busy[socket] = true;
    m_seen.append(request.path());
    if (!m_handler || !m_handler(exchange))
        exchange->forward();
}

void HttpStub::Exchange::forward(std::function<void(Response &)> change)
{
    QUrl url = m_stub->m_backend;
    url.setPath(QString::fromLatin1(m_request.path()));
    const qsizetype q = m_request.target.indexOf('?');
    if (q >= 0)
        url.setQuery(QString::fromLatin1(m_request.target.mid(q + 1)), QUrl::StrictMode);
    QNetworkRequest forwarded(url);
    for (const QByteArray name : {"authorization", "accept", "range", "content-type", "idempotency-key", "if-none-match"}) {
        if (m_request.headers.contains(name))
            forwarded.setRawHeader(name, m_request.headers.value(name));
    }
    QNetworkReply *reply = m_stub->m_nam.sendCustomRequest(forwarded, m_request.method, m_request.body);
    auto self = shared_from_this();
    QObject::connect(reply, &QNetworkReply::finished, m_stub, [self, reply, change = std::move(change)] {
        reply->deleteLater();
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!status.isValid()) {
            // The backend's connection failed: so does this one.
            if (self->m_socket)
                self->m_socket->abort();
            return;
        }
        Response response;
        response.status = status.toInt();
        for (const auto &[name, value] : reply->rawHeaderPairs()) {
            const QByteArray lower = name.toLower();
            if (lower != "content-length" && lower != "transfer-encoding" && lower != "connection")
                response.headers.append({name, value});
        }
        response.body = reply->readAll();
        if (change)
            change(response);
        self->respond(response);
    });
}

void HttpStub::Exchange::respond(const Response &response)
{
    if (m_answered)
        return;
    m_answered = true;
    if (m_socket)
        m_stub->send(m_socket, response);
}

void HttpStub::send(QTcpSocket *socket, const Response &response)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + " Stub\r\n";
    for (const auto &[name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    const qint64 length = response.contentLength == -2 ? response.body.size() : response.contentLength;
    if (length >= 0)
        head += "Content-Length: " + QByteArray::number(length) + "\r\n";
    else
        head += "Connection: close\r\n";
    head += "\r\n";
    socket->write(head + response.body);
    if (length < 0) {
        socket->disconnectFromHost();
        return;
    }
    m_busy[socket] = false;
    // A next request may be waiting in the buffer already.
    if (!m_buffers.value(socket).isEmpty())
        QMetaObject::invokeMethod(this, [this, s = QPointer<QTcpSocket>(socket)] {
            if (s)
                readFrom(s);
        }, Qt::QueuedConnection);
}

} // namespace assay::test
