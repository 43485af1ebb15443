// postroom-admin against a control socket: the DaemonClient protocol (ids, errors,
// reconnect), the offline banner, the dashboard's stats, Save and Reload with the
// daemon's per-key errors, and the users, queue and log pages. The socket here is
// FakeControlServer; tst_adminrealdaemon repeats the core of it against postroomd.
#include "certificateview.h"
#include "configfield.h"
#include "configformmodel.h"
#include "configpage.h"
#include "daemonclient.h"
#include "dashboardpage.h"
#include "fakecontrolserver.h"
#include "graphwidget.h"
#include "logpage.h"
#include "mainwindow.h"
#include "queuepage.h"
#include "statsseries.h"
#include "userspage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFrame>
#include <QJsonArray>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using ControlProtocol::Reply;

class tst_AdminDaemon : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void statsSeriesRates();
    void clientRepliesAndErrors();
    void clientReconnects();
    void bannerFollowsTheDaemon();
    void dashboardReceivesStats();
    void saveAndReloadShowsDaemonErrors();
    void usersPage();
    void queuePage();
    void logPageFiltersAndPauses();
    void unsupportedVerbsAreSaidSo();

private:
    void startWindow();
    QString socketPath() const { return m_dir->filePath(QStringLiteral("mailstore/control.sock")); }

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeControlServer> m_server;
    std::unique_ptr<MainWindow> m_window;
};

static QJsonObject sampleStats()
{
    // 120 one-second samples: 1 message a second arrives, every second one is delivered.
    QJsonArray received, delivered, smtp, queue, zero;
    for (int i = 0; i < 120; ++i) {
        received.append(i);
        delivered.append(i / 2);
        smtp.append(i % 5);
        queue.append(3);
        zero.append(0);
    }
    QJsonObject series{{"messages.received", received}, {"messages.delivered", delivered},
                       {"smtp.connections", smtp}, {"queue.length", queue}, {"imap.connections", zero},
                       {"api.connections", zero}, {"auth.failures", zero}, {"ratelimit.refusals", zero},
                       {"bytes.in", zero}, {"bytes.out", zero}, {"messages.bounced", zero}};
    return QJsonObject{{"counters", QJsonObject{{"messages.received", 119}, {"messages.delivered", 59}}},
                       {"gauges", QJsonObject{{"queue.length", 3}}},
                       {"history", QJsonObject{{"interval_seconds", 1}, {"end_time", "2026-01-01T00:00:00Z"},
                                               {"series", series}}}};
}

static QJsonObject sampleStatus()
{
    ControlProtocol::StatusResult s;
    s.version = QStringLiteral("0.1.0");
    s.pid = 4242;
    s.uptimeSeconds = 3725;
    s.hostname = QStringLiteral("mail.example.com");
    s.configPath = QStringLiteral("/etc/postroom/config.json");
    ControlProtocol::ListenerStatus l;
    l.name = QStringLiteral("smtp");
    l.protocol = QStringLiteral("smtp");
    l.address = QStringLiteral("0.0.0.0");
    l.port = 25;
    l.starttls = true;
    l.state = QStringLiteral("listening");
    s.listeners << l;
    l.name = QStringLiteral("imaps");
    l.port = 993;
    l.tls = true;
    l.state = QStringLiteral("failed");
    l.error = QStringLiteral("address in use");
    s.listeners << l;
    return s.toJson();
}

void tst_AdminDaemon::initTestCase()
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
}

void tst_AdminDaemon::init()
{
    m_dir = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/pradm-XXXXXX")); // short: socket paths are limited
    QVERIFY(m_dir->isValid());
    QDir(m_dir->path()).mkpath(QStringLiteral("mailstore"));
    QFile f(m_dir->filePath(QStringLiteral("config.json")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"mail_root": "mailstore", "domains": ["example.com"], "smtp": {"port": 2525}})");
    f.close();
    m_server = std::make_unique<FakeControlServer>();
}

void tst_AdminDaemon::cleanup()
{
    if (m_window)
        m_window->model()->revertAll();
    m_window.reset();
    m_server.reset();
    m_dir.reset();
}

void tst_AdminDaemon::startWindow()
{
    m_window = std::make_unique<MainWindow>();
    QString error;
    QVERIFY(m_window->openConfig(m_dir->filePath(QStringLiteral("config.json")), &error));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_AdminDaemon::statsSeriesRates()
{
    using StatsSeries::rate;
    QCOMPARE(rate({0, 1, 3, 6}, 1), QVector<double>({1, 2, 3}));
    QCOMPARE(rate({0, 1, 3, 6}, 2), QVector<double>({1, 3, 5}));
    // A daemon restart resets counters: no negative rates.
    QCOMPARE(rate({5, 7, 1, 2}, 1), QVector<double>({2, 1, 1}));
    QVERIFY(rate({4}, 60).isEmpty());
    QCOMPARE(GraphWidget::niceCeiling(7), 10.0);
    QCOMPARE(GraphWidget::niceCeiling(120), 200.0);
    QCOMPARE(GraphWidget::niceCeiling(0.3), 0.5);
}

void tst_AdminDaemon::clientRepliesAndErrors()
{
    m_server->setResult(QStringLiteral("status"), sampleStatus());
    QVERIFY(m_server->listen(socketPath()));
    DaemonClient client;
    QSignalSpy connected(&client, &DaemonClient::connected);
    client.setSocketPath(socketPath());
    QTRY_VERIFY(client.isConnected());
    QCOMPARE(connected.count(), 1);

    Reply status, unknown;
    int calls = 0;
    client.request(QStringLiteral("status"), {}, this, [&](const Reply &r) { status = r; ++calls; });
    client.request(QStringLiteral("frobnicate"), {}, this, [&](const Reply &r) { unknown = r; ++calls; });
    QTRY_COMPARE(calls, 2);
    QVERIFY(status.ok);
    QCOMPARE(ControlProtocol::StatusResult::fromJson(status.result).pid, 4242);
    QVERIFY(!unknown.ok);
    QVERIFY(DaemonClient::isUnsupported(unknown));
    QCOMPARE(DaemonClient::describeError(unknown), QStringLiteral("Not supported by this daemon version."));
    // Requests carry distinct ids.
    QCOMPARE(m_server->requests(QStringLiteral("status")).size(), 1);
    QVERIFY(m_server->requests(QStringLiteral("status")).first().id != m_server->requests(QStringLiteral("frobnicate")).first().id);

    // A callback whose context is gone is not called.
    auto *context = new QObject;
    bool called = false;
    client.request(QStringLiteral("status"), {}, context, [&](const Reply &) { called = true; });
    delete context;
    QTest::qWait(200);
    QVERIFY(!called);
}

void tst_AdminDaemon::clientReconnects()
{
    QVERIFY(m_server->listen(socketPath()));
    DaemonClient client;
    client.setSocketPath(socketPath());
    QTRY_VERIFY(client.isConnected());

    QSignalSpy lost(&client, &DaemonClient::disconnected);
    m_server->close();
    QTRY_VERIFY(!client.isConnected());
    QCOMPARE(lost.count(), 1);
    Reply offline;
    bool answered = false;
    client.request(QStringLiteral("status"), {}, this, [&](const Reply &r) { offline = r; answered = true; });
    QTRY_VERIFY(answered);
    QCOMPARE(offline.error.code, DaemonClient::NotConnectedCode);

    // The daemon comes back: the client finds it again by itself.
    m_server = std::make_unique<FakeControlServer>();
    m_server->setResult(QStringLiteral("status"), sampleStatus());
    QVERIFY(m_server->listen(socketPath()));
    QTRY_VERIFY_WITH_TIMEOUT(client.isConnected(), DaemonClient::ReconnectIntervalMs * 3);
}

void tst_AdminDaemon::bannerFollowsTheDaemon()
{
    startWindow();
    QCOMPARE(m_window->socketPath(), socketPath());
    QVERIFY(!m_window->offlineBanner()->isHidden());
    m_server->setResult(QStringLiteral("status"), sampleStatus());
    QVERIFY(m_server->listen(socketPath()));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->offlineBanner()->isHidden(), DaemonClient::ReconnectIntervalMs * 3);
    m_server->close();
    QTRY_VERIFY(!m_window->offlineBanner()->isHidden());
    // Editing offline still works and saves.
    auto *spin = qobject_cast<QSpinBox *>(m_window->configPage(QStringLiteral("smtp"))->field(QStringLiteral("smtp.port"))->editor());
    spin->setValue(2526);
    QVERIFY(m_window->saveConfig(true, false));
    QVERIFY(m_window->lastMessage().contains(QStringLiteral("not running")));
    Config c;
    QVector<ConfigError> errors;
    QVERIFY(Config::loadFile(m_dir->filePath(QStringLiteral("config.json")), &c, &errors));
    QCOMPARE(c.smtp.port, 2526);
}

void tst_AdminDaemon::dashboardReceivesStats()
{
    m_server->setResult(QStringLiteral("status"), sampleStatus());
    m_server->setResult(QStringLiteral("stats"), sampleStats());
    QVERIFY(m_server->listen(socketPath()));
    startWindow();
    DashboardPage *dash = m_window->dashboard();
    QSignalSpy stats(dash, &DashboardPage::statsUpdated);
    QTRY_VERIFY_WITH_TIMEOUT(stats.count() >= 2, 5000); // polled every second
    QCOMPARE(m_server->requests(QStringLiteral("stats")).first().params.value("history_seconds").toInt(),
             DashboardPage::HistorySeconds);
    QTRY_VERIFY(dash->hasStatus());

    GraphWidget *messages = nullptr;
    for (GraphWidget *g : dash->graphs())
        if (g->title() == QLatin1String("Messages per minute"))
            messages = g;
    QVERIFY(messages);
    const GraphWidget::Series received = messages->series().at(0);
    QCOMPARE(received.values.size(), 119);
    QCOMPARE(received.values.last(), 60.0);  // one a second = 60 a minute
    QCOMPARE(messages->series().at(1).values.last(), 30.0);

    auto *listeners = dash->findChild<QTableWidget *>();
    QCOMPARE(listeners->rowCount(), 2);
    QCOMPARE(listeners->item(0, 2)->text(), QStringLiteral("25"));
    QCOMPARE(listeners->item(0, 3)->text(), QStringLiteral("STARTTLS"));
    QVERIFY(listeners->item(1, 4)->text().contains(QStringLiteral("address in use")));
    QCOMPARE(DashboardPage::formatUptime(3725), QStringLiteral("1 h 2 min"));
}

void tst_AdminDaemon::saveAndReloadShowsDaemonErrors()
{
    m_server->setError(QStringLiteral("reload"), ControlProtocol::ErrorCode::InvalidConfig,
                       QStringLiteral("the new configuration was refused"),
                       {{QStringLiteral("smtp.port"), QStringLiteral("cannot listen on 0.0.0.0:2600: address in use")}});
    QVERIFY(m_server->listen(socketPath()));
    startWindow();
    QTRY_VERIFY(m_window->client()->isConnected());

    ConfigField *port = m_window->configPage(QStringLiteral("smtp"))->field(QStringLiteral("smtp.port"));
    qobject_cast<QSpinBox *>(port->editor())->setValue(2600);
    QSignalSpy done(m_window.get(), &MainWindow::reloadFinished);
    QVERIFY(m_window->saveConfig(true, false));
    QTRY_COMPARE(done.count(), 1);
    QCOMPARE(done.first().first().toBool(), false);
    QCOMPARE(m_server->requests(QStringLiteral("reload")).size(), 1);
    QVERIFY2(port->shownProblem().contains(QStringLiteral("address in use")), qPrintable(port->shownProblem()));
    QCOMPARE(m_window->currentPage(), 2); // jumped to the page of the key the daemon named
    // The file was written before the reload was asked for.
    Config c;
    QVector<ConfigError> errors;
    QVERIFY(Config::loadFile(m_dir->filePath(QStringLiteral("config.json")), &c, &errors));
    QCOMPARE(c.smtp.port, 2600);

    // Fixing the field clears the daemon's remark; a successful reload is reported.
    m_server->setResult(QStringLiteral("reload"), {});
    qobject_cast<QSpinBox *>(port->editor())->setValue(2601);
    QVERIFY(port->shownProblem().isEmpty());
    QVERIFY(m_window->saveConfig(true, false));
    QTRY_COMPARE(done.count(), 2);
    QCOMPARE(done.last().first().toBool(), true);
    QVERIFY(m_window->lastMessage().contains(QStringLiteral("reloaded")));
}

void tst_AdminDaemon::usersPage()
{
    const QJsonArray users{QJsonObject{{"address", "anna@example.com"}, {"display_name", "Anna Schmidt"},
                                       {"quota_bytes", 1073741824}, {"used_bytes", 52428800}, {"enabled", true}},
                           QJsonObject{{"address", "bob@example.com"}, {"display_name", "Bob"},
                                       {"quota_bytes", QJsonValue::Null}, {"used_bytes", 0}, {"enabled", false}}};
    m_server->setResult(QStringLiteral("user.list"), {{"users", users}});
    m_server->setResult(QStringLiteral("alias.list"),
                        {{"aliases", QJsonArray{QJsonObject{{"alias", "info@example.com"},
                                                            {"targets", QJsonArray{"anna@example.com", "bob@example.com"}}}}}});
    m_server->setResult(QStringLiteral("user.add"), {});
    QVERIFY(m_server->listen(socketPath()));
    startWindow();
    QTRY_VERIFY(m_window->client()->isConnected());
    UsersPage *page = m_window->usersPage();
    QSignalSpy loaded(page, &UsersPage::usersLoaded);
    m_window->setCurrentPage(8);
    QTRY_VERIFY(loaded.count() >= 1);
    QCOMPARE(page->usersTable()->rowCount(), 2);
    QCOMPARE(page->usersTable()->item(0, 2)->text(), QStringLiteral("1.0 GiB"));
    QCOMPARE(page->usersTable()->item(1, 2)->text(), QStringLiteral("No limit"));
    QCOMPARE(page->usersTable()->item(1, 4)->text(), QStringLiteral("disabled"));
    QTRY_COMPARE(page->aliasTable()->rowCount(), 1);
    QCOMPARE(page->aliasTable()->item(0, 1)->text(), QStringLiteral("anna@example.com, bob@example.com"));

    QTest::keyClicks(page->searchEdit(), QStringLiteral("schmidt"));
    QVERIFY(!page->usersTable()->isRowHidden(0));
    QVERIFY(page->usersTable()->isRowHidden(1));

    page->addUserWith(QStringLiteral("carl@example.com"), QStringLiteral("correct horse"), QStringLiteral("Carl"), 5 * 1024 * 1024);
    QTRY_COMPARE(m_server->requests(QStringLiteral("user.add")).size(), 1);
    const QJsonObject params = m_server->requests(QStringLiteral("user.add")).first().params;
    QCOMPARE(params.value("address").toString(), QStringLiteral("carl@example.com"));
    QCOMPARE(params.value("password").toString(), QStringLiteral("correct horse"));
    QCOMPARE(params.value("display_name").toString(), QStringLiteral("Carl"));
    QCOMPARE(params.value("quota_bytes").toInteger(), 5 * 1024 * 1024);
    QTRY_VERIFY(page->message().contains(QStringLiteral("carl@example.com added")));
    QTRY_VERIFY(loaded.count() >= 2); // the list is reloaded after the action
}

void tst_AdminDaemon::queuePage()
{
    const QJsonArray messages{QJsonObject{
        {"id", "Q1a2b"}, {"sender", "anna@example.com"}, {"arrived", "2026-01-01T10:00:00Z"}, {"size", 2048},
        {"next_attempt", "2026-01-01T10:05:00Z"},
        {"recipients", QJsonArray{QJsonObject{{"address", "x@remote.example"}, {"state", "deferred"}, {"attempts", 2},
                                              {"last_error", "451 4.7.1 try later"}},
                                  QJsonObject{{"address", "anna@example.com"}, {"state", "delivered"}, {"attempts", 1},
                                              {"last_error", ""}}}}}};
    m_server->setResult(QStringLiteral("queue.list"), {{"messages", messages}});
    m_server->setResult(QStringLiteral("queue.retry"), {});
    QVERIFY(m_server->listen(socketPath()));
    startWindow();
    QTRY_VERIFY(m_window->client()->isConnected());
    QueuePage *page = m_window->queuePage();
    QSignalSpy loaded(page, &QueuePage::queueLoaded);
    m_window->setCurrentPage(9);
    QTRY_VERIFY(loaded.count() >= 1);
    QCOMPARE(page->table()->rowCount(), 1);
    QVERIFY(page->table()->item(0, 2)->text().contains(QStringLiteral("1 deferred, 1 delivered")));
    page->table()->selectRow(0);
    page->retrySelected();
    QTRY_COMPARE(m_server->requests(QStringLiteral("queue.retry")).size(), 1);
    QCOMPARE(m_server->requests(QStringLiteral("queue.retry")).first().params.value("id").toString(), QStringLiteral("Q1a2b"));
}

void tst_AdminDaemon::logPageFiltersAndPauses()
{
    m_server->setResult(QStringLiteral("log.subscribe"), {});
    QVERIFY(m_server->listen(socketPath()));
    startWindow();
    QTRY_COMPARE(m_server->requests(QStringLiteral("log.subscribe")).size(), 1);
    QCOMPARE(m_server->requests(QStringLiteral("log.subscribe")).first().params.value("backlog").toInt(), LogPage::BacklogRecords);
    LogPage *log = m_window->logPage();
    auto record = [](const char *level, const char *category, const char *message) {
        return ControlProtocol::LogRecord{QStringLiteral("2026-01-01T10:00:00.000Z"), QString::fromLatin1(level),
                                          QString::fromLatin1(category), QString::fromLatin1(message)}.toJson();
    };
    m_server->sendEvent(QStringLiteral("log"), record("INFO", "smtp", "connection from 192.0.2.1"));
    m_server->sendEvent(QStringLiteral("log"), record("ERROR", "queue", "delivery to remote.example failed"));
    m_server->sendEvent(QStringLiteral("log"), record("DEBUG", "imap", "noise"));
    QTRY_COMPARE(log->recordCount(), 3);
    QCOMPARE(log->visibleRowCount(), 2); // default: info and above

    log->levelFilter()->setCurrentIndex(3); // errors only
    QCOMPARE(log->visibleRowCount(), 1);
    log->levelFilter()->setCurrentIndex(0);
    QCOMPARE(log->visibleRowCount(), 3);
    log->categoryFilter()->setCurrentIndex(log->categoryFilter()->findData(QStringLiteral("smtp")));
    QCOMPARE(log->visibleRowCount(), 1);
    log->categoryFilter()->setCurrentIndex(0);
    QTest::keyClicks(log->searchEdit(), QStringLiteral("remote.example"));
    QCOMPARE(log->visibleRowCount(), 1);
    log->searchEdit()->clear();

    log->pauseBox()->setChecked(true);
    m_server->sendEvent(QStringLiteral("log"), record("WARNING", "tls", "certificate expires soon"));
    QTRY_COMPARE(log->recordCount(), 4);
    QCOMPARE(log->visibleRowCount(), 3);
    log->pauseBox()->setChecked(false);
    QCOMPARE(log->visibleRowCount(), 4);
}

void tst_AdminDaemon::unsupportedVerbsAreSaidSo()
{
    // An older daemon without user.* and queue.*: the pages say so instead of failing silently.
    m_server->setResult(QStringLiteral("status"), sampleStatus());
    QVERIFY(m_server->listen(socketPath()));
    startWindow();
    QTRY_VERIFY(m_window->client()->isConnected());
    m_window->setCurrentPage(8);
    QTRY_VERIFY(m_window->usersPage()->message().contains(QStringLiteral("Not supported by this daemon version")));
    m_window->setCurrentPage(9);
    QTRY_VERIFY(m_window->queuePage()->message().contains(QStringLiteral("Not supported by this daemon version")));
}

QTEST_MAIN(tst_AdminDaemon)
#include "tst_admindaemon.moc"
