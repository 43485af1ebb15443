// The SMTP service: listeners on smtp.port (25, inbound), smtp.submission_port (587,
// AUTH required) and smtp.smtps_port (465, implicit TLS, only when TLS is on). Admits each
// connection against max_connections and the rate limiter and hands it to an SmtpSession.
// Trusts the ServiceContext (config, TLS, store, queue) given by the Server; it must outlive us.
#pragma once

#include "networkservice.h"
#include "servicecontext.h"
#include "smtpsession.h"

#include <QHash>
#include <QObject>

class Listener;
class QSslSocket;

class SmtpServer : public QObject, public NetworkService
{
    Q_OBJECT
public:
    explicit SmtpServer(const ServiceContext &context, QObject *parent = nullptr);
    ~SmtpServer() override;

    bool start(QVector<ConfigError> *errors) override;
    bool applyConfig(const Config &previous, QVector<ConfigError> *errors) override;
    void stopAccepting() override;
    QVector<ControlProtocol::ListenerStatus> listenerStatus() const override;
    int sessionCount() const override { return m_admitted; }

    // The port a listener is bound to ("smtp", "submission", "smtps"); 0 when absent.
    // Tests bind to port 0 and ask here.
    quint16 boundPort(const QString &name) const;

private:
    struct PortSpec {
        QString name;
        QString portKey;
        int port;
        SmtpSession::Port kind;
        bool implicitTls;
    };
    QVector<PortSpec> wantedPorts() const;
    Listener *createListener(const PortSpec &spec, QVector<ConfigError> *errors);
    void accept(QSslSocket *socket, SmtpSession::Port kind);

    const ServiceContext *m_ctx; // the Server's, read live (subsystems may be added after us)
    QHash<QString, Listener *> m_listeners;
    QHash<SmtpSession *, bool> m_sessions; // every live session; value: admitted
    int m_admitted = 0;
};
