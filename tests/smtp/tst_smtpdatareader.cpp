// The DATA/BDAT content reader: dot-unstuffing, end only at CRLF.CRLF, every SMTP
// smuggling variant flagged and never taken as the end, and the same results when the
// input arrives one byte at a time.
#include "smtpdatareader.h"

#include <QtTest>

namespace {
struct Outcome {
    QByteArray content;
    qint64 consumed = 0;
    bool done = false;
    bool bare = false;
    bool longLine = false;
};

Outcome readAll(const QByteArray &input, int chunk)
{
    SmtpDataReader reader;
    Outcome o;
    for (qint64 pos = 0; pos < input.size() && !reader.isDone();) {
        const qint64 n = std::min<qint64>(chunk, input.size() - pos);
        const qint64 used = reader.feed(input.constData() + pos, n, &o.content);
        o.consumed += used;
        pos += used;
        if (used < n)
            break;
    }
    o.done = reader.isDone();
    o.bare = reader.sawBareLineEnding();
    o.longLine = reader.sawLongLine();
    if (reader.messageSize() != o.content.size())
        o.done = false; // size bookkeeping must match what was produced
    return o;
}
}

class tst_SmtpDataReader : public QObject
{
    Q_OBJECT
private slots:
    void cases_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<qint64>("consumed"); // -1: not done (everything consumed)
        QTest::addColumn<bool>("bare");
        auto row = [](const char *name, const QByteArray &in, const QByteArray &out, qint64 consumed, bool bare) {
            QTest::newRow(name) << in << out << consumed << bare;
        };
        row("simple", "Subject: x\r\n\r\nhello\r\n.\r\n", "Subject: x\r\n\r\nhello\r\n", 24, false);
        row("empty message", ".\r\n", "", 3, false);
        row("pipelined after", "a\r\n.\r\nQUIT\r\n", "a\r\n", 6, false);
        row("stuffed dot", "..x\r\n..\r\n.\r\n", ".x\r\n.\r\n", 12, false);
        row("unstuffed dot", ".x\r\n.\r\n", "x\r\n", 7, false);
        row("dot mid line", "a.b\r\n.\r\n", "a.b\r\n", 8, false);
        row("not finished", "abc\r\n", "abc\r\n", -1, false);
        row("not finished dot", "abc\r\n.", "abc\r\n", -1, false);
        row("not finished dot cr", "abc\r\n.\r", "abc\r\n", -1, false);
        // SMTP smuggling variants: flagged, and never the end of data.
        row("smuggle LF.LF", "a\n.\nMAIL FROM:<x@y.z>\r\n.\r\n", "a\n.\nMAIL FROM:<x@y.z>\r\n", 26, true);
        row("smuggle CR.CR", "a\r.\rRSET\r\n.\r\n", "a\r.\rRSET\r\n", 13, true);
        row("smuggle CRLF.LF", "a\r\n.\nRSET\r\n.\r\n", "a\r\n\nRSET\r\n", 14, true);
        row("smuggle LF.CRLF", "a\n.\r\nRSET\r\n.\r\n", "a\n.\r\nRSET\r\n", 14, true);
        row("smuggle CRLF.CR", "a\r\n.\rRSET\r\n.\r\n", "a\r\n\rRSET\r\n", 14, true);
        row("bare LF only", "a\nb\r\n.\r\n", "a\nb\r\n", 8, true);
        row("bare CR only", "a\rb\r\n.\r\n", "a\rb\r\n", 8, true);
        row("CRCRLF", "a\r\r\n.\r\n", "a\r\r\n", 7, true);
    }
    void cases()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, content);
        QFETCH(qint64, consumed);
        QFETCH(bool, bare);
        for (int chunk : {1, 2, 3, 7, 1 << 20}) {
            const Outcome o = readAll(input, chunk);
            QCOMPARE(o.content, content);
            QCOMPARE(o.done, consumed >= 0);
            QCOMPARE(o.consumed, consumed >= 0 ? consumed : input.size());
            QCOMPARE(o.bare, bare);
        }
    }

    void lineLength()
    {
        const QByteArray ok998 = QByteArray(998, 'x') + "\r\n.\r\n";
        QVERIFY(!readAll(ok998, 100).longLine);
        const QByteArray long999 = QByteArray(999, 'x') + "\r\n.\r\n";
        QVERIFY(readAll(long999, 100).longLine);
        const QByteArray manyShort = QByteArray("0123456789\r\n").repeated(1000) + ".\r\n";
        const Outcome o = readAll(manyShort, 4096);
        QVERIFY(!o.longLine);
        QCOMPARE(o.content.size(), qint64(12000));
    }

    void bdatMode()
    {
        SmtpDataReader reader(SmtpDataReader::Mode::Bdat);
        QByteArray out;
        QCOMPARE(reader.feed(QByteArray(".\r\n..x\r"), &out), qint64(7));
        QCOMPARE(reader.feed(QByteArray("\n"), &out), qint64(1));
        reader.finish();
        QCOMPARE(out, QByteArray(".\r\n..x\r\n")); // no unstuffing, no end marker
        QVERIFY(!reader.sawBareLineEnding());
        SmtpDataReader bare(SmtpDataReader::Mode::Bdat);
        bare.feed(QByteArray("a\nb"), &out);
        bare.finish();
        QVERIFY(bare.sawBareLineEnding());
        SmtpDataReader trailingCr(SmtpDataReader::Mode::Bdat);
        trailingCr.feed(QByteArray("a\r"), &out);
        trailingCr.finish();
        QVERIFY(trailingCr.sawBareLineEnding());
    }

    // Random inputs over {a . CR LF} against a plain reference (split at CRLF, end at the
    // line ".", drop one leading dot): same content, same end, same bare-line-ending verdict,
    // whole or cut into random pieces.
    void randomAgainstReference()
    {
        QRandomGenerator rng(20261129);
        const char alphabet[] = {'a', '.', '\r', '\n'};
        for (int round = 0; round < 3000; ++round) {
            QByteArray input;
            const int length = int(rng.bounded(40));
            for (int i = 0; i < length; ++i)
                input += alphabet[rng.bounded(4)];
            input += "\r\n.\r\nTAIL";
            // reference
            QByteArray expected;
            qint64 consumed = -1;
            for (qint64 pos = 0;;) {
                const qint64 crlf = input.indexOf("\r\n", pos);
                QVERIFY(crlf >= 0);
                const QByteArray line = input.mid(pos, crlf - pos);
                if (line == ".") {
                    consumed = crlf + 2;
                    break;
                }
                expected += (line.startsWith('.') ? line.mid(1) : line) + "\r\n";
                pos = crlf + 2;
            }
            bool bare = false;
            for (qint64 i = 0; i < consumed; ++i) {
                if (input.at(i) == '\r' && input.at(i + 1) != '\n')
                    bare = true;
                if (input.at(i) == '\n' && (i == 0 || input.at(i - 1) != '\r'))
                    bare = true;
            }
            const int chunk = round % 3 == 0 ? 1 : int(1 + rng.bounded(8));
            const Outcome o = readAll(input, chunk);
            QVERIFY2(o.done, input.toPercentEncoding().constData());
            QCOMPARE(o.consumed, consumed);
            QCOMPARE(o.content, expected);
            QCOMPARE(o.bare, bare);
        }
    }

    void largeInputIsLinear()
    {
        // 8 MB through the reader in 64 KB chunks: content identical, bounded time.
        const QByteArray line = QByteArray(76, 'm') + "\r\n";
        QByteArray input = line.repeated(8 * 1024 * 1024 / line.size());
        const qint64 body = input.size();
        input += ".\r\n";
        QElapsedTimer t;
        t.start();
        const Outcome o = readAll(input, 64 * 1024);
        QVERIFY(o.done);
        QCOMPARE(o.content.size(), body);
        QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
    }
};

QTEST_GUILESS_MAIN(tst_SmtpDataReader)
#include "tst_smtpdatareader.moc"
