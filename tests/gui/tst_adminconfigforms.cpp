// The config forms of postroom-admin, driven through their widgets: load a config.json,
// change values, save, and read the file back (unknown keys kept); invalid input is
// flagged and cannot be saved; markers, preview, revert and the schema coverage.
#include "configfield.h"
#include "configformmodel.h"
#include "configpage.h"
#include "configschema.h"
#include "listeditor.h"
#include "mainwindow.h"
#include "savepreviewdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <QtTest>

class tst_AdminConfigForms : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void everySchemaKeyHasAField();
    void changeThroughWidgetsAndSave();
    void invalidInputIsFlaggedAndNotSaved();
    void listEditorRefusesBadEntries();
    void modifiedMarkersAndRevert();
    void previewListsTheChanges();
    void restartOnlyKeysAreMarked();
    void generateSecret();
    void missingFileStartsFromDefaults();
    void brokenFileValuesAreShown();

private:
    QString writeConfig(const QByteArray &json);
    QJsonObject readConfig() const;
    template<typename T> T *editorOf(const QString &slug, const QString &path);
    ConfigField *fieldOf(const QString &slug, const QString &path);

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
    QString m_path;
};

static const QByteArray SampleConfig = R"({
  "hostname": "mail.example.com",
  "mail_root": "./mailstore",
  "domains": ["example.com"],
  "log_level": "INFO",
  "x_company_note": {"owner": "it@example.com"},
  "smtp": {"port": 2525, "max_connections": 100, "x_tuning": 7},
  "rate_limit": {"enabled": true, "whitelist": ["127.0.0.1", "::1"]}
}
)";

void tst_AdminConfigForms::initTestCase()
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QSettings::setDefaultFormat(QSettings::NativeFormat);
}

void tst_AdminConfigForms::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = writeConfig(SampleConfig);
    m_window = std::make_unique<MainWindow>();
    QString error;
    QVERIFY2(m_window->openConfig(m_path, &error), qPrintable(error));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_AdminConfigForms::cleanup()
{
    if (m_window)
        m_window->model()->revertAll(); // no "save changes?" question on close
    m_window.reset();
    m_dir.reset();
}

QString tst_AdminConfigForms::writeConfig(const QByteArray &json)
{
    const QString path = m_dir->filePath(QStringLiteral("config.json"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return QString();
    f.write(json);
    return path;
}

QJsonObject tst_AdminConfigForms::readConfig() const
{
    QFile f(m_path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

ConfigField *tst_AdminConfigForms::fieldOf(const QString &slug, const QString &path)
{
    ConfigPage *page = m_window->configPage(slug);
    return page ? page->field(path) : nullptr;
}

template<typename T> T *tst_AdminConfigForms::editorOf(const QString &slug, const QString &path)
{
    ConfigField *f = fieldOf(slug, path);
    if (!f)
        return nullptr;
    if (auto *direct = qobject_cast<T *>(f->editor()))
        return direct;
    return f->editor()->findChild<T *>();
}

void tst_AdminConfigForms::everySchemaKeyHasAField()
{
    // The forms come from the schema: a key added to the daemon shows up without GUI work.
    const QStringList slugs{QStringLiteral("general"), QStringLiteral("smtp"), QStringLiteral("imap"), QStringLiteral("api"),
                            QStringLiteral("tls"), QStringLiteral("delivery"), QStringLiteral("ratelimit")};
    for (const ConfigKeyInfo &k : ConfigSchema::keys()) {
        int found = 0;
        for (const QString &slug : slugs)
            if (fieldOf(slug, k.path))
                ++found;
        QVERIFY2(found == 1, qPrintable(k.path));
        ConfigField *field = nullptr;
        for (const QString &slug : slugs)
            if (!field)
                field = fieldOf(slug, k.path);
        QVERIFY2(!field->editor()->toolTip().isEmpty(), qPrintable(k.path)); // description as tooltip
    }
    auto *port = editorOf<QSpinBox>(QStringLiteral("smtp"), QStringLiteral("smtp.port"));
    QVERIFY(port);
    QCOMPARE(port->minimum(), 1);
    QCOMPARE(port->maximum(), 65535);
    auto *workers = editorOf<QSpinBox>(QStringLiteral("delivery"), QStringLiteral("delivery.workers"));
    QVERIFY(workers);
    QCOMPARE(workers->maximum(), int(ConfigSchema::find(QStringLiteral("delivery.workers"))->maximum));
}

void tst_AdminConfigForms::changeThroughWidgetsAndSave()
{
    auto *maxConn = editorOf<QSpinBox>(QStringLiteral("smtp"), QStringLiteral("smtp.max_connections"));
    QVERIFY(maxConn);
    QCOMPARE(maxConn->value(), 100);
    maxConn->setFocus();
    maxConn->selectAll();
    QTest::keyClicks(maxConn, QStringLiteral("250"));
    QCOMPARE(maxConn->value(), 250);

    auto *hostname = editorOf<QLineEdit>(QStringLiteral("general"), QStringLiteral("hostname"));
    QVERIFY(hostname);
    hostname->selectAll();
    QTest::keyClicks(hostname, QStringLiteral("mx.example.org"));

    auto *domains = editorOf<ListEditor>(QStringLiteral("general"), QStringLiteral("domains"));
    QVERIFY(domains);
    QTest::keyClicks(domains->entryEdit(), QStringLiteral("example.org"));
    QTest::keyClick(domains->entryEdit(), Qt::Key_Return);
    QCOMPARE(domains->items(), QStringList({QStringLiteral("example.com"), QStringLiteral("example.org")}));

    auto *enabled = editorOf<QCheckBox>(QStringLiteral("ratelimit"), QStringLiteral("rate_limit.enabled"));
    QVERIFY(enabled);
    m_window->setCurrentPage(7);
    QTest::mouseClick(enabled, Qt::LeftButton, {}, QPoint(4, enabled->height() / 2));
    QVERIFY(!enabled->isChecked());

    auto *level = editorOf<QComboBox>(QStringLiteral("general"), QStringLiteral("log_level"));
    QVERIFY(level);
    level->setCurrentText(QStringLiteral("DEBUG"));
    Q_EMIT level->activated(level->currentIndex());

    QVERIFY(m_window->model()->isModified());
    QVERIFY(m_window->saveAction()->isEnabled());
    QVERIFY(m_window->saveConfig(false, false));
    QVERIFY(!m_window->model()->isModified());

    const QJsonObject saved = readConfig();
    QCOMPARE(saved.value("hostname").toString(), QStringLiteral("mx.example.org"));
    QCOMPARE(saved.value("smtp").toObject().value("max_connections").toInt(), 250);
    QCOMPARE(saved.value("smtp").toObject().value("port").toInt(), 2525);
    QCOMPARE(saved.value("domains").toArray(), QJsonArray({"example.com", "example.org"}));
    QCOMPARE(saved.value("rate_limit").toObject().value("enabled").toBool(true), false);
    QCOMPARE(saved.value("log_level").toString(), QStringLiteral("DEBUG"));
    // Unknown keys survive, at the top level and inside a section.
    QCOMPARE(saved.value("x_company_note").toObject().value("owner").toString(), QStringLiteral("it@example.com"));
    QCOMPARE(saved.value("smtp").toObject().value("x_tuning").toInt(), 7);
    // Keys the file did not have stay out of it (defaults are not written needlessly).
    QVERIFY(!saved.contains("imap"));
    // And the daemon's own loader accepts the result.
    Config c;
    QVector<ConfigError> errors;
    QVERIFY(Config::loadFile(m_path, &c, &errors));
    QCOMPARE(c.smtp.maxConnections, 250);
}

void tst_AdminConfigForms::invalidInputIsFlaggedAndNotSaved()
{
    const QByteArray before = [&] { QFile f(m_path); f.open(QIODevice::ReadOnly); return f.readAll(); }();
    auto *hostname = editorOf<QLineEdit>(QStringLiteral("general"), QStringLiteral("hostname"));
    hostname->selectAll();
    QTest::keyClicks(hostname, QStringLiteral("not a host!"));
    ConfigField *field = fieldOf(QStringLiteral("general"), QStringLiteral("hostname"));
    QVERIFY2(field->shownProblem().contains(QStringLiteral("host name")), qPrintable(field->shownProblem()));
    QVERIFY(!m_window->model()->isValid());
    QVERIFY(m_window->configPage(QStringLiteral("general"))->hasProblems());

    auto *relay = editorOf<QLineEdit>(QStringLiteral("delivery"), QStringLiteral("delivery.relay_host"));
    QTest::keyClicks(relay, QStringLiteral("smtp.provider.example"));  // no port
    QVERIFY(!fieldOf(QStringLiteral("delivery"), QStringLiteral("delivery.relay_host"))->shownProblem().isEmpty());

    QVERIFY(!m_window->saveConfig(false, false));
    QVERIFY(m_window->lastMessage().contains(QStringLiteral("Not saved")));
    const QByteArray after = [&] { QFile f(m_path); f.open(QIODevice::ReadOnly); return f.readAll(); }();
    QCOMPARE(after, before);

    // Fixing the values clears the flags and makes saving possible again.
    hostname->selectAll();
    QTest::keyClicks(hostname, QStringLiteral("mail.example.net"));
    relay->selectAll();
    QTest::keyClicks(relay, QStringLiteral("smtp.provider.example:587"));
    QVERIFY(field->shownProblem().isEmpty());
    QVERIFY(m_window->model()->isValid());
    QVERIFY(m_window->saveConfig(false, false));
    QCOMPARE(readConfig().value("delivery").toObject().value("relay_host").toString(), QStringLiteral("smtp.provider.example:587"));
}

void tst_AdminConfigForms::listEditorRefusesBadEntries()
{
    auto *whitelist = editorOf<ListEditor>(QStringLiteral("ratelimit"), QStringLiteral("rate_limit.whitelist"));
    QVERIFY(whitelist);
    for (const QString &bad : {QStringLiteral("10.0.0.0/33"), QStringLiteral("abc"), QStringLiteral("300.1.2.3")}) {
        whitelist->entryEdit()->setText(bad);
        QVERIFY2(!whitelist->addEntry(), qPrintable(bad));
        QVERIFY(!whitelist->items().contains(bad));
        const QLabel *error = whitelist->findChild<QLabel *>(QStringLiteral("fieldError"));
        QVERIFY(error && !error->isHidden() && error->text().contains(bad));
    }
    QVERIFY(!m_window->model()->isModified());
    whitelist->entryEdit()->setText(QStringLiteral("192.168.0.0/16"));
    QVERIFY(whitelist->addEntry());
    QCOMPARE(m_window->model()->value(QStringLiteral("rate_limit.whitelist")).toArray().last().toString(),
             QStringLiteral("192.168.0.0/16"));

    auto *domains = editorOf<ListEditor>(QStringLiteral("general"), QStringLiteral("domains"));
    domains->entryEdit()->setText(QStringLiteral("bad_domain!"));
    QVERIFY(!domains->addEntry());
    domains->entryEdit()->setText(QStringLiteral("EXAMPLE.com"));
    QVERIFY(!domains->addEntry()); // already there (case-insensitive)
}

void tst_AdminConfigForms::modifiedMarkersAndRevert()
{
    ConfigPage *imap = m_window->configPage(QStringLiteral("imap"));
    ConfigField *field = imap->field(QStringLiteral("imap.max_connections"));
    QVERIFY(!imap->isModified());
    QVERIFY(!field->label()->property("modified").toBool());
    auto *spin = qobject_cast<QSpinBox *>(field->editor());
    spin->setValue(300);
    QVERIFY(imap->isModified());
    QVERIFY(field->label()->property("modified").toBool());
    QVERIFY(!m_window->configPage(QStringLiteral("smtp"))->isModified());
    QVERIFY(m_window->isWindowModified());

    // Setting the old value back is not a change.
    spin->setValue(100);
    QVERIFY(!imap->isModified());
    QVERIFY(!m_window->model()->isModified());

    spin->setValue(42);
    auto *revert = field->findChild<QToolButton *>();
    QVERIFY(revert && !revert->isHidden());
    revert->click();
    QCOMPARE(spin->value(), 100);
    QVERIFY(!m_window->model()->isModified());

    spin->setValue(43);
    m_window->revertConfig();
    QCOMPARE(spin->value(), 100);
    QVERIFY(!imap->isModified());
}

void tst_AdminConfigForms::previewListsTheChanges()
{
    editorOf<QSpinBox>(QStringLiteral("smtp"), QStringLiteral("smtp.max_recipients"))->setValue(75);
    auto *root = editorOf<QLineEdit>(QStringLiteral("general"), QStringLiteral("mail_root"));
    root->selectAll();
    QTest::keyClicks(root, QStringLiteral("/srv/mail"));
    int rows = -1;
    QString restartCell;
    QTimer::singleShot(200, this, [&] {
        auto *dialog = qobject_cast<SavePreviewDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        rows = dialog->table()->rowCount();
        for (int r = 0; r < rows; ++r)
            if (dialog->table()->item(r, 0)->toolTip() == QLatin1String("mail_root"))
                restartCell = dialog->table()->item(r, 3)->text();
        dialog->accept();
    });
    QVERIFY(m_window->saveConfig(false, true));
    QCOMPARE(rows, 2);
    QCOMPARE(restartCell, QStringLiteral("after a restart"));
    QCOMPARE(readConfig().value("smtp").toObject().value("max_recipients").toInt(), 75);
    QCOMPARE(readConfig().value("mail_root").toString(), QStringLiteral("/srv/mail"));

    // Cancel in the preview writes nothing.
    editorOf<QSpinBox>(QStringLiteral("smtp"), QStringLiteral("smtp.max_recipients"))->setValue(76);
    QTimer::singleShot(200, this, [] {
        if (QWidget *w = QApplication::activeModalWidget())
            qobject_cast<QDialog *>(w)->reject();
    });
    QVERIFY(!m_window->saveConfig(false, true));
    QCOMPARE(readConfig().value("smtp").toObject().value("max_recipients").toInt(), 75);
    QVERIFY(m_window->model()->isModified());
}

void tst_AdminConfigForms::restartOnlyKeysAreMarked()
{
    for (const ConfigKeyInfo &k : ConfigSchema::keys()) {
        ConfigField *f = nullptr;
        for (const QString &slug : {QStringLiteral("general"), QStringLiteral("smtp"), QStringLiteral("imap"), QStringLiteral("api"),
                                    QStringLiteral("tls"), QStringLiteral("delivery"), QStringLiteral("ratelimit")})
            if (!f)
                f = fieldOf(slug, k.path);
        QVERIFY(f);
        const bool badge = f->findChild<QLabel *>(QStringLiteral("restartBadge")) != nullptr;
        QVERIFY2(badge == !k.appliesLive, qPrintable(k.path));
    }
}

void tst_AdminConfigForms::generateSecret()
{
    ConfigField *f = fieldOf(QStringLiteral("api"), QStringLiteral("exchange_api.token_secret"));
    auto *line = f->editor()->findChild<QLineEdit *>();
    QCOMPARE(line->echoMode(), QLineEdit::Password);
    f->findChild<QToolButton *>(QStringLiteral("generateSecret"))->click();
    const QString secret = m_window->model()->value(QStringLiteral("exchange_api.token_secret")).toString();
    QCOMPARE(secret.size(), 43); // 32 bytes, base64url without padding
    QCOMPARE(line->text(), secret);
    QVERIFY(f->shownProblem().isEmpty());
    f->findChild<QToolButton *>(QStringLiteral("showSecret"))->click();
    QCOMPARE(line->echoMode(), QLineEdit::Normal);
    // A second click makes a different one.
    f->findChild<QToolButton *>(QStringLiteral("generateSecret"))->click();
    QVERIFY(m_window->model()->value(QStringLiteral("exchange_api.token_secret")).toString() != secret);
    // Too short by hand: flagged with the daemon's rule.
    line->selectAll();
    QTest::keyClicks(line, QStringLiteral("short"));
    QVERIFY(!f->shownProblem().isEmpty());
}

void tst_AdminConfigForms::missingFileStartsFromDefaults()
{
    const QString path = m_dir->filePath(QStringLiteral("new/config.json"));
    QDir().mkpath(m_dir->filePath(QStringLiteral("new")));
    QString error;
    QVERIFY(m_window->openConfig(path, &error));
    QVERIFY(!m_window->model()->fileExists());
    QCOMPARE(editorOf<QSpinBox>(QStringLiteral("smtp"), QStringLiteral("smtp.port"))->value(), 25);
    editorOf<QSpinBox>(QStringLiteral("smtp"), QStringLiteral("smtp.port"))->setValue(2526);
    QVERIFY(m_window->saveConfig(false, false));
    QVERIFY(QFile::exists(path));
    Config c;
    QVector<ConfigError> errors;
    QVERIFY(Config::loadFile(path, &c, &errors));
    QCOMPARE(c.smtp.port, 2526);
}

void tst_AdminConfigForms::brokenFileValuesAreShown()
{
    m_path = writeConfig(R"({"hostname": "bad host", "smtp": {"port": 70000}})");
    QString error;
    QVERIFY(m_window->openConfig(m_path, &error));
    QVERIFY(!fieldOf(QStringLiteral("general"), QStringLiteral("hostname"))->shownProblem().isEmpty());
    QVERIFY(!fieldOf(QStringLiteral("smtp"), QStringLiteral("smtp.port"))->shownProblem().isEmpty());
    // Showing the value must not count as an edit (the spin box clamps 70000 for display).
    QVERIFY(!m_window->model()->isModified());
    auto *port = editorOf<QSpinBox>(QStringLiteral("smtp"), QStringLiteral("smtp.port"));
    port->setValue(2525);
    QVERIFY(fieldOf(QStringLiteral("smtp"), QStringLiteral("smtp.port"))->shownProblem().isEmpty());
    QVERIFY(!m_window->saveConfig(false, false)); // hostname is still wrong
}

QTEST_MAIN(tst_AdminConfigForms)
#include "tst_adminconfigforms.moc"
