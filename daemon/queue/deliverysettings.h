// A copy of what a delivery job needs from the config, taken on the event loop when the
// job starts, so worker threads never read the live Config while a reload replaces it.
#pragma once

#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>

struct DeliverySettings {
    QString spoolDir;
    QString hostname;
    QStringList domains;                 // lower-case
    QMap<QString, QString> routes;       // domain -> "host:port"
    QString relayHost;                   // "host:port" or empty
    QString relaySecurity;               // starttls | tls | none
    QString relayUsername, relayPassword;
    qint64 maxQueueLifetime = 432000;    // seconds
    QVector<int> retryDelays;            // seconds; the last one repeats
    qint64 warnAfter = 4 * 3600;         // seconds
    int commandTimeoutMs = 120000;

    bool isLocalDomain(const QString &domain) const { return domains.contains(domain.toLower()); }
};
