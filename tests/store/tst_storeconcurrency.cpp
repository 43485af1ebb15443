// Several writers (processes and threads) and many readers on one folder, and kill -9 in
// the middle of deliveries: no partial message is ever visible, no UID is lost, reused or
// goes backwards. The test binary doubles as the writer process (see main()).
#include "storetestutil.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QRandomGenerator>
#include <QThread>

#include <csignal>

namespace {
const char WriterEnv[] = "POSTROOM_STORE_TEST_WRITER"; // "<mail_root>|<writer id>|<count>"

QByteArray writerMessage(int writer, int n)
{
    const int len = 100 + int(QRandomGenerator::global()->bounded(4000));
    QByteArray body(len, char('a' + (n % 26)));
    body.append("\r\n");
    return "Message-ID: <w" + QByteArray::number(writer) + "-" + QByteArray::number(n) + "@test>\r\nX-Check: "
        + QCryptographicHash::hash(body, QCryptographicHash::Md5).toHex() + "\r\n\r\n" + body;
}

// A complete message: its checksum matches its body.
bool isComplete(const QByteArray &data, QByteArray *id)
{
    const int sep = data.indexOf("\r\n\r\n");
    const int c = data.indexOf("X-Check: ");
    if (sep < 0 || c < 0)
        return false;
    *id = data.mid(13, data.indexOf('@') - 13); // "Message-ID: <w1-5@test>" -> "w1-5"
    return data.mid(c + 9, 32) == QCryptographicHash::hash(data.mid(sep + 4), QCryptographicHash::Md5).toHex();
}

int runWriter(const QString &spec)
{
    const QStringList p = spec.split(QLatin1Char('|'));
    PasswordHasher::setParameters({1, 64, 1});
    AccountStore accounts(p.at(0));
    accounts.setDomains({QStringLiteral("example.com")});
    MailStore store(p.at(0), &accounts);
    const int writer = p.at(1).toInt();
    const int count = p.at(2).toInt();
    QTextStream out(stdout);
    for (int n = 0; n < count; ++n) {
        DeliveryRequest r;
        r.address = QStringLiteral("bob@example.com");
        r.data = writerMessage(writer, n);
        StoreError e;
        const auto uid = store.deliver(r, &e);
        if (!uid) {
            out << "error " << e.message << Qt::endl;
            return 1;
        }
        out << *uid << ' ' << writer << '-' << n << Qt::endl;
    }
    return 0;
}
}

class tst_StoreConcurrency : public QObject
{
    Q_OBJECT
    QProcess *startWriter(const QString &root, int id, int count)
    {
        auto *p = new QProcess(this);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QLatin1String(WriterEnv), QStringLiteral("%1|%2|%3").arg(root).arg(id).arg(count));
        p->setProcessEnvironment(env);
        p->start(QCoreApplication::applicationFilePath(), {});
        return p;
    }

private slots:
    void twoWriterProcessesManyReaders()
    {
        StoreFixture f;
        QVERIFY(f.addUser(QStringLiteral("bob@example.com")));
        constexpr int PerWriter = 150;
        QProcess *w1 = startWriter(f.dir.path(), 1, PerWriter);
        QProcess *w2 = startWriter(f.dir.path(), 2, PerWriter);
        // Readers: independent stores, as other daemons would be, plus one thread writer here.
        std::vector<std::unique_ptr<MailStore>> readers;
        std::vector<QSharedPointer<Mailbox>> boxes;
        for (int i = 0; i < 4; ++i) {
            readers.push_back(std::make_unique<MailStore>(f.dir.path(), f.accounts.get()));
            boxes.push_back(readers.back()->openMailbox(QStringLiteral("bob@example.com"), QStringLiteral("INBOX")));
            QVERIFY(boxes.back());
        }
        QThread *threadWriter = QThread::create([&] {
            for (int n = 0; n < PerWriter; ++n)
                f.deliver(QStringLiteral("bob@example.com"), writerMessage(3, n));
        });
        threadWriter->start();
        QHash<quint32, QByteArray> idOfUid; // what every reader must agree on, forever
        quint32 lastNext = 0;
        QElapsedTimer timer;
        timer.start();
        auto checkReaders = [&] {
            for (auto &mb : boxes) {
                QVERIFY(mb->sync());
                QVERIFY(mb->uidNext() >= lastNext);
                quint32 prev = 0;
                for (const MessageInfo &m : mb->messages()) {
                    QVERIFY(m.uid > prev); // strictly increasing, never duplicated
                    prev = m.uid;
                    auto known = idOfUid.constFind(m.uid);
                    if (known == idOfUid.cend()) {
                        const auto data = mb->readMessage(m.uid);
                        QVERIFY(data);
                        QByteArray id;
                        QVERIFY2(isComplete(*data, &id), "partial message visible");
                        idOfUid.insert(m.uid, id);
                    }
                }
                QVERIFY(mb->messages().size() <= 3 * PerWriter);
            }
        };
        while ((w1->state() != QProcess::NotRunning || w2->state() != QProcess::NotRunning || threadWriter->isRunning())
               && timer.elapsed() < 120000) {
            checkReaders();
            if (QTest::currentTestFailed())
                break;
            QTest::qWait(5);
        }
        for (QProcess *w : {w1, w2})
            QVERIFY(w->state() == QProcess::NotRunning || w->waitForFinished(60000));
        threadWriter->wait();
        delete threadWriter;
        QCOMPARE(w1->exitCode(), 0);
        QCOMPARE(w2->exitCode(), 0);
        checkReaders();
        // Every writer's reported UID names its own message.
        for (QProcess *w : {w1, w2}) {
            const QList<QByteArray> lines = w->readAllStandardOutput().trimmed().split('\n');
            QCOMPARE(lines.size(), PerWriter);
            for (const QByteArray &line : lines) {
                const QList<QByteArray> parts = line.split(' ');
                QCOMPARE(idOfUid.value(parts.at(0).toUInt()), QByteArray("w" + parts.at(1)));
            }
        }
        for (auto &mb : boxes) {
            QCOMPARE(mb->messages().size(), 3 * PerWriter);
            QCOMPARE(mb->messages().last().uid, quint32(3 * PerWriter)); // no gaps, none lost
        }
    }

    void killDuringDelivery()
    {
        StoreFixture f;
        QVERIFY(f.addUser(QStringLiteral("bob@example.com")));
        // A writer dies in the middle of a message before the rename: nothing visible.
        const QString root = f.store->maildirPath(QStringLiteral("bob@example.com"));
        QFile partial(root + QLatin1String("/tmp/1700000000.partial.host,S=5000"));
        QVERIFY(partial.open(QIODevice::WriteOnly));
        partial.write(writerMessage(9, 1).left(50));
        partial.close();

        QStringList reported;
        for (int round = 0; round < 6; ++round) {
            QProcess *w = startWriter(f.dir.path(), 10 + round, 100000);
            QVERIFY(w->waitForStarted());
            QTest::qWait(150 + int(QRandomGenerator::global()->bounded(250)));
            ::kill(pid_t(w->processId()), SIGKILL);
            QVERIFY(w->waitForFinished(10000));
            for (const QByteArray &line : w->readAllStandardOutput().split('\n'))
                if (line.contains('-'))
                    reported << QString::fromLatin1(line);
        }
        QVERIFY(reported.size() > 6);
        QHash<quint32, QByteArray> first;
        for (int pass = 0; pass < 2; ++pass) {
            f.reopen();
            if (pass == 1)
                QFile::remove(root + QLatin1String("/postroom-index"));
            auto mb = f.store->openMailbox(QStringLiteral("bob@example.com"), QStringLiteral("INBOX"));
            QVERIFY(mb);
            quint32 prev = 0;
            for (const MessageInfo &m : mb->messages()) {
                QVERIFY(m.uid > prev);
                prev = m.uid;
                QByteArray id;
                QVERIFY2(isComplete(*mb->readMessage(m.uid), &id), "partial message after kill -9");
                if (pass == 0)
                    first.insert(m.uid, id);
                else
                    QCOMPARE(first.value(m.uid), id); // the same UIDs after an index rebuild
            }
            QCOMPARE(mb->messages().size(), first.size());
        }
        // Every delivery the writers reported as done is there under its UID.
        for (const QString &line : std::as_const(reported)) {
            const QStringList parts = line.split(QLatin1Char(' '));
            QCOMPARE(first.value(parts.at(0).toUInt()), QByteArray("w" + parts.at(1).toLatin1()));
        }
    }
};

int main(int argc, char **argv)
{
    const QByteArray spec = qgetenv(WriterEnv);
    if (!spec.isEmpty()) {
        QCoreApplication app(argc, argv);
        return runWriter(QString::fromLocal8Bit(spec));
    }
    QCoreApplication app(argc, argv);
    tst_StoreConcurrency t;
    return QTest::qExec(&t, argc, argv);
}
#include "tst_storeconcurrency.moc"
