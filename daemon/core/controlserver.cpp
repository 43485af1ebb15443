#include "controlserver.h"

#include "jsonlinechannel.h"
#include "logging.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QDir>
#include <QLocalSocket>
#include <QPointer>

using namespace ControlProtocol;

ControlServer::ControlServer(ControlMethodTable *methods, QObject *parent)
    : QObject(parent), m_methods(methods)
{
    connect(&m_server, &QLocalServer::newConnection, this, &ControlServer::onNewConnection);
}

ControlServer::~ControlServer()
{
    m_server.close(); // removes the socket file
}

bool ControlServer::listen(const QString &path, QString *error)
{
    // QLocalServer with a socket option silently replaces a live socket (QT64-NOTES.md 5): probe first.
    QLocalSocket probe;
    probe.connectToServer(path);
    if (probe.waitForConnected(500)) {
        if (error)
            *error = QStringLiteral("control_socket: another postroomd is already running and answering on %1 "
                                    "(stop it first, or give this instance another mail_root or control_socket)")
                         .arg(path);
        return false;
    }
    QLocalServer::removeServer(path);
    QDir().mkpath(QFileInfo(path).absolutePath());
    m_server.setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server.listen(path)) {
        if (error)
            *error = QStringLiteral("control_socket: cannot listen on %1: %2").arg(path, m_server.errorString());
        return false;
    }
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    m_path = path;
    qCInfo(lcControl) << "control socket at" << path;
    return true;
}

void ControlServer::onNewConnection()
{
    while (QLocalSocket *socket = m_server.nextPendingConnection())
        new ControlConnection(socket, m_methods, this);
}

ControlConnection::ControlConnection(QLocalSocket *socket, ControlMethodTable *methods, QObject *parent)
    : QObject(parent), m_socket(socket), m_methods(methods)
{
    socket->setParent(this);
    m_channel = new JsonLineChannel(socket, this);
    m_channel->setMaxLineBytes(ControlProtocol::MaxMessageBytes);
    connect(m_channel, &JsonLineChannel::messageReceived, this, &ControlConnection::onMessage);
    connect(m_channel, &JsonLineChannel::protocolError, this, [this](const QString &problem) {
        send(Reply::failure(0, ErrorCode::BadRequest, problem).toJson());
    });
    connect(socket, &QLocalSocket::disconnected, this, &QObject::deleteLater);
}

ControlConnection::~ControlConnection()
{
    unsubscribeLog();
}

void ControlConnection::send(const QJsonObject &message)
{
    if (m_socket->state() == QLocalSocket::ConnectedState)
        m_channel->send(message);
}

void ControlConnection::onMessage(const QJsonObject &message)
{
    Request request;
    QString problem;
    if (!Request::fromJson(message, &request, &problem)) {
        send(Reply::failure(message.value("id").toInteger(), ErrorCode::BadRequest, problem).toJson()); // 0 when not an integer
        return;
    }
    if (request.method == Method::LogSubscribe) {
        subscribeLog(request.params.value("backlog").toInt(100));
        send(Reply::success(request.id, {}).toJson());
        return;
    }
    if (request.method == Method::LogUnsubscribe) {
        unsubscribeLog();
        send(Reply::success(request.id, {}).toJson());
        return;
    }
    const ControlMethodTable::Handler *handler = m_methods->find(request.method);
    if (!handler) {
        send(Reply::failure(request.id, ErrorCode::UnknownMethod,
                            QStringLiteral("unknown method \"%1\"").arg(request.method)).toJson());
        return;
    }
    QPointer<ControlConnection> self(this);
    (*handler)(request, [self](const Reply &reply) {
        if (self)
            self->send(reply.toJson());
    });
}

void ControlConnection::subscribeLog(int backlog)
{
    if (m_logSink)
        return;
    for (const LogRecord &r : Logging::recent(qBound(0, backlog, 500)))
        send(ControlProtocol::event(QStringLiteral("log"), r.toJson()));
    QPointer<ControlConnection> self(this);
    // Records can come from worker threads: hop to the main thread and only touch self there.
    m_logSink = Logging::addSink([self](const LogRecord &record) {
        QMetaObject::invokeMethod(QCoreApplication::instance(), [self, record] {
            if (self)
                self->send(ControlProtocol::event(QStringLiteral("log"), record.toJson()));
        }, Qt::QueuedConnection);
    });
}

void ControlConnection::unsubscribeLog()
{
    if (m_logSink)
        Logging::removeSink(m_logSink);
    m_logSink = 0;
}
