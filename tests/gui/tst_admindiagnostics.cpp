// The Diagnostics page against a stand-in control socket (FakeControlServer), for what the
// real daemon does not produce on demand: a failed check with its fix, the verdicts, the
// "dns" parameter, a daemon error and an old daemon without `diagnose`.
// tst_adminrealdaemon runs the page against postroomd.
#include "daemonclient.h"
#include "diagnosticspage.h"
#include "fakecontrolserver.h"

#include <QCheckBox>
#include <QJsonArray>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

class tst_AdminDiagnostics : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void failedCheckShowsItsFix();
    void allPassedSaysEverythingWorks();
    void daemonErrorIsShown();
    void oldDaemonIsSaidSo();

private:
    bool runPage(bool dns);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeControlServer> m_server;
    std::unique_ptr<DaemonClient> m_client;
    std::unique_ptr<DiagnosticsPage> m_page;
    QTranslator m_english; // the English plural forms ("1 warning", "2 warnings")
};

static QJsonObject check(const char *name, const char *result, const char *detail, const char *fix = "")
{
    return QJsonObject{{"name", name}, {"result", result}, {"detail", detail}, {"fix", fix}};
}

void tst_AdminDiagnostics::initTestCase()
{
    QVERIFY(m_english.load(QLocale(QLocale::English), QStringLiteral("postroom-admin"), QStringLiteral("_"), QStringLiteral(":/i18n")));
    QCoreApplication::installTranslator(&m_english);
}

void tst_AdminDiagnostics::init()
{
    m_dir = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/pradm-XXXXXX")); // short: socket paths are limited
    QVERIFY(m_dir->isValid());
    m_server = std::make_unique<FakeControlServer>();
    QVERIFY(m_server->listen(m_dir->filePath(QStringLiteral("control.sock"))));
    m_client = std::make_unique<DaemonClient>();
    m_page = std::make_unique<DiagnosticsPage>(m_client.get());
    m_client->setSocketPath(m_dir->filePath(QStringLiteral("control.sock")));
    QTRY_VERIFY(m_client->isConnected());
    QVERIFY(m_page->runButton()->isEnabled());
}

void tst_AdminDiagnostics::cleanup()
{
    m_page.reset();
    m_client.reset();
    m_server.reset();
    m_dir.reset();
}

bool tst_AdminDiagnostics::runPage(bool dns)
{
    m_page->dnsBox()->setChecked(dns);
    QSignalSpy finished(m_page.get(), &DiagnosticsPage::runFinished);
    m_page->run();
    if (!QTest::qWaitFor([&] { return finished.count() == 1; }, 5000))
        return false;
    return finished.first().first().toBool();
}

void tst_AdminDiagnostics::failedCheckShowsItsFix()
{
    m_server->setResult(QStringLiteral("diagnose"),
                        {{"checks", QJsonArray{check("daemon", "pass", "postroomd 0.1.0 runs"),
                                               check("tls certificate", "warn", "self-signed", "get a real certificate"),
                                               check("imap (127.0.0.1:143)", "fail", "nothing answers (connection refused)",
                                                     "start postroomd or check imap.port")}},
                         {"passed", 1}, {"warnings", 1}, {"failed", 1}, {"exit_code", 1}});
    QVERIFY(runPage(true));
    QCOMPARE(m_server->requests(QStringLiteral("diagnose")).size(), 1);
    QCOMPARE(m_server->requests(QStringLiteral("diagnose")).first().params.value("dns").toBool(), true);

    QTableWidget *t = m_page->table();
    QCOMPARE(t->rowCount(), 3);
    const QStringList words{QStringLiteral("Pass"), QStringLiteral("Warning"), QStringLiteral("Fail")};
    for (int row = 0; row < 3; ++row) {
        QCOMPARE(t->item(row, DiagnosticsPage::ResultColumn)->text(), words.at(row));
        QVERIFY(!t->item(row, DiagnosticsPage::ResultColumn)->icon().isNull());
    }
    // Colour backs up the word: red for the failure, green for the pass.
    QCOMPARE(t->item(2, DiagnosticsPage::ResultColumn)->foreground().color(), QColor(0xc0, 0x39, 0x2b));
    QCOMPARE(t->item(0, DiagnosticsPage::ResultColumn)->foreground().color(), QColor(0x2c, 0x7a, 0x2c));
    QCOMPARE(t->item(2, DiagnosticsPage::CheckColumn)->text(), QStringLiteral("imap (127.0.0.1:143)"));
    QCOMPARE(t->item(2, DiagnosticsPage::DetailColumn)->text(), QStringLiteral("nothing answers (connection refused)"));
    QCOMPARE(t->item(2, DiagnosticsPage::FixColumn)->text(), QStringLiteral("start postroomd or check imap.port"));
    QVERIFY2(m_page->summary().contains(QStringLiteral("Something does not work")), qPrintable(m_page->summary()));
    QVERIFY(m_page->summary().contains(QStringLiteral("1 passed, 1 warning, 1 failed")));
}

void tst_AdminDiagnostics::allPassedSaysEverythingWorks()
{
    m_server->setResult(QStringLiteral("diagnose"),
                        {{"checks", QJsonArray{check("daemon", "pass", "runs"), check("smtp", "pass", "220 answered")}},
                         {"passed", 2}, {"warnings", 0}, {"failed", 0}, {"exit_code", 0}});
    QVERIFY(runPage(false));
    QCOMPARE(m_server->requests(QStringLiteral("diagnose")).first().params.value("dns").toBool(true), false);
    QCOMPARE(m_page->table()->rowCount(), 2);
    QVERIFY2(m_page->summary().contains(QStringLiteral("Everything works.")), qPrintable(m_page->summary()));
    QVERIFY(m_page->summary().contains(QStringLiteral("2 passed, 0 warnings, 0 failed")));
    QVERIFY(m_page->message().isEmpty());
}

void tst_AdminDiagnostics::daemonErrorIsShown()
{
    m_server->setError(QStringLiteral("diagnose"), QStringLiteral("failed"), QStringLiteral("diagnose did not finish: killed"));
    QVERIFY(!runPage(false));
    QCOMPARE(m_page->message(), QStringLiteral("Diagnostics could not run: diagnose did not finish: killed"));
    QCOMPARE(m_page->table()->rowCount(), 0);
    QVERIFY(m_page->runButton()->isEnabled()); // can try again
}

void tst_AdminDiagnostics::oldDaemonIsSaidSo()
{
    QVERIFY(!runPage(false)); // no canned result: the fake answers unknown_method
    QVERIFY2(m_page->message().contains(QStringLiteral("Not supported by this daemon version")), qPrintable(m_page->message()));
}

QTEST_MAIN(tst_AdminDiagnostics)
#include "tst_admindiagnostics.moc"
