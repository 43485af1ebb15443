// Sliding windows keep the admitted timestamps of the last period (at most `rate` of
// them), so a window costs O(rate) memory per IP and the decision is exact.
#include "ratelimiter.h"

#include "logging.h"

#include <QElapsedTimer>
#include <algorithm>


namespace {
constexpr qint64 MsecsPerSecond = 1000;

void dropOlderThan(QVector<qint64> &window, qint64 cutoff)
{
    const auto firstKept = std::find_if(window.begin(), window.end(), [cutoff](qint64 t) { return t > cutoff; });
    window.erase(window.begin(), firstKept);
}
}

RateLimiter::RateLimiter(QObject *parent)
    : QObject(parent)
{
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    // Offset so that "0" never looks like a recent timestamp.
    m_clock = [timer] { return timer->elapsed() + 24 * 3600 * MsecsPerSecond; };
    connect(&m_cleanupTimer, &QTimer::timeout, this, &RateLimiter::purgeStale);
    configure(RateLimitConfig{});
}

void RateLimiter::configure(const RateLimitConfig &config)
{
    m_config = config;
    m_whitelist.clear();
    for (const QString &entry : config.whitelist) {
        const QString text = entry.trimmed();
        QPair<QHostAddress, int> subnet;
        if (text.contains(QLatin1Char('/'))) {
            subnet = QHostAddress::parseSubnet(text);
        } else {
            const QHostAddress address(text);
            subnet = {address, address.protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128};
        }
        if (subnet.first.isNull() || subnet.second < 0) {
            qCWarning(lcRateLimit) << "ignoring invalid whitelist entry" << text;
            continue;
        }
        const QHostAddress base = normalized(subnet.first);
        int prefix = subnet.second;
        // ::ffff:10.0.0.0/104 is the IPv4 range 10.0.0.0/8.
        if (base.protocol() == QAbstractSocket::IPv4Protocol && subnet.first.protocol() == QAbstractSocket::IPv6Protocol)
            prefix = std::max(0, prefix - 96);
        m_whitelist.append({base, prefix});
    }
    m_cleanupTimer.start(std::max(1, config.cleanupInterval) * int(MsecsPerSecond));
    while (int(m_records.size()) > std::max(1, m_config.maxTrackedIps)) {
        const int before = int(m_records.size());
        evictIfFull();
        if (int(m_records.size()) == before)
            break;
    }
}

void RateLimiter::setClock(std::function<qint64()> nowMsecs)
{
    m_clock = std::move(nowMsecs);
}

QHostAddress RateLimiter::normalized(const QHostAddress &ip)
{
    if (ip.protocol() == QAbstractSocket::IPv6Protocol) {
        bool isV4 = false;
        const quint32 v4 = ip.toIPv4Address(&isV4);
        if (isV4)
            return QHostAddress(v4);
    }
    QHostAddress copy = ip;
    copy.setScopeId(QString());
    return copy;
}

bool RateLimiter::isWhitelisted(const QHostAddress &ip) const
{
    const QHostAddress address = normalized(ip);
    for (const auto &subnet : m_whitelist) {
        if (address.isInSubnet(subnet.first, subnet.second))
            return true;
    }
    return false;
}

RateLimiter::Record *RateLimiter::find(const QHostAddress &ip) const
{
    const auto it = m_records.constFind(normalized(ip));
    return it == m_records.constEnd() ? nullptr : &*it.value();
}

RateLimiter::Record *RateLimiter::touch(const QHostAddress &ip)
{
    const QHostAddress key = normalized(ip);
    auto it = m_records.find(key);
    if (it != m_records.end()) {
        m_lru.splice(m_lru.begin(), m_lru, it.value());
        it.value()->lastSeen = now();
        return &*it.value();
    }
    evictIfFull();
    m_lru.push_front(Record{});
    m_lru.front().ip = key;
    m_lru.front().lastSeen = now();
    m_records.insert(key, m_lru.begin());
    return &m_lru.front();
}

void RateLimiter::evictIfFull()
{
    if (int(m_records.size()) < std::max(1, m_config.maxTrackedIps))
        return;
    // Least recently seen first; a record with open connections is skipped so that its
    // connectionClosed() still finds it (open sockets are bounded by max_connections).
    for (auto it = std::prev(m_lru.end());; --it) {
        if (it->concurrent == 0) {
            m_records.remove(it->ip);
            m_lru.erase(it);
            return;
        }
        if (it == m_lru.begin())
            return;
    }
}

bool RateLimiter::admitWindow(QVector<qint64> &window, int rate, int periodSeconds)
{
    const qint64 t = now();
    dropOlderThan(window, t - qint64(periodSeconds) * MsecsPerSecond);
    if (window.size() >= rate)
        return false;
    window.append(t);
    return true;
}

bool RateLimiter::admitConnection(const QHostAddress &ip, Protocol protocol, QString *reason)
{
    // Open connections are counted even when limiting is off, so that a reload that turns
    // it on starts from true numbers.
    const bool limited = m_config.enabled && !isWhitelisted(ip);
    Record *record = touch(ip);
    if (limited && record->concurrent >= m_config.maxConcurrentPerIp) {
        if (reason)
            *reason = QStringLiteral("too many concurrent connections from this address");
        return false;
    }
    if (limited && protocol == Protocol::Smtp
        && !admitWindow(record->connections, m_config.connectionRate, m_config.connectionPeriod)) {
        if (reason)
            *reason = QStringLiteral("connection rate exceeded");
        return false;
    }
    ++record->concurrent;
    return true;
}

void RateLimiter::connectionClosed(const QHostAddress &ip)
{
    if (Record *record = find(ip)) {
        record->concurrent = std::max(0, record->concurrent - 1);
        record->lastSeen = now();
    }
}

int RateLimiter::concurrentConnections(const QHostAddress &ip) const
{
    const Record *record = find(ip);
    return record ? record->concurrent : 0;
}

bool RateLimiter::admitMessage(const QHostAddress &ip)
{
    if (!m_config.enabled || isWhitelisted(ip))
        return true;
    return admitWindow(touch(ip)->messages, m_config.messageRate, m_config.messagePeriod);
}

bool RateLimiter::admitRecipient(const QHostAddress &ip)
{
    if (!m_config.enabled || isWhitelisted(ip))
        return true;
    return admitWindow(touch(ip)->recipients, m_config.recipientRate, m_config.recipientPeriod);
}

bool RateLimiter::isLockedOut(const QHostAddress &ip, qint64 *secondsLeft) const
{
    if (!m_config.enabled || isWhitelisted(ip))
        return false;
    const Record *record = find(ip);
    const qint64 t = now();
    if (!record || record->lockedUntil <= t)
        return false;
    if (secondsLeft)
        *secondsLeft = (record->lockedUntil - t + MsecsPerSecond - 1) / MsecsPerSecond;
    return true;
}

void RateLimiter::recordAuthFailure(const QHostAddress &ip)
{
    if (!m_config.enabled || isWhitelisted(ip))
        return;
    Record *record = touch(ip);
    const qint64 t = now();
    const qint64 lockoutMsecs = qint64(m_config.authFailureLockout) * MsecsPerSecond;
    // Failures older than one lockout period are forgiven.
    dropOlderThan(record->authFailures, t - lockoutMsecs);
    record->authFailures.append(t);
    if (record->authFailures.size() >= m_config.authFailureLimit) {
        record->lockedUntil = t + lockoutMsecs;
        record->authFailures.clear();
        qCWarning(lcRateLimit).noquote() << "locking out" << record->ip.toString() << "for"
                                         << m_config.authFailureLockout << "s after repeated authentication failures";
    }
}

void RateLimiter::recordAuthSuccess(const QHostAddress &ip)
{
    if (Record *record = find(ip))
        record->authFailures.clear();
}

bool RateLimiter::isIdle(const Record &record, qint64 t) const
{
    if (record.concurrent > 0 || record.lockedUntil > t)
        return false;
    auto live = [t](const QVector<qint64> &window, int periodSeconds) {
        return !window.isEmpty() && window.last() > t - qint64(periodSeconds) * MsecsPerSecond;
    };
    return !live(record.connections, m_config.connectionPeriod) && !live(record.messages, m_config.messagePeriod)
        && !live(record.recipients, m_config.recipientPeriod)
        && !live(record.authFailures, m_config.authFailureLockout);
}

void RateLimiter::purgeStale()
{
    const qint64 t = now();
    for (auto it = m_lru.begin(); it != m_lru.end();) {
        if (isIdle(*it, t)) {
            m_records.remove(it->ip);
            it = m_lru.erase(it);
        } else {
            ++it;
        }
    }
}
