#include "imapbench.h"

#include "benchclients.h"
#include "benchdaemon.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTextStream>
#include <QThread>

namespace {

const QString User = QStringLiteral("bench@example.com");
const QByteArray Password = "bench-password";

QByteArray textLines(QRandomGenerator &rng, int bytes)
{
    static const char *words[] = {"meeting", "invoice", "project", "schedule", "report", "the", "and", "please",
                                  "review", "attached", "quarter", "budget", "office", "thanks", "regards", "team"};
    QByteArray out;
    QByteArray line;
    while (out.size() < bytes) {
        line += words[rng.bounded(16)];
        line += ' ';
        if (line.size() > 68) {
            out += line.trimmed() + "\r\n";
            line.clear();
        }
    }
    return out;
}

// Realistic shapes: plain text, text+html alternative, and mixed with a base64 attachment.
QByteArray makeMessage(int n, int averageBytes)
{
    QRandomGenerator rng(quint32(n) * 2654435761u);
    const int size = averageBytes / 4 + int(rng.bounded(quint32(averageBytes * 3 / 2)));
    QByteArray m = "Return-Path: <sender" + QByteArray::number(n % 50) + "@example.net>\r\n"
                   "Received: from mx.example.net by mail.example.com with ESMTPS id " + QByteArray::number(n) + "\r\n"
                   "Date: Sun, 29 Nov 2026 12:" + QByteArray::number(10 + n % 50) + ":00 +0000\r\n"
                   "From: \"Sender " + QByteArray::number(n % 50) + "\" <sender" + QByteArray::number(n % 50) + "@example.net>\r\n"
                   "To: Bench <bench@example.com>\r\nCc: team@example.com\r\n"
                   "Subject: Re: quarterly report number " + QByteArray::number(n) + "\r\n"
                   "Message-ID: <msg" + QByteArray::number(n) + "@example.net>\r\nMIME-Version: 1.0\r\n";
    const int shape = n % 3;
    if (shape == 0) {
        m += "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\n" + textLines(rng, size);
    } else if (shape == 1) {
        const QByteArray text = textLines(rng, size / 2);
        m += "Content-Type: multipart/alternative; boundary=\"alt-" + QByteArray::number(n) + "\"\r\n\r\n"
             "--alt-" + QByteArray::number(n) + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + text +
             "--alt-" + QByteArray::number(n) + "\r\nContent-Type: text/html; charset=utf-8\r\n"
             "Content-Transfer-Encoding: quoted-printable\r\n\r\n<html><body><p>" + text + "</p></body></html>\r\n"
             "--alt-" + QByteArray::number(n) + "--\r\n";
    } else {
        QByteArray binary(size * 3 / 4, Qt::Uninitialized);
        for (char &c : binary)
            c = char(rng.bounded(256));
        QByteArray b64 = binary.toBase64();
        QByteArray wrapped;
        for (int i = 0; i < b64.size(); i += 76)
            wrapped += b64.mid(i, 76) + "\r\n";
        m += "Content-Type: multipart/mixed; boundary=\"mix-" + QByteArray::number(n) + "\"\r\n\r\n"
             "--mix-" + QByteArray::number(n) + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + textLines(rng, 600) +
             "--mix-" + QByteArray::number(n) + "\r\nContent-Type: application/pdf; name=\"report-" + QByteArray::number(n) + ".pdf\"\r\n"
             "Content-Disposition: attachment; filename=\"report-" + QByteArray::number(n) + ".pdf\"\r\n"
             "Content-Transfer-Encoding: base64\r\n\r\n" + wrapped +
             "--mix-" + QByteArray::number(n) + "--\r\n";
    }
    return m;
}

class ImapConnection
{
public:
    bool open(quint16 port)
    {
        bool ok = false;
        if (!m_client.connectTo(port))
            return false;
        m_client.readLine(&ok);
        return ok && command("LOGIN " + User.toUtf8() + " " + Password);
    }
    bool command(const QByteArray &cmd, qint64 *literalBytes = nullptr)
    {
        const QByteArray tag = "b" + QByteArray::number(++m_tag);
        return m_client.send(tag + ' ' + cmd + "\r\n") && m_client.readImapTagged(tag, literalBytes);
    }
    double timed(const QByteArray &cmd, qint64 *literalBytes = nullptr)
    {
        QElapsedTimer t;
        t.start();
        if (!command(cmd, literalBytes))
            return -1;
        return t.nsecsElapsed() / 1e9;
    }
    BenchLineClient &client() { return m_client; }

private:
    BenchLineClient m_client{true};
    int m_tag = 0;
};

} // namespace

int runImapBenchmark(const QStringList &args, const QString &postroomd, BenchReport &report)
{
    int messages = 10000;
    int averageKb = 30;
    int bodies = 1000;
    int idle = 1000;
    int runs = 5;
    for (int i = 0; i + 1 < args.size(); i += 2) {
        const QString &k = args.at(i);
        const int v = args.at(i + 1).toInt();
        if (k == QLatin1String("--messages"))
            messages = qBound(1, v, 1000000);
        else if (k == QLatin1String("--average-kb"))
            averageKb = qBound(1, v, 10000);
        else if (k == QLatin1String("--bodies"))
            bodies = qBound(1, v, 100000);
        else if (k == QLatin1String("--idle"))
            idle = qBound(0, v, 5000);
        else if (k == QLatin1String("--runs"))
            runs = qBound(1, v, 50);
    }
    bodies = qMin(bodies, messages);
    QTextStream err(stderr);
    BenchDaemon daemon(postroomd);
    QString error;
    if (!daemon.prepare(&error) || !daemon.addUser(User, QString::fromUtf8(Password), &error)) {
        err << "imap benchmark: " << error << "\n";
        return 1;
    }
    qint64 totalBytes = 0;
    for (int n = 1; n <= messages; ++n) {
        const QByteArray m = makeMessage(n, averageKb * 1024);
        totalBytes += m.size();
        if (!daemon.dropIntoMaildir(User, m, n)) {
            err << "imap benchmark: cannot write the folder\n";
            return 1;
        }
    }
    if (!daemon.launch(&error)) {
        err << "imap benchmark: " << error << "\n";
        return 1;
    }
    const quint16 port = quint16(daemon.port("imaps"));
    const QByteArray metadata = "UID FETCH 1:* (UID FLAGS INTERNALDATE RFC822.SIZE ENVELOPE BODYSTRUCTURE)";
    const QString folder = QStringLiteral("%1 messages, %2 MB").arg(messages).arg(totalBytes / 1e6, 0, 'f', 0);

    ImapConnection cold;
    if (!cold.open(port)) {
        err << "imap benchmark: cannot log in\n";
        return 1;
    }
    const double coldSelect = cold.timed("SELECT INBOX");
    const double coldFetch = cold.timed(metadata);
    if (coldSelect < 0 || coldFetch < 0) {
        err << "imap benchmark: SELECT or FETCH failed\n";
        return 1;
    }
    cold.command("LOGOUT");
    QVector<double> warmSelect, warmFetch, fullBodies;
    qint64 bodyBytes = 0;
    for (int r = 0; r < runs; ++r) {
        ImapConnection warm;
        if (!warm.open(port)) {
            err << "imap benchmark: cannot log in for warm run " << r + 1 << "\n";
            return 1;
        }
        warmSelect << warm.timed("EXAMINE INBOX");
        warmFetch << warm.timed(metadata);
        bodyBytes = 0;
        fullBodies << warm.timed("UID FETCH 1:" + QByteArray::number(bodies) + " BODY.PEEK[]", &bodyBytes);
        warm.command("LOGOUT");
    }
    report.add("imap", "cold SELECT, " + folder, coldSelect, "s");
    report.add("imap", "cold SELECT + first metadata FETCH", coldSelect + coldFetch, "s", "<= 0.9");
    report.add("imap", "warm SELECT", median(warmSelect), "s", "<= 0.04");
    report.add("imap", "warm UID FETCH 1:* (UID FLAGS INTERNALDATE RFC822.SIZE ENVELOPE BODYSTRUCTURE)",
               median(warmFetch), "s", "<= 0.25");
    report.add("imap", QStringLiteral("full bodies of %1 messages (%2 MB)").arg(bodies).arg(bodyBytes / 1e6, 0, 'f', 1),
               median(fullBodies), "s", "<= 0.07");

    if (idle > 0) {
        // The slope over the last 90% of the connections: the first 10% also pay one-time
        // costs (each password-check thread's malloc arena keeps one 19 MB Argon2 buffer).
        const int warmup = idle / 10;
        qint64 before = 0;
        int counted = 0;
        std::vector<std::unique_ptr<ImapConnection>> connections;
        for (int i = 0; i < idle; ++i) {
            if (i == warmup) {
                QThread::msleep(1500); // the session releases idle buffers after 1 s
                before = daemon.rssKiB();
                counted = int(connections.size());
            }
            auto c = std::make_unique<ImapConnection>();
            if (!c->open(port) || !c->command("SELECT INBOX"))
                break;
            c->client().send("i IDLE\r\n");
            bool ok = false;
            c->client().readLine(&ok); // "+ idling"
            if (!ok)
                break;
            connections.push_back(std::move(c));
        }
        QThread::msleep(1500);
        const qint64 after = daemon.rssKiB();
        const int measured = int(connections.size()) - counted;
        if (measured > 0 && before > 0)
            report.add("imap", QStringLiteral("daemon memory per idle connection in IDLE over TLS (%1 open)").arg(connections.size()),
                       double(after - before) / double(measured), "KB", "<= 50");
    }
    report.note(QStringLiteral("imap: over implicit TLS (993); warm figures are the median of %1 runs").arg(runs));
    return 0;
}
