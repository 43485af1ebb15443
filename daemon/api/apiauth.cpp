#include "apiauth.h"

#include "accountstore.h"
#include "apijwt.h"
#include "apirouter.h"
#include "apiservices.h"
#include "logging.h"
#include "ratelimiter.h"
#include "statsregistry.h"
#include "tlscontext.h"

#include <QDateTime>
#include <QJsonDocument>

namespace {
constexpr int MaxCredentialBytes = 1024;

qint64 nowSeconds()
{
    return QDateTime::currentSecsSinceEpoch();
}

void unauthorized(const ApiCallPtr &call, const char *oauthError, const QString &message)
{
    call->respond(ApiResponse::error(401, QStringLiteral("InvalidAuthenticationToken"), message)
                      .header("WWW-Authenticate", QByteArray("Bearer realm=\"postroom\", error=\"") + oauthError + '"'));
}

bool lockedOut(const ApiCallPtr &call, ApiServices *s)
{
    qint64 secondsLeft = 0;
    if (!s->ctx.rateLimiter || !s->ctx.rateLimiter->isLockedOut(call->peer, &secondsLeft))
        return false;
    if (s->ctx.stats)
        s->ctx.stats->add(StatName::RateLimitRefusals);
    call->respond(ApiResponse::error(429, QStringLiteral("tooManyRequests"),
                                     QStringLiteral("Too many failed logins from this address; try again later."))
                      .header("Retry-After", QByteArray::number(qMax<qint64>(1, secondsLeft))));
    return true;
}

void recordFailure(const ApiCallPtr &call, ApiServices *s)
{
    if (s->ctx.rateLimiter)
        s->ctx.rateLimiter->recordAuthFailure(call->peer);
    if (s->ctx.stats)
        s->ctx.stats->add(StatName::AuthFailures);
}

void tokenEndpoint(const ApiCallPtr &call, ApiServices *s)
{
    const bool tls = s->ctx.tls && s->ctx.tls->isEnabled();
    if (!ApiAuth::credentialsAllowed(tls, call->secure, call->isLoopback())) {
        call->respond(ApiResponse::error(403, QStringLiteral("tlsRequired"),
                                         QStringLiteral("Send credentials over HTTPS (port %1).")
                                             .arg(s->ctx.config->api.securePort)));
        return;
    }
    if (lockedOut(call, s))
        return;
    // JSON {username, password}; the OAuth form encoding (grant_type=password) works too.
    QString username, password;
    const QByteArray type = call->header("content-type").toLower();
    if (type.startsWith("application/x-www-form-urlencoded")) {
        const QUrlQuery form(QString::fromUtf8(call->body).replace(QLatin1Char('+'), QLatin1Char(' ')));
        username = form.queryItemValue(QStringLiteral("username"), QUrl::FullyDecoded);
        password = form.queryItemValue(QStringLiteral("password"), QUrl::FullyDecoded);
    } else {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(call->body, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            call->respond(ApiResponse::error(400, QStringLiteral("BadRequest"),
                                             QStringLiteral("Expected a JSON object {\"username\", \"password\"}.")));
            return;
        }
        username = doc.object().value(QLatin1String("username")).toString();
        password = doc.object().value(QLatin1String("password")).toString();
    }
    if (username.isEmpty() || password.isEmpty() || username.size() > MaxCredentialBytes
        || password.size() > MaxCredentialBytes) {
        call->respond(ApiResponse::error(400, QStringLiteral("BadRequest"),
                                         QStringLiteral("username and password are required.")));
        return;
    }
    if (!s->ctx.accounts) {
        call->respond(ApiResponse::error(503, QStringLiteral("serviceUnavailable"), QStringLiteral("No account store.")));
        return;
    }
    s->ctx.accounts->authenticate(username, password.toUtf8(), s->owner,
                                  [call, s](AccountStore::AuthResult result, const QString &address) {
        if (result != AccountStore::AuthResult::Ok) {
            recordFailure(call, s);
            qCInfo(lcApi).noquote() << "token refused for" << call->peer.toString();
            call->respond(ApiResponse::error(401, QStringLiteral("invalid_grant"),
                                             QStringLiteral("Wrong username or password."))
                              .header("WWW-Authenticate", "Bearer realm=\"postroom\""));
            return;
        }
        if (s->ctx.rateLimiter)
            s->ctx.rateLimiter->recordAuthSuccess(call->peer);
        const QByteArray token = ApiAuth::issue(s, address, QStringLiteral("mail"), s->tokenLifetimeSeconds);
        call->respond(ApiResponse::json(200, QJsonObject{{QStringLiteral("access_token"), QString::fromLatin1(token)},
                                                         {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                                                         {QStringLiteral("expires_in"), s->tokenLifetimeSeconds}}));
    });
}
}

bool ApiAuth::credentialsAllowed(bool tlsEnabled, bool secure, bool loopback)
{
    return !tlsEnabled || secure || loopback;
}

QByteArray ApiAuth::issue(ApiServices *s, const QString &user, const QString &scope, qint64 lifetimeSeconds)
{
    ApiJwtClaims claims;
    claims.subject = user;
    claims.scope = scope;
    claims.issuer = s->ctx.config ? s->ctx.config->hostname : QString();
    claims.issuedAt = nowSeconds();
    claims.notBefore = claims.issuedAt;
    claims.expires = claims.issuedAt + lifetimeSeconds;
    return ApiJwt::issue(claims, s->secret);
}

bool ApiAuth::authorize(const ApiCallPtr &call, ApiServices *s, const QString &scope)
{
    const QByteArray header = call->header("authorization");
    if (header.isEmpty()) {
        unauthorized(call, "invalid_request", QStringLiteral("A bearer token is required."));
        return false;
    }
    if (lockedOut(call, s))
        return false;
    if (!header.left(7).toLower().startsWith("bearer ")) {
        recordFailure(call, s);
        unauthorized(call, "invalid_token", QStringLiteral("Use the Bearer scheme."));
        return false;
    }
    QString why;
    const auto claims = ApiJwt::verify(QByteArrayView(header).sliced(7).trimmed(), s->secret, nowSeconds(), &why);
    if (!claims || claims->scope != scope) {
        recordFailure(call, s);
        qCDebug(lcApi).noquote() << "bearer token refused:" << (claims ? QStringLiteral("scope") : why);
        unauthorized(call, "invalid_token", QStringLiteral("The token is invalid or expired."));
        return false;
    }
    if (scope == QLatin1String("mail")) {
        const auto account = s->ctx.accounts ? s->ctx.accounts->user(claims->subject) : std::nullopt;
        if (!account || !account->enabled) {
            unauthorized(call, "invalid_token", QStringLiteral("The token is invalid or expired."));
            return false;
        }
        call->user = account->address;
    } else {
        call->user = claims->subject;
    }
    call->scope = claims->scope;
    return true;
}

void ApiAuth::registerRoutes(ApiRouter &router, ApiServices *s)
{
    router.add("POST", QStringLiteral("/api/v1/auth/token"), ApiRouter::Access::Public,
               [s](const ApiCallPtr &call) { tokenEndpoint(call, s); });
}
