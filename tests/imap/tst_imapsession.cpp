// In-process session tests: the real ImapServer and store on loopback sockets in one event
// loop. Covers what needs control over time and delivery: autologout, IDLE woken by a
// delivery through MailStore::deliver, input arriving one byte at a time (literal
// continuations included), pipelining, and no EXPUNGE during FETCH/STORE/SEARCH.
#include "accountstore.h"
#include "imapselectedview.h"
#include "mailbox.h"
#include "config.h"
#include "imapserver.h"
#include "imapsession.h"
#include "mailstore.h"
#include "passwordhasher.h"
#include "servicecontext.h"
#include "statsregistry.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

class tst_ImapSession : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void byteByByteInput();
    void pipelinedCommands();
    void noExpungeDuringFetchStoreSearch();
    void idleSeesDelivery();
    void autologout();
    void badCommandsInState();
    void viewsShareTheUidList();

private:
    QTcpSocket *connectClient();
    QByteArray readLine(QTcpSocket *s, int timeoutMs = 5000);
    QByteArrayList command(QTcpSocket *s, const QByteArray &tag, const QByteArray &text);
    void login(QTcpSocket *s);

    QTemporaryDir m_dir;
    Config m_config;
    StatsRegistry *m_stats = nullptr;
    AccountStore *m_accounts = nullptr;
    MailStore *m_store = nullptr;
    ServiceContext m_context;
    ImapServer *m_server = nullptr;
    quint16 m_port = 0;
};

void tst_ImapSession::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVector<ConfigError> errors;
    QJsonObject doc = Config::defaultDocument();
    doc["mail_root"] = m_dir.path();
    doc["domains"] = QJsonArray{"example.com"};
    QVERIFY2(Config::fromJson(doc, m_dir.path(), &m_config, &errors), qPrintable(errors.value(0).toString()));
    m_config.imap.host = "127.0.0.1";
    m_config.imap.port = 0; // any free port (the listener reports the one it got)
    PasswordHasher::setParameters({1, 64, 1});
    m_stats = new StatsRegistry(this);
    m_accounts = new AccountStore(m_dir.path(), this);
    m_accounts->setDomains({"example.com"});
    QString error;
    UserAccount bob;
    bob.address = "bob@example.com";
    bob.passwordHash = PasswordHasher::hash("secret", &error);
    QVERIFY2(m_accounts->addUser(bob, &error), qPrintable(error));
    m_store = new MailStore(m_dir.path(), m_accounts, this);
    QVERIFY(m_store->ensureMailbox("bob@example.com"));
    m_context.config = &m_config;
    m_context.stats = m_stats;
    m_context.accounts = m_accounts;
    m_context.mailStore = m_store;
    m_server = new ImapServer(m_context, this);
    QVERIFY(m_server->start(&errors));
    const auto status = m_server->listenerStatus();
    QCOMPARE(status.size(), 1); // no TLS configured: only the plain listener
    m_port = quint16(status.first().port);
    QVERIFY(m_port != 0);
}

void tst_ImapSession::cleanupTestCase()
{
    delete m_server;
    m_server = nullptr;
}

QTcpSocket *tst_ImapSession::connectClient()
{
    auto *s = new QTcpSocket(this);
    s->connectToHost(QHostAddress::LocalHost, m_port);
    if (!s->waitForConnected(5000))
        return s;
    const QByteArray greeting = readLine(s);
    if (!greeting.startsWith("* OK [CAPABILITY IMAP4rev1"))
        qWarning() << "unexpected greeting" << greeting;
    return s;
}

QByteArray tst_ImapSession::readLine(QTcpSocket *s, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!s->canReadLine()) {
        if (t.elapsed() > timeoutMs || s->state() != QAbstractSocket::ConnectedState)
            return s->canReadLine() ? s->readLine().trimmed() : QByteArray();
        QTest::qWait(5);
    }
    return s->readLine().trimmed();
}

QByteArrayList tst_ImapSession::command(QTcpSocket *s, const QByteArray &tag, const QByteArray &text)
{
    s->write(tag + ' ' + text + "\r\n");
    QByteArrayList lines;
    for (;;) {
        const QByteArray line = readLine(s);
        if (line.isEmpty())
            return lines << "<timeout>";
        lines << line;
        if (line.startsWith(tag + ' '))
            return lines;
    }
}

void tst_ImapSession::login(QTcpSocket *s)
{
    const QByteArrayList r = command(s, "l", "LOGIN bob@example.com secret");
    QVERIFY2(r.last().startsWith("l OK"), r.join('\n'));
}

void tst_ImapSession::byteByByteInput()
{
    QTcpSocket *s = connectClient();
    const QByteArray login = "a LOGIN {15}\r\n";
    for (char c : login) {
        s->write(&c, 1);
        s->flush();
        QTest::qWait(1);
    }
    QCOMPARE(readLine(s), QByteArray("+ OK"));
    for (char c : QByteArray("bob@example.com {6+}\r\nsecret\r\n")) {
        s->write(&c, 1);
        s->flush();
        QTest::qWait(1);
    }
    QVERIFY(readLine(s).startsWith("a OK [CAPABILITY"));
    const QByteArray message = "Subject: bytes\r\n\r\nsent one byte at a time\r\n";
    const QByteArray append = "b APPEND INBOX (\\Seen) {" + QByteArray::number(message.size()) + "+}\r\n" + message + "\r\n";
    for (char c : append) {
        s->write(&c, 1);
        s->flush();
    }
    QVERIFY(readLine(s).startsWith("b OK [APPENDUID"));
    const QByteArrayList r = command(s, "c", "EXAMINE INBOX");
    QVERIFY(r.contains("* 1 EXISTS"));
    const QByteArrayList f = command(s, "d", "FETCH 1 BODY.PEEK[TEXT]");
    QCOMPARE(f.value(0), QByteArray("* 1 FETCH (BODY[TEXT] {25}"));
    QCOMPARE(f.value(1), QByteArray("sent one byte at a time"));
    command(s, "e", "LOGOUT");
    delete s;
}

void tst_ImapSession::pipelinedCommands()
{
    QTcpSocket *s = connectClient();
    s->write("p1 LOGIN bob@example.com secret\r\np2 SELECT INBOX\r\np3 NOOP\r\np4 BOGUS\r\np5 LOGOUT\r\n");
    QByteArrayList tagged;
    for (int i = 0; i < 40 && tagged.size() < 5; ++i) {
        const QByteArray line = readLine(s);
        if (line.isEmpty())
            break;
        if (line.startsWith('p'))
            tagged << line.left(6);
    }
    // The LOGIN's password check is asynchronous; the commands behind it wait their turn.
    QCOMPARE(tagged, QByteArrayList({"p1 OK ", "p2 OK ", "p3 OK ", "p4 BAD", "p5 OK "}));
    delete s;
}

void tst_ImapSession::noExpungeDuringFetchStoreSearch()
{
    QTcpSocket *a = connectClient();
    QTcpSocket *b = connectClient();
    login(a);
    login(b);
    command(b, "c", "CREATE Exp");
    for (int i = 0; i < 3; ++i)
        command(b, "ap", "APPEND Exp {10+}\r\nSubject: " + QByteArray::number(i));
    command(a, "s", "SELECT Exp");
    command(b, "s", "SELECT Exp");
    command(b, "st", "STORE 2 +FLAGS (\\Deleted)");
    QVERIFY(command(b, "x", "EXPUNGE").contains("* 2 EXPUNGE"));
    QTest::qWait(100);
    for (const QByteArray &cmd : {QByteArray("FETCH 1 FLAGS"), QByteArray("STORE 1 +FLAGS (\\Seen)"),
                                  QByteArray("SEARCH ALL"), QByteArray("UID FETCH 1:* FLAGS")}) {
        const QByteArrayList r = command(a, "t", cmd);
        for (const QByteArray &line : r)
            QVERIFY2(!line.contains("EXPUNGE"), cmd.constData());
    }
    QVERIFY(command(a, "s2", "SEARCH ALL").contains("* SEARCH 1 3")); // old numbers until the EXPUNGE is sent
    const QByteArrayList r = command(a, "n", "NOOP");
    QVERIFY2(r.contains("* 2 EXPUNGE"), r.join('\n'));
    QVERIFY(command(a, "s3", "SEARCH ALL").contains("* SEARCH 1 2"));
    delete a;
    delete b;
}

void tst_ImapSession::idleSeesDelivery()
{
    QTcpSocket *s = connectClient();
    login(s);
    const QByteArrayList sel = command(s, "s", "SELECT INBOX");
    int exists = 0, recent = -1;
    for (const QByteArray &l : sel) {
        if (l.endsWith(" EXISTS"))
            exists = l.split(' ').at(1).toInt();
        if (l.endsWith(" RECENT"))
            recent = l.split(' ').at(1).toInt();
    }
    QVERIFY(recent >= 0);
    s->write("i IDLE\r\n");
    QCOMPARE(readLine(s), QByteArray("+ idling"));
    QElapsedTimer t;
    t.start();
    DeliveryRequest req;
    req.address = "bob@example.com";
    req.data = "Subject: delivered\r\n\r\nvia the queue path\r\n";
    StoreError error;
    QVERIFY2(m_store->deliver(req, &error).has_value(), qPrintable(error.message));
    const QByteArray line = readLine(s, 3000);
    QCOMPARE(line, "* " + QByteArray::number(exists + 1) + " EXISTS");
    QVERIFY2(t.elapsed() < 1000, QByteArray::number(t.elapsed()).constData());
    QCOMPARE(readLine(s), "* " + QByteArray::number(recent + 1) + " RECENT");
    s->write("DONE\r\n");
    QVERIFY(readLine(s).startsWith("i OK"));
    delete s;
}

void tst_ImapSession::autologout()
{
    ImapSession::setAutologoutMs(300);
    QTcpSocket *s = connectClient();
    login(s);
    const QByteArray bye = readLine(s, 3000);
    ImapSession::setAutologoutMs(30 * 60 * 1000);
    QVERIFY2(bye.startsWith("* BYE"), bye.constData());
    QTRY_VERIFY(s->state() == QAbstractSocket::UnconnectedState);
    delete s;
}

void tst_ImapSession::badCommandsInState()
{
    QTcpSocket *s = connectClient();
    QVERIFY(command(s, "a", "SELECT INBOX").last().startsWith("a BAD"));
    QVERIFY(command(s, "b", "FETCH 1 FLAGS").last().startsWith("b BAD"));
    QVERIFY(command(s, "c", "UID NOOP").last().startsWith("c BAD"));
    login(s);
    QVERIFY(command(s, "d", "FETCH 1 FLAGS").last().startsWith("d BAD"));
    QVERIFY(command(s, "e", "LOGIN x y").last().startsWith("e BAD"));
    command(s, "f", "SELECT INBOX");
    QVERIFY(command(s, "g", "FETCH 1:* (BODY[1.2.3.HEADER.BOGUS])").last().startsWith("g BAD"));
    QVERIFY(command(s, "h", "FETCH 99999 FLAGS").last().startsWith("h BAD"));
    QVERIFY(command(s, "i", "STORE 1 +FLAGS (\\Bogus)").last().startsWith("i BAD"));
    QVERIFY(command(s, "j", "SEARCH FOO").last().startsWith("j BAD"));
    QVERIFY(command(s, "k", "NOOP").last().startsWith("k OK"));
    command(s, "l", "CREATE EmptyOne");
    command(s, "m", "SELECT EmptyOne");
    QCOMPARE(command(s, "n", "FETCH 1:* FLAGS"), QByteArrayList({"n OK Fetch completed."})); // empty, not BAD
    QVERIFY(command(s, "o", "FETCH 1 FLAGS").last().startsWith("o BAD"));
    delete s;
}

// 1,000 sessions idling on one big folder must hold one UID list, not 1,000 copies: views of
// the same Mailbox share it (copy-on-write) until something changes. Claiming \Recent once
// detached it (QList::last() on a non-const list), +40 KB per connection at 10,000 messages.
void tst_ImapSession::viewsShareTheUidList()
{
    QVERIFY(m_store->createFolder("bob@example.com", "Shared"));
    for (int i = 0; i < 3; ++i) {
        DeliveryRequest req;
        req.address = "bob@example.com";
        req.folder = "Shared";
        req.data = "Subject: shared " + QByteArray::number(i) + "\r\n\r\nx\r\n";
        QVERIFY(m_store->deliver(req).has_value());
    }
    QSharedPointer<Mailbox> mailbox = m_store->openMailbox("bob@example.com", "Shared");
    QVERIFY(mailbox);
    ImapSelectedView first(mailbox, false), second(mailbox, false), reader(mailbox, true);
    QCOMPARE(first.count(), 3);
    QCOMPARE(first.recentCount(), 3); // the first read-write view takes them
    QCOMPARE(second.recentCount(), 0);
    QCOMPARE(reader.recentCount(), 0);
    QVERIFY(first.uids().isSharedWith(second.uids()));
    QVERIFY(first.uids().isSharedWith(reader.uids()));
}

QTEST_GUILESS_MAIN(tst_ImapSession)
#include "tst_imapsession.moc"
