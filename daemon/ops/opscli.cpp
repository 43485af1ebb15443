#include "opscli.h"

#include "backupwriter.h"
#include "backuprestorer.h"
#include "diagnoser.h"

#include <QJsonDocument>
#include <QTextStream>

#include <cstdio>

namespace {
constexpr int ExitOk = 0;
constexpr int ExitFailure = 1;
constexpr int ExitUsage = 2;

int usage(QTextStream &err, const QString &text)
{
    err << text << "\nusage: postroomd diagnose [--json] [--no-dns] [--user ADDRESS --password-stdin]\n"
        << "       postroomd backup DEST\n"
        << "       postroomd restore SRC [--into DIR] [--keep-config] [--force]\n";
    return ExitUsage;
}

int runDiagnose(const QStringList &args, const Config &config, QTextStream &out, QTextStream &err)
{
    DiagnoseOptions options;
    bool json = false, passwordStdin = false;
    for (int i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--json"))
            json = true;
        else if (a == QLatin1String("--no-dns"))
            options.skipDns = true;
        else if (a == QLatin1String("--password-stdin"))
            passwordStdin = true;
        else if (a == QLatin1String("--user") && i + 1 < args.size())
            options.user = args.at(++i);
        else
            return usage(err, QStringLiteral("unknown argument: %1").arg(a));
    }
    if (!options.user.isEmpty()) {
        if (!passwordStdin)
            return usage(err, QStringLiteral("--user needs --password-stdin (the password is read from standard input)"));
        QTextStream in(stdin);
        options.password = in.readLine();
    }
    const DiagnoseReport report = Diagnoser(config, options).run();
    if (json)
        out << QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented);
    else
        out << report.toText();
    return report.hasFailures() ? ExitFailure : ExitOk;
}

int runBackup(const QStringList &args, const Config &config, QTextStream &out, QTextStream &err)
{
    if (args.size() != 2 || args.at(1).startsWith(QLatin1String("--")))
        return usage(err, QStringLiteral("backup needs one destination"));
    BackupWriter writer(config);
    BackupSummary summary;
    QString error;
    if (!writer.write(args.at(1), &summary, &error)) {
        err << "backup failed: " << error << "\n";
        return ExitFailure;
    }
    out << "wrote " << summary.archivePath << " (" << summary.archiveBytes << " bytes): " << summary.users << " users, "
        << summary.messages << " messages, " << summary.queued << " queued messages\n";
    return ExitOk;
}

int runRestore(const QStringList &args, const Config &config, QTextStream &out, QTextStream &err)
{
    RestoreOptions options;
    for (int i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--into") && i + 1 < args.size())
            options.intoDir = args.at(++i);
        else if (a == QLatin1String("--keep-config"))
            options.keepConfig = true;
        else if (a == QLatin1String("--force"))
            options.force = true;
        else if (!a.startsWith(QLatin1String("--")) && options.archive.isEmpty())
            options.archive = a;
        else
            return usage(err, QStringLiteral("unknown argument: %1").arg(a));
    }
    if (options.archive.isEmpty())
        return usage(err, QStringLiteral("restore needs the archive to read"));
    BackupRestorer restorer(config);
    QString report, error;
    if (!restorer.restore(options, &report, &error)) {
        err << "restore failed: " << error << "\n";
        return ExitFailure;
    }
    out << report;
    return ExitOk;
}
} // namespace

int runOpsCommand(const QStringList &args, const Config &config)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString verb = args.value(0);
    if (verb == QLatin1String("diagnose"))
        return runDiagnose(args, config, out, err);
    if (verb == QLatin1String("backup"))
        return runBackup(args, config, out, err);
    if (verb == QLatin1String("restore"))
        return runRestore(args, config, out, err);
    return usage(err, QStringLiteral("unknown command: %1").arg(verb));
}
