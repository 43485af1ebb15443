#include "server.h"

#include "accountstore.h"
#include "apiserver.h"
#include "controlserver.h"
#include "deliveryqueue.h"
#include "imapserver.h"
#include "mailstore.h"
#include "storecontrol.h"
#include "listener.h"
#include "logging.h"
#include "networkservice.h"
#include "opscontrol.h"
#include "privilegedrop.h"
#include "queuecontrol.h"
#include "ratelimiter.h"
#include "smtpserver.h"
#include "statsregistry.h"
#include "tlscontext.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTimer>

using namespace ControlProtocol;

Server::Server(const QString &configPath, QObject *parent)
    : QObject(parent), m_configPath(QFileInfo(configPath).absoluteFilePath())
{
    m_uptime.start();
    m_stats = new StatsRegistry(this);
    m_tls = new TlsContext(this);
    m_budget = new ConnectionBudget(this);
    m_context.config = &m_config;
    m_context.stats = m_stats;
    m_context.tls = m_tls;
    m_context.budget = m_budget;
    m_context.controlMethods = &m_controlMethods;
}

Server::~Server()
{
    // Services first: their listeners and open sessions still use the budget, stats, rate
    // limiter, store and queue, which are children created before them (deleted first otherwise).
    const QList<NetworkService *> services = m_services;
    m_services.clear();
    for (NetworkService *s : services)
        delete s;
    if (m_context.queue)
        m_context.queue->stop(); // delivery threads use the store: finish them before it goes
}

void Server::addService(NetworkService *service)
{
    m_services.append(service);
}

bool Server::start(QVector<ConfigError> *errors)
{
    if (!QFileInfo::exists(m_configPath)) {
        QString problem;
        if (!Config::saveDocument(m_configPath, Config::defaultDocument(), &problem)) {
            errors->append({QString(), QStringLiteral("config.json is missing and could not be written: %1").arg(problem)});
            return false;
        }
        qCInfo(lcConfig) << "no config file found: wrote the default configuration to" << m_configPath;
    }
    if (!Config::loadFile(m_configPath, &m_config, errors))
        return false;
    Logging::setLevel(m_config.logLevel);
    for (const QString &w : std::as_const(m_config.warnings))
        qCWarning(lcConfig).noquote() << w;
    qCInfo(lcConfig) << "loaded" << m_configPath;

    if (!QDir().mkpath(m_config.mailRoot)) {
        errors->append({QStringLiteral("mail_root"), QStringLiteral("cannot create the folder %1").arg(m_config.mailRoot)});
        return false;
    }
    QFile::setPermissions(m_config.mailRoot, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    QVector<ConfigError> tlsErrors;
    if (!m_tls->configure(m_config, &tlsErrors)) {
        if (!m_config.tls.certFile.isEmpty()) {
            *errors += tlsErrors; // configured files that fail are a hard error
            return false;
        }
        for (const ConfigError &e : std::as_const(tlsErrors))
            qCWarning(lcTls).noquote() << e.toString() << "- running without TLS";
    }

    m_control = new ControlServer(&m_controlMethods, this);
    QString controlError;
    if (!m_control->listen(m_config.controlSocket, &controlError)) {
        errors->append({QStringLiteral("control_socket"), controlError.section(QStringLiteral(": "), 1)});
        return false;
    }
    registerBuiltinControlMethods();
    createSubsystems();
    QString queueError;
    if (!m_context.queue->start(&queueError)) { // picks up what a previous run left queued
        errors->append({QStringLiteral("mail_root"), queueError});
        return false;
    }

    bool ok = true;
    for (NetworkService *s : std::as_const(m_services))
        ok = s->start(errors) && ok;
    if (!ok)
        return false;
    // Ports are bound: give up root now if asked to (run_as).
    QString dropError;
    if (!PrivilegeDrop::dropTo(m_config.runAs, m_config.mailRoot, &dropError)) {
        errors->append({QStringLiteral("run_as"), dropError.section(QStringLiteral(": "), 1)});
        return false;
    }
    return true;
}

void Server::createSubsystems()
{
    // Subsystems first (the services use them through m_context), then the protocol services.
    // Each registers its own control methods through m_context.controlMethods.
    m_context.accounts = new AccountStore(m_config.mailRoot, this);
    m_context.accounts->setDomains(m_config.domains);
    m_context.mailStore = new MailStore(m_config.mailRoot, m_context.accounts, this);
    registerStoreControlMethods(m_controlMethods, m_context.accounts, m_context.mailStore);
    m_context.queue = new DeliveryQueue(&m_config, m_context.accounts, m_context.mailStore, m_stats, this);
    registerQueueControlMethods(m_controlMethods, m_context.queue);
    registerOpsControlMethods(m_controlMethods, m_configPath, this); // `diagnose` runs as a child process
    m_context.rateLimiter = new RateLimiter(this); // shared by SMTP, IMAP and the API: before the services
    m_context.rateLimiter->configure(m_config.rateLimit);
    addService(new ImapServer(m_context, this)); // reads m_context live (rate limiter may come later)
    addService(new SmtpServer(m_context, this));
    addService(new ApiServer(m_context, this));
}

bool Server::probeChangedListeners(const Config &next, QVector<ConfigError> *errors) const
{
    struct Bind { QString hostKey, portKey, oldHost, newHost; int oldPort, newPort; };
    const QVector<Bind> binds = {
        {"smtp.host", "smtp.port", m_config.smtp.host, next.smtp.host, m_config.smtp.port, next.smtp.port},
        {"smtp.host", "smtp.submission_port", m_config.smtp.host, next.smtp.host, m_config.smtp.submissionPort, next.smtp.submissionPort},
        {"smtp.host", "smtp.smtps_port", m_config.smtp.host, next.smtp.host, m_config.smtp.smtpsPort, next.smtp.smtpsPort},
        {"imap.host", "imap.port", m_config.imap.host, next.imap.host, m_config.imap.port, next.imap.port},
        {"imap.host", "imap.imaps_port", m_config.imap.host, next.imap.host, m_config.imap.imapsPort, next.imap.imapsPort},
        {"exchange_api.host", "exchange_api.port", m_config.api.host, next.api.host, m_config.api.port, next.api.port},
        {"exchange_api.host", "exchange_api.secure_port", m_config.api.host, next.api.host, m_config.api.securePort, next.api.securePort},
    };
    bool ok = true;
    for (const Bind &b : binds) {
        if (b.oldHost == b.newHost && b.oldPort == b.newPort)
            continue;
        QTcpServer probe;
        if (!probe.listen(Listener::bindAddress(b.newHost), quint16(b.newPort))) {
            errors->append({b.portKey, QStringLiteral("cannot listen on %1:%2: %3").arg(b.newHost).arg(b.newPort).arg(probe.errorString())});
            ok = false;
        }
    }
    return ok;
}

bool Server::reload(QVector<ConfigError> *errors, QStringList *warnings)
{
    Config next;
    if (!Config::loadFile(m_configPath, &next, errors)) {
        qCWarning(lcConfig) << "reload refused, keeping the running configuration:";
        for (const ConfigError &e : std::as_const(*errors))
            qCWarning(lcConfig).noquote() << "  " << e.toString();
        return false;
    }
    QStringList localWarnings;
    const bool ok = applyNewConfig(next, errors, &localWarnings);
    if (warnings)
        *warnings = localWarnings;
    if (!ok) {
        for (const ConfigError &e : std::as_const(*errors))
            qCWarning(lcConfig).noquote() << "  " << e.toString();
    }
    return ok;
}

bool Server::applyNewConfig(const Config &nextIn, QVector<ConfigError> *errors, QStringList *warnings)
{
    Config next = nextIn;
    // Keys that only a restart applies keep their running values (the file keeps the new ones).
    if (next.mailRoot != m_config.mailRoot)
        *warnings << QStringLiteral("mail_root: the change applies after a restart");
    if (next.controlSocket != m_config.controlSocket)
        *warnings << QStringLiteral("control_socket: the change applies after a restart");
    if (next.runAs != m_config.runAs)
        *warnings << QStringLiteral("run_as: the change applies after a restart");
    next.mailRoot = m_config.mailRoot;
    next.controlSocket = m_config.controlSocket;
    next.runAs = m_config.runAs;

    if (!probeChangedListeners(next, errors)) {
        qCWarning(lcConfig) << "reload refused: a changed listener address cannot be bound; keeping the running configuration";
        return false;
    }

    // TLS first: a broken certificate refuses the whole reload and keeps the last good one.
    TlsContext candidate;
    QVector<ConfigError> tlsErrors;
    const bool tlsChanged = next.tls.certFile != m_config.tls.certFile || next.tls.keyFile != m_config.tls.keyFile
                            || next.hostname != m_config.hostname;
    if (tlsChanged || !next.tls.certFile.isEmpty()) {
        if (!candidate.configure(next, &tlsErrors)) {
            *errors += tlsErrors;
            qCWarning(lcConfig) << "reload refused: TLS material is not usable; keeping the running certificate";
            return false;
        }
    }

    const Config previous = m_config;
    m_config = next;
    Logging::setLevel(m_config.logLevel);
    if (m_context.accounts)
        m_context.accounts->setDomains(m_config.domains); // a removed domain keeps its mail
    if (m_context.rateLimiter)
        m_context.rateLimiter->configure(m_config.rateLimit);
    if (m_context.queue)
        m_context.queue->applyConfig(); // workers, routes, relay, lifetime
    if (tlsChanged || !next.tls.certFile.isEmpty()) {
        QVector<ConfigError> ignored;
        m_tls->configure(m_config, &ignored);
    }
    for (const QString &w : std::as_const(m_config.warnings))
        *warnings << w;
    bool ok = true;
    for (NetworkService *s : std::as_const(m_services))
        ok = s->applyConfig(previous, errors) && ok;
    for (const QString &w : std::as_const(*warnings))
        qCWarning(lcConfig).noquote() << w;
    qCInfo(lcConfig) << "configuration reloaded from" << m_configPath;
    return ok;
}

void Server::shutdown(int graceMs, std::function<void()> done)
{
    qCInfo(lcServer) << "shutting down: no new connections";
    for (NetworkService *s : std::as_const(m_services))
        s->stopAccepting();
    auto *timer = new QTimer(this);
    auto *elapsed = new QElapsedTimer;
    elapsed->start();
    timer->setInterval(50);
    connect(timer, &QTimer::timeout, this, [this, timer, elapsed, graceMs, done] {
        int open = 0;
        for (NetworkService *s : std::as_const(m_services))
            open += s->sessionCount();
        if (open == 0 || elapsed->elapsed() >= graceMs) {
            if (open > 0)
                qCInfo(lcServer) << "closing" << open << "sessions after the grace period";
            timer->stop();
            delete elapsed;
            done();
        }
    });
    timer->start();
}

StatusResult Server::status() const
{
    StatusResult s;
    s.version = QStringLiteral(POSTROOM_VERSION);
    s.pid = QCoreApplication::applicationPid();
    s.uptimeSeconds = m_uptime.elapsed() / 1000;
    s.configPath = m_configPath;
    s.mailRoot = m_config.mailRoot;
    s.hostname = m_config.hostname;
    s.tlsEnabled = m_tls->isEnabled();
    s.tlsCertificate = m_tls->certificatePath();
    for (NetworkService *svc : m_services)
        s.listeners += svc->listenerStatus();
    return s;
}

void Server::registerBuiltinControlMethods()
{
    m_controlMethods.add(Method::Status, [this](const Request &r, ControlMethodTable::Respond respond) {
        QJsonObject result = status().toJson();
        result.insert("tls", m_tls->describe());
        respond(Reply::success(r.id, result));
    });
    m_controlMethods.add(Method::Stats, [this](const Request &r, ControlMethodTable::Respond respond) {
        const int seconds = r.params.value("history_seconds").toInt(60);
        respond(Reply::success(r.id, m_stats->toJson(qBound(0, seconds, StatsRegistry::HistorySeconds))));
    });
    m_controlMethods.add(Method::Reload, [this](const Request &r, ControlMethodTable::Respond respond) {
        QVector<ConfigError> errors;
        QStringList warnings;
        if (!reload(&errors, &warnings)) {
            respond(Reply::failure(r.id, ErrorCode::InvalidConfig,
                                   QStringLiteral("the new configuration was refused; the running one is kept"), errors));
            return;
        }
        respond(Reply::success(r.id, QJsonObject{{"warnings", QJsonArray::fromStringList(warnings)}}));
    });
    m_controlMethods.add(Method::ConfigGet, [this](const Request &r, ControlMethodTable::Respond respond) {
        respond(Reply::success(r.id, QJsonObject{{"path", m_configPath}, {"document", m_config.document}}));
    });
    m_controlMethods.add(Method::ConfigValidate, [this](const Request &r, ControlMethodTable::Respond respond) {
        if (!r.params.value("document").isObject()) {
            respond(Reply::failure(r.id, ErrorCode::BadRequest, QStringLiteral("params.document must be an object")));
            return;
        }
        Config candidate;
        QVector<ConfigError> errors;
        const bool valid = Config::fromJson(r.params.value("document").toObject(),
                                            QFileInfo(m_configPath).absolutePath(), &candidate, &errors);
        respond(Reply::success(r.id, QJsonObject{{"valid", valid},
                                                 {"errors", configErrorsToJson(errors)},
                                                 {"warnings", QJsonArray::fromStringList(candidate.warnings)}}));
    });
    m_controlMethods.add(QStringLiteral("help"), [this](const Request &r, ControlMethodTable::Respond respond) {
        QStringList methods = m_controlMethods.methods();
        methods << Method::LogSubscribe << Method::LogUnsubscribe;
        methods.sort();
        respond(Reply::success(r.id, QJsonObject{{"methods", QJsonArray::fromStringList(methods)}}));
    });
}
