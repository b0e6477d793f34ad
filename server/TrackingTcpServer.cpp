#include "server/TrackingTcpServer.h"

#include <QTcpSocket>

namespace assay::server {

QTcpSocket *TrackingTcpServer::nextPendingConnection()
{
    QTcpSocket *socket = QTcpServer::nextPendingConnection();
    if (socket) {
        // Headers and body leave as separate writes: without TCP_NODELAY the
        // body waits for the client's delayed ACK (40 ms a response).
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        // Forget closed sockets as new ones arrive; ports are reused.
        m_sockets.removeIf([](const auto &it) { return it.value().isNull(); });
        m_sockets.insert(socket->peerPort(), socket);
    }
    return socket;
}

QTcpSocket *TrackingTcpServer::socketFor(const QHostAddress &peer, quint16 port) const
{
    QTcpSocket *socket = m_sockets.value(port);
    return socket && socket->peerAddress().isEqual(peer, QHostAddress::TolerantConversion) ? socket : nullptr;
}

} // namespace assay::server
