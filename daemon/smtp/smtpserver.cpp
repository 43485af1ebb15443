#include "smtpserver.h"

#include "listener.h"
#include "logging.h"
#include "ratelimiter.h"
#include "statsregistry.h"
#include "tlscontext.h"

#include <QSslSocket>

SmtpServer::SmtpServer(const ServiceContext &context, QObject *parent)
    : QObject(parent), m_ctx(&context)
{
}

SmtpServer::~SmtpServer()
{
    // Sessions are parentless (each owns itself); the ones still open end with us.
    const QList<SmtpSession *> sessions = m_sessions.keys();
    m_sessions.clear();
    for (SmtpSession *session : sessions) {
        session->sayShuttingDown();
        delete session;
    }
}

QVector<SmtpServer::PortSpec> SmtpServer::wantedPorts() const
{
    const SmtpConfig &c = m_ctx->config->smtp;
    QVector<PortSpec> ports = {
        {QStringLiteral("smtp"), QStringLiteral("smtp.port"), c.port, SmtpSession::Port::Inbound, false},
        {QStringLiteral("submission"), QStringLiteral("smtp.submission_port"), c.submissionPort, SmtpSession::Port::Submission, false},
    };
    if (m_ctx->tls && m_ctx->tls->isEnabled())
        ports.append({QStringLiteral("smtps"), QStringLiteral("smtp.smtps_port"), c.smtpsPort, SmtpSession::Port::Smtps, true});
    return ports;
}

Listener *SmtpServer::createListener(const PortSpec &spec, QVector<ConfigError> *errors)
{
    auto *listener = new Listener(ListenerSpec{spec.name, QStringLiteral("smtp"), spec.implicitTls, m_ctx->config->smtp.host,
                                               spec.port, QStringLiteral("smtp.host"), spec.portKey},
                                  m_ctx->tls, m_ctx->budget, this);
    const SmtpSession::Port kind = spec.kind;
    listener->setSessionFactory([this, kind](QSslSocket *socket, Listener *) { accept(socket, kind); });
    QString error;
    if (!listener->start(&error) && errors)
        errors->append({spec.portKey, error.section(QStringLiteral(": "), 1)});
    return listener;
}

bool SmtpServer::start(QVector<ConfigError> *errors)
{
    bool ok = true;
    for (const PortSpec &spec : wantedPorts()) {
        Listener *listener = createListener(spec, errors);
        m_listeners.insert(spec.name, listener);
        ok = listener->isListening() && ok;
    }
    return ok;
}

bool SmtpServer::applyConfig(const Config &, QVector<ConfigError> *errors)
{
    bool ok = true;
    const QVector<PortSpec> wanted = wantedPorts();
    QStringList names;
    for (const PortSpec &spec : wanted) {
        names.append(spec.name);
        Listener *listener = m_listeners.value(spec.name);
        if (!listener) { // e.g. TLS became available: 465 appears
            listener = createListener(spec, errors);
            m_listeners.insert(spec.name, listener);
            ok = listener->isListening() && ok;
            continue;
        }
        QString error;
        if (!listener->rebind(m_ctx->config->smtp.host, spec.port, &error)) {
            if (errors)
                errors->append({spec.portKey, error.section(QStringLiteral(": "), 1)});
            ok = false;
        }
    }
    for (const QString &name : m_listeners.keys()) {
        if (!names.contains(name))
            delete m_listeners.take(name); // TLS went away: 465 closes; open sessions go on
    }
    return ok;
}

void SmtpServer::stopAccepting()
{
    for (Listener *listener : std::as_const(m_listeners))
        listener->close();
}

QVector<ControlProtocol::ListenerStatus> SmtpServer::listenerStatus() const
{
    QVector<ControlProtocol::ListenerStatus> result;
    for (const QString &name : {QStringLiteral("smtp"), QStringLiteral("submission"), QStringLiteral("smtps")}) {
        if (const Listener *listener = m_listeners.value(name))
            result.append(listener->status());
    }
    return result;
}

quint16 SmtpServer::boundPort(const QString &name) const
{
    const Listener *listener = m_listeners.value(name);
    return listener && listener->isListening() ? listener->serverPort() : 0;
}

// max_connections counts every SMTP port together; then the per-IP limiter decides.
void SmtpServer::accept(QSslSocket *socket, SmtpSession::Port kind)
{
    m_ctx->stats->add(StatName::SmtpConnectionsTotal);
    const QHostAddress peer = socket->peerAddress();
    const QByteArray host = m_ctx->config->hostname.toUtf8();
    QByteArray refusal;
    QString reason;
    if (m_admitted >= m_ctx->config->smtp.maxConnections) {
        qCWarning(lcSmtp).noquote() << "refusing" << peer.toString() << ": max_connections ("
                                    << m_ctx->config->smtp.maxConnections << ") reached";
        refusal = "421 4.7.0 " + host + " Too many connections, try again later\r\n";
    } else if (m_ctx->rateLimiter && !m_ctx->rateLimiter->admitConnection(peer, RateLimiter::Protocol::Smtp, &reason)) {
        m_ctx->stats->add(StatName::RateLimitRefusals);
        qCWarning(lcSmtp).noquote() << "refusing" << peer.toString() << ":" << reason;
        refusal = "421 4.7.0 " + host + " Too many connections from your address, try again later\r\n";
    }
    auto *session = new SmtpSession(socket, kind, m_ctx, refusal);
    const bool admitted = refusal.isEmpty();
    m_sessions.insert(session, admitted);
    if (admitted)
        ++m_admitted;
    connect(session, &QObject::destroyed, this, [this, session] {
        const auto it = m_sessions.find(session);
        if (it == m_sessions.end())
            return;
        if (it.value())
            --m_admitted;
        m_sessions.erase(it);
    });
}
