// The admin program's connection to postroomd's control socket: one JSON object
// per line (JsonLineChannel), numbered requests with a callback each, events
// (log records) as a signal, and a timer that reconnects while the daemon is away.
// Trusts nothing from the socket beyond its framing; every reply is checked by id.
#pragma once

#include "controlprotocol.h"

#include <QElapsedTimer>
#include <QHash>
#include <QLocalSocket>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>

class JsonLineChannel;

class DaemonClient : public QObject
{
    Q_OBJECT
public:
    enum class State { Disconnected, Connecting, Connected };
    using Callback = std::function<void(const ControlProtocol::Reply &)>;

    static constexpr int ReconnectIntervalMs = 2000;
    static constexpr int RequestTimeoutMs = 20000;
    static constexpr int MaxPendingRequests = 256;
    // Error codes made up on this side (never sent by the daemon).
    static inline const QString NotConnectedCode = QStringLiteral("not_connected");
    static inline const QString TimeoutCode = QStringLiteral("timeout");

    explicit DaemonClient(QObject *parent = nullptr);
    ~DaemonClient() override;

    // Connects (and keeps reconnecting) to the socket at path; empty disconnects for good.
    void setSocketPath(const QString &path);
    QString socketPath() const { return m_path; }
    State state() const { return m_state; }
    bool isConnected() const { return m_state == State::Connected; }
    // Why the last attempt failed ("no such file", "connection refused"), for the banner.
    QString lastError() const { return m_lastError; }

    // Sends a request. The callback runs exactly once: with the reply, or with an error
    // (not_connected, timeout) when none can come. When context dies first it is dropped.
    // Slow verbs (diagnose runs for seconds to minutes) pass a longer timeoutMs.
    qint64 request(const QString &method, const QJsonObject &params, QObject *context, Callback callback,
                   int timeoutMs = RequestTimeoutMs);

    // A translated, user-facing text for a failed reply; "not supported" for unknown_method.
    static QString describeError(const ControlProtocol::Reply &reply);
    static bool isUnsupported(const ControlProtocol::Reply &reply);

Q_SIGNALS:
    void stateChanged(DaemonClient::State state);
    void connected();
    void disconnected();
    void eventReceived(const QString &name, const QJsonObject &data);

private:
    struct Pending {
        QPointer<QObject> context;
        bool hasContext = false;
        Callback callback;
        QElapsedTimer age;
        int timeoutMs = RequestTimeoutMs;
    };
    void tryConnect();
    void onConnected();
    void onDisconnected();
    void onSocketError(QLocalSocket::LocalSocketError error);
    void onMessage(const QJsonObject &message);
    void expireRequests();
    void failAll(const QString &code, const QString &message);
    void finish(qint64 id, const ControlProtocol::Reply &reply);
    void setState(State state);

    QString m_path;
    QLocalSocket *m_socket = nullptr;
    JsonLineChannel *m_channel = nullptr;
    State m_state = State::Disconnected;
    QString m_lastError;
    QTimer m_reconnectTimer;
    QTimer m_expiryTimer;
    QHash<qint64, Pending> m_pending;
    qint64 m_nextId = 1;
};
