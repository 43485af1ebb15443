// The API's HTTP front in-process on a loopback port: ApiListener + ApiConnection guard +
// ApiHttpServer, talking raw HTTP over QTcpSocket so the byte-level cases are exact.
#include "apiconnection.h"
#include "apihttpserver.h"
#include "apilistener.h"
#include "apirouter.h"

#include <QTcpSocket>
#include <QtTest>

class tst_ApiHttp : public QObject
{
    Q_OBJECT
private:
    ApiHttpServer *m_http = nullptr;
    ApiListener *m_listener = nullptr;
    ApiRouter m_router;
    int m_handled = 0;

    // Sends the pieces with a short pause between them; returns everything read until the
    // server closes or `waitMs` passes without data.
    QByteArray exchange(const QList<QByteArray> &pieces, int waitMs = 700)
    {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, m_listener->serverPort());
        if (!s.waitForConnected(3000))
            return "no connection";
        for (const QByteArray &p : pieces) {
            s.write(p);
            s.flush();
            QTest::qWait(60);
        }
        // The server runs in this thread: wait with the event loop running.
        QByteArray out;
        QElapsedTimer total, quiet;
        total.start();
        quiet.start();
        while (total.elapsed() < 5000 && quiet.elapsed() < waitMs && s.state() == QAbstractSocket::ConnectedState) {
            QTest::qWait(10);
            if (s.bytesAvailable()) {
                out += s.readAll();
                quiet.restart();
            }
        }
        out += s.readAll();
        return out;
    }

private slots:
    void initTestCase()
    {
        m_http = new ApiHttpServer(this);
        m_router.add("GET", "/hello", ApiRouter::Access::Public, [this](const ApiCallPtr &c) {
            ++m_handled;
            c->respond(ApiResponse::json(200, QJsonObject{{"hello", "world"}}));
        });
        m_router.add("POST", "/echo", ApiRouter::Access::Public, [this](const ApiCallPtr &c) {
            ++m_handled;
            c->respond(ApiResponse::json(200, QJsonObject{{"size", c->body.size()}}));
        });
        m_router.add("DELETE", "/echo", ApiRouter::Access::Public, [](const ApiCallPtr &c) {
            c->respond(ApiResponse::noContent());
        });
        m_http->setHandler([this](const ApiCallPtr &c) {
            const auto m = m_router.match(c->method, c->path);
            if (m.route)
                return m.route->handler(c);
            if (!m.allow.isEmpty())
                return c->respond(ApiResponse::error(405, "methodNotAllowed", "no").header("Allow", m.allow));
            c->respond(ApiResponse::error(404, "itemNotFound", "no"));
        });
        m_listener = new ApiListener(ListenerSpec{"http", "api", false, "127.0.0.1", 0, "h", "p"}, nullptr, nullptr);
        m_listener->setMaxBodyBytes([] { return qint64(1000); });
        m_listener->setIdleTimeoutMs(1500);
        QString error;
        QVERIFY2(m_listener->start(&error), qPrintable(error));
        m_http->bind(m_listener);
    }
    void getAndKeepAlive()
    {
        const QByteArray out = exchange({"GET /hello HTTP/1.1\r\nHost: x\r\n\r\nGET /hello HTTP/1.1\r\nHost: x\r\n\r\n"});
        QCOMPARE(out.count("HTTP/1.1 200 OK"), 2);
        QVERIFY(out.contains("{\"hello\":\"world\"}"));
    }
    void postWithinLimit()
    {
        const QByteArray out = exchange({"POST /echo HTTP/1.1\r\nContent-Length: 1000\r\n\r\n" + QByteArray(1000, 'x')});
        QVERIFY2(out.startsWith("HTTP/1.1 200"), out.constData());
        QVERIFY(out.contains("{\"size\":1000}"));
    }
    void tooLargeAnsweredBeforeBody()
    {
        const int before = m_handled;
        const QByteArray out = exchange({"POST /echo HTTP/1.1\r\nContent-Length: 200000000\r\n\r\nabc"});
        QVERIFY2(out.startsWith("HTTP/1.1 413"), out.constData());
        QVERIFY(out.contains("\"code\":\"requestTooLarge\""));
        QCOMPARE(m_handled, before);
    }
    void tooLargeWithHeadSplitAcrossPackets()
    {
        // The Content-Length arrives in a later packet than the request line: the guard
        // must still see it, although Qt has started reading the head.
        const QByteArray out = exchange({"POST /echo HTTP/1.1\r\nHost: x\r\n", "Content-Le", "ngth: 5000\r\n\r\n", "xyz"});
        QVERIFY2(out.startsWith("HTTP/1.1 413"), out.constData());
    }
    void secondRequestTooLarge()
    {
        const QByteArray out = exchange({"POST /echo HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc",
                                         "POST /echo HTTP/1.1\r\nContent-Length: 3000\r\n\r\n"});
        QVERIFY2(out.startsWith("HTTP/1.1 200"), out.constData());
        QVERIFY2(out.contains("HTTP/1.1 413"), out.constData());
    }
    void chunkedRefused()
    {
        const QByteArray out = exchange({"POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"});
        QVERIFY2(out.startsWith("HTTP/1.1 411"), out.constData());
    }
    void hugeHeaderRefused()
    {
        const QByteArray out = exchange({"GET /hello HTTP/1.1\r\nX-Big: " + QByteArray(10000, 'a') + "\r\n\r\n"});
        QVERIFY2(out.startsWith("HTTP/1.1 431"), out.constData());
    }
    void expectContinue()
    {
        const QByteArray out = exchange({"POST /echo HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n", "abcd"});
        QVERIFY2(out.startsWith("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200"), out.constData());
    }
    void methodNotAllowed()
    {
        const QByteArray out = exchange({"PUT /echo HTTP/1.1\r\nContent-Length: 0\r\n\r\n"});
        QVERIFY2(out.startsWith("HTTP/1.1 405"), out.constData());
        QVERIFY(out.contains("Allow: POST, DELETE"));
        QVERIFY(exchange({"GET /nothing HTTP/1.1\r\n\r\n"}).startsWith("HTTP/1.1 404"));
        QVERIFY(exchange({"GET /hello/ HTTP/1.1\r\n\r\n"}).startsWith("HTTP/1.1 404"));
        QVERIFY(exchange({"GET /HELLO HTTP/1.1\r\n\r\n"}).startsWith("HTTP/1.1 200"));
    }
    void idleConnectionClosed()
    {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, m_listener->serverPort());
        QVERIFY(s.waitForConnected(3000));
        QElapsedTimer t;
        t.start();
        // The server runs in this thread: wait with the event loop running.
        QTRY_VERIFY_WITH_TIMEOUT(s.state() == QAbstractSocket::UnconnectedState, 5000);
        QVERIFY2(t.elapsed() >= 1200, QByteArray::number(t.elapsed()).constData());
    }
};

QTEST_GUILESS_MAIN(tst_ApiHttp)
#include "tst_apihttp.moc"
