// SmtpServer + SmtpSession in-process over real loopback sockets, with the real store and
// delivery queue in a temporary mail_root: every reply path of issue 4 that a client sees.
#include "accountstore.h"
#include "deliveryqueue.h"
#include "listener.h"
#include "mailbox.h"
#include "mailstore.h"
#include "passwordhasher.h"
#include "ratelimiter.h"
#include "smtpserver.h"
#include "smtptestclient.h"
#include "statsregistry.h"
#include "tlscontext.h"

#include <QTemporaryDir>
#include <QtTest>

class tst_SmtpSession : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    Config m_config;
    StatsRegistry m_stats;
    TlsContext m_tls;
    ConnectionBudget m_budget;
    RateLimiter m_limiter;
    std::unique_ptr<AccountStore> m_accounts;
    std::unique_ptr<MailStore> m_store;
    std::unique_ptr<DeliveryQueue> m_queue;
    ServiceContext m_ctx;
    std::unique_ptr<SmtpServer> m_server;

    quint16 port(const char *name) { return m_server->boundPort(QLatin1String(name)); }

    void connectAndHello(SmtpTestClient &c, const char *portName = "smtp", bool tls = false)
    {
        QVERIFY(c.connectTo(port(portName), tls));
        QCOMPARE(c.reply(), QByteArray("220 mail.test ESMTP Postroom\r\n"));
        QVERIFY(c.command("EHLO client.test").startsWith("250-mail.test"));
    }

    void authenticate(SmtpTestClient &c)
    {
        const QByteArray plain = QByteArray("\0bob@example.com\0secret", 23).toBase64();
        QCOMPARE(c.command("AUTH PLAIN " + plain).left(9), QByteArray("235 2.7.0"));
    }

    // Waits until bob's INBOX holds a message containing `marker`; returns it.
    QByteArray deliveredTo(const QString &user, const QByteArray &marker)
    {
        QSharedPointer<Mailbox> box = m_store->openMailbox(user, QStringLiteral("INBOX"));
        if (!box)
            return {};
        QByteArray found;
        SmtpTestClient::waitFor([&] {
            box->sync();
            for (const MessageInfo &m : box->messages()) {
                const auto data = box->readMessage(m.uid);
                if (data && data->contains(marker)) {
                    found = *data;
                    return true;
                }
            }
            return false;
        }, 15000);
        return found;
    }

    void resetLimits()
    {
        m_config.smtp = SmtpConfig{};
        m_config.smtp.host = QStringLiteral("127.0.0.1");
        m_config.smtp.port = 0;
        m_config.smtp.submissionPort = 0;
        m_config.smtp.smtpsPort = 0;
        m_config.smtp.maxMessageSize = 100000;
        m_config.smtp.maxRecipients = 3;
        m_config.smtp.maxMessagesPerConnection = 3;
        m_config.rateLimit = RateLimitConfig{};
        m_config.rateLimit.whitelist = {QStringLiteral("127.0.0.1")};
        m_limiter.configure(m_config.rateLimit);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        PasswordHasher::setParameters({1, 64, 1});
        m_config.hostname = QStringLiteral("mail.test");
        m_config.mailRoot = m_dir.path();
        m_config.domains = {QStringLiteral("example.com")};
        resetLimits();
        QVector<ConfigError> errors;
        QVERIFY(m_tls.configure(m_config, &errors));
        QVERIFY(m_tls.isEnabled());
        m_accounts = std::make_unique<AccountStore>(m_dir.path());
        m_accounts->setDomains(m_config.domains);
        m_store = std::make_unique<MailStore>(m_dir.path(), m_accounts.get());
        for (const char *user : {"bob@example.com", "carol@example.com"}) {
            UserAccount u;
            u.address = QLatin1String(user);
            u.passwordHash = PasswordHasher::hash("secret");
            QString error;
            QVERIFY2(m_accounts->addUser(u, &error), qPrintable(error));
            QVERIFY(m_store->ensureMailbox(u.address));
        }
        QString error;
        QVERIFY(m_accounts->addAlias(QStringLiteral("sales@example.com"), {QStringLiteral("bob@example.com")}, &error));
        m_queue = std::make_unique<DeliveryQueue>(&m_config, m_accounts.get(), m_store.get(), &m_stats);
        QVERIFY2(m_queue->start(&error), qPrintable(error));
        m_ctx.config = &m_config;
        m_ctx.stats = &m_stats;
        m_ctx.tls = &m_tls;
        m_ctx.budget = &m_budget;
        m_ctx.rateLimiter = &m_limiter;
        m_ctx.accounts = m_accounts.get();
        m_ctx.mailStore = m_store.get();
        m_ctx.queue = m_queue.get();
        m_server = std::make_unique<SmtpServer>(m_ctx);
        errors.clear();
        QVERIFY(m_server->start(&errors));
        QVERIFY(port("smtp") && port("submission") && port("smtps"));
    }

    void init() { resetLimits(); }

    void cleanupTestCase()
    {
        m_server.reset();
        if (m_queue)
            m_queue->stop();
    }

    void greetingAndBasics()
    {
        SmtpTestClient c;
        QVERIFY(c.connectTo(port("smtp")));
        QCOMPARE(c.reply(), QByteArray("220 mail.test ESMTP Postroom\r\n"));
        QCOMPARE(c.command("MAIL FROM:<a@b.example>").left(9), QByteArray("503 5.5.1"));
        QCOMPARE(c.command("EHLO bad host").left(9), QByteArray("501 5.5.4"));
        const QByteArray ehlo = c.command("EHLO client.test");
        QVERIFY(ehlo.contains("250-PIPELINING\r\n"));
        QVERIFY(ehlo.contains("250-SIZE 100000\r\n"));
        QVERIFY(ehlo.contains("250-8BITMIME\r\n"));
        QVERIFY(ehlo.contains("250-ENHANCEDSTATUSCODES\r\n"));
        QVERIFY(ehlo.contains("250-SMTPUTF8\r\n"));
        QVERIFY(ehlo.contains("CHUNKING"));
        QVERIFY(ehlo.contains("STARTTLS"));
        QVERIFY(!ehlo.contains("AUTH")); // TLS is on: AUTH only after STARTTLS
        QCOMPARE(c.command("AUTH PLAIN").left(9), QByteArray("530 5.7.0"));
        QCOMPARE(c.command("NOOP").left(9), QByteArray("250 2.0.0"));
        QCOMPARE(c.command("VRFY bob").left(9), QByteArray("252 2.5.0"));
        QCOMPARE(c.command("HELP").left(9), QByteArray("214 2.0.0"));
        QCOMPARE(c.command("XYZZY").left(9), QByteArray("500 5.5.2"));
        QCOMPARE(c.command("RCPT TO:<bob@example.com>").left(9), QByteArray("503 5.5.1"));
        QCOMPARE(c.command("DATA").left(9), QByteArray("503 5.5.1"));
        QCOMPARE(c.command("MAIL FROM:<a@b.example> FOO=BAR").left(9), QByteArray("555 5.5.4"));
        QCOMPARE(c.command("NOOP " + QByteArray(600, 'x')).left(9), QByteArray("500 5.5.2"));
        QCOMPARE(c.command("NOOP").left(9), QByteArray("250 2.0.0")); // still in sync after the long line
        QCOMPARE(c.command("QUIT").left(9), QByteArray("221 2.0.0"));
        QVERIFY(c.isClosed());
    }

    void inboundDeliveryAndRelayRules()
    {
        SmtpTestClient c;
        connectAndHello(c);
        QCOMPARE(c.command("MAIL FROM:<alice@remote.example>").left(9), QByteArray("250 2.1.0"));
        QCOMPARE(c.command("RCPT TO:<nobody@example.com>").left(9), QByteArray("550 5.1.1"));
        QCOMPARE(c.command("RCPT TO:<victim@elsewhere.example>").left(9), QByteArray("554 5.7.1"));
        QCOMPARE(c.command("RCPT TO:<Bob@Example.com>").left(9), QByteArray("250 2.1.5"));
        QCOMPARE(c.command("RCPT TO:<sales@example.com>").left(9), QByteArray("250 2.1.5"));
        QCOMPARE(c.command("DATA").left(3), QByteArray("354"));
        const QByteArray reply = c.command("Subject: inbound-1\r\n\r\n..stuffed line\r\nbody\r\n.");
        QVERIFY2(reply.startsWith("250 2.0.0 Ok: queued as "), reply.constData());
        const QByteArray message = deliveredTo(QStringLiteral("bob@example.com"), "inbound-1");
        QVERIFY2(message.contains("Received: from client.test ([127.0.0.1])\r\n\tby mail.test (Postroom) with ESMTP\r\n"),
                 message.left(400).constData());
        QVERIFY(message.contains("\r\n.stuffed line\r\nbody\r\n"));
        QVERIFY(!message.contains("..stuffed"));
        // The null sender is accepted on port 25 (bounces).
        QCOMPARE(c.command("MAIL FROM:<>").left(9), QByteArray("250 2.1.0"));
        QCOMPARE(c.command("RCPT TO:<postmaster@elsewhere.example>").left(9), QByteArray("554 5.7.1"));
        QCOMPARE(c.command("DATA").left(9), QByteArray("554 5.5.1")); // no valid recipients
        QCOMPARE(c.command("RSET").left(9), QByteArray("250 2.0.0"));
        QCOMPARE(c.command("RCPT TO:<bob@example.com>").left(9), QByteArray("503 5.5.1"));
    }

    void pipelining()
    {
        SmtpTestClient c;
        QVERIFY(c.connectTo(port("smtp")));
        QVERIFY(c.reply().startsWith("220"));
        c.socket.write("EHLO pipe.test\r\nMAIL FROM:<p@remote.example>\r\nRCPT TO:<carol@example.com>\r\n"
                       "RCPT TO:<x@nowhere.example>\r\nDATA\r\nSubject: pipelined-1\r\n\r\nhi\r\n.\r\nNOOP\r\n");
        QVERIFY(c.reply().startsWith("250-mail.test"));
        QCOMPARE(c.reply().left(9), QByteArray("250 2.1.0"));
        QCOMPARE(c.reply().left(9), QByteArray("250 2.1.5"));
        QCOMPARE(c.reply().left(9), QByteArray("554 5.7.1"));
        QCOMPARE(c.reply().left(3), QByteArray("354"));
        QVERIFY(c.reply().startsWith("250 2.0.0 Ok: queued as"));
        QCOMPARE(c.reply().left(9), QByteArray("250 2.0.0"));
        QVERIFY(!deliveredTo(QStringLiteral("carol@example.com"), "pipelined-1").isEmpty());
    }

    void smugglingRefused_data()
    {
        QTest::addColumn<QByteArray>("trick");
        QTest::newRow("LF.LF") << QByteArray("\n.\n");
        QTest::newRow("CR.CR") << QByteArray("\r.\r");
        QTest::newRow("CRLF.LF") << QByteArray("\r\n.\n");
        QTest::newRow("LF.CRLF") << QByteArray("\n.\r\n");
    }
    void smugglingRefused()
    {
        QFETCH(QByteArray, trick);
        SmtpTestClient c;
        connectAndHello(c);
        QCOMPARE(c.command("MAIL FROM:<a@remote.example>").left(9), QByteArray("250 2.1.0"));
        QCOMPARE(c.command("RCPT TO:<bob@example.com>").left(9), QByteArray("250 2.1.5"));
        QCOMPARE(c.command("DATA").left(3), QByteArray("354"));
        const QByteArray marker = "smuggle-" + QByteArray::number(qHash(trick));
        c.socket.write("Subject: " + marker + "\r\n\r\nhello" + trick
                       + "MAIL FROM:<evil@remote.example>\r\nRCPT TO:<carol@example.com>\r\nDATA\r\nSubject: smuggled\r\n\r\nx\r\n.\r\n");
        // Only one reply comes: the whole thing was one message, refused.
        QCOMPARE(c.reply().left(9), QByteArray("550 5.6.0"));
        QCOMPARE(c.command("NOOP").left(9), QByteArray("250 2.0.0"));
        QCOMPARE(c.command("RCPT TO:<bob@example.com>").left(9), QByteArray("503 5.5.1"));
    }

    void sizeLimits()
    {
        SmtpTestClient c;
        connectAndHello(c);
        QCOMPARE(c.command("MAIL FROM:<a@remote.example> SIZE=100001").left(9), QByteArray("552 5.3.4"));
        QCOMPARE(c.command("MAIL FROM:<a@remote.example> SIZE=1000").left(9), QByteArray("250 2.1.0"));
        QCOMPARE(c.command("RCPT TO:<bob@example.com>").left(9), QByteArray("250 2.1.5"));
        QCOMPARE(c.command("DATA").left(3), QByteArray("354"));
        const QByteArray line = QByteArray(70, 'z') + "\r\n";
        for (int i = 0; i < 300000 / line.size(); ++i) // 300 KB: three times the limit
            c.socket.write(line);
        QCOMPARE(c.command(".").left(9), QByteArray("552 5.3.4"));
        QCOMPARE(c.command("NOOP").left(9), QByteArray("250 2.0.0"));
        // A line over 1000 octets in DATA.
        QCOMPARE(c.command("MAIL FROM:<a@remote.example>").left(9), QByteArray("250 2.1.0"));
        QCOMPARE(c.command("RCPT TO:<bob@example.com>").left(9), QByteArray("250 2.1.5"));
        QCOMPARE(c.command("DATA").left(3), QByteArray("354"));
        QCOMPARE(c.command(QByteArray(1200, 'l') + "\r\n.").left(9), QByteArray("500 5.5.2"));
    }

    void recipientAndMessageLimits()
    {
        SmtpTestClient c;
        connectAndHello(c);
        for (int m = 0; m < 3; ++m) {
            QCOMPARE(c.command("MAIL FROM:<a@remote.example>").left(9), QByteArray("250 2.1.0"));
            if (m == 0) {
                QCOMPARE(c.command("RCPT TO:<bob@example.com>").left(9), QByteArray("250 2.1.5"));
                QCOMPARE(c.command("RCPT TO:<carol@example.com>").left(9), QByteArray("250 2.1.5"));
                QCOMPARE(c.command("RCPT TO:<sales@example.com>").left(9), QByteArray("250 2.1.5"));
                QCOMPARE(c.command("RCPT TO:<postmaster@example.com>").left(9), QByteArray("452 4.5.3"));
            }
            QCOMPARE(c.command("RSET").left(9), QByteArray("250 2.0.0"));
        }
        QCOMPARE(c.command("MAIL FROM:<a@remote.example>").left(9), QByteArray("421 4.7.0"));
        QVERIFY(c.isClosed());
    }

    void submissionRequiresAuthAndOwnership()
    {
        SmtpTestClient c;
        connectAndHello(c, "submission");
        QCOMPARE(c.command("MAIL FROM:<bob@example.com>").left(9), QByteArray("530 5.7.0"));
        QCOMPARE(c.command("AUTH PLAIN").left(9), QByteArray("530 5.7.0"));
        QVERIFY(c.startTls());
        QCOMPARE(c.command("MAIL FROM:<bob@example.com>").left(9), QByteArray("503 5.5.1")); // EHLO again first
        const QByteArray ehlo = c.command("EHLO client.test");
        QVERIFY(ehlo.contains("AUTH PLAIN LOGIN"));
        QVERIFY(!ehlo.contains("STARTTLS"));
        QCOMPARE(c.command("STARTTLS").left(9), QByteArray("503 5.5.1"));
        QCOMPARE(c.command("MAIL FROM:<bob@example.com>").left(9), QByteArray("530 5.7.0"));
        QCOMPARE(c.command("AUTH PLAIN " + QByteArray("\0bob@example.com\0wrong", 22).toBase64()).left(9), QByteArray("535 5.7.8"));
        QCOMPARE(c.command("AUTH LOGIN").left(16), QByteArray("334 VXNlcm5hbWU6"));
        QCOMPARE(c.command("*").left(9), QByteArray("501 5.7.0"));
        QCOMPARE(c.command("AUTH LOGIN").left(3), QByteArray("334"));
        QCOMPARE(c.command(QByteArray(13000, 'A')).left(9), QByteArray("500 5.5.2")); // ends the exchange
        QCOMPARE(c.command("NOOP").left(9), QByteArray("250 2.0.0"));
        QCOMPARE(c.command("AUTH LOGIN").left(3), QByteArray("334"));
        QCOMPARE(c.command(QByteArray("bob@example.com").toBase64()).left(16), QByteArray("334 UGFzc3dvcmQ6"));
        QCOMPARE(c.command(QByteArray("secret").toBase64()).left(9), QByteArray("235 2.7.0"));
        QCOMPARE(c.command("AUTH PLAIN").left(9), QByteArray("503 5.5.1"));
        QCOMPARE(c.command("MAIL FROM:<carol@example.com>").left(9), QByteArray("553 5.7.1"));
        QCOMPARE(c.command("MAIL FROM:<>").left(9), QByteArray("553 5.7.1"));
        QCOMPARE(c.command("MAIL FROM:<sales@example.com>").left(9), QByteArray("250 2.1.0")); // alias of bob
        QCOMPARE(c.command("RSET").left(9), QByteArray("250 2.0.0"));
        QCOMPARE(c.command("MAIL FROM:<bob@example.com>").left(9), QByteArray("250 2.1.0"));
        QCOMPARE(c.command("RCPT TO:<someone@elsewhere.example>").left(9), QByteArray("250 2.1.5")); // may relay
        // (not sent: remote delivery would need DNS) - the message goes to a local user.
        QCOMPARE(c.command("RSET").left(9), QByteArray("250 2.0.0"));
        QCOMPARE(c.command("MAIL FROM:<bob@example.com>").left(9), QByteArray("250 2.1.0"));
        QCOMPARE(c.command("RCPT TO:<carol@example.com>").left(9), QByteArray("250 2.1.5"));
        QCOMPARE(c.command("DATA").left(3), QByteArray("354"));
        QVERIFY(c.command("Subject: submitted-1\r\n\r\nhi\r\n.").startsWith("250 2.0.0 Ok: queued as"));
        const QByteArray message = deliveredTo(QStringLiteral("carol@example.com"), "submitted-1");
        QVERIFY2(message.contains("with ESMTPSA\r\n\t(using TLSv1."), message.left(400).constData());
        QVERIFY(message.contains("(authenticated as bob@example.com)"));
    }

    void startTlsInjectionIgnored()
    {
        SmtpTestClient c;
        connectAndHello(c);
        c.socket.write("STARTTLS\r\nMAIL FROM:<injected@remote.example>\r\n");
        QCOMPARE(c.reply().left(9), QByteArray("220 2.0.0"));
        c.socket.setPeerVerifyMode(QSslSocket::VerifyNone);
        c.socket.startClientEncryption();
        QVERIFY(SmtpTestClient::waitFor([&] { return c.socket.isEncrypted(); }));
        // Had the injected MAIL run, the session would be in a transaction (or show a reply now).
        QCOMPARE(c.command("EHLO client.test").left(4), QByteArray("250-"));
        QCOMPARE(c.command("MAIL FROM:<a@remote.example>").left(9), QByteArray("250 2.1.0"));
    }

    void implicitTlsAndBdat()
    {
        SmtpTestClient c;
        connectAndHello(c, "smtps", true);
        authenticate(c);
        c.socket.write("BDAT 5\r\n12345"); // needs a transaction; its octets are read anyway
        QCOMPARE(c.reply().left(9), QByteArray("503 5.5.1"));
        QCOMPARE(c.command("NOOP").left(9), QByteArray("250 2.0.0"));
        QCOMPARE(c.command("MAIL FROM:<bob@example.com>").left(9), QByteArray("250 2.1.0"));
        QCOMPARE(c.command("RCPT TO:<carol@example.com>").left(9), QByteArray("250 2.1.5"));
        const QByteArray part1 = "Subject: chunked-1\r\n\r\n";
        const QByteArray part2 = ".a line starting with a dot\r\n";
        c.socket.write("BDAT " + QByteArray::number(part1.size()) + "\r\n" + part1);
        QCOMPARE(c.reply().left(9), QByteArray("250 2.0.0"));
        QCOMPARE(c.command("MAIL FROM:<bob@example.com>").left(9), QByteArray("503 5.5.1"));
        c.socket.write("BDAT " + QByteArray::number(part2.size()) + " LAST\r\n" + part2);
        QVERIFY(c.reply().startsWith("250 2.0.0 Ok: queued as"));
        const QByteArray message = deliveredTo(QStringLiteral("carol@example.com"), "chunked-1");
        QVERIFY(message.endsWith("\r\n\r\n.a line starting with a dot\r\n"));
        QVERIFY(message.contains("with ESMTPSA"));
    }

    void bdatLimitsAndPipelining()
    {
        SmtpTestClient c;
        connectAndHello(c);
        // Pipelined: two chunks in one write.
        const QByteArray head = "Subject: bdat-pipelined\r\n\r\n";
        c.socket.write("MAIL FROM:<a@remote.example>\r\nRCPT TO:<bob@example.com>\r\nBDAT "
                       + QByteArray::number(head.size()) + "\r\n" + head + "BDAT 4 LAST\r\nhi\r\n");
        QCOMPARE(c.reply().left(9), QByteArray("250 2.1.0"));
        QCOMPARE(c.reply().left(9), QByteArray("250 2.1.5"));
        QCOMPARE(c.reply().left(9), QByteArray("250 2.0.0"));
        QVERIFY(c.reply().startsWith("250 2.0.0 Ok: queued as"));
        QVERIFY(!deliveredTo(QStringLiteral("bob@example.com"), "bdat-pipelined").isEmpty());
        // A chunk that grows the message past max_message_size: 552 at once, later BDAT 503.
        QCOMPARE(c.command("MAIL FROM:<a@remote.example>").left(9), QByteArray("250 2.1.0"));
        QCOMPARE(c.command("RCPT TO:<bob@example.com>").left(9), QByteArray("250 2.1.5"));
        const QByteArray big(150000, 'b');
        c.socket.write("BDAT " + QByteArray::number(big.size()) + "\r\n" + big);
        QCOMPARE(c.reply().left(9), QByteArray("552 5.3.4"));
        c.socket.write("BDAT 3 LAST\r\nxyz");
        QCOMPARE(c.reply().left(9), QByteArray("503 5.5.1"));
        // A bare LF inside a BDAT chunk refuses the message as with DATA.
        QCOMPARE(c.command("MAIL FROM:<a@remote.example>").left(9), QByteArray("250 2.1.0"));
        QCOMPARE(c.command("RCPT TO:<bob@example.com>").left(9), QByteArray("250 2.1.5"));
        const QByteArray bare = "Subject: x\nBcc: y\r\n\r\nz\r\n";
        c.socket.write("BDAT " + QByteArray::number(bare.size()) + " LAST\r\n" + bare);
        QCOMPARE(c.reply().left(9), QByteArray("550 5.6.0"));
        QCOMPARE(c.command("NOOP").left(9), QByteArray("250 2.0.0"));
    }

    void withoutTls()
    {
        // No TLS material at all: no 465, no STARTTLS, AUTH only on 587 (in plaintext).
        TlsContext noTls;
        ServiceContext ctx = m_ctx;
        ctx.tls = &noTls;
        SmtpServer server(ctx);
        QVector<ConfigError> errors;
        QVERIFY(server.start(&errors));
        QCOMPARE(server.boundPort(QStringLiteral("smtps")), quint16(0));
        SmtpTestClient in;
        QVERIFY(in.connectTo(server.boundPort(QStringLiteral("smtp"))));
        QVERIFY(in.reply().startsWith("220"));
        QByteArray ehlo = in.command("EHLO client.test");
        QVERIFY(!ehlo.contains("STARTTLS"));
        QVERIFY(!ehlo.contains("AUTH"));
        QCOMPARE(in.command("STARTTLS").left(9), QByteArray("502 5.5.1"));
        QCOMPARE(in.command("AUTH PLAIN").left(9), QByteArray("503 5.5.1"));
        SmtpTestClient sub;
        QVERIFY(sub.connectTo(server.boundPort(QStringLiteral("submission"))));
        QVERIFY(sub.reply().startsWith("220"));
        ehlo = sub.command("EHLO client.test");
        QVERIFY(!ehlo.contains("STARTTLS"));
        QVERIFY(ehlo.contains("250 AUTH PLAIN LOGIN"));
        authenticate(sub);
        QCOMPARE(sub.command("MAIL FROM:<bob@example.com>").left(9), QByteArray("250 2.1.0"));
    }

    void authLockout()
    {
        m_config.rateLimit.whitelist.clear();
        m_config.rateLimit.authFailureLimit = 2;
        m_limiter.configure(m_config.rateLimit);
        SmtpTestClient c;
        connectAndHello(c, "smtps", true);
        const QByteArray wrong = "AUTH PLAIN " + QByteArray("\0carol@example.com\0nope", 23).toBase64();
        QCOMPARE(c.command(wrong).left(9), QByteArray("535 5.7.8"));
        QCOMPARE(c.command(wrong).left(9), QByteArray("535 5.7.8"));
        const qint64 refusals = m_stats.value(StatName::RateLimitRefusals);
        QCOMPARE(c.command(wrong).left(9), QByteArray("454 4.7.0"));
        QCOMPARE(m_stats.value(StatName::RateLimitRefusals), refusals + 1);
        // The right password does not help while locked out.
        QCOMPARE(c.command("AUTH PLAIN " + QByteArray("\0carol@example.com\0secret", 25).toBase64()).left(9),
                 QByteArray("454 4.7.0"));
        m_config.rateLimit.whitelist = {QStringLiteral("127.0.0.1")};
        m_limiter.configure(m_config.rateLimit);
    }

    void connectionLimits()
    {
        m_config.smtp.maxConnections = 2;
        SmtpTestClient a, b, c;
        QVERIFY(a.connectTo(port("smtp")));
        QVERIFY(a.reply().startsWith("220"));
        QVERIFY(b.connectTo(port("submission")));
        QVERIFY(b.reply().startsWith("220"));
        c.socket.connectToHost(QStringLiteral("127.0.0.1"), port("smtp"));
        QCOMPARE(c.reply().left(9), QByteArray("421 4.7.0"));
        QVERIFY(c.isClosed());
        a.command("QUIT");
        QVERIFY(a.isClosed());
        QTRY_COMPARE(m_server->sessionCount(), 1);
        // Per-IP rate limit for connections, once 127.0.0.1 is not whitelisted.
        m_config.smtp.maxConnections = 100;
        m_config.rateLimit.whitelist.clear();
        m_config.rateLimit.maxConcurrentPerIp = 1;
        m_limiter.configure(m_config.rateLimit);
        SmtpTestClient d;
        d.socket.connectToHost(QStringLiteral("127.0.0.1"), port("smtp"));
        QCOMPARE(d.reply().left(9), QByteArray("421 4.7.0"));
    }

    void messageRateLimit()
    {
        m_config.rateLimit.whitelist.clear();
        m_config.rateLimit.messageRate = 1;
        m_config.rateLimit.recipientRate = 1;
        m_limiter.configure(m_config.rateLimit);
        SmtpTestClient c;
        connectAndHello(c);
        QCOMPARE(c.command("MAIL FROM:<a@remote.example>").left(9), QByteArray("250 2.1.0"));
        QCOMPARE(c.command("RCPT TO:<bob@example.com>").left(9), QByteArray("250 2.1.5"));
        QCOMPARE(c.command("RCPT TO:<carol@example.com>").left(9), QByteArray("450 4.7.1"));
        QCOMPARE(c.command("RSET").left(9), QByteArray("250 2.0.0"));
        QCOMPARE(c.command("MAIL FROM:<a@remote.example>").left(9), QByteArray("450 4.7.1"));
    }

    void tooManyErrorsAndTimeout()
    {
        SmtpTestClient c;
        connectAndHello(c);
        QByteArray last;
        for (int i = 0; i < 12 && !last.startsWith("421"); ++i)
            last = c.command("BOGUS");
        QCOMPARE(last.left(9), QByteArray("421 4.7.0"));
        QVERIFY(c.isClosed());
        m_config.smtp.commandTimeout = 1; // seconds (smtp.command_timeout); resetLimits() restores it
        SmtpTestClient t;
        QVERIFY(t.connectTo(port("smtp")));
        QVERIFY(t.reply().startsWith("220"));
        QCOMPARE(t.reply(3000).left(9), QByteArray("421 4.4.2"));
        QVERIFY(t.isClosed());
    }
};

QTEST_GUILESS_MAIN(tst_SmtpSession)
#include "tst_smtpsession.moc"
