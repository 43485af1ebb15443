// ImapServer: the IMAP service (interfaces.md "Service pattern"): the STARTTLS listener on
// imap.port and, with TLS configured, the implicit-TLS listener on imap.imaps_port; it
// enforces imap.max_connections (* BYE) and the per-IP limit of the shared rate limiter,
// and creates one ImapSession per connection. Trusts the ServiceContext it is given.
#pragma once

#include "networkservice.h"
#include "servicecontext.h"

#include <QObject>
#include <QPointer>

class Listener;
class QSslSocket;

class ImapServer : public QObject, public NetworkService
{
    Q_OBJECT
public:
    explicit ImapServer(const ServiceContext &context, QObject *parent = nullptr);
    ~ImapServer() override;

    bool start(QVector<ConfigError> *errors) override;
    bool applyConfig(const Config &previous, QVector<ConfigError> *errors) override;
    void stopAccepting() override;
    QVector<ControlProtocol::ListenerStatus> listenerStatus() const override;
    int sessionCount() const override { return m_sessions; }

private:
    Listener *makeListener(bool implicitTls);
    void accept(QSslSocket *socket);
    bool syncListeners(QVector<ConfigError> *errors);

    const ServiceContext &m_context; // the server's, filled in as subsystems come up
    QPointer<Listener> m_plain;
    QPointer<Listener> m_tls;
    int m_sessions = 0;
    bool m_accepting = true;
};
