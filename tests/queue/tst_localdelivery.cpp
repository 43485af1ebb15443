// Local delivery through the queue: spool commit, INBOX delivery with Return-Path and
// Delivered-To, aliases and duplicates, loops, quota and unknown-user bounces, restart
// recovery, worker reloads, and the queue management verbs.
#include "controlmethods.h"
#include "queuecontrol.h"
#include "queuespool.h"
#include "queuetestutil.h"

#include <QJsonDocument>

class tst_LocalDelivery : public QObject
{
    Q_OBJECT
private slots:
    void commitWritesSpoolBeforeCallback();
    void abortedWriterLeavesNothing();
    void deliversWithReturnPathAndDeliveredTo();
    void aliasesExpandAndDuplicatesDeliverOnce();
    void deliveredToLoopBounces();
    void aliasLoopIsStopped();
    void quotaFailureBouncesToSender();
    void unknownUserBounces();
    void nullSenderIsNeverBounced();
    void restartPicksUpQueuedMessages();
    void recoveryDropsIncompleteCommits();
    void reloadChangesWorkersWithoutLossOrDuplicates();
    void controlVerbs();
    void cliWorksOnSpoolWithoutDaemon();
};

void tst_LocalDelivery::commitWritesSpoolBeforeCallback()
{
    QueueFixture f;
    QVERIFY(f.startQueue());
    QString error;
    auto w = f.queue->beginMessage(&error);
    QVERIFY(w);
    QVERIFY(w->write(mailText("spool")));
    QueueEnvelope env;
    env.sender = QStringLiteral("alice@example.net");
    env.recipients = {QStringLiteral("nobody@far.test")};
    bool called = false, filesPresent = false;
    int tmpFiles = -1;
    QJsonObject envelope;
    const QString spool = f.queue->spoolDirectory();
    f.queue->commit(std::move(w), env, [&](bool ok, const QString &id, const QString &) {
        called = true;
        QVERIFY(ok);
        filesPresent = QFile::exists(QueueSpool::dataPath(spool, id)) && QFile::exists(QueueSpool::envelopePath(spool, id));
        tmpFiles = QDir(QueueSpool::tmpDir(spool)).entryList(QDir::Files).size();
        QFile ef(QueueSpool::envelopePath(spool, id));
        if (ef.open(QIODevice::ReadOnly))
            envelope = QJsonDocument::fromJson(ef.readAll()).object();
    });
    QTRY_VERIFY(called);
    QVERIFY(filesPresent);
    QCOMPARE(envelope.value("sender").toString(), QStringLiteral("alice@example.net"));
    QCOMPARE(envelope.value("recipients").toArray().first().toObject().value("address").toString(), QStringLiteral("nobody@far.test"));
    QVERIFY(!envelope.value("arrived").toString().isEmpty());
    QCOMPARE(tmpFiles, 0); // moved out of tmp/ before the callback
}

void tst_LocalDelivery::abortedWriterLeavesNothing()
{
    QueueFixture f;
    QVERIFY(f.startQueue());
    QString error;
    {
        auto w = f.queue->beginMessage(&error);
        QVERIFY(w->write("partial"));
    } // destroyed without commit (client vanished mid-DATA)
    auto w2 = f.queue->beginMessage(&error);
    w2->write("x");
    w2->abort();
    QCOMPARE(QDir(QueueSpool::tmpDir(f.queue->spoolDirectory())).entryList(QDir::Files).size(), 0);
    QCOMPARE(f.queue->length(), 0);
}

void tst_LocalDelivery::deliversWithReturnPathAndDeliveredTo()
{
    QueueFixture f;
    QVERIFY(f.addUser("bob@example.com"));
    QVERIFY(f.startQueue());
    const QString id = f.enqueue("alice@example.net", {"Bob@Example.com"}, mailText("hello"));
    QVERIFY(!id.isEmpty());
    QVERIFY(f.waitEmpty());
    const QList<QByteArray> box = f.inbox("bob@example.com");
    QCOMPARE(box.size(), 1);
    QVERIFY2(box[0].startsWith("Return-Path: <alice@example.net>\r\nDelivered-To: bob@example.com\r\n"), box[0].left(120));
    QVERIFY(box[0].contains("Subject: hello"));
    QCOMPARE(f.stats->value(StatName::MessagesDelivered), 1);
    QCOMPARE(f.stats->value(StatName::QueueLength), 0);
    QVERIFY(!QFile::exists(QueueSpool::dataPath(f.queue->spoolDirectory(), id)));
}

void tst_LocalDelivery::aliasesExpandAndDuplicatesDeliverOnce()
{
    QueueFixture f;
    QVERIFY(f.addUser("bob@example.com"));
    QVERIFY(f.addUser("carol@example.com"));
    QString error;
    QVERIFY2(f.accounts->addAlias("team@example.com", {"bob@example.com", "carol@example.com"}, &error), qPrintable(error));
    QVERIFY2(f.accounts->addAlias("all@example.com", {"team@example.com", "bob@example.com"}, &error), qPrintable(error));
    QVERIFY(f.startQueue());
    QVERIFY(!f.enqueue("alice@example.net", {"bob@example.com", "team@example.com", "all@example.com", "BOB@example.com"},
                       mailText("team")).isEmpty());
    QVERIFY(f.waitEmpty());
    QCOMPARE(f.inbox("bob@example.com").size(), 1);
    QCOMPARE(f.inbox("carol@example.com").size(), 1);
    QVERIFY(f.inbox("carol@example.com").first().contains("Delivered-To: carol@example.com\r\n"));
}

void tst_LocalDelivery::deliveredToLoopBounces()
{
    QueueFixture f;
    QVERIFY(f.addUser("bob@example.com"));
    QVERIFY(f.addUser("alice@example.com"));
    QVERIFY(f.startQueue());
    const QByteArray looped = "Delivered-To: bob@example.com\r\n" + mailText("loop");
    QVERIFY(!f.enqueue("alice@example.com", {"bob@example.com"}, looped).isEmpty());
    QVERIFY(f.waitEmpty());
    QCOMPARE(f.inbox("bob@example.com").size(), 0);
    const QList<QByteArray> alice = f.inbox("alice@example.com");
    QCOMPARE(alice.size(), 1);
    QVERIFY(alice[0].contains("Status: 5.4.6"));
    QVERIFY(alice[0].contains("mail loop"));
}

void tst_LocalDelivery::aliasLoopIsStopped()
{
    QueueFixture f;
    QVERIFY(f.addUser("alice@example.com"));
    QVERIFY(f.addUser("carol@example.com"));
    QString error;
    QVERIFY2(f.accounts->addAlias("ping@example.com", {"pong@example.com"}, &error), qPrintable(error));
    QVERIFY2(f.accounts->addAlias("pong@example.com", {"ping@example.com", "carol@example.com"}, &error), qPrintable(error));
    QVERIFY(f.startQueue());
    QVERIFY(!f.enqueue("alice@example.com", {"ping@example.com"}, mailText("ping")).isEmpty());
    QVERIFY(f.waitEmpty()); // terminates: the cycle is cut, carol gets exactly one copy
    QCOMPARE(f.inbox("carol@example.com").size(), 1);
}

void tst_LocalDelivery::quotaFailureBouncesToSender()
{
    QueueFixture f;
    QVERIFY(f.addUser("bob@example.com", 500));
    QVERIFY(f.addUser("alice@example.com"));
    QVERIFY(f.startQueue());
    QVERIFY(!f.enqueue("alice@example.com", {"bob@example.com"}, mailText("big", QByteArray(4000, 'z') + "\r\n")).isEmpty());
    QVERIFY(f.waitEmpty());
    QCOMPARE(f.inbox("bob@example.com").size(), 0);
    const QList<QByteArray> alice = f.inbox("alice@example.com");
    QCOMPARE(alice.size(), 1);
    QVERIFY(alice[0].contains("Content-Type: multipart/report; report-type=delivery-status"));
    QVERIFY(alice[0].contains("Final-Recipient: rfc822; bob@example.com"));
    QVERIFY(alice[0].contains("Action: failed"));
    QVERIFY(alice[0].contains("Status: 5.2.2"));
    QVERIFY(alice[0].contains("Subject: big")); // the original headers are included
    QVERIFY(alice[0].startsWith("Return-Path: <>\r\n"));
    QCOMPARE(f.stats->value(StatName::MessagesBounced), 1);
}

void tst_LocalDelivery::unknownUserBounces()
{
    QueueFixture f;
    QVERIFY(f.addUser("alice@example.com"));
    QVERIFY(f.addUser("bob@example.com"));
    QVERIFY(f.startQueue());
    QVERIFY(!f.enqueue("alice@example.com", {"nobody@example.com", "bob@example.com"}, mailText("who")).isEmpty());
    QVERIFY(f.waitEmpty());
    QCOMPARE(f.inbox("bob@example.com").size(), 1);
    const QList<QByteArray> alice = f.inbox("alice@example.com");
    QCOMPARE(alice.size(), 1);
    QVERIFY(alice[0].contains("Final-Recipient: rfc822; nobody@example.com"));
    QVERIFY(alice[0].contains("Status: 5.1.1"));
    QVERIFY(!alice[0].contains("Final-Recipient: rfc822; bob@example.com"));
}

void tst_LocalDelivery::nullSenderIsNeverBounced()
{
    QueueFixture f;
    QVERIFY(f.addUser("alice@example.com"));
    QVERIFY(f.startQueue());
    QSignalSpy queued(f.queue.get(), &DeliveryQueue::messageQueued);
    QVERIFY(!f.enqueue("", {"nobody@example.com"}, mailText("bounce of a bounce")).isEmpty());
    QVERIFY(f.waitEmpty());
    QCOMPARE(queued.size(), 1); // only the message itself, no DSN
    QCOMPARE(f.inbox("alice@example.com").size(), 0);
}

void tst_LocalDelivery::restartPicksUpQueuedMessages()
{
    QueueFixture f;
    QVERIFY(f.addUser("bob@example.com"));
    // A first run that cannot deliver (no mail store): the messages stay queued.
    {
        DeliveryQueue q(&f.config, f.accounts.get(), nullptr, nullptr);
        QString error;
        QVERIFY(q.start(&error));
        QStringList ids;
        for (int i = 0; i < 3; ++i) {
            auto w = q.beginMessage(&error);
            QVERIFY(w);
            w->write(mailText(QStringLiteral("restart %1").arg(i)));
            QueueEnvelope env;
            env.sender = "alice@example.net";
            env.recipients = {"bob@example.com"};
            bool done = false;
            q.commit(std::move(w), env, [&](bool ok, const QString &id, const QString &) { done = ok; ids << id; });
            QTRY_VERIFY(done);
        }
        // No mail store: the attempt defers; the files stay.
        QTRY_COMPARE(q.entries().value(0).recipients.value(0).state, QueueRecipient::State::Deferred);
        q.stop();
    }
    QVERIFY(f.startQueue());
    QCOMPARE(f.queue->length(), 3);
    f.queue->retryAll();
    QVERIFY(f.waitEmpty());
    QCOMPARE(f.inbox("bob@example.com").size(), 3);
}

void tst_LocalDelivery::recoveryDropsIncompleteCommits()
{
    QueueFixture f;
    QVERIFY(f.addUser("bob@example.com"));
    const QString spool = f.dir.filePath("queue");
    QString error;
    QVERIFY(QueueSpool::prepare(spool, &error));
    auto writeFile = [](const QString &path, const QByteArray &data) {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
    };
    auto envelope = [](const QString &id, qint64 size) {
        QueueEntry e;
        e.id = id;
        e.sender = "alice@example.net";
        QueueRecipient r;
        r.address = "bob@example.com";
        e.recipients = {r};
        e.arrived = QDateTime::currentDateTimeUtc();
        e.size = size;
        return QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact);
    };
    const QByteArray body = mailText("recovered");
    // Complete: delivered after the restart.
    QVERIFY(writeFile(QueueSpool::dataPath(spool, "GOOD"), body));
    QVERIFY(writeFile(QueueSpool::envelopePath(spool, "GOOD"), envelope("GOOD", body.size())));
    // Interrupted commits (never acknowledged): data without envelope, truncated envelope,
    // envelope whose size disagrees with the data, envelope without data.
    QVERIFY(writeFile(QueueSpool::dataPath(spool, "NOENV"), body));
    QVERIFY(writeFile(QueueSpool::dataPath(spool, "TRUNC"), body));
    QVERIFY(writeFile(QueueSpool::envelopePath(spool, "TRUNC"), envelope("TRUNC", body.size()).left(40)));
    QVERIFY(writeFile(QueueSpool::dataPath(spool, "SHORT"), body.left(10)));
    QVERIFY(writeFile(QueueSpool::envelopePath(spool, "SHORT"), envelope("SHORT", body.size())));
    QVERIFY(writeFile(QueueSpool::envelopePath(spool, "NODATA"), envelope("NODATA", body.size())));
    QVERIFY(f.startQueue());
    QCOMPARE(f.queue->length(), 1);
    QVERIFY(f.queue->entry("GOOD"));
    QVERIFY(f.waitEmpty());
    QCOMPARE(f.inbox("bob@example.com").size(), 1);
    QCOMPARE(QDir(QueueSpool::msgDir(spool)).entryList(QDir::Files).size(), 0);
}

void tst_LocalDelivery::reloadChangesWorkersWithoutLossOrDuplicates()
{
    QueueFixture f;
    QVERIFY(f.addUser("bob@example.com"));
    f.config.delivery.workers = 1;
    QVERIFY(f.startQueue());
    constexpr int Count = 60;
    for (int i = 0; i < Count; ++i) {
        QVERIFY(!f.enqueue("alice@example.net", {"bob@example.com"}, mailText(QStringLiteral("n%1").arg(i))).isEmpty());
        if (i == 20) {
            f.config.delivery.workers = 6;
            f.queue->applyConfig();
        } else if (i == 40) {
            f.config.delivery.workers = 2;
            f.queue->applyConfig();
        }
    }
    QVERIFY(f.waitEmpty(30000));
    const QList<QByteArray> box = f.inbox("bob@example.com");
    QCOMPARE(box.size(), Count);
    QSet<QByteArray> subjects;
    for (const QByteArray &m : box)
        subjects.insert(m.mid(m.indexOf("Subject: "), 14));
    QCOMPARE(subjects.size(), Count);
}

void tst_LocalDelivery::controlVerbs()
{
    QueueFixture f(QJsonObject{{"delivery", QJsonObject{{"workers", 2}, {"routes", QJsonObject{{"far.test", "127.0.0.1:1"}}}}}});
    QVERIFY(f.startQueue({3600}));
    const QString id = f.enqueue("alice@example.net", {"x@far.test"}, mailText("stuck"));
    QVERIFY(!id.isEmpty());
    QTRY_COMPARE(f.queue->entry(id)->recipients.value(0).state, QueueRecipient::State::Deferred);
    ControlMethodTable table;
    registerQueueControlMethods(table, f.queue.get());
    auto call = [&](const QString &method, const QJsonObject &params) {
        ControlProtocol::Reply reply;
        ControlProtocol::Request req;
        req.id = 5;
        req.method = method;
        req.params = params;
        (*table.find(method))(req, [&](const ControlProtocol::Reply &r) { reply = r; });
        return reply;
    };
    ControlProtocol::Reply r = call("queue.list", {});
    QVERIFY(r.ok);
    const QJsonObject m = r.result.value("messages").toArray().first().toObject();
    QCOMPARE(m.value("id").toString(), id);
    QCOMPARE(m.value("sender").toString(), QStringLiteral("alice@example.net"));
    QVERIFY(m.value("size").toInteger() > 0);
    QVERIFY(!m.value("arrived").toString().isEmpty());
    QVERIFY(!m.value("next_attempt").toString().isEmpty());
    const QJsonObject rc = m.value("recipients").toArray().first().toObject();
    QCOMPARE(rc.value("address").toString(), QStringLiteral("x@far.test"));
    QCOMPARE(rc.value("state").toString(), QStringLiteral("deferred"));
    QCOMPARE(rc.value("attempts").toInt(), 1);
    QVERIFY(rc.value("last_error").toString().startsWith("451"));
    QCOMPARE(call("queue.show", {{"id", id}}).result.value("message").toObject().value("id").toString(), id);
    QCOMPARE(call("queue.show", {{"id", "nope"}}).error.code, ControlProtocol::ErrorCode::NotFound);
    QCOMPARE(call("queue.remove", {}).error.code, ControlProtocol::ErrorCode::BadRequest);
    QVERIFY(call("queue.retry", {{"id", id}}).ok);
    QTRY_COMPARE(f.queue->entry(id)->recipients.value(0).attempts, 2);
    QVERIFY(call("queue.flush", {}).ok);
    QTRY_COMPARE(f.queue->entry(id)->recipients.value(0).attempts, 3);
    // Removal is refused while an attempt is in flight; the flush above may still be running.
    bool removed = false;
    for (int i = 0; i < 200 && !removed; ++i) {
        removed = call("queue.remove", {{"id", id}}).ok;
        if (!removed)
            QTest::qWait(20);
    }
    QVERIFY(removed);
    QCOMPARE(f.queue->length(), 0);
    QVERIFY(!QFile::exists(QueueSpool::dataPath(f.queue->spoolDirectory(), id)));
    QCOMPARE(f.inbox("alice@example.net").size(), 0);
}

void tst_LocalDelivery::cliWorksOnSpoolWithoutDaemon()
{
    QueueFixture f(QJsonObject{{"delivery", QJsonObject{{"routes", QJsonObject{{"far.test", "127.0.0.1:1"}}}}}});
    f.config.controlSocket = f.dir.filePath("no-daemon.sock");
    QVERIFY(f.startQueue({3600}));
    const QString id = f.enqueue("alice@example.net", {"x@far.test"}, mailText("cli"));
    QTRY_COMPARE(f.queue->entry(id)->recipients.value(0).state, QueueRecipient::State::Deferred);
    f.queue.reset();
    QString outText, errText;
    QTextStream out(&outText), err(&errText);
    QCOMPARE(runQueueCommand({"queue", "list"}, f.config, out, err), 0);
    out.flush();
    QVERIFY2(outText.contains(id) && outText.contains("<x@far.test>  deferred") && outText.contains("1 message in the queue"), qPrintable(outText));
    QCOMPARE(runQueueCommand({"queue", "show"}, f.config, out, err), 2);
    QCOMPARE(runQueueCommand({"queue", "show", "nope"}, f.config, out, err), 1);
    QCOMPARE(runQueueCommand({"queue", "remove", id}, f.config, out, err), 0);
    outText.clear();
    QCOMPARE(runQueueCommand({"queue", "list", "--json"}, f.config, out, err), 0);
    out.flush();
    QCOMPARE(QJsonDocument::fromJson(outText.toUtf8()).object().value("messages").toArray().size(), 0);
}

QTEST_GUILESS_MAIN(tst_LocalDelivery)
#include "tst_localdelivery.moc"
