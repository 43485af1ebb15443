#include "apiserver.h"

#include "apiauth.h"
#include "apiconnection.h"
#include "apidrafts.h"
#include "apifolders.h"
#include "apihttpserver.h"
#include "apilistener.h"
#include "apimessages.h"
#include "apipublicroutes.h"
#include "apisendmail.h"
#include "apitokensecret.h"
#include "controlmethods.h"
#include "logging.h"
#include "ratelimiter.h"
#include "statsregistry.h"
#include "tlscontext.h"

ApiServer::ApiServer(const ServiceContext &context, QObject *parent)
    : QObject(parent), m_services(std::make_unique<ApiServices>())
{
    m_services->ctx = context;
    m_services->owner = this;
    m_http = new ApiHttpServer(this);
    m_http->setHandler([this](const ApiCallPtr &call) { handle(call); });
    ApiPublicRoutes::registerRoutes(m_router, m_services.get());
    ApiAuth::registerRoutes(m_router, m_services.get());
    ApiFolders::registerRoutes(m_router, m_services.get());
    ApiMessages::registerRoutes(m_router, m_services.get());
    ApiSendMail::registerRoutes(m_router, m_services.get());
    ApiDrafts::registerRoutes(m_router, m_services.get());
    ApiPublicRoutes::registerOpenApi(m_router, m_services.get());
    registerControlVerbs();
}

ApiServer::~ApiServer() = default;

ListenerSpec ApiServer::httpSpec() const
{
    const Config &c = *m_services->ctx.config;
    return ListenerSpec{QStringLiteral("http"), QStringLiteral("api"), false, c.api.host, c.api.port,
                        QStringLiteral("exchange_api.host"), QStringLiteral("exchange_api.port")};
}

ListenerSpec ApiServer::httpsSpec() const
{
    const Config &c = *m_services->ctx.config;
    return ListenerSpec{QStringLiteral("https"), QStringLiteral("api"), true, c.api.host, c.api.securePort,
                        QStringLiteral("exchange_api.host"), QStringLiteral("exchange_api.secure_port")};
}

bool ApiServer::admit(QSslSocket *socket)
{
    const QHostAddress peer = socket->peerAddress();
    RateLimiter *limiter = m_services->ctx.rateLimiter;
    if (limiter && !limiter->admitConnection(peer, RateLimiter::Protocol::Api)) {
        if (m_services->ctx.stats)
            m_services->ctx.stats->add(StatName::RateLimitRefusals);
        ApiConnection::refuse(socket, 429, "too many connections from this address", 60);
        connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
        return false;
    }
    ++m_connections;
    if (m_services->ctx.stats)
        m_services->ctx.stats->adjustGauge(StatName::ApiConnections, +1);
    QPointer<ApiServer> self(this);
    StatsRegistry *stats = m_services->ctx.stats;
    connect(socket, &QObject::destroyed, this, [self, limiter, peer, stats] {
        if (limiter)
            limiter->connectionClosed(peer);
        if (stats)
            stats->adjustGauge(StatName::ApiConnections, -1);
        if (self)
            --self->m_connections;
    });
    // Deleted with the HTTP server at the latest.
    socket->setParent(m_http);
    return true;
}

bool ApiServer::ensureListener(ApiListener **slot, const ListenerSpec &spec, QVector<ConfigError> *errors)
{
    const int idleMs = m_services->ctx.config->api.idleTimeout * 1000; // new connections use a reloaded value
    if (*slot) {
        (*slot)->setIdleTimeoutMs(idleMs);
        QString error;
        if ((*slot)->rebind(spec.host, spec.port, &error))
            return true;
        errors->append({spec.portKey, error});
        return false;
    }
    auto *listener = new ApiListener(spec, m_services->ctx.tls, m_services->ctx.budget);
    listener->setAdmission([this](QSslSocket *s) { return admit(s); });
    listener->setIdleTimeoutMs(idleMs);
    const Config *config = m_services->ctx.config;
    // JSON carries attachments in base64: allow for its 4/3 growth; sendMail re-checks the message.
    listener->setMaxBodyBytes([config] { return config->smtp.maxMessageSize / 3 * 4 + 65536; });
    QString error;
    if (!listener->start(&error)) {
        errors->append({spec.portKey, error});
        delete listener;
        return false;
    }
    m_http->bind(listener); // parents it to the HTTP server
    *slot = listener;
    return true;
}

bool ApiServer::start(QVector<ConfigError> *errors)
{
    QString error;
    if (!ApiTokenSecret::load(*m_services->ctx.config, &m_services->secret, &error)) {
        errors->append({QStringLiteral("exchange_api.token_secret"), error});
        return false;
    }
    m_services->ids.setSecret(m_services->secret);
    bool ok = ensureListener(&m_plain, httpSpec(), errors);
    if (m_services->ctx.tls && m_services->ctx.tls->isEnabled())
        ok = ensureListener(&m_secure, httpsSpec(), errors) && ok;
    return ok;
}

bool ApiServer::applyConfig(const Config &previous, QVector<ConfigError> *errors)
{
    const Config &now = *m_services->ctx.config;
    if (now.api.tokenSecret != previous.api.tokenSecret) {
        QString error;
        QByteArray secret;
        if (ApiTokenSecret::load(now, &secret, &error)) {
            m_services->secret = secret;
            m_services->ids.setSecret(secret);
        } else {
            errors->append({QStringLiteral("exchange_api.token_secret"), error});
        }
    }
    bool ok = ensureListener(&m_plain, httpSpec(), errors);
    const bool tls = m_services->ctx.tls && m_services->ctx.tls->isEnabled();
    if (tls) {
        ok = ensureListener(&m_secure, httpsSpec(), errors) && ok;
    } else if (m_secure) {
        m_secure->close();
        m_secure->deleteLater();
        m_secure = nullptr;
    }
    return ok;
}

void ApiServer::stopAccepting()
{
    for (ApiListener *l : {m_plain, m_secure})
        if (l)
            l->close();
}

QVector<ControlProtocol::ListenerStatus> ApiServer::listenerStatus() const
{
    QVector<ControlProtocol::ListenerStatus> out;
    for (ApiListener *l : {m_plain, m_secure})
        if (l)
            out.append(l->status());
    return out;
}

quint16 ApiServer::httpPort() const
{
    return m_plain ? m_plain->serverPort() : 0;
}

quint16 ApiServer::httpsPort() const
{
    return m_secure ? m_secure->serverPort() : 0;
}

QByteArray ApiServer::issueToken(const QString &user, const QString &scope, qint64 lifetimeSeconds)
{
    return ApiAuth::issue(m_services.get(), user, scope, lifetimeSeconds);
}

void ApiServer::handle(const ApiCallPtr &call)
{
    StatsRegistry *stats = m_services->ctx.stats;
    if (stats) {
        stats->add(StatName::ApiRequestsTotal);
        stats->add(StatName::BytesIn, call->body.size());
        call->onAnswered = [stats](int, qint64 bytes) { stats->add(StatName::BytesOut, bytes); };
    }
    const ApiRouter::Match m = m_router.match(call->method, call->path);
    if (!m.route) {
        if (!m.allow.isEmpty())
            return call->respond(ApiResponse::error(405, QStringLiteral("methodNotAllowed"),
                                                    QStringLiteral("Use %1 here.").arg(QString::fromLatin1(m.allow)))
                                     .header("Allow", m.allow));
        return call->respond(ApiResponse::error(404, QStringLiteral("notFound"), QStringLiteral("No such resource.")));
    }
    call->args = m.args;
    if (m.route->access == ApiRouter::Access::User) {
        if (!ApiAuth::authorize(call, m_services.get()))
            return;
        if (!m_services->ctx.mailStore)
            return call->respond(ApiResponse::error(503, QStringLiteral("serviceUnavailable"), QStringLiteral("No store.")));
    }
    m.route->handler(call);
}

void ApiServer::registerControlVerbs()
{
    ControlMethodTable *table = m_services->ctx.controlMethods;
    if (!table)
        return;
    // Only the control socket's owner (root or the daemon user) can ask for it.
    table->add(QStringLiteral("api.admin_token"), [this](const ControlProtocol::Request &r,
                                                           ControlMethodTable::Respond respond) {
        const qint64 lifetime = qBound(qint64(60), r.params.value(QLatin1String("lifetime")).toInteger(3600), qint64(86400));
        const QByteArray token = issueToken(QStringLiteral("admin"), QStringLiteral("admin"), lifetime);
        respond(ControlProtocol::Reply::success(r.id, QJsonObject{{QStringLiteral("access_token"), QString::fromLatin1(token)},
                                                                  {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                                                                  {QStringLiteral("expires_in"), lifetime}}));
    });
}
