// Method + path table for the API. Patterns are '/'-separated with "{}" for a parameter;
// literal segments compare case-insensitively (Graph and Autodiscover clients vary the
// case). A path that matches with another method gives 405 and the Allow list, one that
// matches nothing 404 (QtHttpServer 6.4 would answer 404 to both).
#pragma once

#include "apicall.h"

#include <QByteArrayList>
#include <QVector>

class ApiRouter
{
public:
    using Handler = std::function<void(const ApiCallPtr &call)>;
    enum class Access { Public, User };   // User: a valid bearer token of a live account first

    struct Route {
        QByteArray method;
        QStringList segments;
        Access access = Access::Public;
        Handler handler;
    };
    struct Match {
        const Route *route = nullptr;
        QStringList args;
        QByteArray allow;                  // when route is null and the path exists: "GET, PATCH"
    };

    void add(const QByteArray &method, const QString &pattern, Access access, Handler handler);
    Match match(const QByteArray &method, const QString &path) const;
    // Every pattern, for the OpenAPI document and tests: {"GET", "/api/v1/me"}.
    QVector<QPair<QByteArray, QString>> patterns() const;

private:
    static bool matches(const QStringList &pattern, const QStringList &path, QStringList *args);
    QVector<Route> m_routes;
};
