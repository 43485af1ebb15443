// RateLimiter with a fake clock: windows slide, concurrency pairs, lockout expires,
// whitelist (CIDR, IPv4-mapped IPv6), eviction order, purge, enabled=false, reload.
#include "ratelimiter.h"

#include <QtTest>

class tst_RateLimiter : public QObject
{
    Q_OBJECT
private:
    qint64 m_now = 1000000;
    RateLimitConfig baseConfig()
    {
        RateLimitConfig c;
        c.whitelist = {QStringLiteral("127.0.0.1"), QStringLiteral("::1")};
        return c;
    }
    void makeLimiter(RateLimiter &l, const RateLimitConfig &c)
    {
        l.setClock([this] { return m_now; });
        l.configure(c);
    }
    const QHostAddress a{QStringLiteral("192.0.2.1")};
    const QHostAddress b{QStringLiteral("192.0.2.2")};

private slots:
    void connectionWindowSlides()
    {
        RateLimiter l;
        RateLimitConfig c = baseConfig();
        c.connectionRate = 3;
        c.connectionPeriod = 60;
        makeLimiter(l, c);
        for (int i = 0; i < 3; ++i) {
            QVERIFY(l.admitConnection(a, RateLimiter::Protocol::Smtp));
            l.connectionClosed(a);
            m_now += 1000;
        }
        QString reason;
        QVERIFY(!l.admitConnection(a, RateLimiter::Protocol::Smtp, &reason));
        QVERIFY(reason.contains(QLatin1String("rate")));
        QVERIFY(l.admitConnection(b, RateLimiter::Protocol::Smtp)); // per IP
        // IMAP/API do not count the SMTP connection window.
        QVERIFY(l.admitConnection(a, RateLimiter::Protocol::Imap));
        l.connectionClosed(a);
        // The first connection was at t0; 60 s after it one slot frees up.
        m_now += 57000;
        QVERIFY(l.admitConnection(a, RateLimiter::Protocol::Smtp));
        l.connectionClosed(a);
        QVERIFY(!l.admitConnection(a, RateLimiter::Protocol::Smtp));
    }

    void concurrencyPerIp()
    {
        RateLimiter l;
        RateLimitConfig c = baseConfig();
        c.maxConcurrentPerIp = 2;
        makeLimiter(l, c);
        QVERIFY(l.admitConnection(a, RateLimiter::Protocol::Imap));
        QVERIFY(l.admitConnection(a, RateLimiter::Protocol::Api));
        QVERIFY(!l.admitConnection(a, RateLimiter::Protocol::Smtp));
        QCOMPARE(l.concurrentConnections(a), 2);
        l.connectionClosed(a);
        QVERIFY(l.admitConnection(a, RateLimiter::Protocol::Smtp));
        // IPv4-mapped IPv6 is the same IP.
        QVERIFY(!l.admitConnection(QHostAddress(QStringLiteral("::ffff:192.0.2.1")), RateLimiter::Protocol::Imap));
    }

    void messageAndRecipientWindows()
    {
        RateLimiter l;
        RateLimitConfig c = baseConfig();
        c.messageRate = 2;
        c.messagePeriod = 10;
        c.recipientRate = 3;
        c.recipientPeriod = 20;
        makeLimiter(l, c);
        QVERIFY(l.admitMessage(a));
        QVERIFY(l.admitMessage(a));
        QVERIFY(!l.admitMessage(a));
        for (int i = 0; i < 3; ++i)
            QVERIFY(l.admitRecipient(a));
        QVERIFY(!l.admitRecipient(a));
        m_now += 10001;
        QVERIFY(l.admitMessage(a));
        QVERIFY(!l.admitRecipient(a));
        m_now += 10000;
        QVERIFY(l.admitRecipient(a));
    }

    void lockoutAfterFailures()
    {
        RateLimiter l;
        RateLimitConfig c = baseConfig();
        c.authFailureLimit = 3;
        c.authFailureLockout = 600;
        makeLimiter(l, c);
        l.recordAuthFailure(a);
        l.recordAuthFailure(a);
        QVERIFY(!l.isLockedOut(a));
        l.recordAuthSuccess(a); // success forgives
        l.recordAuthFailure(a);
        l.recordAuthFailure(a);
        QVERIFY(!l.isLockedOut(a));
        l.recordAuthFailure(a);
        qint64 left = 0;
        QVERIFY(l.isLockedOut(a, &left));
        QCOMPARE(left, qint64(600));
        QVERIFY(!l.isLockedOut(b));
        m_now += 599000;
        QVERIFY(l.isLockedOut(a, &left));
        QCOMPARE(left, qint64(1));
        m_now += 1000;
        QVERIFY(!l.isLockedOut(a));
    }

    void whitelistCidrAndMapped()
    {
        RateLimiter l;
        RateLimitConfig c = baseConfig();
        c.whitelist = {QStringLiteral("10.0.0.0/8"), QStringLiteral("2001:db8::/32"), QStringLiteral("127.0.0.1"),
                       QStringLiteral("not-an-ip")};
        c.maxConcurrentPerIp = 1;
        c.authFailureLimit = 1;
        makeLimiter(l, c);
        QVERIFY(l.isWhitelisted(QHostAddress(QStringLiteral("10.1.2.3"))));
        QVERIFY(l.isWhitelisted(QHostAddress(QStringLiteral("::ffff:10.1.2.3"))));
        QVERIFY(l.isWhitelisted(QHostAddress(QStringLiteral("::ffff:127.0.0.1"))));
        QVERIFY(l.isWhitelisted(QHostAddress(QStringLiteral("2001:db8:1::5"))));
        QVERIFY(!l.isWhitelisted(QHostAddress(QStringLiteral("11.0.0.1"))));
        QVERIFY(!l.isWhitelisted(QHostAddress(QStringLiteral("::1"))));
        const QHostAddress w(QStringLiteral("10.9.9.9"));
        for (int i = 0; i < 5; ++i)
            QVERIFY(l.admitConnection(w, RateLimiter::Protocol::Smtp));
        l.recordAuthFailure(w);
        QVERIFY(!l.isLockedOut(w));
        // A mapped whitelist entry covers the IPv4 range.
        c.whitelist = {QStringLiteral("::ffff:192.0.2.0/120")};
        l.configure(c);
        QVERIFY(l.isWhitelisted(a));
        QVERIFY(!l.isWhitelisted(QHostAddress(QStringLiteral("192.0.3.1"))));
    }

    void evictionLeastRecentlySeen()
    {
        RateLimiter l;
        RateLimitConfig c = baseConfig();
        c.maxTrackedIps = 3;
        c.messageRate = 1;
        makeLimiter(l, c);
        const QHostAddress ips[] = {QHostAddress(QStringLiteral("198.51.100.1")), QHostAddress(QStringLiteral("198.51.100.2")),
                                    QHostAddress(QStringLiteral("198.51.100.3")), QHostAddress(QStringLiteral("198.51.100.4"))};
        QVERIFY(l.admitMessage(ips[0]));
        m_now += 1;
        QVERIFY(l.admitMessage(ips[1]));
        m_now += 1;
        QVERIFY(l.admitMessage(ips[2]));
        m_now += 1;
        QVERIFY(!l.admitMessage(ips[0])); // touches ips[0]: now ips[1] is the least recently seen
        QCOMPARE(l.trackedIpCount(), 3);
        QVERIFY(l.admitMessage(ips[3]));  // evicts ips[1]
        QCOMPARE(l.trackedIpCount(), 3);
        QVERIFY(!l.admitMessage(ips[0])); // still tracked, still limited
        QVERIFY(!l.admitMessage(ips[2]));
        QVERIFY(l.admitMessage(ips[1]));  // forgotten, so admitted again
        // Records with open connections are not evicted.
        RateLimiter k;
        c.maxTrackedIps = 2;
        makeLimiter(k, c);
        QVERIFY(k.admitConnection(ips[0], RateLimiter::Protocol::Imap));
        QVERIFY(k.admitConnection(ips[1], RateLimiter::Protocol::Imap));
        QVERIFY(k.admitMessage(ips[2]));
        QCOMPARE(k.concurrentConnections(ips[0]), 1);
        QCOMPARE(k.concurrentConnections(ips[1]), 1);
        // Lowering max_tracked_ips on reload shrinks the table.
        c.maxTrackedIps = 1;
        l.configure(c);
        QCOMPARE(l.trackedIpCount(), 1);
    }

    void purgeStaleRecords()
    {
        RateLimiter l;
        RateLimitConfig c = baseConfig();
        c.messagePeriod = 60;
        c.authFailureLockout = 100;
        c.authFailureLimit = 1;
        makeLimiter(l, c);
        QVERIFY(l.admitMessage(a));
        l.recordAuthFailure(b); // locked for 100 s
        QVERIFY(l.admitConnection(QHostAddress(QStringLiteral("192.0.2.3")), RateLimiter::Protocol::Imap));
        QCOMPARE(l.trackedIpCount(), 3);
        m_now += 61000;
        l.purgeStale();
        QCOMPARE(l.trackedIpCount(), 2); // a's window expired; b locked; .3 connected
        m_now += 40000;
        l.purgeStale();
        QCOMPARE(l.trackedIpCount(), 1);
        l.connectionClosed(QHostAddress(QStringLiteral("192.0.2.3")));
        l.purgeStale();
        QCOMPARE(l.trackedIpCount(), 0);
    }

    void cleanupTimerRuns()
    {
        RateLimiter l;
        RateLimitConfig c = baseConfig();
        c.cleanupInterval = 1;
        c.messagePeriod = 1;
        makeLimiter(l, c);
        QVERIFY(l.admitMessage(a));
        m_now += 2000;
        QTRY_COMPARE_WITH_TIMEOUT(l.trackedIpCount(), 0, 3000);
    }

    void disabledAdmitsEverything()
    {
        RateLimiter l;
        RateLimitConfig c = baseConfig();
        c.enabled = false;
        c.maxConcurrentPerIp = 1;
        c.messageRate = 1;
        c.authFailureLimit = 1;
        makeLimiter(l, c);
        QVERIFY(l.admitConnection(a, RateLimiter::Protocol::Smtp));
        QVERIFY(l.admitConnection(a, RateLimiter::Protocol::Smtp));
        QVERIFY(l.admitMessage(a));
        QVERIFY(l.admitMessage(a));
        l.recordAuthFailure(a);
        QVERIFY(!l.isLockedOut(a));
        // Turning it on by reload: the two open connections were counted.
        c.enabled = true;
        l.configure(c);
        QVERIFY(!l.admitConnection(a, RateLimiter::Protocol::Imap));
        l.connectionClosed(a);
        l.connectionClosed(a);
        QVERIFY(l.admitConnection(a, RateLimiter::Protocol::Imap));
    }

    void reloadChangesLimits()
    {
        RateLimiter l;
        RateLimitConfig c = baseConfig();
        c.messageRate = 1;
        makeLimiter(l, c);
        QVERIFY(l.admitMessage(a));
        QVERIFY(!l.admitMessage(a));
        c.messageRate = 3;
        l.configure(c);
        QVERIFY(l.admitMessage(a));
        QVERIFY(l.admitMessage(a));
        QVERIFY(!l.admitMessage(a));
        c.whitelist.append(QStringLiteral("192.0.2.0/24"));
        l.configure(c);
        QVERIFY(l.admitMessage(a));
    }
};

QTEST_GUILESS_MAIN(tst_RateLimiter)
#include "tst_ratelimiter.moc"
