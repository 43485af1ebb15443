#include "daemonclient.h"

#include "jsonlinechannel.h"

#include <QCoreApplication>

using ControlProtocol::Reply;

DaemonClient::DaemonClient(QObject *parent) : QObject(parent)
{
    m_reconnectTimer.setInterval(ReconnectIntervalMs);
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &DaemonClient::tryConnect);
    m_expiryTimer.setInterval(1000);
    connect(&m_expiryTimer, &QTimer::timeout, this, &DaemonClient::expireRequests);
}

DaemonClient::~DaemonClient()
{
    // Callbacks may touch widgets that are being destroyed too: drop them silently.
    m_pending.clear();
    if (m_socket)
        m_socket->disconnect(this);
}

void DaemonClient::setSocketPath(const QString &path)
{
    if (path == m_path && m_state != State::Disconnected)
        return;
    m_path = path;
    m_reconnectTimer.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
        m_channel = nullptr;
    }
    const bool wasConnected = m_state == State::Connected;
    failAll(NotConnectedCode, tr("The connection to the daemon was closed."));
    setState(State::Disconnected);
    if (wasConnected)
        Q_EMIT disconnected();
    if (!m_path.isEmpty())
        tryConnect();
}

void DaemonClient::tryConnect()
{
    if (m_path.isEmpty() || m_state != State::Disconnected)
        return;
    if (m_socket)
        m_socket->deleteLater();
    m_socket = new QLocalSocket(this);
    m_channel = new JsonLineChannel(m_socket, m_socket);
    m_channel->setMaxLineBytes(ControlProtocol::MaxMessageBytes);
    connect(m_channel, &JsonLineChannel::messageReceived, this, &DaemonClient::onMessage);
    connect(m_socket, &QLocalSocket::connected, this, &DaemonClient::onConnected);
    connect(m_socket, &QLocalSocket::disconnected, this, &DaemonClient::onDisconnected);
    connect(m_socket, &QLocalSocket::errorOccurred, this, &DaemonClient::onSocketError);
    setState(State::Connecting);
    m_socket->connectToServer(m_path);
}

void DaemonClient::onConnected()
{
    m_lastError.clear();
    m_expiryTimer.start();
    setState(State::Connected);
    Q_EMIT connected();
}

void DaemonClient::onDisconnected()
{
    const bool wasConnected = m_state == State::Connected;
    m_expiryTimer.stop();
    failAll(NotConnectedCode, tr("The connection to the daemon was closed."));
    setState(State::Disconnected);
    if (wasConnected)
        Q_EMIT disconnected();
    m_reconnectTimer.start();
}

void DaemonClient::onSocketError(QLocalSocket::LocalSocketError error)
{
    switch (error) {
    case QLocalSocket::ServerNotFoundError:
        m_lastError = tr("no control socket at this path");
        break;
    case QLocalSocket::ConnectionRefusedError:
        m_lastError = tr("connection refused (the daemon is not running)");
        break;
    case QLocalSocket::SocketAccessError:
        m_lastError = tr("permission denied");
        break;
    default:
        m_lastError = m_socket ? m_socket->errorString() : QString();
        break;
    }
    // A failed connect emits no disconnected(): schedule the retry here.
    if (m_state == State::Connecting) {
        setState(State::Disconnected);
        m_reconnectTimer.start();
    }
}

qint64 DaemonClient::request(const QString &method, const QJsonObject &params, QObject *context, Callback callback,
                             int timeoutMs)
{
    const qint64 id = m_nextId++;
    Pending p;
    p.context = context;
    p.hasContext = context != nullptr;
    p.callback = std::move(callback);
    p.age.start();
    p.timeoutMs = timeoutMs;
    if (m_state != State::Connected || !m_channel || m_pending.size() >= MaxPendingRequests) {
        // Answer asynchronously so callers see one behaviour whatever the state.
        const Reply r = Reply::failure(id, NotConnectedCode, tr("The daemon is not running or not reachable."));
        m_pending.insert(id, p);
        QTimer::singleShot(0, this, [this, id, r] { finish(id, r); });
        return id;
    }
    m_pending.insert(id, p);
    ControlProtocol::Request req;
    req.id = id;
    req.method = method;
    req.params = params;
    m_channel->send(req.toJson());
    return id;
}

void DaemonClient::onMessage(const QJsonObject &message)
{
    if (message.contains(QStringLiteral("event"))) {
        Q_EMIT eventReceived(message.value(QStringLiteral("event")).toString(),
                             message.value(QStringLiteral("data")).toObject());
        return;
    }
    const Reply reply = Reply::fromJson(message);
    finish(reply.id, reply);
}

void DaemonClient::finish(qint64 id, const Reply &reply)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return; // late answer to a request that already timed out
    Pending p = it.value();
    m_pending.erase(it);
    if (p.hasContext && !p.context)
        return;
    if (p.callback)
        p.callback(reply);
}

void DaemonClient::expireRequests()
{
    QList<qint64> expired;
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it)
        if (it.value().age.elapsed() > it.value().timeoutMs)
            expired << it.key();
    for (qint64 id : expired)
        finish(id, Reply::failure(id, TimeoutCode, tr("The daemon did not answer in time.")));
}

void DaemonClient::failAll(const QString &code, const QString &message)
{
    const QList<qint64> ids = m_pending.keys();
    for (qint64 id : ids)
        finish(id, Reply::failure(id, code, message));
}

void DaemonClient::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

bool DaemonClient::isUnsupported(const Reply &reply)
{
    return !reply.ok && reply.error.code == ControlProtocol::ErrorCode::UnknownMethod;
}

QString DaemonClient::describeError(const Reply &reply)
{
    if (reply.ok)
        return QString();
    if (isUnsupported(reply))
        return tr("Not supported by this daemon version.");
    if (reply.error.message.isEmpty())
        return tr("The daemon reported an error (%1).").arg(reply.error.code);
    return reply.error.message;
}
