// The translations of postroom-admin: the compiled .qm files are embedded, German,
// French and Spanish load, the window shows translated text, and every config key's
// label and description is translated (a description changed in the schema is caught).
#include "configfield.h"
#include "configpage.h"
#include "configschema.h"
#include "diagnosticspage.h"
#include "fieldtexts.h"
#include "mainwindow.h"

#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

class tst_AdminTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void everyLanguageLoads_data();
    void everyLanguageLoads();
    void germanWindow();

private:
    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTranslator> m_translator;
};

void tst_AdminTranslations::initTestCase()
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
}

void tst_AdminTranslations::cleanup()
{
    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
    m_translator.reset();
}

void tst_AdminTranslations::everyLanguageLoads_data()
{
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QString>("dashboard");
    QTest::newRow("de") << "de" << QStringLiteral("Übersicht");
    QTest::newRow("fr") << "fr" << QStringLiteral("Tableau de bord");
    QTest::newRow("es") << "es" << QStringLiteral("Panel");
}

void tst_AdminTranslations::everyLanguageLoads()
{
    QFETCH(QString, lang);
    QFETCH(QString, dashboard);
    m_translator = std::make_unique<QTranslator>();
    QVERIFY(m_translator->load(QLocale(lang), QStringLiteral("postroom-admin"), QStringLiteral("_"), QStringLiteral(":/i18n")));
    QVERIFY(QCoreApplication::installTranslator(m_translator.get()));
    QCOMPARE(QCoreApplication::translate("DashboardPage", "Dashboard"), dashboard);
    for (const ConfigKeyInfo &k : ConfigSchema::keys()) {
        const QString description = FieldTexts::description(k);
        QVERIFY2(description != k.description, qPrintable(lang + QStringLiteral(": description of ") + k.path
                                                          + QStringLiteral(" is not translated (changed in the schema?)")));
        QVERIFY2(FieldTexts::label(k.path) != k.path, qPrintable(k.path));
    }
    QCOMPARE(FieldTexts::descriptionCount(), int(ConfigSchema::keys().size()));
    // Plural forms come out right.
    const QString two = QCoreApplication::translate("QueuePage", "%n message(s) in the queue", nullptr, 2);
    QVERIFY2(two.startsWith(QLatin1Char('2')) && !two.contains(QLatin1String("(s)")), qPrintable(two));
}

void tst_AdminTranslations::germanWindow()
{
    m_translator = std::make_unique<QTranslator>();
    QVERIFY(m_translator->load(QLocale(QLocale::German), QStringLiteral("postroom-admin"), QStringLiteral("_"), QStringLiteral(":/i18n")));
    QCoreApplication::installTranslator(m_translator.get());
    QTemporaryDir dir(QStringLiteral("/tmp/pradm-XXXXXX"));
    MainWindow window;
    QString error;
    QVERIFY(window.openConfig(dir.filePath(QStringLiteral("config.json")), &error));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *nav = window.findChild<QListWidget *>(QStringLiteral("navigation"));
    QVERIFY(nav);
    QCOMPARE(nav->item(0)->text(), QStringLiteral("Übersicht"));
    QCOMPARE(nav->item(1)->text(), QStringLiteral("Allgemein"));
    QCOMPARE(nav->item(8)->text(), QStringLiteral("Benutzer und Aliasse"));
    QCOMPARE(nav->item(nav->count() - 1)->text(), QStringLiteral("Diagnose"));
    QCOMPARE(window.diagnosticsPage()->runButton()->text(), QStringLiteral("Diagnose &starten"));
    QCOMPARE(DiagnosticsPage::resultText(QStringLiteral("fail")), QStringLiteral("Fehlgeschlagen"));
    ConfigField *field = window.configPage(QStringLiteral("smtp"))->field(QStringLiteral("smtp.max_connections"));
    QCOMPARE(field->label()->text(), QStringLiteral("Maximale Verbindungen"));
    QVERIFY(field->editor()->toolTip().startsWith(QStringLiteral("Maximale gleichzeitige SMTP-Verbindungen")));
    QVERIFY(window.windowTitle().contains(QStringLiteral("Postroom-Verwaltung")));
}

QTEST_MAIN(tst_AdminTranslations)
#include "tst_admintranslations.moc"
