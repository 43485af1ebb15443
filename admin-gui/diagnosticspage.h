// The Diagnostics page: runs the daemon's `diagnose` control method (the checks of
// `postroomd diagnose --json`, run by the daemon as a child process) and shows one row per
// check with pass / warning / fail as icon, colour and word, what was seen and the fix.
// The request is asynchronous (DaemonClient), so the window stays responsive during the run.
#pragma once

#include <QElapsedTimer>
#include <QJsonArray>
#include <QWidget>

class DaemonClient;
class QCheckBox;
class QLabel;
class QPushButton;
class QTableWidget;

class DiagnosticsPage : public QWidget
{
    Q_OBJECT
public:
    // The daemon gives a run up to 3 minutes (daemon/ops/opscontrol.cpp); wait a little longer.
    static constexpr int RunTimeoutMs = 200000;
    enum Column { ResultColumn, CheckColumn, DetailColumn, FixColumn, ColumnCount };

    explicit DiagnosticsPage(DaemonClient *client, QWidget *parent = nullptr);
    QString title() const { return tr("Diagnostics"); }

    // Starts a run (with DNS when the box is ticked); nothing when one is already running.
    void run();
    bool isRunning() const { return m_running; }
    // Shows a report: {"checks":[{name,result,detail,fix}], "passed", "warnings", "failed"}.
    void showReport(const QJsonObject &report);

    QTableWidget *table() const { return m_table; }
    QCheckBox *dnsBox() const { return m_dns; }
    QPushButton *runButton() const { return m_run; }
    QString message() const;
    QString summary() const;

    // The translated word for "pass" / "warn" / "fail" (shown next to the icon).
    static QString resultText(const QString &result);

Q_SIGNALS:
    void runFinished(bool ok);

private:
    void addRow(const QJsonObject &check);
    void updateState();
    void showMessage(const QString &text, bool error);

    DaemonClient *m_client;
    bool m_running = false;
    bool m_offlineShown = false; // the message shows the "not running" text
    QElapsedTimer m_clock;
    QLabel *m_message;
    QLabel *m_summary;
    QCheckBox *m_dns;
    QPushButton *m_run;
    QTableWidget *m_table;
};
