// The JSON-lines framing of the control socket: complete lines are split off,
// oversized lines are dropped without unbounded buffering, bad JSON is reported.
#include "jsonlinechannel.h"

#include <QBuffer>
#include <QLocalServer>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class tst_JsonLineChannel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void takeLinesSplitsCompleteLines()
    {
        QByteArray buffer("{\"a\":1}\n{\"b\":2}\n{\"c\"");
        QList<QByteArray> lines;
        QCOMPARE(JsonLineChannel::takeLines(buffer, 100, &lines), JsonLineChannel::TakeResult::Ok);
        QCOMPARE(lines, QList<QByteArray>({"{\"a\":1}", "{\"b\":2}"}));
        QCOMPARE(buffer, QByteArray("{\"c\""));
    }

    void takeLinesDropsLongLines()
    {
        QByteArray buffer = QByteArray(50, 'x') + "\n{}\n";
        QList<QByteArray> lines;
        QCOMPARE(JsonLineChannel::takeLines(buffer, 10, &lines), JsonLineChannel::TakeResult::DroppedLongLine);
        QCOMPARE(lines, QList<QByteArray>({"{}"}));
        buffer = QByteArray(50, 'y');
        lines.clear();
        QCOMPARE(JsonLineChannel::takeLines(buffer, 10, &lines), JsonLineChannel::TakeResult::UnfinishedLineTooLong);
        QVERIFY(buffer.isEmpty());
    }

    void overSocket()
    {
        QTemporaryDir dir;
        QLocalServer server;
        QVERIFY(server.listen(dir.filePath("s")));
        QLocalSocket client;
        client.connectToServer(dir.filePath("s"));
        QVERIFY(server.waitForNewConnection(2000));
        QLocalSocket *peer = server.nextPendingConnection();
        JsonLineChannel channel(peer);
        channel.setMaxLineBytes(1000);
        QSignalSpy messages(&channel, &JsonLineChannel::messageReceived);
        QSignalSpy errors(&channel, &JsonLineChannel::protocolError);
        client.write("{\"id\":1}\nnot json\n[1]\n");
        client.write(QByteArray(5000, 'z'));        // over the cap, no newline yet
        client.write("still the long line\n{\"id\":2}\n");
        client.flush();
        QTRY_COMPARE(messages.size(), 2);
        QCOMPARE(messages.at(0).at(0).toJsonObject().value("id").toInt(), 1);
        QCOMPARE(messages.at(1).at(0).toJsonObject().value("id").toInt(), 2);
        QVERIFY(errors.size() >= 3);
    }
};

QTEST_GUILESS_MAIN(tst_JsonLineChannel)
#include "tst_jsonlinechannel.moc"
