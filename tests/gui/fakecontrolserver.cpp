#include "fakecontrolserver.h"

#include "jsonlinechannel.h"

#include <QLocalSocket>

using namespace ControlProtocol;

FakeControlServer::FakeControlServer(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server.nextPendingConnection()) {
            auto *channel = new JsonLineChannel(socket, socket);
            m_channels << channel;
            connect(channel, &JsonLineChannel::messageReceived, this,
                    [this, channel](const QJsonObject &m) { onRequest(channel, m); });
            connect(socket, &QLocalSocket::disconnected, this, [this, channel, socket] {
                m_channels.removeAll(channel);
                socket->deleteLater();
            });
        }
    });
}

bool FakeControlServer::listen(const QString &path)
{
    QLocalServer::removeServer(path);
    return m_server.listen(path);
}

FakeControlServer::~FakeControlServer()
{
    close();
}

void FakeControlServer::close()
{
    const QList<JsonLineChannel *> channels = m_channels;
    m_channels.clear();
    for (JsonLineChannel *c : channels)
        if (auto *s = qobject_cast<QLocalSocket *>(c->device())) {
            s->disconnect(this);
            s->abort();
            s->deleteLater();
        }
    m_server.close();
}

void FakeControlServer::setResult(const QString &method, const QJsonObject &result)
{
    m_replies.insert(method, Reply::success(0, result));
}

void FakeControlServer::setError(const QString &method, const QString &code, const QString &message,
                                 const QVector<ConfigError> &errors)
{
    m_replies.insert(method, Reply::failure(0, code, message, errors));
}

QList<Request> FakeControlServer::requests(const QString &method) const
{
    QList<Request> out;
    for (const Request &r : m_requests)
        if (r.method == method)
            out << r;
    return out;
}

void FakeControlServer::sendEvent(const QString &name, const QJsonObject &data)
{
    for (JsonLineChannel *c : m_channels)
        c->send(ControlProtocol::event(name, data));
}

void FakeControlServer::onRequest(JsonLineChannel *channel, const QJsonObject &message)
{
    Request request;
    QString problem;
    if (!Request::fromJson(message, &request, &problem)) {
        channel->send(Reply::failure(0, ErrorCode::BadRequest, problem).toJson());
        return;
    }
    m_requests << request;
    Reply reply = m_replies.contains(request.method)
                      ? m_replies.value(request.method)
                      : Reply::failure(0, ErrorCode::UnknownMethod, QStringLiteral("unknown method \"%1\"").arg(request.method));
    reply.id = request.id;
    channel->send(reply.toJson());
    Q_EMIT requestReceived(request.method);
}
