// postroom-admin: parses the command line, loads the translation, opens the config
// and shows the main window. --screenshot-dir grabs every page and exits (docs).
#include "appearance.h"
#include "daemonclient.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLibraryInfo>
#include <QMessageBox>
#include <QSettings>
#include <QTimer>
#include <QTranslator>

namespace {
constexpr int ScreenshotConnectWaitMs = 3000;
constexpr int ScreenshotSettleMs = 2500;
}

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Postroom"));
    QApplication::setApplicationName(QStringLiteral("postroom-admin"));
    QApplication::setApplicationVersion(QStringLiteral(POSTROOM_VERSION));
    QApplication::setWindowIcon(Appearance::appIcon());

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Postroom mail server administration"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption configOption(QStringLiteral("config"), QStringLiteral("The config.json to edit."), QStringLiteral("path"));
    QCommandLineOption socketOption(QStringLiteral("socket"), QStringLiteral("The daemon's control socket (default: from the config)."), QStringLiteral("path"));
    QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("Language (en, de, fr, es) for this run."), QStringLiteral("code"));
    QCommandLineOption shotOption(QStringLiteral("screenshot-dir"), QStringLiteral("Save a PNG of every page into dir and exit."), QStringLiteral("dir"));
    parser.addOptions({configOption, socketOption, langOption, shotOption});
    parser.process(app);

    QSettings settings;
    const QString lang = parser.isSet(langOption) ? parser.value(langOption) : settings.value(QStringLiteral("language")).toString();
    const QLocale locale = lang.isEmpty() ? QLocale::system() : QLocale(lang);
    QLocale::setDefault(locale);
    QTranslator qtTranslator;
    if (qtTranslator.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(locale, QStringLiteral("postroom-admin"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        app.installTranslator(&translator);

    app.setStyleSheet(Appearance::styleSheet());
    MainWindow window;
    QString configPath = parser.value(configOption);
    if (configPath.isEmpty())
        configPath = QFileInfo::exists(QStringLiteral("config.json")) ? QStringLiteral("config.json")
                     : settings.value(QStringLiteral("configPath"), QStringLiteral("config.json")).toString();
    QString error;
    if (!window.openConfig(configPath, &error)) {
        QMessageBox::critical(nullptr, QObject::tr("Cannot open the configuration"), error);
        return 1;
    }
    if (parser.isSet(socketOption))
        window.setSocketOverride(parser.value(socketOption));

    if (parser.isSet(shotOption)) {
        window.resize(1280, 800);
        window.show();
        const QString dir = parser.value(shotOption);
        // Give the connection and a few stats samples time to arrive, then grab.
        QTimer::singleShot(window.client()->isConnected() ? 0 : ScreenshotConnectWaitMs, &window, [&window, dir] {
            QTimer::singleShot(ScreenshotSettleMs, &window, [&window, dir] {
                QString err;
                const bool ok = window.saveScreenshots(dir, &err);
                if (!ok)
                    qWarning("%s", qPrintable(err));
                QApplication::exit(ok ? 0 : 1);
            });
        });
        return app.exec();
    }
    window.show();
    return app.exec();
}
