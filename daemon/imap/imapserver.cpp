#include "imapserver.h"

#include "imapsession.h"
#include "listener.h"
#include "logging.h"
#include "ratelimiter.h"
#include "statsregistry.h"
#include "tlscontext.h"

ImapServer::ImapServer(const ServiceContext &context, QObject *parent) : QObject(parent), m_context(context)
{
}

ImapServer::~ImapServer() = default;

Listener *ImapServer::makeListener(bool implicitTls)
{
    const ImapConfig &c = m_context.config->imap;
    ListenerSpec spec{implicitTls ? QStringLiteral("imaps") : QStringLiteral("imap"), QStringLiteral("imap"), implicitTls,
                      c.host, implicitTls ? c.imapsPort : c.port, QStringLiteral("imap.host"),
                      implicitTls ? QStringLiteral("imap.imaps_port") : QStringLiteral("imap.port")};
    auto *l = new Listener(spec, m_context.tls, m_context.budget, this);
    l->setSessionFactory([this](QSslSocket *socket, Listener *) { accept(socket); });
    return l;
}

bool ImapServer::start(QVector<ConfigError> *errors)
{
    return syncListeners(errors);
}

// Creates, rebinds or removes the two listeners to match the live config.
bool ImapServer::syncListeners(QVector<ConfigError> *errors)
{
    const ImapConfig &c = m_context.config->imap;
    ImapSession::setAutologoutMs(c.autologoutTimeout * 1000);
    bool ok = true;
    auto bind = [&](QPointer<Listener> &slot, bool implicitTls, int port, const QString &key) {
        QString error;
        if (!slot) {
            slot = makeListener(implicitTls);
            if (!slot->start(&error)) {
                errors->append({key, error.section(QStringLiteral(": "), 1)});
                ok = false;
            }
        } else if (!slot->rebind(c.host, port, &error)) {
            errors->append({key, error.section(QStringLiteral(": "), 1)});
            ok = false;
        }
    };
    bind(m_plain, false, c.port, QStringLiteral("imap.port"));
    const bool tls = m_context.tls && m_context.tls->isEnabled();
    if (tls) {
        bind(m_tls, true, c.imapsPort, QStringLiteral("imap.imaps_port"));
    } else if (m_tls) {
        m_tls->close();
        m_tls->deleteLater();
        m_tls = nullptr;
    }
    return ok;
}

bool ImapServer::applyConfig(const Config &, QVector<ConfigError> *errors)
{
    if (!m_accepting)
        return true;
    return syncListeners(errors);
}

void ImapServer::stopAccepting()
{
    m_accepting = false;
    if (m_plain)
        m_plain->close();
    if (m_tls)
        m_tls->close();
}

QVector<ControlProtocol::ListenerStatus> ImapServer::listenerStatus() const
{
    QVector<ControlProtocol::ListenerStatus> out;
    if (m_plain)
        out.append(m_plain->status());
    if (m_tls)
        out.append(m_tls->status());
    return out;
}

void ImapServer::accept(QSslSocket *socket)
{
    const QHostAddress peer = socket->peerAddress();
    bool admitted = true;
    QString reason;
    if (m_context.rateLimiter)
        admitted = m_context.rateLimiter->admitConnection(peer, RateLimiter::Protocol::Imap, &reason);
    auto *session = new ImapSession(socket, &m_context, admitted, this);
    ++m_sessions;
    connect(session, &ImapSession::closed, this, [this] { --m_sessions; });
    if (!admitted) {
        if (m_context.stats)
            m_context.stats->add(StatName::RateLimitRefusals);
        qCInfo(lcImap).noquote() << "refused connection from" << peer.toString() << reason;
        session->refuse("[UNAVAILABLE] Too many connections from your address");
        return;
    }
    if (m_sessions > m_context.config->imap.maxConnections) {
        qCInfo(lcImap) << "refused connection from" << peer.toString() << ": imap.max_connections reached";
        session->refuse("[UNAVAILABLE] Too many connections, try again later");
        return;
    }
    session->start();
}
