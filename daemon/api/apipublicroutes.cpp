#include "apipublicroutes.h"

#include "accountstore.h"
#include "apiauth.h"
#include "apiautoconfig.h"
#include "apirouter.h"
#include "apiservices.h"
#include "mailstore.h"
#include "statsregistry.h"
#include "tlscontext.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace {
ApiResponse notOurDomain()
{
    return ApiResponse::error(404, QStringLiteral("notFound"), QStringLiteral("No configuration for that domain."));
}

// The settings for the address (or, without one, the Host the client asked, as
// autoconfig.<domain>); nullopt when the domain is not one of ours.
std::optional<ApiAutoconfigSettings> settingsFor(const ApiCallPtr &call, ApiServices *s, const QString &email)
{
    const Config &config = *s->ctx.config;
    QString domain;
    if (!email.isEmpty()) {
        const qsizetype at = email.lastIndexOf(QLatin1Char('@'));
        if (at <= 0 || email.size() > 320 || email.contains(QLatin1Char('\n')))
            return std::nullopt;
        domain = email.mid(at + 1).toLower();
    } else {
        QString host = QString::fromLatin1(call->header("host")).toLower();
        host = host.left(host.lastIndexOf(QLatin1Char(':')) > host.lastIndexOf(QLatin1Char(']'))
                             ? host.lastIndexOf(QLatin1Char(':')) : host.size());
        for (const char *prefix : {"autoconfig.", "autodiscover."})
            if (host.startsWith(QLatin1String(prefix)))
                host = host.mid(int(strlen(prefix)));
        domain = config.isLocalDomain(host) ? host : config.domains.value(0);
    }
    if (domain.isEmpty() || !config.isLocalDomain(domain))
        return std::nullopt;
    ApiAutoconfigSettings settings = ApiAutoconfigSettings::fromConfig(config, s->ctx.tls && s->ctx.tls->isEnabled());
    settings.domain = domain;
    settings.email = email;
    return settings;
}

void thunderbird(const ApiCallPtr &call, ApiServices *s)
{
    const auto settings = settingsFor(call, s, call->query.queryItemValue(QStringLiteral("emailaddress"), QUrl::FullyDecoded));
    if (!settings)
        return call->respond(notOurDomain());
    call->respond(ApiResponse::bytes(200, "text/xml; charset=utf-8", ApiAutoconfig::thunderbirdXml(*settings)));
}

void outlookPox(const ApiCallPtr &call, ApiServices *s)
{
    const QString email = ApiAutoconfig::poxRequestEmail(call->body);
    const auto settings = email.isEmpty() ? std::nullopt : settingsFor(call, s, email);
    if (!settings) {
        // Outlook wants an Autodiscover error document, but with a status that says "no".
        ApiResponse r = ApiResponse::bytes(404, "text/xml; charset=utf-8",
                                           ApiAutoconfig::outlookPoxError(600, QStringLiteral("Invalid Request")));
        return call->respond(r);
    }
    call->respond(ApiResponse::bytes(200, "text/xml; charset=utf-8", ApiAutoconfig::outlookPoxXml(*settings)));
}

void autodiscoverV2(const ApiCallPtr &call, ApiServices *s)
{
    QString email = call->args.value(0);
    if (email.isEmpty())
        email = call->query.queryItemValue(QStringLiteral("Email"), QUrl::FullyDecoded);
    QString protocol;
    for (const auto &item : call->query.queryItems(QUrl::FullyDecoded))
        if (item.first.compare(QLatin1String("Protocol"), Qt::CaseInsensitive) == 0)
            protocol = item.second;
    const auto settings = settingsFor(call, s, email);
    if (!settings || email.isEmpty())
        return call->respond(notOurDomain());
    const auto json = ApiAutoconfig::autodiscoverV2Json(*settings, protocol);
    if (!json)
        return call->respond(ApiResponse::json(400, QJsonObject{{QStringLiteral("ErrorCode"), QStringLiteral("InvalidProtocol")},
                                                                {QStringLiteral("ErrorMessage"),
                                                                 QStringLiteral("The given protocol value is invalid or not supported.")}}));
    call->respond(ApiResponse::bytes(200, "application/json; charset=utf-8", *json));
}

void mobileconfig(const ApiCallPtr &call, ApiServices *s)
{
    const QString email = call->query.queryItemValue(QStringLiteral("emailaddress"), QUrl::FullyDecoded);
    const auto settings = settingsFor(call, s, email);
    if (!settings || email.isEmpty())
        return call->respond(notOurDomain());
    call->respond(ApiResponse::bytes(200, "application/x-apple-aspen-config", ApiAutoconfig::appleMobileconfig(*settings))
                      .header("Content-Disposition", "attachment; filename=\"" + settings->domain.toLatin1() + ".mobileconfig\""));
}

void me(const ApiCallPtr &call, ApiServices *s)
{
    const auto account = s->ctx.accounts->user(call->user);
    if (!account)
        return call->respond(ApiResponse::error(404, QStringLiteral("notFound"), QStringLiteral("No such user.")));
    const qint64 used = s->ctx.mailStore->usedBytes(call->user);
    const auto quota = s->ctx.mailStore->quotaBytes(call->user);
    call->respond(ApiResponse::json(200, QJsonObject{
        {QStringLiteral("id"), account->address},
        {QStringLiteral("mail"), account->address},
        {QStringLiteral("userPrincipalName"), account->address},
        {QStringLiteral("displayName"), account->displayName.isEmpty() ? account->address : account->displayName},
        {QStringLiteral("quota"), QJsonObject{{QStringLiteral("used"), used},
                                              {QStringLiteral("total"), quota ? QJsonValue(*quota) : QJsonValue()}}}}));
}

void metrics(const ApiCallPtr &call, ApiServices *s)
{
    if (!call->isLoopback() && !ApiAuth::authorize(call, s, QStringLiteral("admin")))
        return;
    const QJsonObject stats = s->ctx.stats ? s->ctx.stats->toJson(0) : QJsonObject();
    call->respond(ApiResponse::bytes(200, "text/plain; version=0.0.4; charset=utf-8", ApiPublicRoutes::prometheusText(stats)));
}
}

QByteArray ApiPublicRoutes::prometheusText(const QJsonObject &stats)
{
    QByteArray out;
    const auto section = [&](const char *key, const char *type) {
        const QJsonObject values = stats.value(QLatin1String(key)).toObject();
        QStringList names = values.keys();
        names.sort();
        static const QRegularExpression bad(QStringLiteral("[^a-zA-Z0-9_]"));
        for (const QString &name : names) {
            QString metric = QStringLiteral("postroom_") + QString(name).replace(bad, QStringLiteral("_"));
            if (qstrcmp(type, "counter") == 0 && !metric.endsWith(QLatin1String("_total")))
                metric += QLatin1String("_total");
            out += "# TYPE " + metric.toLatin1() + ' ' + type + '\n';
            out += metric.toLatin1() + ' ' + QByteArray::number(values.value(name).toInteger()) + '\n';
        }
    };
    section("counters", "counter");
    section("gauges", "gauge");
    return out;
}

void ApiPublicRoutes::registerRoutes(ApiRouter &router, ApiServices *s)
{
    using A = ApiRouter::Access;
    router.add("GET", QStringLiteral("/healthz"), A::Public, [](const ApiCallPtr &c) {
        c->respond(ApiResponse::json(200, QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}}));
    });
    router.add("GET", QStringLiteral("/metrics"), A::Public, [s](const ApiCallPtr &c) { metrics(c, s); });
    router.add("GET", QStringLiteral("/api/v1/me"), A::User, [s](const ApiCallPtr &c) { me(c, s); });
    router.add("GET", QStringLiteral("/mail/config-v1.1.xml"), A::Public, [s](const ApiCallPtr &c) { thunderbird(c, s); });
    router.add("GET", QStringLiteral("/.well-known/autoconfig/mail/config-v1.1.xml"), A::Public,
               [s](const ApiCallPtr &c) { thunderbird(c, s); });
    router.add("POST", QStringLiteral("/autodiscover/autodiscover.xml"), A::Public, [s](const ApiCallPtr &c) { outlookPox(c, s); });
    router.add("GET", QStringLiteral("/autodiscover/autodiscover.json"), A::Public, [s](const ApiCallPtr &c) { autodiscoverV2(c, s); });
    router.add("GET", QStringLiteral("/autodiscover/autodiscover.json/v1.0/{}"), A::Public,
               [s](const ApiCallPtr &c) { autodiscoverV2(c, s); });
    router.add("GET", QStringLiteral("/apple/mail.mobileconfig"), A::Public, [s](const ApiCallPtr &c) { mobileconfig(c, s); });
}

QJsonObject ApiPublicRoutes::openApiDocument(const ApiRouter &router)
{
    QJsonObject paths;
    for (const auto &p : router.patterns()) {
        QString path = p.second;
        int n = 0;
        QJsonArray parameters;
        while (path.contains(QLatin1String("{}"))) {
            const QString name = n == 0 ? QStringLiteral("id") : QStringLiteral("id%1").arg(n + 1);
            path.replace(path.indexOf(QLatin1String("{}")), 2, QLatin1Char('{') + name + QLatin1Char('}'));
            parameters.append(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("in"), QStringLiteral("path")},
                                          {QStringLiteral("required"), true},
                                          {QStringLiteral("schema"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}});
            ++n;
        }
        QJsonObject op{{QStringLiteral("operationId"), QString::fromLatin1(p.first).toLower() + path},
                       {QStringLiteral("responses"), QJsonObject{{QStringLiteral("default"),
                                                                   QJsonObject{{QStringLiteral("description"),
                                                                                QStringLiteral("JSON, or {\"error\":{\"code\",\"message\"}}")}}}}}};
        if (!parameters.isEmpty())
            op.insert(QStringLiteral("parameters"), parameters);
        if (path.startsWith(QLatin1String("/api/v1/me")))
            op.insert(QStringLiteral("security"), QJsonArray{QJsonObject{{QStringLiteral("bearer"), QJsonArray()}}});
        QJsonObject item = paths.value(path).toObject();
        item.insert(QString::fromLatin1(p.first).toLower(), op);
        paths.insert(path, item);
    }
    return QJsonObject{
        {QStringLiteral("openapi"), QStringLiteral("3.0.3")},
        {QStringLiteral("info"), QJsonObject{{QStringLiteral("title"), QStringLiteral("Postroom mail API")},
                                             {QStringLiteral("version"), QStringLiteral(POSTROOM_VERSION)},
                                             {QStringLiteral("description"), QStringLiteral("Graph-shaped mail resources; see docs/api.md.")}}},
        {QStringLiteral("components"), QJsonObject{{QStringLiteral("securitySchemes"),
                                                    QJsonObject{{QStringLiteral("bearer"),
                                                                 QJsonObject{{QStringLiteral("type"), QStringLiteral("http")},
                                                                             {QStringLiteral("scheme"), QStringLiteral("bearer")},
                                                                             {QStringLiteral("bearerFormat"), QStringLiteral("JWT")}}}}}}},
        {QStringLiteral("paths"), paths}};
}

void ApiPublicRoutes::registerOpenApi(ApiRouter &router, ApiServices *)
{
    const ApiRouter *r = &router;
    router.add("GET", QStringLiteral("/api/v1/openapi.json"), ApiRouter::Access::Public, [r](const ApiCallPtr &c) {
        QJsonObject doc = openApiDocument(*r);
        c->respond(ApiResponse::json(200, doc));
    });
}
