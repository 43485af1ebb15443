// The daemon: owns the live Config, TLS material, stats, the control socket and every
// subsystem and protocol service. start() brings them up from a config file; reload()
// applies a new file all-or-nothing; shutdown() stops accepting and waits a short grace.
#pragma once

#include "config.h"
#include "controlmethods.h"
#include "controlprotocol.h"
#include "servicecontext.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <functional>

class ControlServer;
class NetworkService;
class StatsRegistry;
class TlsContext;
class ConnectionBudget;

class Server : public QObject
{
    Q_OBJECT
public:
    explicit Server(const QString &configPath, QObject *parent = nullptr);
    ~Server() override;

    // Loads the config (writing defaults when the file is missing), prepares mail_root,
    // TLS, the control socket, subsystems and listeners. Errors name their keys.
    bool start(QVector<ConfigError> *errors);
    // Re-reads the config file. An invalid config changes nothing; all errors are returned.
    bool reload(QVector<ConfigError> *errors, QStringList *warnings = nullptr);
    // Stops accepting, gives sessions up to graceMs to finish, then calls done.
    void shutdown(int graceMs, std::function<void()> done);

    const Config &config() const { return m_config; }
    ControlProtocol::StatusResult status() const;
    const ServiceContext &context() const { return m_context; }

    // Registers a protocol service (owned by the server through QObject parenting).
    void addService(NetworkService *service);

private:
    bool applyNewConfig(const Config &next, QVector<ConfigError> *errors, QStringList *warnings);
    bool probeChangedListeners(const Config &next, QVector<ConfigError> *errors) const;
    void registerBuiltinControlMethods();
    void createSubsystems();

    QString m_configPath;
    Config m_config;
    ServiceContext m_context;
    ControlMethodTable m_controlMethods;
    StatsRegistry *m_stats = nullptr;
    TlsContext *m_tls = nullptr;
    ConnectionBudget *m_budget = nullptr;
    ControlServer *m_control = nullptr;
    QList<NetworkService *> m_services;
    QElapsedTimer m_uptime;
};
