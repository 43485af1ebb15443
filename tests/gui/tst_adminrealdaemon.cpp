// postroom-admin against the real postroomd (POSTROOMD, started here on loopback ports
// in a temporary folder): Save and Reload applies a change, a refused reload is shown
// at the field it names, the daemon's stats reach the dashboard's graphs, and the
// Diagnostics page runs `diagnose` without blocking the window and shows every check.
#include "configfield.h"
#include "configformmodel.h"
#include "configpage.h"
#include "daemonclient.h"
#include "dashboardpage.h"
#include "diagnosticspage.h"
#include "mainwindow.h"
#include "statsseries.h"
#include "userspage.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QCheckBox>
#include <QLineEdit>
#include <QPushButton>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QTableWidget>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

using ControlProtocol::Reply;

namespace {
constexpr int StartTimeoutMs = 20000;

quint16 freePort()
{
    QTcpServer s;
    return s.listen(QHostAddress::LocalHost, 0) ? s.serverPort() : 0;
}
}

class tst_AdminRealDaemon : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void saveAndReloadApplies();
    void refusedReloadIsShownAtTheField();
    void statsReachTheDashboard();
    void addUserThroughTheUsersPage();
    void diagnosticsShowEveryCheck();
    void diagnosticsSayWhenTheDaemonIsNotRunning();

private:
    Reply call(const QString &method, const QJsonObject &params = {});

    QTemporaryDir m_settingsDir;
    QTemporaryDir m_dir{QStringLiteral("/tmp/pradm-XXXXXX")};
    QProcess m_daemon;
    std::unique_ptr<MainWindow> m_window;
    quint16 m_smtpPort = 0;
};

void tst_AdminRealDaemon::initTestCase()
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    const QString binary = qEnvironmentVariable("POSTROOMD");
    if (binary.isEmpty() || !QFile::exists(binary))
        QSKIP("postroomd is not built (POSTROOMD unset or missing)");
    QVERIFY(m_dir.isValid());
    m_smtpPort = freePort();
    QJsonObject config{
        {"hostname", "mail.example.test"}, {"mail_root", "mailstore"}, {"domains", QJsonArray{"example.test"}},
        {"log_level", "DEBUG"},
        {"smtp", QJsonObject{{"host", "127.0.0.1"}, {"port", m_smtpPort}, {"submission_port", freePort()},
                             {"smtps_port", freePort()}}},
        {"imap", QJsonObject{{"host", "127.0.0.1"}, {"port", freePort()}, {"imaps_port", freePort()}}},
        {"exchange_api", QJsonObject{{"host", "127.0.0.1"}, {"port", freePort()}, {"secure_port", freePort()}}},
        {"x_site_note", "kept by the admin program"}};
    QString error;
    QVERIFY2(Config::saveDocument(m_dir.filePath(QStringLiteral("config.json")), config, &error), qPrintable(error));

    m_daemon.setWorkingDirectory(m_dir.path());
    m_daemon.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_daemon.start(binary, {QStringLiteral("--config"), m_dir.filePath(QStringLiteral("config.json"))});
    QVERIFY2(m_daemon.waitForStarted(5000), qPrintable(m_daemon.errorString()));

    m_window = std::make_unique<MainWindow>();
    QVERIFY(m_window->openConfig(m_dir.filePath(QStringLiteral("config.json")), &error));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->client()->isConnected(), StartTimeoutMs);
}

void tst_AdminRealDaemon::cleanupTestCase()
{
    if (m_window)
        m_window->model()->revertAll();
    m_window.reset();
    if (m_daemon.state() != QProcess::NotRunning) {
        m_daemon.terminate();
        if (!m_daemon.waitForFinished(10000))
            m_daemon.kill();
        m_daemon.waitForFinished(5000);
    }
}

Reply tst_AdminRealDaemon::call(const QString &method, const QJsonObject &params)
{
    Reply reply;
    bool done = false;
    m_window->client()->request(method, params, this, [&](const Reply &r) { reply = r; done = true; });
    if (!QTest::qWaitFor([&] { return done; }, 10000))
        reply = Reply::failure(0, QStringLiteral("timeout"), QStringLiteral("no answer from postroomd"));
    return reply;
}

void tst_AdminRealDaemon::saveAndReloadApplies()
{
    auto *spin = qobject_cast<QSpinBox *>(
        m_window->configPage(QStringLiteral("smtp"))->field(QStringLiteral("smtp.max_recipients"))->editor());
    QVERIFY(spin);
    spin->setValue(77);
    QSignalSpy done(m_window.get(), &MainWindow::reloadFinished);
    QVERIFY(m_window->saveConfig(true, false));
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 10000);
    QVERIFY2(done.first().first().toBool(), qPrintable(m_window->lastMessage()));

    // The daemon now runs with the new value, and the file kept the admin's own key.
    const Reply r = call(QStringLiteral("config.get"));
    QVERIFY2(r.ok, qPrintable(r.error.message));
    const QJsonObject running = r.result.value(QStringLiteral("document")).toObject();
    QCOMPARE(ConfigValues::valueAt(running, QStringLiteral("smtp.max_recipients")).toInt(), 77);
    QFile f(m_dir.filePath(QStringLiteral("config.json")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject saved = QJsonDocument::fromJson(f.readAll()).object();
    QCOMPARE(saved.value(QStringLiteral("x_site_note")).toString(), QStringLiteral("kept by the admin program"));
}

void tst_AdminRealDaemon::refusedReloadIsShownAtTheField()
{
    // A port that another program holds: valid for the form, refused by the daemon.
    QTcpServer blocker;
    QVERIFY(blocker.listen(QHostAddress(QStringLiteral("127.0.0.1")), 0));
    ConfigField *field = m_window->configPage(QStringLiteral("imap"))->field(QStringLiteral("imap.port"));
    auto *spin = qobject_cast<QSpinBox *>(field->editor());
    const int before = spin->value();
    spin->setValue(blocker.serverPort());
    QSignalSpy done(m_window.get(), &MainWindow::reloadFinished);
    QVERIFY(m_window->saveConfig(true, false));
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 10000);
    QCOMPARE(done.first().first().toBool(), false);
    QVERIFY2(!field->shownProblem().isEmpty(), qPrintable(m_window->lastMessage()));
    QVERIFY(m_window->lastMessage().contains(QStringLiteral("refused")));

    // Put the port back; the daemon takes it again.
    spin->setValue(before);
    QVERIFY(m_window->saveConfig(true, false));
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 2, 10000);
    QVERIFY2(done.last().first().toBool(), qPrintable(m_window->lastMessage()));
    QVERIFY(field->shownProblem().isEmpty());
}

void tst_AdminRealDaemon::statsReachTheDashboard()
{
    DashboardPage *dash = m_window->dashboard();
    QSignalSpy stats(dash, &DashboardPage::statsUpdated);
    QTRY_VERIFY_WITH_TIMEOUT(stats.count() >= 1, 5000);
    const qint64 before = qint64(dash->lastStats().value(QStringLiteral("counters")).toObject()
                                     .value(QStringLiteral("smtp.connections_total")).toDouble());
    // One SMTP connection to the daemon shows up in the counters and the history.
    QTcpSocket smtp;
    smtp.connectToHost(QHostAddress::LocalHost, m_smtpPort);
    QVERIFY(smtp.waitForConnected(5000));
    QTRY_VERIFY_WITH_TIMEOUT(qint64(dash->lastStats().value(QStringLiteral("counters")).toObject()
                                        .value(QStringLiteral("smtp.connections_total")).toDouble()) > before, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!StatsSeries::series(dash->lastStats(), QStringLiteral("smtp.connections")).isEmpty(), 5000);
    QVERIFY(dash->hasStatus());
    QVERIFY(dash->lastStatus().pid > 0);
    QVERIFY(!dash->lastStatus().listeners.isEmpty());
    smtp.disconnectFromHost();
}

void tst_AdminRealDaemon::addUserThroughTheUsersPage()
{
    UsersPage *page = m_window->usersPage();
    m_window->setCurrentPage(8);
    page->addUserWith(QStringLiteral("dora@example.test"), QStringLiteral("correct horse battery"),
                      QStringLiteral("Dora Weber"), 100 * 1024 * 1024);
    // Hashing the password takes the daemon about half a second; then the list reloads.
    auto listed = [&] {
        for (int row = 0; row < page->usersTable()->rowCount(); ++row)
            if (page->usersTable()->item(row, 0)->text() == QLatin1String("dora@example.test"))
                return page->usersTable()->item(row, 2)->text() == QLatin1String("100.0 MiB");
        return false;
    };
    QTRY_VERIFY2_WITH_TIMEOUT(listed(), qPrintable(page->message()), 15000);
    QVERIFY(page->message().contains(QStringLiteral("dora@example.test added")));
    const Reply r = call(QStringLiteral("user.show"), {{"address", "dora@example.test"}});
    QVERIFY2(r.ok, qPrintable(r.error.message));
    QCOMPARE(r.result.value(QStringLiteral("user")).toObject().value(QStringLiteral("display_name")).toString(),
             QStringLiteral("Dora Weber"));
}

void tst_AdminRealDaemon::diagnosticsShowEveryCheck()
{
    DiagnosticsPage *page = m_window->diagnosticsPage();
    QVERIFY(page);
    m_window->setCurrentPage(m_window->pageCount() - 1);
    QCOMPARE(m_window->pageSlug(m_window->pageCount() - 1), QStringLiteral("diagnostics"));
    QVERIFY(page->runButton()->isEnabled());
    QVERIFY(page->message().isEmpty());
    page->dnsBox()->setChecked(false); // tests never use real DNS

    // The window keeps handling events while the daemon runs the checks (seconds).
    int ticks = 0;
    QTimer ticker;
    ticker.setInterval(20);
    connect(&ticker, &QTimer::timeout, this, [&] { ticks += page->isRunning() ? 1 : 0; });
    ticker.start();
    QSignalSpy finished(page, &DiagnosticsPage::runFinished);
    QTest::mouseClick(page->runButton(), Qt::LeftButton);
    QVERIFY(page->isRunning());
    QVERIFY(!page->runButton()->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, DiagnosticsPage::RunTimeoutMs);
    QVERIFY2(finished.first().first().toBool(), qPrintable(page->message()));
    QVERIFY2(ticks >= 3, qPrintable(QString::number(ticks)));
    QVERIFY(page->runButton()->isEnabled());

    // One row per check, each with its result as word and icon; the listeners pass.
    QTableWidget *table = page->table();
    QVERIFY2(table->rowCount() > 10, qPrintable(QString::number(table->rowCount())));
    QMap<QString, int> results;
    QStringList names;
    for (int row = 0; row < table->rowCount(); ++row) {
        QTableWidgetItem *result = table->item(row, DiagnosticsPage::ResultColumn);
        const QString kind = result->data(Qt::UserRole).toString();
        QVERIFY2(QStringList({"pass", "warn", "fail"}).contains(kind), qPrintable(kind));
        QCOMPARE(result->text(), DiagnosticsPage::resultText(kind));
        QVERIFY(!result->icon().isNull());
        QVERIFY(!table->item(row, DiagnosticsPage::DetailColumn)->text().isEmpty());
        if (kind != QLatin1String("pass"))
            QVERIFY2(!table->item(row, DiagnosticsPage::FixColumn)->text().isEmpty(), qPrintable(result->text()));
        ++results[kind];
        const QString name = table->item(row, DiagnosticsPage::CheckColumn)->text();
        names << name;
        QVERIFY2(!name.startsWith(QLatin1String("dns ")), qPrintable(name));
        if (name == QStringLiteral("smtp (127.0.0.1:%1)").arg(m_smtpPort) || name == QLatin1String("delivery"))
            QVERIFY2(kind == QLatin1String("pass"), qPrintable(table->item(row, DiagnosticsPage::DetailColumn)->text()));
    }
    QVERIFY2(names.contains(QStringLiteral("smtp (127.0.0.1:%1)").arg(m_smtpPort)), qPrintable(names.join(", ")));
    QVERIFY2(names.contains(QLatin1String("delivery")), qPrintable(names.join(", ")));
    // The self-signed certificate is a warning, and the summary counts what the table shows.
    QVERIFY(results.value(QStringLiteral("warn")) >= 1);
    QVERIFY2(page->summary().contains(QStringLiteral("%1 passed").arg(results.value(QStringLiteral("pass")))),
             qPrintable(page->summary()));
    QVERIFY2(page->summary().contains(QStringLiteral("%1 failed").arg(results.value(QStringLiteral("fail")))),
             qPrintable(page->summary()));
}

void tst_AdminRealDaemon::diagnosticsSayWhenTheDaemonIsNotRunning()
{
    // A second window pointed at a socket nobody listens on.
    MainWindow window;
    QString error;
    QVERIFY(window.openConfig(m_dir.filePath(QStringLiteral("config.json")), &error));
    window.setSocketOverride(m_dir.filePath(QStringLiteral("nobody-here.sock")));
    DiagnosticsPage *page = window.diagnosticsPage();
    QTRY_VERIFY(page->message().contains(QLatin1String("The daemon is not running")));
    QVERIFY(page->message().contains(QLatin1String("start postroomd")));
    QVERIFY(!page->runButton()->isEnabled());
    QSignalSpy finished(page, &DiagnosticsPage::runFinished);
    page->run();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toBool(), false);
    QCOMPARE(page->table()->rowCount(), 0);
    QVERIFY(page->message().contains(QLatin1String("The daemon is not running")));
}

QTEST_MAIN(tst_AdminRealDaemon)
#include "tst_adminrealdaemon.moc"
