// `postroomd diagnose`: checks a running Postroom from localhost the way a client and the
// outside world see it (listeners, TLS, AUTH, a message from submission to IMAP and the
// API, autoconfig, DNS) and reports each check with a fix. Runs in the CLI process with
// blocking sockets; talks to the daemon only through its ports and its control socket.
#pragma once

#include "config.h"
#include "diagnosereport.h"

#include <QHash>
#include <QJsonObject>

class ProbeSocket;

struct DiagnoseOptions {
    QString user;       // empty: a throwaway account is created and removed
    QString password;
    bool skipDns = false;
};

class Diagnoser
{
public:
    static constexpr int DeliveryTimeoutMs = 30000;
    static constexpr int PollIntervalMs = 200;

    Diagnoser(const Config &config, const DiagnoseOptions &options);
    DiagnoseReport run();

    struct Endpoint {
        QString name;      // smtp submission smtps imap imaps http https
        QString protocol;  // smtp imap api
        QString address;   // where to connect (0.0.0.0 -> 127.0.0.1)
        int port = 0;
        bool implicitTls = false;
        bool starttls = false;
        QString label() const;
    };

private:
    void checkDaemon();
    void checkWhitelist();
    QVector<Endpoint> endpoints() const;
    void probeListener(const Endpoint &e);
    bool probeSmtp(const Endpoint &e, QString *detail, QString *fix);
    bool probeImap(const Endpoint &e, QString *detail, QString *fix);
    bool probeHttp(const Endpoint &e, QString *detail, QString *fix);
    bool openSocket(ProbeSocket &socket, const Endpoint &e, QString *error);
    void noteCertificate(const ProbeSocket &socket, const Endpoint &e);
    const Endpoint *endpoint(const QString &name) const;
    // Mail flow (diagnosermail.cpp)
    void checkMailFlow();
    bool createAccount(QString *address, QString *password);
    void removeAccount(const QString &address);
    bool submitMessage(const Endpoint &e, const QString &address, const QString &password, const QByteArray &token);
    void readBackOverImapAndApi(const QString &address, const QString &password, const QByteArray &token);
    void readBackOverApi(const QString &address, const QString &password, const QByteArray &token);
    bool controlCall(const QString &method, const QJsonObject &params, QJsonObject *result, QString *error);
    // Outside view (diagnosedns.cpp)
    void checkAutoconfig();
    void checkDns();
    void checkDomainDns(const QString &domain);
    void checkReverseDns();

    const Config &m_config;
    DiagnoseOptions m_options;
    DiagnoseReport m_report;
    QVector<Endpoint> m_endpoints;
    bool m_daemonUp = false;
    bool m_tls = false;
    bool m_certificateChecked = false;
    QHash<QString, bool> m_answered; // endpoint name -> passed its probe
    QHash<QString, QJsonObject> m_running; // listener name -> the daemon's own status of it
};
