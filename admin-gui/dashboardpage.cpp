#include "dashboardpage.h"

#include "daemonclient.h"
#include "graphwidget.h"
#include "statsseries.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

using ControlProtocol::Reply;

namespace {
const QColor Blue(0x1f, 0x77, 0xb4);
const QColor Orange(0xe6, 0x7e, 0x22);
const QColor Green(0x2c, 0xa0, 0x2c);
const QColor Red(0xc0, 0x39, 0x2b);
const QColor Purple(0x8e, 0x44, 0xad);
}

DashboardPage::DashboardPage(DaemonClient *client, QWidget *parent) : QWidget(parent), m_client(client)
{
    auto *heading = new QLabel(tr("Dashboard"), this);
    heading->setObjectName(QStringLiteral("pageTitle"));

    auto *statusBox = new QGroupBox(tr("Server"), this);
    auto *grid = new QGridLayout(statusBox);
    m_state = addStatusRow(grid, 0, tr("State:"));
    m_uptime = addStatusRow(grid, 1, tr("Running for:"));
    m_version = addStatusRow(grid, 2, tr("Version:"));
    m_hostname = addStatusRow(grid, 3, tr("Host name:"));
    m_configPath = addStatusRow(grid, 4, tr("Config file:"));
    m_tls = addStatusRow(grid, 5, tr("TLS:"));
    m_totals = addStatusRow(grid, 6, tr("Since start:"));
    grid->setColumnStretch(1, 1);
    grid->setRowStretch(7, 1);

    auto *listenerBox = new QGroupBox(tr("Listeners"), this);
    m_listeners = new QTableWidget(0, 5, listenerBox);
    m_listeners->setHorizontalHeaderLabels({tr("Service"), tr("Address"), tr("Port"), tr("TLS"), tr("State")});
    m_listeners->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_listeners->horizontalHeader()->setStretchLastSection(true);
    m_listeners->verticalHeader()->hide();
    m_listeners->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_listeners->setSelectionMode(QAbstractItemView::NoSelection);
    m_listeners->setFocusPolicy(Qt::NoFocus);
    auto *ll = new QVBoxLayout(listenerBox);
    ll->addWidget(m_listeners);

    auto *top = new QHBoxLayout;
    top->addWidget(statusBox, 1);
    top->addWidget(listenerBox, 1);

    m_connections = new GraphWidget(tr("Open connections"), this);
    m_messages = new GraphWidget(tr("Messages per minute"), this);
    m_queue = new GraphWidget(tr("Queue length"), this);
    m_refusals = new GraphWidget(tr("Refusals per minute"), this);
    m_traffic = new GraphWidget(tr("Traffic"), this);
    m_traffic->setValueSuffix(tr(" KiB/s"));
    auto *graphs = new QGridLayout;
    graphs->addWidget(m_connections, 0, 0);
    graphs->addWidget(m_messages, 0, 1);
    graphs->addWidget(m_queue, 0, 2);
    graphs->addWidget(m_refusals, 1, 0);
    graphs->addWidget(m_traffic, 1, 1, 1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addLayout(top, 0);
    layout->addLayout(graphs, 1);

    m_timer.setInterval(StatsIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &DashboardPage::poll);
    m_timer.start();
    connect(client, &DaemonClient::connected, this, [this] {
        pollStatus();
        poll();
    });
    connect(client, &DaemonClient::disconnected, this, &DashboardPage::showDisconnected);
    connect(client, &DaemonClient::stateChanged, this, [this] {
        if (!m_client->isConnected())
            showDisconnected();
    });
    showDisconnected();
}

QLabel *DashboardPage::addStatusRow(QGridLayout *grid, int row, const QString &name)
{
    auto *label = new QLabel(name, this);
    auto *value = new QLabel(this);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setWordWrap(true);
    grid->addWidget(label, row, 0, Qt::AlignTop);
    grid->addWidget(value, row, 1);
    return value;
}

QList<GraphWidget *> DashboardPage::graphs() const
{
    return {m_connections, m_messages, m_queue, m_refusals, m_traffic};
}

void DashboardPage::poll()
{
    if (!m_client->isConnected())
        return;
    if (++m_ticks * StatsIntervalMs >= StatusIntervalMs || !m_hasStatus) {
        m_ticks = 0;
        pollStatus();
    }
    if (m_statsInFlight)
        return; // a slow daemon must not pile up requests
    m_statsInFlight = true;
    m_client->request(QStringLiteral("stats"), {{QStringLiteral("history_seconds"), HistorySeconds}}, this,
                      [this](const Reply &r) {
                          m_statsInFlight = false;
                          if (r.ok)
                              onStats(r.result);
                          else if (DaemonClient::isUnsupported(r))
                              for (GraphWidget *g : graphs())
                                  g->setPlaceholder(tr("Not supported by this daemon version."));
                      });
}

void DashboardPage::pollStatus()
{
    m_client->request(QStringLiteral("status"), {}, this, [this](const Reply &r) {
        if (r.ok)
            onStatus(ControlProtocol::StatusResult::fromJson(r.result));
    });
}

void DashboardPage::onStatus(const ControlProtocol::StatusResult &s)
{
    m_status = s;
    m_hasStatus = true;
    m_state->setText(QStringLiteral("<b style=\"color:#2ca02c\">%1</b>").arg(tr("Running (process %1)").arg(s.pid)));
    m_uptime->setText(formatUptime(s.uptimeSeconds));
    m_version->setText(s.version);
    m_hostname->setText(s.hostname);
    m_configPath->setText(s.configPath);
    m_tls->setText(s.tlsEnabled ? tr("Enabled (%1)").arg(s.tlsCertificate) : tr("Not configured"));

    m_listeners->setRowCount(s.listeners.size());
    for (int i = 0; i < s.listeners.size(); ++i) {
        const ControlProtocol::ListenerStatus &l = s.listeners.at(i);
        const QString tls = l.tls ? tr("implicit TLS") : l.starttls ? tr("STARTTLS") : tr("none");
        QString state = l.state == QLatin1String("listening") ? tr("listening")
                        : l.state == QLatin1String("failed")  ? tr("failed")
                        : l.state == QLatin1String("disabled") ? tr("disabled") : l.state;
        if (!l.error.isEmpty())
            state += QStringLiteral(": ") + l.error;
        const QStringList cells{l.name, l.address, QString::number(l.port), tls, state};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (c == 4)
                item->setForeground(l.state == QLatin1String("listening") ? Green
                                    : l.state == QLatin1String("failed") ? Red : palette().color(QPalette::PlaceholderText));
            m_listeners->setItem(i, c, item);
        }
    }
    Q_EMIT statusUpdated();
}

void DashboardPage::onStats(const QJsonObject &result)
{
    using namespace StatsSeries;
    m_lastStats = result;
    for (GraphWidget *g : graphs())
        g->setPlaceholder(QString());
    const int interval = qMax(1, result.value(QStringLiteral("history")).toObject()
                                     .value(QStringLiteral("interval_seconds")).toInt(1));
    const int perMinute = qMax(1, 60 / interval);
    auto s = [&](const char *name) { return series(result, QString::fromLatin1(name)); };

    m_connections->setSeries({{tr("SMTP"), Blue, s("smtp.connections")},
                              {tr("IMAP"), Orange, s("imap.connections")},
                              {tr("API"), Green, s("api.connections")}}, interval);
    m_messages->setSeries({{tr("received"), Blue, rate(s("messages.received"), perMinute)},
                           {tr("delivered"), Green, rate(s("messages.delivered"), perMinute)},
                           {tr("bounced"), Red, rate(s("messages.bounced"), perMinute)}}, interval);
    m_queue->setSeries({{tr("waiting"), Purple, s("queue.length")}}, interval);
    m_refusals->setSeries({{tr("rate limit"), Orange, rate(s("ratelimit.refusals"), perMinute)},
                           {tr("failed logins"), Red, rate(s("auth.failures"), perMinute)}}, interval);
    m_traffic->setSeries({{tr("in"), Blue, scaled(rate(s("bytes.in"), 1), 1.0 / 1024 / interval)},
                          {tr("out"), Green, scaled(rate(s("bytes.out"), 1), 1.0 / 1024 / interval)}}, interval);

    const QJsonObject c = result.value(QStringLiteral("counters")).toObject();
    // toInteger() is range-checked: a huge, negative or fractional counter shows as "?", never a wild cast.
    auto n = [&](const char *name) {
        const QJsonValue value = c.value(QLatin1String(name));
        const qint64 v = value.isUndefined() ? 0 : value.toInteger(-1); // absent: an older daemon, 0
        return v >= 0 ? QLocale().toString(v) : QStringLiteral("?");
    };
    m_totals->setText(tr("%1 received, %2 delivered, %3 deferred, %4 bounced; %5 failed logins, %6 rate-limit refusals")
                          .arg(n("messages.received"), n("messages.delivered"), n("messages.deferred"),
                               n("messages.bounced"), n("auth.failures"), n("ratelimit.refusals")));
    Q_EMIT statsUpdated();
}

void DashboardPage::showDisconnected()
{
    m_hasStatus = false;
    m_statsInFlight = false;
    m_state->setText(QStringLiteral("<b style=\"color:#c0392b\">%1</b>").arg(tr("Not running (or not reachable)")));
    for (QLabel *l : {m_uptime, m_version, m_hostname, m_configPath, m_tls, m_totals})
        l->setText(QStringLiteral("-"));
    m_listeners->setRowCount(0);
    for (GraphWidget *g : graphs()) {
        g->setSeries({});
        g->setPlaceholder(tr("No connection to the daemon"));
    }
}

QString DashboardPage::formatUptime(qint64 seconds)
{
    const qint64 days = seconds / 86400;
    const int hours = int(seconds % 86400 / 3600);
    const int minutes = int(seconds % 3600 / 60);
    if (days > 0)
        return tr("%n day(s)", nullptr, int(days)) + QLatin1Char(' ') + tr("%1 h %2 min").arg(hours).arg(minutes);
    if (hours > 0)
        return tr("%1 h %2 min").arg(hours).arg(minutes);
    return tr("%1 min %2 s").arg(minutes).arg(int(seconds % 60));
}
