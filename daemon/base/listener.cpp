#include "listener.h"

#include "logging.h"
#include "tlscontext.h"

#include <sys/resource.h>

Listener::Listener(const ListenerSpec &spec, TlsContext *tls, ConnectionBudget *budget, QObject *parent)
    : QTcpServer(parent), m_spec(spec), m_tls(tls), m_budget(budget)
{
    setListenBacklogSize(1024);
    if (m_budget)
        m_budget->attach(this);
}

Listener::~Listener()
{
    if (m_budget)
        m_budget->detach(this);
}

QHostAddress Listener::bindAddress(const QString &host)
{
    if (host == QLatin1String("localhost"))
        return QHostAddress(QHostAddress::LocalHost);
    if (host == QLatin1String("0.0.0.0"))
        return QHostAddress(QHostAddress::AnyIPv4);
    if (host == QLatin1String("::"))
        return QHostAddress(QHostAddress::Any); // dual stack
    return QHostAddress(host);
}

static QString bindProblem(const ListenerSpec &spec, const QString &host, int port, QAbstractSocket::SocketError error,
                           const QString &text)
{
    const QString where = QStringLiteral("%1:%2").arg(host).arg(port);
    switch (error) {
    case QAbstractSocket::AddressInUseError:
        return QStringLiteral("%1: cannot listen on %2: the port is in use by another program "
                              "(stop it, e.g. an old postroomd or another mail server, or choose another port)")
            .arg(spec.portKey, where);
    case QAbstractSocket::SocketAccessError:
        return QStringLiteral("%1: cannot listen on %2: permission denied; ports below 1024 need root or "
                              "CAP_NET_BIND_SERVICE (use the systemd unit, `setcap cap_net_bind_service=+ep postroomd`, "
                              "or a port above 1023)")
            .arg(spec.portKey, where);
    case QAbstractSocket::SocketAddressNotAvailableError:
        return QStringLiteral("%1: cannot listen on %2: this machine has no such address (use 0.0.0.0, :: or one of "
                              "its own addresses)")
            .arg(spec.hostKey, where);
    default:
        return QStringLiteral("%1: cannot listen on %2: %3").arg(spec.portKey, where, text);
    }
}

bool Listener::start(QString *error)
{
    if (!listen(bindAddress(m_spec.host), quint16(m_spec.port))) {
        m_error = bindProblem(m_spec, m_spec.host, m_spec.port, serverError(), errorString());
        if (error)
            *error = m_error;
        return false;
    }
    m_error.clear();
    qCInfo(lcServer).noquote() << QStringLiteral("%1 listening on %2:%3%4").arg(m_spec.name, m_spec.host)
                                      .arg(m_spec.port).arg(m_spec.implicitTls ? QStringLiteral(" (TLS)") : QString());
    return true;
}

bool Listener::rebind(const QString &host, int port, QString *error)
{
    if (isListening() && host == m_spec.host && port == m_spec.port)
        return true;
    QTcpServer probe; // bind the new address first, so a failure keeps the old one
    if (!probe.listen(bindAddress(host), quint16(port))) {
        if (error)
            *error = bindProblem(m_spec, host, port, probe.serverError(), probe.errorString());
        return false;
    }
    probe.close();
    const QString oldHost = m_spec.host;
    const int oldPort = m_spec.port;
    close();
    m_spec.host = host;
    m_spec.port = port;
    if (!start(error)) {
        m_spec.host = oldHost;
        m_spec.port = oldPort;
        start(nullptr);
        return false;
    }
    return true;
}

ControlProtocol::ListenerStatus Listener::status() const
{
    ControlProtocol::ListenerStatus s;
    s.name = m_spec.name;
    s.protocol = m_spec.protocol;
    s.address = m_spec.host;
    s.port = isListening() ? serverPort() : m_spec.port;
    s.tls = m_spec.implicitTls;
    s.starttls = !m_spec.implicitTls && m_tls && m_tls->isEnabled() && m_spec.protocol != QLatin1String("api");
    s.state = isListening() ? QStringLiteral("listening") : QStringLiteral("failed");
    s.error = m_error;
    return s;
}

void Listener::incomingConnection(qintptr descriptor)
{
    auto *socket = new QSslSocket;
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket; // never handed out: nobody else owns it
        return;
    }
    if (m_budget)
        m_budget->track(socket);
    if (m_spec.implicitTls) {
        socket->setSslConfiguration(m_tls->serverConfiguration());
        socket->startServerEncryption();
    }
    dispatch(socket);
}

void Listener::dispatch(QSslSocket *socket)
{
    if (m_factory)
        m_factory(socket, this);
    else
        socket->deleteLater();
}

ConnectionBudget::ConnectionBudget(QObject *parent) : QObject(parent)
{
    // Raise the soft fd limit to the hard one, keep a reserve for files and the store.
    struct rlimit rl;
    if (::getrlimit(RLIMIT_NOFILE, &rl) == 0) {
        if (rl.rlim_cur < rl.rlim_max) {
            rl.rlim_cur = rl.rlim_max;
            ::setrlimit(RLIMIT_NOFILE, &rl);
        }
        const qint64 soft = qint64(rl.rlim_cur);
        m_limit = int(qBound(qint64(16), soft - 128, qint64(1000000)));
    }
}

void ConnectionBudget::attach(Listener *listener) { m_listeners.append(listener); }
void ConnectionBudget::detach(Listener *listener) { m_listeners.removeAll(listener); }

void ConnectionBudget::track(QObject *socket)
{
    ++m_open;
    connect(socket, &QObject::destroyed, this, [this] {
        --m_open;
        update();
    });
    update();
}

void ConnectionBudget::update()
{
    const bool full = m_open >= m_limit;
    if (full == m_paused)
        return;
    m_paused = full;
    if (full)
        qCWarning(lcServer) << "pausing accepting new connections: " << m_open << "open, near the file-descriptor limit";
    for (Listener *l : std::as_const(m_listeners))
        full ? l->pauseAccepting() : l->resumeAccepting();
}
