// postroom-bench: every Postroom benchmark in one program with one output format.
//   postroom-bench store|smtp|imap|api [options] [--json]
//   postroom-bench all [--quick] [--json]   a standard set against daemons it starts itself
#include "apibench.h"
#include "benchdaemon.h"
#include "benchreport.h"
#include "imapbench.h"
#include "smtpbench.h"
#include "storebench.h"

#include <QCoreApplication>
#include <QTextStream>

static void usage()
{
    QTextStream(stderr) << "usage: postroom-bench store|smtp|imap|api|all [options] [--json]\n"
                           "  store [--messages N] [--batch B] [--folder-size N] [--runs R]\n"
                           "  smtp  [--messages N] [--connections 1,8] [--size BYTES] [--runs R] [--idle K]\n"
                           "  imap  [--messages N] [--average-kb K] [--bodies N] [--idle K] [--runs R]\n"
                           "  api   [--messages N] [--requests N] [--clients 1,16]\n"
                           "  all   [--quick]   the standard set (small counts with --quick)\n"
                           "The daemon binary comes from $POSTROOMD or next to this program.\n";
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    const bool json = args.removeAll(QStringLiteral("--json")) > 0;
    const bool quick = args.removeAll(QStringLiteral("--quick")) > 0;
    if (args.isEmpty()) {
        usage();
        return 2;
    }
    const QString command = args.takeFirst();
    const QString postroomd = BenchDaemon::findPostroomd(QString::fromLocal8Bit(argv[0]));
    BenchReport report;
    int rc = 0;
    if (command == QLatin1String("store")) {
        rc = runStoreBenchmark(args);
    } else if (command == QLatin1String("smtp")) {
        rc = runSmtpBenchmark(args, postroomd, report);
    } else if (command == QLatin1String("imap")) {
        rc = runImapBenchmark(args, postroomd, report);
    } else if (command == QLatin1String("api")) {
        rc = runApiBenchmark(args, postroomd, report);
    } else if (command == QLatin1String("all")) {
        const QStringList smtpArgs = quick ? QStringList{"--messages", "200", "--runs", "1", "--idle", "50"}
                                           : QStringList{"--messages", "2000", "--runs", "3", "--idle", "500"};
        rc = runSmtpBenchmark(smtpArgs, postroomd, report);
        const QStringList imapArgs = quick ? QStringList{"--messages", "300", "--average-kb", "8", "--bodies", "100",
                                                         "--idle", "30", "--runs", "1"}
                                           : QStringList{};
        rc = runImapBenchmark(imapArgs, postroomd, report) || rc;
        const QStringList apiArgs = quick ? QStringList{"--messages", "60", "--requests", "160"} : QStringList{};
        rc = runApiBenchmark(apiArgs, postroomd, report) || rc;
    } else {
        usage();
        return 2;
    }
    QTextStream out(stdout);
    if (!report.rows().isEmpty())
        out << (json ? QString::fromUtf8(report.toJson()) : report.toTable());
    return rc;
}
