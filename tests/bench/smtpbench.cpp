#include "smtpbench.h"

#include "benchclients.h"
#include "benchdaemon.h"

#include <QElapsedTimer>
#include <QTextStream>
#include <QThread>

#include <atomic>
#include <thread>
#include <vector>

namespace {

const QString User = QStringLiteral("bench@example.com");

QByteArray makeMessage(int size)
{
    QByteArray m = "From: Sender <sender@example.net>\r\nTo: <bench@example.com>\r\nSubject: benchmark\r\n"
                   "Message-ID: <bench@example.net>\r\nDate: Sun, 29 Nov 2026 12:00:00 +0000\r\n\r\n";
    const QByteArray line = "The quick brown fox jumps over the lazy dog, again and again and again.\r\n";
    while (m.size() + line.size() <= size)
        m += line;
    return m;
}

// One connection sending `count` messages with PIPELINING. Returns the messages accepted.
int sendMessages(quint16 port, int count, const QByteArray &message)
{
    BenchLineClient c;
    if (!c.connectTo(port) || c.readSmtpReply() != 220)
        return 0;
    c.send("EHLO bench.example.net\r\n");
    if (c.readSmtpReply() != 250)
        return 0;
    int accepted = 0;
    const QByteArray envelope = "MAIL FROM:<sender@example.net>\r\nRCPT TO:<" + User.toUtf8() + ">\r\nDATA\r\n";
    for (int i = 0; i < count; ++i) {
        c.send(envelope);
        if (c.readSmtpReply() != 250 || c.readSmtpReply() != 250 || c.readSmtpReply() != 354)
            break;
        c.send(message + ".\r\n");
        if (c.readSmtpReply() != 250)
            break;
        ++accepted;
    }
    c.send("QUIT\r\n");
    c.readSmtpReply();
    return accepted;
}

struct Run {
    double acceptedPerSecond = 0;
    double deliveredPerSecond = 0;
    bool complete = false;
    int accepted = 0;
    int delivered = 0;
};

Run runOnce(BenchDaemon &daemon, int messages, int connections, const QByteArray &message)
{
    const int before = daemon.countMessages(User);
    std::atomic<int> accepted{0};
    QElapsedTimer timer;
    timer.start();
    std::vector<std::thread> threads;
    for (int i = 0; i < connections; ++i) {
        const int share = messages / connections + (i < messages % connections ? 1 : 0);
        threads.emplace_back([&, share] { accepted += sendMessages(quint16(daemon.port("smtp")), share, message); });
    }
    for (std::thread &t : threads)
        t.join();
    const double acceptedSeconds = timer.nsecsElapsed() / 1e9;
    while (daemon.countMessages(User) < before + accepted && timer.elapsed() < 300000)
        QThread::msleep(5);
    const double deliveredSeconds = timer.nsecsElapsed() / 1e9;
    Run r;
    r.accepted = accepted;
    r.delivered = daemon.countMessages(User) - before;
    r.complete = accepted == messages && r.delivered >= messages;
    r.acceptedPerSecond = accepted / acceptedSeconds;
    r.deliveredPerSecond = accepted / deliveredSeconds;
    return r;
}

} // namespace

int runSmtpBenchmark(const QStringList &args, const QString &postroomd, BenchReport &report)
{
    int messages = 2000;
    int size = 4096;
    int runs = 3;
    int idle = 500;
    QList<int> connectionCounts = {1, 8};
    for (int i = 0; i + 1 < args.size(); i += 2) {
        const QString &k = args.at(i);
        const QString &v = args.at(i + 1);
        if (k == QLatin1String("--messages"))
            messages = qMax(1, v.toInt());
        else if (k == QLatin1String("--size"))
            size = qBound(200, v.toInt(), 10 * 1024 * 1024);
        else if (k == QLatin1String("--runs"))
            runs = qBound(1, v.toInt(), 20);
        else if (k == QLatin1String("--idle"))
            idle = qBound(0, v.toInt(), 5000);
        else if (k == QLatin1String("--connections")) {
            connectionCounts.clear();
            for (const QString &c : v.split(QLatin1Char(',')))
                connectionCounts << qBound(1, c.toInt(), 256);
        }
    }
    BenchDaemon daemon(postroomd);
    QString error;
    if (!daemon.prepare(&error) || !daemon.addUser(User, QStringLiteral("bench-password"), &error)
        || !daemon.launch(&error)) {
        QTextStream(stderr) << "smtp benchmark: " << error << "\n";
        return 1;
    }
    const QByteArray message = makeMessage(size);
    for (int connections : connectionCounts) {
        QVector<double> accepted;
        QVector<double> delivered;
        for (int r = 0; r < runs; ++r) {
            const Run run = runOnce(daemon, messages, connections, message);
            if (!run.complete) {
                QTextStream(stderr) << "smtp benchmark: not every message was accepted and delivered: " << run.accepted
                                    << " accepted and " << run.delivered << " delivered of " << messages << " over "
                                    << connections << " connections\n";
                return 1;
            }
            accepted << run.acceptedPerSecond;
            delivered << run.deliveredPerSecond;
        }
        const QString label = QStringLiteral("%1 x %2 B, %3 conn").arg(messages).arg(size).arg(connections);
        report.add(QStringLiteral("smtp"), QStringLiteral("accepted msg/s, ") + label, median(accepted), QStringLiteral("msg/s"));
        report.add(QStringLiteral("smtp"), QStringLiteral("delivered msg/s, ") + label, median(delivered), QStringLiteral("msg/s"),
                   connections == 8 && size == 4096 ? QStringLiteral(">= 550") : QString());
    }
    if (idle > 0) {
        QThread::msleep(300);
        const qint64 before = daemon.rssKiB();
        std::vector<std::unique_ptr<BenchLineClient>> clients;
        for (int i = 0; i < idle; ++i) {
            auto c = std::make_unique<BenchLineClient>();
            if (!c->connectTo(quint16(daemon.port("smtp"))) || c->readSmtpReply() != 220)
                break;
            c->send("EHLO idle.example.net\r\n");
            if (c->readSmtpReply() != 250)
                break;
            clients.push_back(std::move(c));
        }
        QThread::msleep(500);
        const qint64 after = daemon.rssKiB();
        if (!clients.empty())
            report.add(QStringLiteral("smtp"), QStringLiteral("daemon memory per idle connection (%1 open)").arg(clients.size()),
                       double(after - before) / double(clients.size()), QStringLiteral("KB"), QStringLiteral("<= 50"));
    }
    report.note(QStringLiteral("smtp: median of %1 runs; one daemon, delivery to one local user over port 25").arg(runs));
    return 0;
}
