#include "commandline.h"

#include "config.h"
#include "configschema.h"
#include "controlclient.h"
#include "logging.h"
#include "server.h"
#include "signalhandler.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

#include <cstdio>

namespace {

constexpr int ExitOk = 0;
constexpr int ExitFailure = 1;
constexpr int ExitUsage = 2;

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

void printErrors(const QString &what, const QVector<ConfigError> &errors)
{
    err() << what << "\n";
    for (const ConfigError &e : errors)
        err() << "  " << e.toString() << "\n";
    err().flush();
}

int runInit(const QString &configPath, bool force)
{
    if (QFileInfo::exists(configPath) && !force) {
        err() << configPath << " already exists; use `postroomd init --force` to overwrite it\n";
        return ExitFailure;
    }
    QString problem;
    if (!Config::saveDocument(configPath, Config::defaultDocument(), &problem)) {
        err() << "cannot write " << configPath << ": " << problem << "\n";
        return ExitFailure;
    }
    out() << "wrote the default configuration to " << QFileInfo(configPath).absoluteFilePath() << "\n"
          << "next: set hostname and domains, then start postroomd\n";
    return ExitOk;
}

// The control socket of the config at configPath, even when that config has errors elsewhere.
QString controlSocketFor(const QString &configPath)
{
    Config config;
    QVector<ConfigError> errors;
    if (Config::loadFile(configPath, &config, &errors))
        return config.controlSocket;
    Config::fromJson(Config::defaultDocument(), QFileInfo(configPath).absolutePath(), &config, &errors);
    return config.controlSocket;
}

int runStatus(const QString &configPath, bool json)
{
    ControlProtocol::Reply reply;
    QString problem;
    if (ControlClient::call(controlSocketFor(configPath), ControlProtocol::Method::Status, {}, &reply, &problem)
        != ControlClient::Result::Ok) {
        err() << problem << "\n";
        return 3; // like systemctl: not running
    }
    if (json) {
        out() << QJsonDocument(reply.result).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    const ControlProtocol::StatusResult s = ControlProtocol::StatusResult::fromJson(reply.result);
    out() << "postroomd " << s.version << " running, pid " << s.pid << ", up " << s.uptimeSeconds << " s\n"
          << "config:   " << s.configPath << "\n"
          << "mail_root: " << s.mailRoot << "\n"
          << "hostname: " << s.hostname << "\n"
          << "TLS:      " << (s.tlsEnabled ? s.tlsCertificate : QStringLiteral("off")) << "\n";
    for (const ControlProtocol::ListenerStatus &l : s.listeners)
        out() << QStringLiteral("  %1 %2:%3 %4%5 %6\n").arg(l.name.leftJustified(11), l.address).arg(l.port)
                     .arg(l.tls ? QStringLiteral("TLS ") : (l.starttls ? QStringLiteral("STARTTLS ") : QString()),
                          l.state, l.error);
    return ExitOk;
}

int runReload(const QString &configPath)
{
    ControlProtocol::Reply reply;
    QString problem;
    if (ControlClient::call(controlSocketFor(configPath), ControlProtocol::Method::Reload, {}, &reply, &problem)
        != ControlClient::Result::Ok) {
        err() << problem << "\n";
        return 3;
    }
    if (!reply.ok) {
        printErrors(reply.error.message, reply.error.errors);
        return ExitFailure;
    }
    for (const QJsonValue &w : reply.result.value("warnings").toArray())
        err() << "warning: " << w.toString() << "\n";
    out() << "configuration reloaded\n";
    return ExitOk;
}

// Markdown reference of every key, from the schema (docs/configuration.md embeds it).
int runConfigReference()
{
    out() << "| key | default | valid values | applied by reload | meaning |\n|---|---|---|---|---|\n";
    for (const ConfigKeyInfo &k : ConfigSchema::keys()) {
        QString def = QString::fromUtf8(QJsonDocument(QJsonArray{k.defaultValue}).toJson(QJsonDocument::Compact));
        def = def.mid(1, def.size() - 2);
        QString valid = ConfigSchema::expectation(k);
        out() << "| `" << k.path << "` | `" << def << "` | " << valid.replace(QLatin1Char('|'), QLatin1String("\\|"))
              << " | " << (k.appliesLive ? "yes" : "restart") << " | " << k.description
              << (k.fromReference ? "" : " *(Postroom addition)*") << " |\n";
    }
    return ExitOk;
}

int runDaemon(QCoreApplication &app, const QString &configPath)
{
    Logging::install();
    auto *server = new Server(configPath, &app);
    QVector<ConfigError> errors;
    if (!server->start(&errors)) {
        printErrors(QStringLiteral("postroomd cannot start:"), errors);
        for (const ConfigError &e : std::as_const(errors))
            qCCritical(lcServer).noquote() << e.toString();
        delete server;
        return ExitUsage;
    }
    qCInfo(lcServer) << "postroomd" << POSTROOM_VERSION << "ready, pid" << QCoreApplication::applicationPid();
    auto *signals_ = new SignalHandler(&app);
    QObject::connect(signals_, &SignalHandler::reloadRequested, server, [server] {
        qCInfo(lcConfig) << "SIGHUP: reloading the configuration";
        QVector<ConfigError> reloadErrors;
        server->reload(&reloadErrors);
    });
    bool stopping = false;
    QObject::connect(signals_, &SignalHandler::terminateRequested, server, [server, &stopping] {
        if (stopping) {
            QCoreApplication::exit(0); // a second signal: stop now
            return;
        }
        stopping = true;
        server->shutdown(5000, [] { QCoreApplication::exit(0); });
    });
    const int rc = app.exec();
    delete server; // closes listeners and the control socket (removes its file)
    qCInfo(lcServer) << "postroomd stopped";
    return rc;
}

} // namespace

// Module command-line verbs. Each returns an exit code; args start with the verb.
using ModuleCommand = int (*)(const QStringList &args, const Config &config);
struct ModuleVerb {
    const char *verb;
    ModuleCommand run;
    const char *help;
};
extern const ModuleVerb *postroomModuleVerbs(); // defined in moduleverbs.cpp

int runCommandLine(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("postroomd"));
    QCoreApplication::setApplicationVersion(QStringLiteral(POSTROOM_VERSION));

    QStringList args = app.arguments();
    // --config may come anywhere; take it out first so module verbs get clean arguments.
    QString configPath = QStringLiteral("config.json");
    for (int i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--config") && i + 1 < args.size()) {
            configPath = args.at(i + 1);
            args.remove(i, 2);
            break;
        }
        if (args.at(i).startsWith(QLatin1String("--config="))) {
            configPath = args.at(i).mid(9);
            args.remove(i);
            break;
        }
    }
    configPath = QFileInfo(configPath).absoluteFilePath();

    const QString verb = args.size() > 1 ? args.at(1) : QString();
    for (const ModuleVerb *m = postroomModuleVerbs(); m && m->verb; ++m) {
        if (verb == QLatin1String(m->verb)) {
            Config config;
            QVector<ConfigError> errors;
            if (!Config::loadFile(configPath, &config, &errors)) {
                printErrors(QStringLiteral("cannot use %1:").arg(configPath), errors);
                return ExitUsage;
            }
            return m->run(args.mid(1), config);
        }
    }

    QCommandLineParser parser;
    QString description = QStringLiteral(
        "Postroom mail server daemon.\n\nCommands:\n"
        "  run             run the daemon in the foreground (default)\n"
        "  init [--force]  write the default config.json\n"
        "  status [--json] show the running daemon's state\n"
        "  reload          apply config.json to the running daemon\n"
        "  config-reference  print the Markdown table of every config key\n");
    for (const ModuleVerb *m = postroomModuleVerbs(); m && m->verb; ++m)
        description += QStringLiteral("  %1 %2\n").arg(QString::fromLatin1(m->verb).leftJustified(15), QString::fromLatin1(m->help));
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("config"), QStringLiteral("Path of config.json (default: ./config.json)."), QStringLiteral("path")});
    parser.addOption({QStringLiteral("force"), QStringLiteral("init: overwrite an existing config.json.")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("status: print JSON.")});
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("run, init, status, reload, ..."));
    if (!parser.parse(args)) {
        err() << parser.errorText() << "\n" << "see `postroomd --help`\n";
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return ExitOk;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        out() << "postroomd " << POSTROOM_VERSION << "\n";
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    const QString command = positional.value(0, QStringLiteral("run"));
    if (positional.size() > 1) {
        err() << "unexpected argument: " << positional.at(1) << "\n";
        return ExitUsage;
    }
    if (command == QLatin1String("run"))
        return runDaemon(app, configPath);
    if (command == QLatin1String("init"))
        return runInit(configPath, parser.isSet(QStringLiteral("force")));
    if (command == QLatin1String("status"))
        return runStatus(configPath, parser.isSet(QStringLiteral("json")));
    if (command == QLatin1String("reload"))
        return runReload(configPath);
    if (command == QLatin1String("config-reference"))
        return runConfigReference();
    err() << "unknown command: " << command << " (see `postroomd --help`)\n";
    return ExitUsage;
}
