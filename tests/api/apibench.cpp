// postroom-bench-api: requests/s and latency of the HTTP API against a real postroomd:
// token issue, message list (50 per page) and message get, with 1 and 16 keep-alive
// clients. Starts its own daemon on free loopback ports with a temporary mail_root.
// Usage: postroom-bench-api [--postroomd PATH] [--messages N] [--seconds S] [--clients 1,16] [--fast-hash]
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <algorithm>
#include <functional>
#include <unistd.h>

namespace {
QTextStream out(stdout);

int freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

// One keep-alive connection with one request in flight at a time.
class Client : public QObject
{
public:
    std::function<QByteArray()> next;
    QVector<qint64> latenciesUs;
    int errors = 0;
    bool running = true;

    Client(quint16 port) { m_socket.connectToHost(QHostAddress::LocalHost, port); }
    void start()
    {
        connect(&m_socket, &QTcpSocket::readyRead, this, [this] { onRead(); });
        connect(&m_socket, &QTcpSocket::disconnected, this, [this] { ++errors; running = false; });
        send();
    }

private:
    void send()
    {
        if (!running)
            return;
        m_buffer.clear();
        m_timer.start();
        m_socket.write(next());
    }
    void onRead()
    {
        m_buffer += m_socket.readAll();
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const qsizetype cl = m_buffer.toLower().indexOf("content-length:");
        const qint64 length = cl >= 0 && cl < end ? m_buffer.mid(cl + 15, m_buffer.indexOf("\r\n", cl) - cl - 15).trimmed().toLongLong() : 0;
        if (m_buffer.size() < end + 4 + length)
            return;
        if (!m_buffer.startsWith("HTTP/1.1 200"))
            ++errors;
        latenciesUs.append(m_timer.nsecsElapsed() / 1000);
        send();
    }
    QTcpSocket m_socket;
    QByteArray m_buffer;
    QElapsedTimer m_timer;
};

QByteArray get(const QByteArray &path, const QByteArray &token)
{
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n\r\n";
}

QByteArray post(const QByteArray &path, const QByteArray &body)
{
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

// A blocking request for setup.
QByteArray request(quint16 port, const QByteArray &raw)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(3000))
        return {};
    s.write(raw);
    QByteArray data;
    while (s.waitForReadyRead(5000)) {
        data += s.readAll();
        const qsizetype end = data.indexOf("\r\n\r\n");
        const qsizetype cl = data.toLower().indexOf("content-length:");
        if (end >= 0 && cl >= 0 && data.size() >= end + 4 + data.mid(cl + 15, data.indexOf("\r\n", cl) - cl - 15).trimmed().toLongLong())
            return data.mid(end + 4);
    }
    return {};
}

// CPU seconds (user + system) the process has used so far, from /proc (Linux).
double cpuSeconds(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = f.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    return (fields.value(11).toDouble() + fields.value(12).toDouble()) / double(sysconf(_SC_CLK_TCK));
}

qint64 daemonPid = 0;

void run(const QString &name, int clients, int seconds, quint16 port, const std::function<QByteArray(int)> &make)
{
    const double cpuBefore = cpuSeconds(daemonPid);
    std::vector<std::unique_ptr<Client>> list;
    for (int i = 0; i < clients; ++i) {
        auto c = std::make_unique<Client>(port);
        c->next = [make, counter = i]() mutable { return make(counter++); };
        list.push_back(std::move(c));
    }
    for (auto &c : list)
        c->start();
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < seconds * 1000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    for (auto &c : list)
        c->running = false;
    const double elapsed = t.elapsed() / 1000.0;
    const double cpu = cpuSeconds(daemonPid) - cpuBefore;
    QVector<qint64> all;
    int errors = 0;
    for (auto &c : list) {
        all += c->latenciesUs;
        errors += c->errors;
    }
    std::sort(all.begin(), all.end());
    const auto pct = [&](double p) { return all.isEmpty() ? 0.0 : all[qMin(all.size() - 1, int(all.size() * p))] / 1000.0; };
    // Daemon CPU per request: on a shared machine the one figure that does not depend on the load.
    out << QStringLiteral("%1 clients=%2: %3 req/s  p50 %4 ms  p99 %5 ms  daemon CPU %6 ms/req  (%7 requests, %8 errors)\n")
               .arg(name, -12).arg(clients, 2).arg(all.size() / elapsed, 8, 'f', 0).arg(pct(0.5), 0, 'f', 2)
               .arg(pct(0.99), 0, 'f', 2).arg(all.isEmpty() ? 0.0 : cpu * 1000 / all.size(), 0, 'f', 3)
               .arg(all.size()).arg(errors);
    out.flush();
    // Let the in-flight requests finish before the next scenario.
    QElapsedTimer drain;
    drain.start();
    while (drain.elapsed() < 300)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    QString postroomd = qEnvironmentVariable("POSTROOMD", QCoreApplication::applicationDirPath() + "/../../daemon/postroomd");
    int messages = 500, seconds = 3;
    QList<int> clientCounts{1, 16};
    bool fastHash = false;
    for (int i = 0; i < args.size(); ++i) {
        const QString a = args[i];
        if (a == "--postroomd" && i + 1 < args.size()) postroomd = args[++i];
        else if (a == "--messages" && i + 1 < args.size()) messages = args[++i].toInt();
        else if (a == "--seconds" && i + 1 < args.size()) seconds = qBound(1, args[++i].toInt(), 60);
        else if (a == "--clients" && i + 1 < args.size()) {
            clientCounts.clear();
            for (const QString &n : args[++i].split(',')) clientCounts << qBound(1, n.toInt(), 256);
        } else if (a == "--fast-hash") fastHash = true;
        else { out << "usage: postroom-bench-api [--postroomd PATH] [--messages N] [--seconds S] [--clients 1,16] [--fast-hash]\n"; return 2; }
    }
    QTemporaryDir dir;
    const QString config = dir.filePath("config.json");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (fastHash)
        env.insert("POSTROOM_TEST_FAST_HASH", "1");
    QProcess init;
    init.setProcessEnvironment(env);
    init.start(postroomd, {"init", "--config", config});
    if (!init.waitForFinished(30000) || init.exitCode() != 0) {
        out << "cannot run " << postroomd << " init\n";
        return 1;
    }
    QFile f(config);
    f.open(QIODevice::ReadOnly);
    QJsonObject c = QJsonDocument::fromJson(f.readAll()).object();
    f.close();
    const quint16 port = quint16(freePort());
    c["hostname"] = "mail.example.com";
    c["mail_root"] = dir.filePath("mail");
    c["domains"] = QJsonArray{"example.com"};
    c["log_level"] = "WARNING";
    for (const char *section : {"smtp", "imap", "exchange_api"}) {
        QJsonObject s = c[section].toObject();
        s["host"] = "127.0.0.1";
        for (const QString &key : s.keys())
            if (key.endsWith("port"))
                s[key] = freePort();
        if (QLatin1String(section) == QLatin1String("exchange_api"))
            s["port"] = port;
        c[section] = s;
    }
    f.open(QIODevice::WriteOnly);
    f.write(QJsonDocument(c).toJson());
    f.close();
    QProcess add;
    add.setProcessEnvironment(env);
    add.start(postroomd, {"--config", config, "user", "add", "bench@example.com", "--password-stdin"});
    add.write("benchpass\n");
    add.closeWriteChannel();
    if (!add.waitForFinished(60000) || add.exitCode() != 0) {
        out << "user add failed: " << add.readAllStandardError() << "\n";
        return 1;
    }
    const QString newDir = dir.filePath("mail/example.com/bench/Maildir/new");
    QDir().mkpath(newDir);
    for (int i = 0; i < messages; ++i) {
        QFile m(newDir + QStringLiteral("/%1.M%2P1.bench").arg(1700000000 + i).arg(i));
        m.open(QIODevice::WriteOnly);
        m.write(QStringLiteral("From: Alice <alice@example.com>\r\nTo: bench@example.com\r\nSubject: bench message %1\r\n"
                               "Message-ID: <b%1@example.com>\r\nDate: Mon, 02 Jan 2023 10:00:00 +0000\r\n\r\n%2\r\n")
                    .arg(i).arg(QString(400, 'x')).toUtf8());
    }
    QProcess daemon;
    daemon.setProcessEnvironment(env);
    daemon.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    daemon.start(postroomd, {"--config", config});
    daemonPid = daemon.processId();
    QElapsedTimer wait;
    wait.start();
    while (request(port, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").isEmpty()) {
        if (wait.elapsed() > 20000 || daemon.state() == QProcess::NotRunning) {
            out << "postroomd did not start\n";
            return 1;
        }
        QThread::msleep(50);
    }
    out << "daemon up\n";
    out.flush();
    const QByteArray login = QJsonDocument(QJsonObject{{"username", "bench@example.com"}, {"password", "benchpass"}}).toJson(QJsonDocument::Compact);
    const QByteArray token = QJsonDocument::fromJson(request(port, post("/api/v1/auth/token", login))).object()["access_token"].toString().toLatin1();
    const QJsonArray ids = QJsonDocument::fromJson(request(port, get("/api/v1/me/mailFolders/inbox/messages?$top=1000&$select=id", token)))
                               .object()["value"].toArray();
    if (token.isEmpty() || ids.isEmpty()) {
        out << "setup failed (token or message list)\n";
        return 1;
    }
    QVector<QByteArray> messageIds;
    for (const auto &v : ids)
        messageIds << v.toObject()["id"].toString().toLatin1();
    out << QStringLiteral("postroomd %1, %2 messages, %3 s per run%4\n").arg(postroomd).arg(ids.size()).arg(seconds)
               .arg(fastHash ? " (fast test password hash)" : " (production Argon2id)");
    const int pages = qMax(1, int(messageIds.size()) / 50);
    for (int clients : clientCounts) {
        run("token", clients, seconds, port, [&](int) { return post("/api/v1/auth/token", login); });
        run("list 50", clients, seconds, port, [&](int i) {
            return get("/api/v1/me/mailFolders/inbox/messages?$top=50&$skip=" + QByteArray::number((i % pages) * 50), token);
        });
        run("get", clients, seconds, port, [&](int i) { return get("/api/v1/me/messages/" + messageIds[i % messageIds.size()], token); });
    }
    daemon.terminate();
    daemon.waitForFinished(10000);
    return 0;
}
