// ApiRequestGuard: framing of requests fed in arbitrary pieces, and the refusals
// (413, 411, 431, 400) that must happen before QtHttpServer buffers a body.
#include "apirequestguard.h"

#include <QtTest>

class tst_ApiRequestGuard : public QObject
{
    Q_OBJECT
private:
    // Feeds `data` in pieces of `step` bytes; returns the first refusal status (0 if none)
    // and the number of 100-continue verdicts.
    static int feedAll(ApiRequestGuard &g, const QByteArray &data, int step, int *continues = nullptr)
    {
        int c = 0;
        for (qsizetype i = 0; i < data.size(); i += step) {
            const auto v = g.feed(QByteArrayView(data).sliced(i, qMin<qsizetype>(step, data.size() - i)));
            c += v.continues;
            if (v.status) {
                if (continues)
                    *continues = c;
                return v.status;
            }
        }
        if (continues)
            *continues = c;
        return 0;
    }

private slots:
    void verdicts_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<int>("status");
        QTest::newRow("get") << QByteArray("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n") << 0;
        QTest::newRow("post within limit") << QByteArray("POST /a HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello") << 0;
        QTest::newRow("post at limit") << QByteArray("POST /a HTTP/1.1\r\nContent-Length: 1000\r\n\r\n") << 0;
        QTest::newRow("too large") << QByteArray("POST /a HTTP/1.1\r\nContent-Length: 1001\r\n\r\n") << 413;
        QTest::newRow("huge") << QByteArray("POST /a HTTP/1.1\r\nContent-Length: 209715200\r\n\r\n") << 413;
        QTest::newRow("chunked") << QByteArray("POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n") << 411;
        QTest::newRow("bad length") << QByteArray("POST /a HTTP/1.1\r\nContent-Length: 5x\r\n\r\n") << 400;
        QTest::newRow("negative length") << QByteArray("POST /a HTTP/1.1\r\nContent-Length: -1\r\n\r\n") << 400;
        QTest::newRow("conflicting lengths") << QByteArray("POST /a HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n") << 400;
        QTest::newRow("same length twice") << QByteArray("POST /a HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nhi") << 0;
        QTest::newRow("bad request line") << QByteArray("GARBAGE\r\n\r\n") << 400;
        QTest::newRow("http/2 preface") << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n") << 400;
        QTest::newRow("obs-fold") << QByteArray("GET / HTTP/1.1\r\nX: a\r\n b\r\n\r\n") << 400;
        QTest::newRow("bare LF") << QByteArray("GET / HTTP/1.1\nHost: x\n\n") << 0;
        QTest::newRow("huge header") << QByteArray("GET / HTTP/1.1\r\nX: " + QByteArray(9000, 'a') + "\r\n\r\n") << 431;
        QByteArray many = "GET / HTTP/1.1\r\n";
        for (int i = 0; i < 150; ++i)
            many += "X: 1\r\n";
        QTest::newRow("many headers") << QByteArray(many + "\r\n") << 431;
        QTest::newRow("endless head") << QByteArray("GET / HTTP/1.1\r\n" + QByteArray(20000, 'a')) << 431;
    }
    void verdicts()
    {
        QFETCH(QByteArray, data);
        QFETCH(int, status);
        for (int step : {1, 3, 7, 64, 100000}) {
            ApiRequestGuard g(1000);
            QCOMPARE(feedAll(g, data, step), status);
            QCOMPARE(g.isRejected(), status != 0);
        }
    }
    void keepAliveSequence()
    {
        // Three requests on one connection: the body of the second contains text that looks
        // like a request head with a huge length, which must be treated as body bytes.
        const QByteArray body = "POST /x HTTP/1.1\r\nContent-Length: 99999999\r\n\r\n";
        const QByteArray data = "GET /a HTTP/1.1\r\n\r\n" "POST /b HTTP/1.1\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body + "GET /c HTTP/1.1\r\n\r\n";
        for (int step : {1, 5, 1000}) {
            ApiRequestGuard g(1000);
            QCOMPARE(feedAll(g, data, step), 0);
            QVERIFY(g.isIdle());
        }
        // And a fourth request over the limit after them is still caught.
        ApiRequestGuard g(1000);
        QCOMPARE(feedAll(g, data + "POST /d HTTP/1.1\r\nContent-Length: 5000\r\n\r\n", 9), 413);
    }
    void expectContinue()
    {
        ApiRequestGuard g(1000);
        int continues = 0;
        QCOMPARE(feedAll(g, "POST /a HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n", 4, &continues), 0);
        QCOMPARE(continues, 1);
        QCOMPARE(g.bodyRemaining(), 3);
        QCOMPARE(feedAll(g, "abc", 1), 0);
        QVERIFY(g.isIdle());
        // Over the limit: refused, no 100 Continue.
        ApiRequestGuard g2(1000);
        QCOMPARE(feedAll(g2, "POST /a HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 3000\r\n\r\n", 1000, &continues), 413);
        QCOMPARE(continues, 0);
    }
    void limitChangesLive()
    {
        ApiRequestGuard g(10);
        QCOMPARE(feedAll(g, "POST /a HTTP/1.1\r\nContent-Length: 20\r\n\r\n", 100), 413);
        ApiRequestGuard g2(10);
        g2.setMaxBodyBytes(100);
        QCOMPARE(feedAll(g2, "POST /a HTTP/1.1\r\nContent-Length: 20\r\n\r\n", 100), 0);
    }
};

QTEST_GUILESS_MAIN(tst_ApiRequestGuard)
#include "tst_apirequestguard.moc"
