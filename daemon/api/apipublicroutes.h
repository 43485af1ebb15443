// Routes outside the mail resources: GET /healthz, GET /metrics (Prometheus text from the
// stats registry; loopback without a token, otherwise an admin token), GET /api/v1/me,
// GET /api/v1/openapi.json (generated from the route table), and the autoconfiguration
// documents for our domains (Thunderbird, Outlook POX and v2, Apple .mobileconfig).
#pragma once

#include <QByteArray>
#include <QJsonObject>

class ApiRouter;
class StatsRegistry;
struct ApiServices;

namespace ApiPublicRoutes {
void registerRoutes(ApiRouter &router, ApiServices *services);
// Registered last: describes every route registered before it.
void registerOpenApi(ApiRouter &router, ApiServices *services);
QByteArray prometheusText(const QJsonObject &stats); // from StatsRegistry::toJson
QJsonObject openApiDocument(const ApiRouter &router);
}
