// The dashboard: is the daemon running, since when, on which ports, and live graphs
// of connections, mail flow, queue and refusals, polled from the control socket's
// `stats` once a second (and `status` every few seconds).
#pragma once

#include "controlprotocol.h"

#include <QJsonObject>
#include <QTimer>
#include <QWidget>

class DaemonClient;
class GraphWidget;
class QLabel;
class QTableWidget;

class DashboardPage : public QWidget
{
    Q_OBJECT
public:
    static constexpr int StatsIntervalMs = 1000;
    static constexpr int StatusIntervalMs = 5000;
    static constexpr int HistorySeconds = 600;

    explicit DashboardPage(DaemonClient *client, QWidget *parent = nullptr);

    QString title() const { return tr("Dashboard"); }
    const QJsonObject &lastStats() const { return m_lastStats; }
    const ControlProtocol::StatusResult &lastStatus() const { return m_status; }
    bool hasStatus() const { return m_hasStatus; }
    QList<GraphWidget *> graphs() const;

    static QString formatUptime(qint64 seconds);

Q_SIGNALS:
    void statsUpdated();
    void statusUpdated();

private:
    void poll();
    void pollStatus();
    void onStats(const QJsonObject &result);
    void onStatus(const ControlProtocol::StatusResult &status);
    void showDisconnected();
    QLabel *addStatusRow(class QGridLayout *grid, int row, const QString &name);

    DaemonClient *m_client;
    QTimer m_timer;
    int m_ticks = 0;
    bool m_statsInFlight = false;
    bool m_hasStatus = false;
    QJsonObject m_lastStats;
    ControlProtocol::StatusResult m_status;

    QLabel *m_state;
    QLabel *m_version;
    QLabel *m_uptime;
    QLabel *m_hostname;
    QLabel *m_configPath;
    QLabel *m_tls;
    QLabel *m_totals;
    QTableWidget *m_listeners;
    GraphWidget *m_connections;
    GraphWidget *m_messages;
    GraphWidget *m_queue;
    GraphWidget *m_refusals;
    GraphWidget *m_traffic;
};
