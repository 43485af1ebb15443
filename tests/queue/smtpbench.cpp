// postroom-bench-smtp: sends N messages of S bytes over C connections to an SMTP port for
// one local user and waits until all of them are in that user's Maildir; prints accepted
// and delivered messages per second. Standalone until postroom-bench links it.
//   postroom-bench-smtp --port 2525 --to bob@example.com --maildir /path/Maildir
//                       [--host 127.0.0.1] [--messages 2000] [--connections 8] [--size 4096]
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTimer>

#include <cstdio>
#include <memory>
#include <vector>

namespace {

constexpr int MessagesPerConnection = 40; // stay under smtp.max_messages_per_connection

struct Shared {
    int total = 0, started = 0, accepted = 0, failed = 0;
    QByteArray message;
    QString to;
};

class BenchConnection : public QObject
{
public:
    BenchConnection(Shared *shared, const QString &host, quint16 port, std::function<void()> onIdle)
        : m_shared(shared), m_host(host), m_port(port), m_onIdle(std::move(onIdle))
    {
        connect(&m_socket, &QTcpSocket::readyRead, this, [this] { onReadyRead(); });
        connect(&m_socket, &QTcpSocket::disconnected, this, [this] { reconnectOrFinish(); });
        open();
    }
    bool finished() const { return m_finished; }

private:
    enum class State { Greeting, Ehlo, Envelope, Body, Quit };

    void open()
    {
        m_state = State::Greeting;
        m_sentOnThis = 0;
        m_socket.connectToHost(m_host, m_port);
    }
    void reconnectOrFinish()
    {
        if (m_inFlight) { // lost mid-transaction
            ++m_shared->failed;
            m_inFlight = false;
        }
        if (m_shared->started < m_shared->total)
            QTimer::singleShot(0, this, [this] { open(); });
        else {
            m_finished = true;
            m_onIdle();
        }
    }
    void next()
    {
        if (m_shared->started >= m_shared->total || m_sentOnThis >= MessagesPerConnection) {
            m_state = State::Quit;
            m_socket.write("QUIT\r\n");
            return;
        }
        ++m_shared->started;
        ++m_sentOnThis;
        m_inFlight = true;
        m_state = State::Envelope;
        m_pending = 3;
        m_envelopeOk = true;
        m_socket.write("MAIL FROM:<bench@example.net>\r\nRCPT TO:<" + m_shared->to.toUtf8() + ">\r\nDATA\r\n");
    }
    void onReadyRead()
    {
        while (m_socket.canReadLine()) {
            const QByteArray line = m_socket.readLine();
            if (line.size() >= 4 && line[3] == '-')
                continue; // multi-line reply continues
            const int code = line.left(3).toInt();
            switch (m_state) {
            case State::Greeting:
                m_state = State::Ehlo;
                m_socket.write("EHLO bench.example.net\r\n");
                break;
            case State::Ehlo:
                next();
                break;
            case State::Envelope:
                if (--m_pending > 0) {
                    m_envelopeOk = m_envelopeOk && code / 100 == 2;
                    break;
                }
                if (code == 354 && m_envelopeOk) {
                    m_state = State::Body;
                    m_socket.write(m_shared->message);
                } else {
                    ++m_shared->failed;
                    m_inFlight = false;
                    m_socket.write("RSET\r\n");
                    m_state = State::Ehlo; // the RSET reply leads to next()
                }
                break;
            case State::Body:
                m_inFlight = false;
                if (code / 100 == 2)
                    ++m_shared->accepted;
                else
                    ++m_shared->failed;
                next();
                break;
            case State::Quit:
                m_socket.disconnectFromHost();
                return;
            }
        }
    }

    Shared *m_shared;
    QString m_host;
    quint16 m_port;
    std::function<void()> m_onIdle;
    QTcpSocket m_socket;
    State m_state = State::Greeting;
    int m_pending = 0;
    int m_sentOnThis = 0;
    bool m_envelopeOk = true;
    bool m_inFlight = false;
    bool m_finished = false;
};

int countMaildir(const QString &maildir)
{
    return QDir(maildir + "/new").entryList(QDir::Files).size() + QDir(maildir + "/cur").entryList(QDir::Files).size();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    p.addOptions({{"host", "SMTP host", "host", "127.0.0.1"},
                  {"port", "SMTP port", "port"},
                  {"to", "local recipient", "address"},
                  {"maildir", "the recipient's Maildir (to count deliveries)", "path"},
                  {"messages", "messages to send", "n", "2000"},
                  {"connections", "parallel connections", "n", "8"},
                  {"size", "message size in bytes", "bytes", "4096"},
                  {"timeout", "seconds to wait for delivery", "s", "300"}});
    p.process(app);
    if (!p.isSet("port") || !p.isSet("to") || !p.isSet("maildir")) {
        std::fprintf(stderr, "--port, --to and --maildir are required\n");
        return 2;
    }
    Shared shared;
    shared.total = p.value("messages").toInt();
    shared.to = p.value("to");
    const int size = p.value("size").toInt();
    QByteArray msg = "From: bench@example.net\r\nTo: " + shared.to.toUtf8() + "\r\nSubject: bench\r\n\r\n";
    while (msg.size() < size - 5)
        msg += QByteArray(qMin(76, size - 7 - int(msg.size())), 'x') + "\r\n";
    shared.message = msg + ".\r\n";
    const QString maildir = p.value("maildir");
    const int before = countMaildir(maildir);
    const int connections = p.value("connections").toInt();
    const qint64 timeoutMs = p.value("timeout").toLongLong() * 1000;

    QElapsedTimer clock;
    clock.start();
    qint64 acceptedAt = -1, deliveredAt = -1;
    std::vector<std::unique_ptr<BenchConnection>> conns;
    auto checkSent = [&] {
        for (auto &c : conns)
            if (!c->finished())
                return;
        acceptedAt = clock.elapsed();
    };
    for (int i = 0; i < connections; ++i)
        conns.push_back(std::make_unique<BenchConnection>(&shared, p.value("host"), quint16(p.value("port").toUInt()), checkSent));
    QTimer poll;
    poll.setInterval(5);
    QObject::connect(&poll, &QTimer::timeout, [&] {
        if (acceptedAt >= 0 && countMaildir(maildir) - before >= shared.accepted) {
            deliveredAt = clock.elapsed();
            app.quit();
        } else if (clock.elapsed() > timeoutMs) {
            app.quit();
        }
    });
    poll.start();
    app.exec();
    const int delivered = countMaildir(maildir) - before;
    std::printf("messages=%d connections=%d size=%d accepted=%d failed=%d delivered=%d\n", shared.total, connections,
                size, shared.accepted, shared.failed, delivered);
    if (acceptedAt > 0)
        std::printf("accepted: %.0f messages/s (%.2f s)\n", shared.accepted * 1000.0 / acceptedAt, acceptedAt / 1000.0);
    if (deliveredAt > 0)
        std::printf("delivered end to end: %.0f messages/s (%.2f s)\n", delivered * 1000.0 / deliveredAt, deliveredAt / 1000.0);
    else
        std::printf("delivery did not complete within the timeout\n");
    return deliveredAt > 0 && shared.failed == 0 ? 0 : 1;
}
