// A stand-in for postroomd's control socket in the GUI tests: answers the methods it
// was given canned results for, "unknown_method" otherwise (as an old daemon would),
// records every request, and can push events (log records) to its clients.
#pragma once

#include "config.h"
#include "controlprotocol.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QLocalServer>
#include <QObject>

class JsonLineChannel;

class FakeControlServer : public QObject
{
    Q_OBJECT
public:
    explicit FakeControlServer(QObject *parent = nullptr);
    ~FakeControlServer() override;
    bool listen(const QString &path);
    void close();

    void setResult(const QString &method, const QJsonObject &result);
    void setError(const QString &method, const QString &code, const QString &message,
                  const QVector<ConfigError> &errors = {});
    QList<ControlProtocol::Request> requests(const QString &method) const;
    int connectionCount() const { return int(m_channels.size()); }
    void sendEvent(const QString &name, const QJsonObject &data);

Q_SIGNALS:
    void requestReceived(const QString &method);

private:
    void onRequest(JsonLineChannel *channel, const QJsonObject &message);

    QLocalServer m_server;
    QHash<QString, ControlProtocol::Reply> m_replies;
    QList<ControlProtocol::Request> m_requests;
    QList<JsonLineChannel *> m_channels;
};
