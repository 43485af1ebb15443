// The local control socket (QLocalServer, mode 0600) for postroom-admin and the
// postroomd CLI. Refuses to start when another live daemon answers on the path and
// removes a stale file otherwise. One ControlConnection per client; requests are
// dispatched through the ControlMethodTable. Only local users with access to the
// socket file can connect; requests are still validated and size-capped.
#pragma once

#include "controlmethods.h"

#include <QLocalServer>
#include <QObject>

class ControlServer : public QObject
{
    Q_OBJECT
public:
    ControlServer(ControlMethodTable *methods, QObject *parent = nullptr);
    ~ControlServer() override;
    bool listen(const QString &path, QString *error);
    QString path() const { return m_path; }

private:
    void onNewConnection();

    ControlMethodTable *m_methods;
    QLocalServer m_server;
    QString m_path;
};

// One client of the control socket.
class ControlConnection : public QObject
{
    Q_OBJECT
public:
    ControlConnection(class QLocalSocket *socket, ControlMethodTable *methods, QObject *parent = nullptr);
    ~ControlConnection() override;

private:
    void onMessage(const QJsonObject &message);
    void send(const QJsonObject &message);
    void subscribeLog(int backlog);
    void unsubscribeLog();

    class QLocalSocket *m_socket;
    class JsonLineChannel *m_channel;
    ControlMethodTable *m_methods;
    int m_logSink = 0;
};
