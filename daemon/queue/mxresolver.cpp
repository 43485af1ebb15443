#include "mxresolver.h"

#include <QDnsLookup>
#include <QEventLoop>
#include <QHostInfo>
#include <QTimer>

#include <algorithm>

MxResolver::Result DnsMxResolver::lookupMx(const QString &domain, QVector<MxHost> *hosts, QString *error)
{
    // A worker thread has no running event loop: spin a local one for this lookup.
    QDnsLookup lookup(QDnsLookup::MX, domain);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&lookup, &QDnsLookup::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(LookupTimeoutMs);
    lookup.lookup();
    if (!lookup.isFinished())
        loop.exec();
    if (!lookup.isFinished()) {
        lookup.abort();
        *error = QStringLiteral("MX lookup for %1 timed out").arg(domain);
        return Result::TemporaryFailure;
    }
    switch (lookup.error()) {
    case QDnsLookup::NoError:
        break;
    case QDnsLookup::NotFoundError:
        // NXDOMAIN and "no MX" look alike here; the A/AAAA fallback decides.
        return Result::NoRecords;
    default:
        *error = QStringLiteral("MX lookup for %1 failed: %2").arg(domain, lookup.errorString());
        return Result::TemporaryFailure;
    }
    const QList<QDnsMailExchangeRecord> records = lookup.mailExchangeRecords();
    if (records.isEmpty())
        return Result::NoRecords;
    hosts->clear();
    for (const QDnsMailExchangeRecord &r : records) {
        QString exchange = r.exchange();
        if (exchange.endsWith(QLatin1Char('.')))
            exchange.chop(1);
        if (exchange.isEmpty()) {
            if (records.size() == 1) { // RFC 7505 null MX: the domain accepts no mail
                *error = QStringLiteral("%1 accepts no mail (null MX)").arg(domain);
                return Result::PermanentFailure;
            }
            continue;
        }
        hosts->append(MxHost{exchange, r.preference(), 25});
    }
    std::stable_sort(hosts->begin(), hosts->end(),
                     [](const MxHost &a, const MxHost &b) { return a.preference < b.preference; });
    return hosts->isEmpty() ? Result::NoRecords : Result::Ok;
}

MxResolver::Result DnsMxResolver::lookupAddresses(const QString &host, QVector<QHostAddress> *addresses, QString *error)
{
    QHostAddress literal;
    if (literal.setAddress(host)) {
        *addresses = {literal};
        return Result::Ok;
    }
    const QHostInfo info = QHostInfo::fromName(host);
    if (info.error() == QHostInfo::HostNotFound) {
        *error = QStringLiteral("host %1 not found").arg(host);
        return Result::PermanentFailure;
    }
    if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
        *error = QStringLiteral("cannot resolve %1: %2").arg(host, info.errorString());
        return Result::TemporaryFailure;
    }
    addresses->clear();
    for (const QHostAddress &a : info.addresses())
        addresses->append(a);
    return Result::Ok;
}

void StaticMxResolver::setMx(const QString &domain, const QVector<MxHost> &hosts)
{
    QMutexLocker lock(&m_mutex);
    m_mx.insert(domain.toLower(), hosts);
}

void StaticMxResolver::setAddresses(const QString &host, const QVector<QHostAddress> &addresses)
{
    QMutexLocker lock(&m_mutex);
    m_addresses.insert(host.toLower(), addresses);
}

MxResolver::Result StaticMxResolver::lookupMx(const QString &domain, QVector<MxHost> *hosts, QString *)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_mx.constFind(domain.toLower());
    if (it == m_mx.constEnd() || it->isEmpty())
        return Result::NoRecords;
    *hosts = *it;
    return Result::Ok;
}

MxResolver::Result StaticMxResolver::lookupAddresses(const QString &host, QVector<QHostAddress> *addresses, QString *error)
{
    QHostAddress literal;
    if (literal.setAddress(host)) {
        *addresses = {literal};
        return Result::Ok;
    }
    QMutexLocker lock(&m_mutex);
    auto it = m_addresses.constFind(host.toLower());
    if (it == m_addresses.constEnd() || it->isEmpty()) {
        *error = QStringLiteral("host %1 not found").arg(host);
        return Result::PermanentFailure;
    }
    *addresses = *it;
    return Result::Ok;
}
