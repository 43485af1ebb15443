// Counters and gauges any subsystem updates cheaply (a pointer bump, no lookup when the
// handle is kept), sampled once a second into a 10-minute history for the admin GUI's graphs.
// Single-threaded: update from the event-loop thread (worker threads post back to it).
#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QVector>

namespace StatName {
inline const QString SmtpConnectionsTotal = QStringLiteral("smtp.connections_total");
inline const QString ImapConnectionsTotal = QStringLiteral("imap.connections_total");
inline const QString ApiRequestsTotal = QStringLiteral("api.requests_total");
inline const QString MessagesReceived = QStringLiteral("messages.received");
inline const QString MessagesDelivered = QStringLiteral("messages.delivered");
inline const QString MessagesDeferred = QStringLiteral("messages.deferred");
inline const QString MessagesBounced = QStringLiteral("messages.bounced");
inline const QString AuthFailures = QStringLiteral("auth.failures");
inline const QString RateLimitRefusals = QStringLiteral("ratelimit.refusals");
inline const QString BytesIn = QStringLiteral("bytes.in");
inline const QString BytesOut = QStringLiteral("bytes.out");
// gauges
inline const QString SmtpConnections = QStringLiteral("smtp.connections");
inline const QString ImapConnections = QStringLiteral("imap.connections");
inline const QString ApiConnections = QStringLiteral("api.connections");
inline const QString QueueLength = QStringLiteral("queue.length");
}

class StatsRegistry : public QObject
{
    Q_OBJECT
public:
    static constexpr int HistorySeconds = 600;

    explicit StatsRegistry(QObject *parent = nullptr);

    // Stable handles: keep them and update through them.
    qint64 *counter(const QString &name);
    qint64 *gauge(const QString &name);

    void add(const QString &name, qint64 delta = 1) { *counter(name) += delta; }
    void setGauge(const QString &name, qint64 value) { *gauge(name) = value; }
    void adjustGauge(const QString &name, qint64 delta) { *gauge(name) += delta; }
    qint64 value(const QString &name) const;

    // {"counters":{...},"gauges":{...},"history":{"interval_seconds":1,"end_time":..,"series":{name:[...]}}}
    QJsonObject toJson(int historySeconds) const;

    // Takes one history sample now (the timer calls it every second; tests may call it).
    void sample();

private:
    struct Entry {
        QString name;
        bool isGauge = false;
        qint64 value = 0;
        QVector<qint64> history; // ring of HistorySeconds samples
    };
    Entry *entry(const QString &name, bool isGauge);

    QHash<QString, Entry *> m_byName;
    QVector<Entry *> m_entries;
    std::vector<std::unique_ptr<Entry>> m_storage;
    int m_samples = 0;    // samples taken so far (capped at HistorySeconds for reading)
    int m_next = 0;       // ring position of the next sample
    QDateTime m_lastSample;
    QTimer m_timer;
};
