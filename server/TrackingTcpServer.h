#pragma once

#include <QHash>
#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>

class QTcpSocket;

namespace assay::server {

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

} // namespace assay::server
