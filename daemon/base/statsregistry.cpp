#include "statsregistry.h"

#include <QJsonArray>

StatsRegistry::StatsRegistry(QObject *parent) : QObject(parent)
{
    // Pre-register the well-known names so they always appear (at zero) in replies.
    for (const QString &n : {StatName::SmtpConnectionsTotal, StatName::ImapConnectionsTotal, StatName::ApiRequestsTotal,
                             StatName::MessagesReceived, StatName::MessagesDelivered, StatName::MessagesDeferred,
                             StatName::MessagesBounced, StatName::AuthFailures, StatName::RateLimitRefusals,
                             StatName::BytesIn, StatName::BytesOut})
        counter(n);
    for (const QString &n : {StatName::SmtpConnections, StatName::ImapConnections, StatName::ApiConnections,
                             StatName::QueueLength})
        gauge(n);
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &StatsRegistry::sample);
    m_timer.start();
}

StatsRegistry::Entry *StatsRegistry::entry(const QString &name, bool isGauge)
{
    if (Entry *e = m_byName.value(name))
        return e;
    auto e = std::make_unique<Entry>();
    e->name = name;
    e->isGauge = isGauge;
    e->history.resize(HistorySeconds);
    // A new series starts with zeros for counters (so rates stay right) and gauges alike.
    Entry *raw = e.get();
    m_storage.push_back(std::move(e));
    m_byName.insert(name, raw);
    m_entries.append(raw);
    return raw;
}

qint64 *StatsRegistry::counter(const QString &name) { return &entry(name, false)->value; }
qint64 *StatsRegistry::gauge(const QString &name) { return &entry(name, true)->value; }

qint64 StatsRegistry::value(const QString &name) const
{
    const Entry *e = m_byName.value(name);
    return e ? e->value : 0;
}

void StatsRegistry::sample()
{
    for (Entry *e : std::as_const(m_entries))
        e->history[m_next] = e->value;
    m_next = (m_next + 1) % HistorySeconds;
    if (m_samples < HistorySeconds)
        ++m_samples;
    m_lastSample = QDateTime::currentDateTimeUtc();
}

QJsonObject StatsRegistry::toJson(int historySeconds) const
{
    QJsonObject counters;
    QJsonObject gauges;
    QJsonObject series;
    const int n = qBound(0, historySeconds, m_samples);
    for (const Entry *e : m_entries) {
        (e->isGauge ? gauges : counters).insert(e->name, e->value);
        if (n == 0)
            continue;
        QJsonArray values;
        for (int i = n; i > 0; --i)
            values.append(e->history.at((m_next - i + HistorySeconds) % HistorySeconds));
        series.insert(e->name, values);
    }
    QJsonObject out{{"counters", counters}, {"gauges", gauges}};
    out.insert("history", QJsonObject{{"interval_seconds", 1},
                                      {"end_time", m_lastSample.toString(Qt::ISODateWithMs)},
                                      {"series", series}});
    return out;
}
