// One API connection's guard, living as a child of its socket: feeds every arriving byte
// to an ApiRequestGuard *before* QtHttpServer reads it, answers refusals (413/411/431/400)
// itself and closes, sends "100 Continue" for Expect (Qt 6.4 does not), and closes idle
// connections. Trusts nothing from the peer.
#pragma once

#include "apirequestguard.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

class QAbstractHttpServer;
class QTcpSocket;

class ApiConnection : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultIdleTimeoutMs = 60000;   // no bytes either way for this long: close
    static constexpr int HeadTimeoutMs = 30000;          // a request head must complete within this (and the idle timeout)

    // Call before the socket is handed to the HTTP server, so this object's readyRead
    // handler runs first; then call attached() after handing it over.
    ApiConnection(QTcpSocket *socket, qint64 maxBodyBytes, int idleTimeoutMs, QAbstractHttpServer *server);
    void attached();

    // Writes a complete error response and closes the connection (also used by the API
    // for refusals decided before routing).
    static void refuse(QTcpSocket *socket, int status, const QByteArray &message, int retryAfterSeconds = 0);

signals:
    void refused(int status);

private:
    void beforeHttpServer();
    void afterHttpServer();
    void touch();

    QTcpSocket *m_socket;
    QPointer<QAbstractHttpServer> m_server;
    ApiRequestGuard m_guard;
    qint64 m_unreadAfterServer = 0; // bytesAvailable() when the server's handler last returned
    QTimer m_idle;
    QTimer m_headDeadline;
    int m_idleTimeoutMs;
};
