// Per-IP admission control shared by SMTP, IMAP and the API: sliding windows for
// connections, messages and recipients (SMTP), concurrent connections per IP and the
// auth-failure lockout (every protocol). Trusts only the peer address the kernel gave
// the socket. Memory is bounded by max_tracked_ips (least recently seen evicted first).
#pragma once

#include "config.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPair>
#include <QTimer>
#include <QVector>
#include <functional>
#include <list>

class RateLimiter : public QObject
{
    Q_OBJECT
public:
    enum class Protocol { Smtp, Imap, Api };

    explicit RateLimiter(QObject *parent = nullptr);

    // Applies a (re)loaded config; tracked records are kept across reloads.
    void configure(const RateLimitConfig &config);
    // Tests: a fake clock in milliseconds (monotonic by default).
    void setClock(std::function<qint64()> nowMsecs);

    // On true the caller MUST call connectionClosed(ip) exactly once later.
    // SMTP also counts the connection_rate window; all protocols check max_concurrent_per_ip.
    bool admitConnection(const QHostAddress &ip, Protocol protocol, QString *reason = nullptr);
    void connectionClosed(const QHostAddress &ip);
    bool admitMessage(const QHostAddress &ip);   // SMTP MAIL: message_rate window
    bool admitRecipient(const QHostAddress &ip); // SMTP RCPT: recipient_rate window
    bool isLockedOut(const QHostAddress &ip, qint64 *secondsLeft = nullptr) const; // shared by all protocols
    void recordAuthFailure(const QHostAddress &ip); // lockout after auth_failure_limit
    void recordAuthSuccess(const QHostAddress &ip);
    bool isWhitelisted(const QHostAddress &ip) const;

    // Drops records that hold nothing any more (the cleanup_interval timer calls it).
    void purgeStale();
    int trackedIpCount() const { return int(m_records.size()); }
    int concurrentConnections(const QHostAddress &ip) const;

    // An IPv4-mapped IPv6 address becomes the IPv4 address; others are unchanged.
    static QHostAddress normalized(const QHostAddress &ip);

private:
    struct Record {
        QHostAddress ip;
        QVector<qint64> connections; // admitted SMTP connections, oldest first
        QVector<qint64> messages;
        QVector<qint64> recipients;
        QVector<qint64> authFailures;
        qint64 lockedUntil = 0;
        qint64 lastSeen = 0;
        int concurrent = 0;
    };
    Record *find(const QHostAddress &ip) const;
    Record *touch(const QHostAddress &ip); // finds or creates, marks most recently seen
    bool admitWindow(QVector<qint64> &window, int rate, int periodSeconds);
    void evictIfFull();
    bool isIdle(const Record &record, qint64 now) const;
    qint64 now() const { return m_clock(); }

    RateLimitConfig m_config;
    QVector<QPair<QHostAddress, int>> m_whitelist; // subnets (single addresses have a full prefix)
    std::function<qint64()> m_clock;
    std::list<Record> m_lru; // front: most recently seen
    QHash<QHostAddress, std::list<Record>::iterator> m_records;
    QTimer m_cleanupTimer;
};
