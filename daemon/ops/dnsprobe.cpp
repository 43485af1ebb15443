#include "dnsprobe.h"

#include <QEventLoop>
#include <QTimer>

namespace DnsProbe {

DnsAnswer lookup(QDnsLookup::Type type, const QString &name)
{
    DnsAnswer answer;
    QDnsLookup dns(type, name);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&dns, &QDnsLookup::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(TimeoutMs);
    dns.lookup();
    if (!dns.isFinished())
        loop.exec();
    if (!dns.isFinished()) {
        dns.abort();
        answer.error = QStringLiteral("no answer within %1 s").arg(TimeoutMs / 1000);
        return answer;
    }
    if (dns.error() == QDnsLookup::NotFoundError) {
        answer.ok = true;
        answer.notFound = true;
        return answer;
    }
    if (dns.error() != QDnsLookup::NoError) {
        answer.error = dns.errorString();
        return answer;
    }
    answer.ok = true;
    for (const QDnsMailExchangeRecord &r : dns.mailExchangeRecords())
        answer.values << QStringLiteral("%1 %2").arg(r.preference()).arg(r.exchange());
    for (const QDnsTextRecord &r : dns.textRecords()) {
        QString joined;
        for (const QByteArray &part : r.values())
            joined += QString::fromUtf8(part);
        answer.values << joined;
    }
    for (const QDnsHostAddressRecord &r : dns.hostAddressRecords())
        answer.values << r.value().toString();
    for (const QDnsDomainNameRecord &r : dns.pointerRecords())
        answer.values << r.value();
    answer.notFound = answer.values.isEmpty();
    return answer;
}

QString reverseName(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4)
        return QStringLiteral("%1.%2.%3.%4.in-addr.arpa").arg(v4 & 0xff).arg((v4 >> 8) & 0xff)
            .arg((v4 >> 16) & 0xff).arg(v4 >> 24);
    const Q_IPV6ADDR v6 = address.toIPv6Address();
    QString name;
    for (int i = 15; i >= 0; --i)
        name += QStringLiteral("%1.%2.").arg(v6[i] & 0xf, 0, 16).arg(v6[i] >> 4, 0, 16);
    return name + QStringLiteral("ip6.arpa");
}

} // namespace DnsProbe
