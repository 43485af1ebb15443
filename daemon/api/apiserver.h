// The HTTP(S) API service: exchange_api.port (HTTP) and, when TLS is configured,
// exchange_api.secure_port (HTTPS with the shared TLS context), both bound into one
// QtHttpServer through our own listeners (QT64-NOTES.md 3). Routes requests, checks
// bearer tokens, counts requests, rebinds on reload. Registers the control verb
// "api.admin_token" (a short-lived token for /metrics from other hosts).
#pragma once

#include "apirouter.h"
#include "apiservices.h"
#include "listener.h"
#include "networkservice.h"

#include <QObject>
#include <memory>

class ApiHttpServer;
class ApiListener;

class ApiServer : public QObject, public NetworkService
{
    Q_OBJECT
public:
    explicit ApiServer(const ServiceContext &context, QObject *parent = nullptr);
    ~ApiServer() override;

    bool start(QVector<ConfigError> *errors) override;
    bool applyConfig(const Config &previous, QVector<ConfigError> *errors) override;
    void stopAccepting() override;
    QVector<ControlProtocol::ListenerStatus> listenerStatus() const override;
    int sessionCount() const override { return m_connections; }

    // For tests and the benchmark.
    QByteArray issueToken(const QString &user, const QString &scope, qint64 lifetimeSeconds);
    quint16 httpPort() const;
    quint16 httpsPort() const;

private:
    void handle(const ApiCallPtr &call);
    bool ensureListener(ApiListener **slot, const ListenerSpec &spec, QVector<ConfigError> *errors);
    ListenerSpec httpSpec() const;
    ListenerSpec httpsSpec() const;
    bool admit(QSslSocket *socket);
    void registerControlVerbs();

    std::unique_ptr<ApiServices> m_services;
    ApiRouter m_router;
    ApiHttpServer *m_http = nullptr;
    ApiListener *m_plain = nullptr;
    ApiListener *m_secure = nullptr;
    int m_connections = 0;
};
