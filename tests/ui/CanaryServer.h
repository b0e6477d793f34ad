#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <cctype>
#include <tuple>

namespace assay::test {

// A loopback HTTP listener that counts everything that reaches it. It answers
// each request with something loud (script, magenta CSS) so that a leak that
// got through would also show in the DOM and on screen.
class CanaryServer : public QObject
{
public:
    bool listen()
    {
        if (!m_v4.listen(QHostAddress::LocalHost, 0))
            return false;
        // The same port on ::1 where the machine has IPv6: "localhost" may
        // resolve there.
        std::ignore = m_v6.listen(QHostAddress::LocalHostIPv6, m_v4.serverPort());
        for (QTcpServer *server : {&m_v4, &m_v6})
            connect(server, &QTcpServer::newConnection, this, [this, server] { accept(server); });
        return true;
    }
    quint16 port() const { return m_v4.serverPort(); }
    int connections() const { return m_connections; }
    QList<QByteArray> requests() const { return m_requests; }
    QTcpServer *v4() { return &m_v4; }

private:
    void accept(QTcpServer *server)
    {
        while (QTcpSocket *socket = server->nextPendingConnection()) {
            ++m_connections;
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            // A connection that sends no HTTP request (a preconnect, a TLS
            // handshake) is recorded by what it sent, and closed, so that a
            // naive page waiting on it still finishes loading.
            QTimer::singleShot(2000, socket, [this, socket] {
                m_requests.append("no request: " + socket->readAll().left(16).toHex(' '));
                socket->abort();
            });
            connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                const QByteArray head = socket->peek(8192);
                if (!head.isEmpty() && !std::isalpha(static_cast<unsigned char>(head.front()))) {
                    m_requests.append("not HTTP: " + head.left(16).toHex(' '));
                    socket->abort();
                    return;
                }
                if (!head.contains("\r\n\r\n"))
                    return;
                const QByteArray line = head.left(head.indexOf("\r\n"));
                m_requests.append(line);
                socket->readAll();
                QByteArray type = "text/html";
                QByteArray body = "<script>document.title='PWNED'</script><style>html{background:#f0f}</style>";
                if (line.contains(".js")) {
                    type = "text/javascript";
                    body = "document.title='PWNED';document.documentElement.style.background='#f0f';";
                } else if (line.contains(".css")) {
                    type = "text/css";
                    body = "html,body{background:#f0f!important}";
                }
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\nContent-Length: "
                              + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
                socket->disconnectFromHost();
            });
        }
    }

    QTcpServer m_v4;
    QTcpServer m_v6;
    int m_connections = 0;
    QList<QByteArray> m_requests;
};

} // namespace assay::test
