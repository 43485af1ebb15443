#include "apibench.h"

#include "benchclients.h"
#include "benchdaemon.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

namespace {

const QString User = QStringLiteral("bench@example.com");
const QByteArray Password = "bench-password";

struct Figures {
    double requestsPerSecond = 0;
    double medianMs = 0;
    double p99Ms = 0;
    int failures = 0;
};

// Runs `perClient` requests on each of `clients` keep-alive connections.
Figures load(quint16 port, int clients, int perClient,
             const std::function<int(BenchHttpClient &, int)> &request)
{
    std::mutex mutex;
    QVector<double> latencies;
    std::atomic<int> failures{0};
    QElapsedTimer wall;
    wall.start();
    std::vector<std::thread> threads;
    for (int c = 0; c < clients; ++c) {
        threads.emplace_back([&, c] {
            BenchHttpClient http;
            if (!http.connectTo(port)) {
                failures += perClient;
                return;
            }
            QVector<double> mine;
            for (int i = 0; i < perClient; ++i) {
                QElapsedTimer t;
                t.start();
                const int status = request(http, c * perClient + i);
                mine << t.nsecsElapsed() / 1e6;
                if (status < 200 || status > 299)
                    ++failures;
            }
            std::lock_guard<std::mutex> lock(mutex);
            latencies += mine;
        });
    }
    for (std::thread &t : threads)
        t.join();
    Figures f;
    f.requestsPerSecond = latencies.size() / (wall.nsecsElapsed() / 1e9);
    std::sort(latencies.begin(), latencies.end());
    if (!latencies.isEmpty()) {
        f.medianMs = latencies.at(latencies.size() / 2);
        f.p99Ms = latencies.at(qMin(latencies.size() - 1, int(latencies.size() * 0.99)));
    }
    f.failures = failures;
    return f;
}

} // namespace

int runApiBenchmark(const QStringList &args, const QString &postroomd, BenchReport &report)
{
    int messages = 200;
    int requests = 2000;
    QList<int> clientCounts = {1, 16};
    for (int i = 0; i + 1 < args.size(); i += 2) {
        const QString &k = args.at(i);
        if (k == QLatin1String("--messages"))
            messages = qBound(50, args.at(i + 1).toInt(), 100000);
        else if (k == QLatin1String("--requests"))
            requests = qBound(16, args.at(i + 1).toInt(), 1000000);
        else if (k == QLatin1String("--clients")) {
            clientCounts.clear();
            for (const QString &c : args.at(i + 1).split(QLatin1Char(',')))
                clientCounts << qBound(1, c.toInt(), 256);
        }
    }
    QTextStream err(stderr);
    BenchDaemon daemon(postroomd);
    QString error;
    if (!daemon.prepare(&error) || !daemon.addUser(User, QString::fromUtf8(Password), &error)) {
        err << "api benchmark: " << error << "\n";
        return 1;
    }
    for (int n = 1; n <= messages; ++n) {
        const QByteArray m = "From: Sender <s" + QByteArray::number(n) + "@example.net>\r\nTo: bench@example.com\r\n"
                             "Subject: message " + QByteArray::number(n) + "\r\nDate: Sun, 29 Nov 2026 12:00:00 +0000\r\n"
                             "Message-ID: <m" + QByteArray::number(n) + "@example.net>\r\n\r\n" + QByteArray(2000, 'a') + "\r\n";
        daemon.dropIntoMaildir(User, m, n);
    }
    if (!daemon.launch(&error)) {
        err << "api benchmark: " << error << "\n";
        return 1;
    }
    const quint16 port = quint16(daemon.port("http"));
    const QByteArray credentials = QJsonDocument(QJsonObject{{"username", User}, {"password", QString::fromUtf8(Password)}})
                                       .toJson(QJsonDocument::Compact);
    BenchHttpClient setup;
    QByteArray body;
    if (!setup.connectTo(port) || setup.request("POST", "/api/v1/auth/token", credentials, {}, &body) != 200) {
        err << "api benchmark: no token: " << body << "\n";
        return 1;
    }
    const QByteArray token = QJsonDocument::fromJson(body).object().value("access_token").toString().toUtf8();
    if (setup.request("GET", "/api/v1/me/messages?$top=50&$select=id", {}, token, &body) != 200) {
        err << "api benchmark: message list failed: " << body << "\n";
        return 1;
    }
    QList<QByteArray> ids;
    for (const QJsonValue &v : QJsonDocument::fromJson(body).object().value("value").toArray())
        ids << QUrl::toPercentEncoding(v.toObject().value("id").toString());
    if (ids.isEmpty()) {
        err << "api benchmark: the mailbox looks empty\n";
        return 1;
    }
    for (int clients : clientCounts) {
        const int perClient = qMax(1, requests / clients);
        const QString suffix = QStringLiteral(", %1 client%2").arg(clients).arg(clients == 1 ? "" : "s");
        // Token issue verifies an Argon2id hash each time: far fewer requests.
        const Figures tokens = load(port, clients, qMax(1, perClient / 50), [&](BenchHttpClient &h, int) {
            return h.request("POST", "/api/v1/auth/token", credentials);
        });
        const Figures list = load(port, clients, perClient, [&](BenchHttpClient &h, int) {
            return h.request("GET", "/api/v1/me/messages?$top=50", {}, token);
        });
        const Figures get = load(port, clients, perClient, [&](BenchHttpClient &h, int i) {
            return h.request("GET", "/api/v1/me/messages/" + ids.at(i % ids.size()), {}, token);
        });
        if (tokens.failures || list.failures || get.failures) {
            err << "api benchmark: failed requests: token " << tokens.failures << ", list " << list.failures
                << ", get " << get.failures << "\n";
            return 1;
        }
        report.add("api", "token requests/s" + suffix, tokens.requestsPerSecond, "req/s");
        report.add("api", "message list (50/page) requests/s" + suffix, list.requestsPerSecond, "req/s",
                   clients == 16 ? QStringLiteral(">= 1000") : QString());
        report.add("api", "message list median latency" + suffix, list.medianMs, "ms");
        report.add("api", "message get requests/s" + suffix, get.requestsPerSecond, "req/s");
        report.add("api", "message get median latency" + suffix, get.medianMs, "ms");
    }
    report.note(QStringLiteral("api: plain HTTP keep-alive on loopback, %1 messages in the mailbox").arg(messages));
    return 0;
}
