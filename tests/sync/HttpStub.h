#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QUrl>

#include <functional>
#include <memory>

class QTcpSocket;

namespace assay::test {

// A small HTTP/1.1 server on 127.0.0.1 (port 0) for tests that need a server
// to misbehave in ways the reference server never does: it forwards every
// request to a backend (the reference marketplace) unless the test's handler
// answers it itself, or changes the backend's answer on the way back, or
// holds it. Real HTTP over a real socket; one request at a time per
// connection (QNetworkAccessManager does not pipeline).
class HttpStub : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        QByteArray method;
        QByteArray target; // path and query, as sent
        QHash<QByteArray, QByteArray> headers; // names in lower case
        QByteArray body;
        QByteArray path() const { return target.left(target.indexOf('?') < 0 ? target.size() : target.indexOf('?')); }
    };

    struct Response
    {
        int status = 200;
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray body;
        // Content-Length as sent: by default the body's size; -1 sends none
        // and closes the connection after the body (the length is "until
        // the end").
        qint64 contentLength = -2;
        QByteArray header(const QByteArray &name) const;
        void setHeader(const QByteArray &name, const QByteArray &value);
    };

    // One request waiting for its answer. Answer at most once; an answer
    // to a connection that went away is dropped.
    class Exchange : public std::enable_shared_from_this<Exchange>
    {
    public:
        void respond(const Response &response);
        // The backend's answer, as the client would have had it.
        void forward(std::function<void(Response &)> change = {});
        const Request &request() const { return m_request; }

    private:
        friend class HttpStub;
        HttpStub *m_stub = nullptr;
        QPointer<QTcpSocket> m_socket;
        Request m_request;
        bool m_answered = false;
    };
    using ExchangePtr = std::shared_ptr<Exchange>;
    // Returns true when it took the request (answered now or later); false
    // forwards it unchanged.
    using Handler = std::function<bool(const ExchangePtr &exchange)>;

    explicit HttpStub(QUrl backend, QObject *parent = nullptr);
    ~HttpStub() override;

    QUrl url() const;
    bool isListening() const { return m_server.isListening(); }
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    // Request paths in the order they arrived.
    const QList<QByteArray> &seen() const { return m_seen; }
    int count(const QByteArray &path) const { return int(m_seen.count(path)); }

private:
    void accept();
    void readFrom(QTcpSocket *socket);
    void send(QTcpSocket *socket, const Response &response);

    QUrl m_backend;
    QTcpServer m_server;
    QNetworkAccessManager m_nam;
    Handler m_handler;
    QList<QByteArray> m_seen;
    // Sockets with a request being answered: the next waits in the buffer.
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QHash<QTcpSocket *, bool> m_busy;
};

} // namespace assay::test
