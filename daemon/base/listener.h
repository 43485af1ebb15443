// One listening port, shared plumbing for every protocol. A plain listener hands out
// unencrypted QSslSockets (so the session can STARTTLS later); an implicit-TLS listener
// starts the server handshake at once. Each accepted socket goes to the session factory,
// which owns it from then on. Accepting pauses while the process is near its fd limit.
#pragma once

#include "controlprotocol.h"

#include <QHostAddress>
#include <QSslSocket>
#include <QTcpServer>
#include <functional>

class TlsContext;
class ConnectionBudget;

struct ListenerSpec {
    QString name;      // "smtp", "submission", "smtps", "imap", "imaps", "http", "https"
    QString protocol;  // "smtp", "imap", "api"
    bool implicitTls = false;
    QString host;      // bind address as configured
    int port = 0;
    QString hostKey;   // config key names, for errors: "smtp.host"
    QString portKey;   // "smtp.port"
};

class Listener : public QTcpServer
{
    Q_OBJECT
public:
    using SessionFactory = std::function<void(QSslSocket *socket, Listener *listener)>;

    Listener(const ListenerSpec &spec, TlsContext *tls, ConnectionBudget *budget, QObject *parent = nullptr);
    ~Listener() override;

    // Binds; on failure the error names the config key and the fix.
    bool start(QString *error);
    // Rebinds to another host/port (reload); keeps the old binding when the new one fails.
    bool rebind(const QString &host, int port, QString *error);
    void setSessionFactory(SessionFactory factory) { m_factory = std::move(factory); }

    const ListenerSpec &spec() const { return m_spec; }
    bool isImplicitTls() const { return m_spec.implicitTls; }
    ControlProtocol::ListenerStatus status() const;

    static QHostAddress bindAddress(const QString &host);

protected:
    void incomingConnection(qintptr descriptor) override;
    // Hands the socket on; the default calls the session factory. The API overrides it
    // to feed QHttpServer through addPendingConnection().
    virtual void dispatch(QSslSocket *socket);

private:
    ListenerSpec m_spec;
    TlsContext *m_tls;
    ConnectionBudget *m_budget;
    SessionFactory m_factory;
    QString m_error;
};

// Counts open sockets over all listeners and pauses accepting near the fd limit
// (QT64-NOTES.md 10: accept() failing with EMFILE busy-spins the event loop).
class ConnectionBudget : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionBudget(QObject *parent = nullptr);
    void attach(Listener *listener);
    void detach(Listener *listener);
    void track(QObject *socket); // counts it until it is destroyed
    int open() const { return m_open; }
    int limit() const { return m_limit; }
    void setLimit(int limit) { m_limit = limit; }

private:
    void update();

    QList<Listener *> m_listeners;
    int m_open = 0;
    int m_limit = 1000;
    bool m_paused = false;
};
