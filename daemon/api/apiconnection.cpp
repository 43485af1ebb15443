#include "apiconnection.h"

#include <QAbstractHttpServer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <algorithm>

ApiConnection::ApiConnection(QTcpSocket *socket, qint64 maxBodyBytes, int idleTimeoutMs, QAbstractHttpServer *server)
    : QObject(socket), m_socket(socket), m_server(server), m_guard(maxBodyBytes), m_idleTimeoutMs(idleTimeoutMs)
{
    m_idle.setSingleShot(true);
    m_headDeadline.setSingleShot(true);
    connect(&m_idle, &QTimer::timeout, this, [this] { m_socket->disconnectFromHost(); });
    connect(&m_headDeadline, &QTimer::timeout, this, [this] { refuse(m_socket, 408, "request head too slow"); });
    connect(socket, &QTcpSocket::readyRead, this, &ApiConnection::beforeHttpServer);
    connect(socket, &QTcpSocket::bytesWritten, this, &ApiConnection::touch);
    m_idle.start(m_idleTimeoutMs);
}

void ApiConnection::attached()
{
    // Connected after the HTTP server's own readyRead handler, so this runs after it and
    // learns how much of the buffer the server left unread.
    connect(m_socket, &QTcpSocket::readyRead, this, &ApiConnection::afterHttpServer);
}

void ApiConnection::touch()
{
    m_idle.start(m_idleTimeoutMs);
}

void ApiConnection::beforeHttpServer()
{
    touch();
    if (m_guard.isRejected()) {
        m_socket->readAll(); // refused: drop whatever still arrives
        return;
    }
    const qint64 available = m_socket->bytesAvailable();
    const qint64 fresh = available - m_unreadAfterServer;
    if (fresh > 0) {
        const QByteArray window = m_socket->peek(available);
        const ApiRequestGuard::Verdict verdict = m_guard.feed(QByteArrayView(window).sliced(window.size() - fresh));
        if (verdict.status) {
            emit refused(verdict.status);
            refuse(m_socket, verdict.status, verdict.reason);
            return;
        }
        for (int i = 0; i < verdict.continues; ++i)
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    }
    if (m_guard.isIdle())
        m_headDeadline.stop();
    else if (!m_headDeadline.isActive() && m_guard.bodyRemaining() == 0)
        m_headDeadline.start(std::min(HeadTimeoutMs, m_idleTimeoutMs)); // per request head, not per byte
    else if (m_guard.bodyRemaining() > 0)
        m_headDeadline.stop();
}

void ApiConnection::afterHttpServer()
{
    m_unreadAfterServer = m_socket->bytesAvailable();
}

static QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 400: return "Bad Request";
    case 408: return "Request Timeout";
    case 411: return "Length Required";
    case 413: return "Payload Too Large";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 503: return "Service Unavailable";
    default: return "Error";
    }
}

static QByteArray errorCode(int status)
{
    switch (status) {
    case 411: return "lengthRequired";
    case 413: return "requestTooLarge";
    case 429: return "tooManyRequests";
    case 431: return "requestHeaderTooLarge";
    case 408: return "requestTimeout";
    case 503: return "serviceUnavailable";
    default: return "badRequest";
    }
}

void ApiConnection::refuse(QTcpSocket *socket, int status, const QByteArray &message, int retryAfterSeconds)
{
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("error"),
                                                       QJsonObject{{QStringLiteral("code"), QString::fromLatin1(errorCode(status))},
                                                                   {QStringLiteral("message"), QString::fromUtf8(message)}}}})
                                .toJson(QJsonDocument::Compact);
    // The HTTP server must not see the rest of this request: end its transaction, drop the
    // buffer and stop it from reading this socket again.
    if (socket->isTransactionStarted())
        socket->commitTransaction();
    socket->readAll();
    const auto servers = socket->findChildren<ApiConnection *>();
    for (ApiConnection *c : servers)
        if (c->m_server)
            QObject::disconnect(socket, &QTcpSocket::readyRead, c->m_server, nullptr);
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    response += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\nConnection: close\r\n";
    if (retryAfterSeconds > 0)
        response += "Retry-After: " + QByteArray::number(retryAfterSeconds) + "\r\n";
    response += "\r\n" + body;
    socket->write(response);
    socket->disconnectFromHost();
    // A peer that keeps sending is cut off after a grace period.
    QTimer::singleShot(2000, socket, [socket] { socket->abort(); });
}
