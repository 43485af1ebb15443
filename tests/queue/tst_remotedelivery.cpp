// Remote delivery through the queue to an SMTP sink on loopback: routes and MX, pipelined
// transactions with dot-stuffing, 4xx then success, 5xx bounces into the sender's INBOX,
// mixed recipients retrying only the failing ones, expiry and the delay warning.
#include "dsnbuilder.h"
#include "queuetestutil.h"
#include "smtpsink.h"

class tst_RemoteDelivery : public QObject
{
    Q_OBJECT
private slots:
    void deliversThroughRouteWithDotStuffing();
    void deliversThroughMxWithoutPipelining();
    void temporaryFailureThenSuccess();
    void permanentFailureBouncesToSenderInbox();
    void mixedRecipientsRetryOnlyFailing();
    void connectionFailureDefersThenExpires();
    void delayWarningAfterThreshold();
    void sizeLimitBouncesWithoutSending();
    void smarthostWithAuth_data();
    void smarthostWithAuth();
    void dsnStatusCodes();

private:
    static QJsonObject routeTo(quint16 port, const QString &domain = QStringLiteral("remote.test"))
    {
        return QJsonObject{{"delivery", QJsonObject{{"workers", 2}, {"routes", QJsonObject{{domain, QStringLiteral("127.0.0.1:%1").arg(port)}}}}}};
    }
};

void tst_RemoteDelivery::deliversThroughRouteWithDotStuffing()
{
    SmtpSink sink;
    sink.sizeLimit = 1000000;
    QVERIFY(sink.start());
    QueueFixture f(routeTo(sink.port()));
    QVERIFY(f.startQueue());
    const QByteArray body = "line one\r\n.starts with a dot\r\n..two dots\r\nlast\r\n";
    QVERIFY(!f.enqueue("alice@example.com", {"x@remote.test", "y@Remote.test"}, mailText("remote", body)).isEmpty());
    QVERIFY(f.waitEmpty());
    QCOMPARE(sink.mails.size(), 1);
    QCOMPARE(sink.mails[0].sender, QStringLiteral("alice@example.com"));
    QCOMPARE(sink.mails[0].recipients, (QStringList{"x@remote.test", "y@Remote.test"}));
    QCOMPARE(sink.mails[0].data, mailText("remote", body));
    QVERIFY(sink.commands.first().startsWith("EHLO mx.example.com"));
    QVERIFY(sink.commands.contains(QStringLiteral("MAIL FROM:<alice@example.com> SIZE=%1").arg(mailText("remote", body).size())));
    QCOMPARE(f.stats->value(StatName::MessagesDelivered), 2);
}

void tst_RemoteDelivery::deliversThroughMxWithoutPipelining()
{
    SmtpSink sink;
    sink.pipelining = false;
    QVERIFY(sink.start());
    QueueFixture f;
    f.resolver->setMx("mx.test", {MxHost{"down.mx.test", 5, 1}, MxHost{"mx1.mx.test", 10, sink.port()}});
    f.resolver->setAddresses("down.mx.test", {QHostAddress::LocalHost});
    f.resolver->setAddresses("mx1.mx.test", {QHostAddress::LocalHost});
    QVERIFY(f.startQueue());
    QVERIFY(!f.enqueue("alice@example.com", {"z@mx.test"}, mailText("via mx")).isEmpty());
    QVERIFY(f.waitEmpty());
    QCOMPARE(sink.mails.size(), 1); // the preferred MX refused the connection; the next one took it
    QCOMPARE(sink.mails[0].recipients, QStringList{"z@mx.test"});
}

void tst_RemoteDelivery::temporaryFailureThenSuccess()
{
    SmtpSink sink;
    sink.rcptFailFirst.insert("x@remote.test", {1, "451 4.7.1 greylisted, try again later"});
    QVERIFY(sink.start());
    QueueFixture f(routeTo(sink.port()));
    QVERIFY(f.startQueue({1}));
    const QString id = f.enqueue("alice@example.com", {"x@remote.test"}, mailText("grey"));
    QVERIFY(!id.isEmpty());
    QTRY_VERIFY(f.queue->entry(id) && f.queue->entry(id)->recipients[0].state == QueueRecipient::State::Deferred);
    const QueueEntry deferred = *f.queue->entry(id);
    QVERIFY(deferred.recipients[0].lastError.startsWith("451 4.7.1"));
    QVERIFY(deferred.nextAttempt > QDateTime::currentDateTimeUtc().addMSecs(-100));
    QCOMPARE(sink.mails.size(), 0);
    QVERIFY(f.waitEmpty(10000)); // retried by itself after the 1 s delay
    QCOMPARE(sink.mails.size(), 1);
    QCOMPARE(f.stats->value(StatName::MessagesDeferred), 1);
    QCOMPARE(f.stats->value(StatName::MessagesDelivered), 1);
    QCOMPARE(f.stats->value(StatName::MessagesBounced), 0);
}

void tst_RemoteDelivery::permanentFailureBouncesToSenderInbox()
{
    SmtpSink sink;
    sink.rcptReplies.insert("x@remote.test", "550 5.1.1 <x@remote.test>: no such user");
    QVERIFY(sink.start());
    QueueFixture f(routeTo(sink.port()));
    QVERIFY(f.addUser("alice@example.com"));
    QVERIFY(f.startQueue());
    QVERIFY(!f.enqueue("alice@example.com", {"x@remote.test"}, mailText("doomed")).isEmpty());
    QVERIFY(f.waitEmpty());
    QCOMPARE(sink.mails.size(), 0);
    const QList<QByteArray> box = f.inbox("alice@example.com");
    QCOMPARE(box.size(), 1);
    const QByteArray dsn = box[0];
    QVERIFY(dsn.contains("From: Mail Delivery System <MAILER-DAEMON@mx.example.com>"));
    QVERIFY(dsn.contains("report-type=delivery-status"));
    QVERIFY(dsn.contains("Content-Type: message/delivery-status"));
    QVERIFY(dsn.contains("Reporting-MTA: dns; mx.example.com"));
    QVERIFY(dsn.contains("Final-Recipient: rfc822; x@remote.test"));
    QVERIFY(dsn.contains("Action: failed"));
    QVERIFY(dsn.contains("Status: 5.1.1"));
    QVERIFY(dsn.contains("Diagnostic-Code: smtp; 550 5.1.1 <x@remote.test>: no such user"));
    QVERIFY(dsn.contains("Content-Type: text/rfc822-headers"));
    QVERIFY(dsn.contains("Subject: doomed"));
    QCOMPARE(f.stats->value(StatName::MessagesBounced), 1);
}

void tst_RemoteDelivery::mixedRecipientsRetryOnlyFailing()
{
    SmtpSink sink;
    sink.rcptFailFirst.insert("slow@remote.test", {1, "452 4.2.2 mailbox busy"});
    sink.rcptReplies.insert("bad@remote.test", "550 5.1.1 unknown");
    QVERIFY(sink.start());
    QueueFixture f(routeTo(sink.port()));
    QVERIFY(f.addUser("alice@example.com"));
    QVERIFY(f.addUser("bob@example.com"));
    QVERIFY(f.startQueue({3600}));
    const QString id = f.enqueue("alice@example.com", {"good@remote.test", "slow@remote.test", "bad@remote.test", "bob@example.com"},
                                 mailText("mixed"));
    QTRY_VERIFY(f.queue->entry(id) && f.queue->entry(id)->attempts == 1);
    QCOMPARE(sink.mails.size(), 1);
    QCOMPARE(sink.mails[0].recipients, QStringList{"good@remote.test"});
    QCOMPARE(f.inbox("bob@example.com").size(), 1);
    QTRY_COMPARE(f.inbox("alice@example.com").size(), 1); // the bounce for bad@ only
    QVERIFY(f.inbox("alice@example.com")[0].contains("Final-Recipient: rfc822; bad@remote.test"));
    QVERIFY(!f.inbox("alice@example.com")[0].contains("Final-Recipient: rfc822; slow@remote.test"));
    QueueEntry e = *f.queue->entry(id);
    QStringList states;
    for (const QueueRecipient &r : e.recipients)
        states << r.address + "=" + QueueRecipient::stateName(r.state);
    QCOMPARE(states, (QStringList{"good@remote.test=delivered", "slow@remote.test=deferred", "bad@remote.test=bounced",
                                  "bob@example.com=delivered"}));
    QVERIFY(f.queue->retry(id));
    QVERIFY(f.waitEmpty());
    QCOMPARE(sink.mails.size(), 2);
    QCOMPARE(sink.mails[1].recipients, QStringList{"slow@remote.test"});
    QCOMPARE(f.inbox("bob@example.com").size(), 1);
    QCOMPARE(f.inbox("alice@example.com").size(), 1);
}

void tst_RemoteDelivery::connectionFailureDefersThenExpires()
{
    QueueFixture f(QJsonObject{{"delivery", QJsonObject{{"max_queue_lifetime", 3600}, {"routes", QJsonObject{{"remote.test", "127.0.0.1:1"}}}}}});
    QVERIFY(f.addUser("alice@example.com"));
    QVERIFY(f.startQueue({1}));
    // Arrived two hours ago: past the one-hour lifetime, so the first failure is final.
    const QString id = f.enqueue("alice@example.com", {"x@remote.test"}, mailText("old"),
                                 QDateTime::currentDateTimeUtc().addSecs(-7200));
    QVERIFY(!id.isEmpty());
    QVERIFY(f.waitEmpty());
    const QList<QByteArray> box = f.inbox("alice@example.com");
    QCOMPARE(box.size(), 1);
    QVERIFY(box[0].contains("Status: 4.4.7") || box[0].contains("Status: 5.4.7"));
    QVERIFY(box[0].contains("delivery time expired"));
    QVERIFY(box[0].contains("Connection refused"));
}

void tst_RemoteDelivery::delayWarningAfterThreshold()
{
    QueueFixture f(QJsonObject{{"delivery", QJsonObject{{"routes", QJsonObject{{"remote.test", "127.0.0.1:1"}}}}}});
    QVERIFY(f.addUser("alice@example.com"));
    QVERIFY(f.startQueue({3600}));
    const QString id = f.enqueue("alice@example.com", {"x@remote.test"}, mailText("slowpoke"),
                                 QDateTime::currentDateTimeUtc().addSecs(-5 * 3600));
    QTRY_VERIFY(f.queue->entry(id) && f.queue->entry(id)->delayWarned);
    QTRY_COMPARE(f.inbox("alice@example.com").size(), 1);
    const QByteArray warning = f.inbox("alice@example.com")[0];
    QVERIFY(warning.contains("Subject: Delayed Mail"));
    QVERIFY(warning.contains("Action: delayed"));
    QVERIFY(warning.contains("Will-Retry-Until:"));
    // The warning is sent once, not on every retry.
    f.queue->retry(id);
    QTRY_COMPARE(f.queue->entry(id)->attempts, 2);
    QTest::qWait(200);
    QCOMPARE(f.inbox("alice@example.com").size(), 1);
    QCOMPARE(f.queue->entry(id)->recipients[0].state, QueueRecipient::State::Deferred);
}

void tst_RemoteDelivery::sizeLimitBouncesWithoutSending()
{
    SmtpSink sink;
    sink.sizeLimit = 100;
    QVERIFY(sink.start());
    QueueFixture f(routeTo(sink.port()));
    QVERIFY(f.addUser("alice@example.com"));
    QVERIFY(f.startQueue());
    QVERIFY(!f.enqueue("alice@example.com", {"x@remote.test"}, mailText("large", QByteArray(500, 'a') + "\r\n")).isEmpty());
    QVERIFY(f.waitEmpty());
    QCOMPARE(sink.mails.size(), 0);
    QTRY_COMPARE(f.inbox("alice@example.com").size(), 1);
    QVERIFY(f.inbox("alice@example.com")[0].contains("Status: 5.3.4"));
}

void tst_RemoteDelivery::smarthostWithAuth_data()
{
    QTest::addColumn<QByteArray>("mechanisms");
    QTest::newRow("plain") << QByteArray("PLAIN LOGIN");
    QTest::newRow("login") << QByteArray("LOGIN");
}

void tst_RemoteDelivery::smarthostWithAuth()
{
    QFETCH(QByteArray, mechanisms);
    SmtpSink sink;
    sink.authMechanisms = mechanisms;
    QVERIFY(sink.start());
    // Every remote domain goes to the smarthost; a static route still wins for its domain.
    QueueFixture f(QJsonObject{{"delivery", QJsonObject{{"relay_host", QStringLiteral("127.0.0.1:%1").arg(sink.port())},
                                                        {"relay_security", "none"},
                                                        {"relay_username", "office"},
                                                        {"relay_password", "s3cret"},
                                                        {"routes", QJsonObject{{"routed.test", "127.0.0.1:1"}}}}}});
    QVERIFY(f.startQueue({3600}));
    QVERIFY(!f.enqueue("alice@example.com", {"a@anywhere.test", "b@elsewhere.test"}, mailText("relayed")).isEmpty());
    QVERIFY(f.waitEmpty());
    QCOMPARE(sink.mails.size(), 2); // one transaction per destination domain
    QCOMPARE(sink.authLogins.value(0), QStringLiteral("office:s3cret"));
    QCOMPARE(sink.commands.contains(QStringLiteral("AUTH LOGIN")), !mechanisms.contains("PLAIN"));
    const QString routed = f.enqueue("alice@example.com", {"c@routed.test"}, mailText("routed"));
    QTRY_VERIFY(f.queue->entry(routed) && f.queue->entry(routed)->recipients[0].state == QueueRecipient::State::Deferred);
    QCOMPARE(sink.mails.size(), 2);
}

void tst_RemoteDelivery::dsnStatusCodes()
{
    QCOMPARE(DsnBuilder::statusCode("550 5.1.1 no such user", true), QStringLiteral("5.1.1"));
    QCOMPARE(DsnBuilder::statusCode("451 4.7.1 later", false), QStringLiteral("4.7.1"));
    QCOMPARE(DsnBuilder::statusCode("550 no enhanced code", true), QStringLiteral("5.0.0"));
    QCOMPARE(DsnBuilder::statusCode("connection refused", false), QStringLiteral("4.0.0"));
}

QTEST_GUILESS_MAIN(tst_RemoteDelivery)
#include "tst_remotedelivery.moc"
