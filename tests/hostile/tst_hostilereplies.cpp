// postroom-admin fed daemon replies with numbers no daemon should send: huge (1e300),
// negative, fractional. The pages must show "?" instead of a value made up by an
// undefined double-to-integer cast (issue 10: the GUI trusts the daemon's JSON types only).
#include "daemonclient.h"
#include "dashboardpage.h"
#include "fakecontrolserver.h"
#include "mainwindow.h"
#include "queuepage.h"
#include "userspage.h"

#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

class tst_HostileReplies : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void usersWithWildNumbers();
    void queueWithWildSizes();
    void dashboardWithWildCounters();

private:
    void startWindow();

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeControlServer> m_server;
    std::unique_ptr<MainWindow> m_window;
};

void tst_HostileReplies::initTestCase()
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
}

void tst_HostileReplies::init()
{
    m_dir = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/prhr-XXXXXX")); // short: socket paths are limited
    QVERIFY(m_dir->isValid());
    QDir(m_dir->path()).mkpath(QStringLiteral("mailstore"));
    QFile f(m_dir->filePath(QStringLiteral("config.json")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"mail_root": "mailstore", "domains": ["example.com"]})");
    f.close();
    m_server = std::make_unique<FakeControlServer>();
}

void tst_HostileReplies::cleanup()
{
    m_window.reset();
    m_server.reset();
    m_dir.reset();
}

void tst_HostileReplies::startWindow()
{
    QVERIFY(m_server->listen(m_dir->filePath(QStringLiteral("mailstore/control.sock"))));
    m_window = std::make_unique<MainWindow>();
    QString error;
    QVERIFY2(m_window->openConfig(m_dir->filePath(QStringLiteral("config.json")), &error), qPrintable(error));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_VERIFY(m_window->client()->isConnected());
}

void tst_HostileReplies::usersWithWildNumbers()
{
    const QJsonArray users{
        QJsonObject{{"address", "huge@example.com"}, {"quota_bytes", 1e300}, {"used_bytes", -1e300}, {"enabled", true}},
        QJsonObject{{"address", "neg@example.com"}, {"quota_bytes", -5}, {"used_bytes", 1.5}, {"enabled", true}},
        QJsonObject{{"address", "ok@example.com"}, {"quota_bytes", 1048576}, {"used_bytes", 2048}, {"enabled", true}}};
    m_server->setResult(QStringLiteral("user.list"), {{"users", users}});
    m_server->setResult(QStringLiteral("alias.list"), {{"aliases", QJsonArray{}}});
    startWindow();
    UsersPage *page = m_window->usersPage();
    QSignalSpy loaded(page, &UsersPage::usersLoaded);
    m_window->setCurrentPage(8);
    QTRY_VERIFY(loaded.count() >= 1);
    QTableWidget *t = page->usersTable();
    QCOMPARE(t->rowCount(), 3);
    auto row = [t](const QString &address) {
        for (int i = 0; i < t->rowCount(); ++i)
            if (t->item(i, 0)->text() == address)
                return i;
        return -1;
    };
    QCOMPARE(t->item(row("huge@example.com"), 2)->text(), QStringLiteral("?"));
    QCOMPARE(t->item(row("huge@example.com"), 3)->text(), QStringLiteral("?"));
    QCOMPARE(t->item(row("neg@example.com"), 2)->text(), QStringLiteral("?"));
    QCOMPARE(t->item(row("neg@example.com"), 3)->text(), QStringLiteral("?"));
    QCOMPARE(t->item(row("ok@example.com"), 2)->text(), QStringLiteral("1.0 MiB"));
    QCOMPARE(t->item(row("ok@example.com"), 3)->text(), QStringLiteral("2.0 KiB"));
}

void tst_HostileReplies::queueWithWildSizes()
{
    QJsonArray messages;
    const QList<QJsonValue> sizes{1e300, -1, 0.5, QStringLiteral("big"), 4096};
    for (int i = 0; i < sizes.size(); ++i)
        messages.append(QJsonObject{{"id", QStringLiteral("Q%1").arg(i)}, {"sender", "a@example.com"},
                                    {"arrived", "2026-01-01T10:00:00Z"}, {"size", sizes.at(i)},
                                    {"next_attempt", "2026-01-01T10:05:00Z"}, {"recipients", QJsonArray{}}});
    m_server->setResult(QStringLiteral("queue.list"), {{"messages", messages}});
    startWindow();
    QueuePage *page = m_window->queuePage();
    QSignalSpy loaded(page, &QueuePage::queueLoaded);
    m_window->setCurrentPage(9);
    QTRY_VERIFY(loaded.count() >= 1);
    QCOMPARE(page->table()->rowCount(), sizes.size());
    QStringList shown;
    for (int i = 0; i < page->table()->rowCount(); ++i)
        shown << page->table()->item(i, 0)->text() + QLatin1Char('=') + page->table()->item(i, 4)->text();
    shown.sort();
    QCOMPARE(shown, (QStringList{"Q0=?", "Q1=?", "Q2=?", "Q3=?", "Q4=4.0 KiB"}));
}

void tst_HostileReplies::dashboardWithWildCounters()
{
    QJsonObject stats{{"counters", QJsonObject{{"messages.received", 1e300}, {"messages.delivered", -3},
                                               {"messages.deferred", 2.5}, {"messages.bounced", 7}}},
                      {"gauges", QJsonObject{}},
                      {"history", QJsonObject{{"interval_seconds", 1}, {"series", QJsonObject{}}}}};
    m_server->setResult(QStringLiteral("stats"), stats);
    startWindow();
    DashboardPage *dash = m_window->dashboard();
    QSignalSpy updated(dash, &DashboardPage::statsUpdated);
    QTRY_VERIFY_WITH_TIMEOUT(updated.count() >= 1, 5000);
    QString totals;
    for (QLabel *label : dash->findChildren<QLabel *>())
        if (label->text().contains(QLatin1String("received")))
            totals = label->text();
    QVERIFY2(totals.startsWith(QLatin1String("? received, ? delivered, ? deferred, 7 bounced")), qPrintable(totals));
}

QTEST_MAIN(tst_HostileReplies)
#include "tst_hostilereplies.moc"
