// The outside view of diagnose: client autoconfiguration per domain and the DNS records
// other servers look at. DNS problems are warnings: without network they say so only.
#include "diagnoser.h"

#include "dnsprobe.h"
#include "httpprobe.h"
#include "probesocket.h"

#include <QUrl>

namespace {
QString normalHost(QString name)
{
    while (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    return name.toLower();
}

QString noAnswer(const DnsAnswer &a)
{
    return QStringLiteral("the DNS look-up failed (%1); with no network from this machine this is expected")
        .arg(a.error);
}
} // namespace

void Diagnoser::checkAutoconfig()
{
    const Endpoint *e = endpoint(QStringLiteral("http"));
    if (!e || !m_answered.value(QStringLiteral("http"))) {
        m_report.warn(QStringLiteral("autoconfig"), QStringLiteral("skipped: the HTTP listener does not answer"),
                      QStringLiteral("fix the http listener check above"));
        return;
    }
    for (const QString &domain : m_config.domains) {
        const QString name = QStringLiteral("autoconfig %1").arg(domain);
        ProbeSocket s(m_config.hostname);
        QString error;
        if (!s.connectTo(e->address, e->port, false, &error)) {
            m_report.fail(name, error, QStringLiteral("see the http listener check"));
            continue;
        }
        const QByteArray path = "/mail/config-v1.1.xml?emailaddress=" + QUrl::toPercentEncoding(QStringLiteral("postmaster@") + domain);
        const HttpProbeResult r = HttpProbe::request(s, "GET", path, QStringLiteral("autoconfig.") + domain);
        if (r.status != 200 || !r.body.contains(m_config.hostname.toUtf8())) {
            m_report.fail(name, QStringLiteral("GET %1 answered %2 %3").arg(QString::fromLatin1(path)).arg(r.status)
                                    .arg(r.error.isEmpty() ? QStringLiteral("without the hostname %1").arg(m_config.hostname) : r.error),
                          QStringLiteral("read the api lines in the log"));
            continue;
        }
        m_report.pass(name, QStringLiteral("Thunderbird autoconfig names %1; for clients to find it, point "
                                           "autoconfig.%2 at this server (port 80/443 via a proxy to exchange_api.port)")
                                .arg(m_config.hostname, domain));
    }
}

void Diagnoser::checkDns()
{
    for (const QString &domain : m_config.domains)
        checkDomainDns(domain);
    checkReverseDns();
}

void Diagnoser::checkDomainDns(const QString &domain)
{
    const QString host = normalHost(m_config.hostname);
    // MX: where other servers deliver mail for the domain.
    const QString mxName = QStringLiteral("dns mx %1").arg(domain);
    const DnsAnswer mx = DnsProbe::lookup(QDnsLookup::MX, domain);
    const QString mxFix = QStringLiteral("create the record `%1. MX 10 %2.` at your DNS provider (and an A record for %2)")
                              .arg(domain, host);
    if (!mx.ok) {
        m_report.warn(mxName, noAnswer(mx), mxFix);
    } else if (mx.notFound) {
        m_report.warn(mxName, QStringLiteral("%1 has no MX record, so other servers do not know where to deliver its mail").arg(domain), mxFix);
    } else {
        bool ours = false;
        for (const QString &v : mx.values)
            ours = ours || normalHost(v.section(QLatin1Char(' '), 1)) == host;
        if (ours)
            m_report.pass(mxName, QStringLiteral("MX %1 points at %2").arg(mx.values.join(QStringLiteral(", ")), host));
        else
            m_report.warn(mxName, QStringLiteral("MX %1 does not point at %2: mail for %3 goes elsewhere")
                                      .arg(mx.values.join(QStringLiteral(", ")), host, domain), mxFix);
    }
    // SPF: which hosts may send mail for the domain.
    const QString spfName = QStringLiteral("dns spf %1").arg(domain);
    const QString spfFix = QStringLiteral("create the TXT record `%1. TXT \"v=spf1 mx -all\"` (allows the MX hosts to send)").arg(domain);
    const DnsAnswer txt = DnsProbe::lookup(QDnsLookup::TXT, domain);
    QString spf;
    for (const QString &v : txt.values) {
        if (v.startsWith(QLatin1String("v=spf1"), Qt::CaseInsensitive))
            spf = v;
    }
    if (!txt.ok)
        m_report.warn(spfName, noAnswer(txt), spfFix);
    else if (spf.isEmpty())
        m_report.warn(spfName, QStringLiteral("%1 has no SPF record: receivers are more likely to treat its mail as spam").arg(domain), spfFix);
    else
        m_report.pass(spfName, QStringLiteral("SPF: %1").arg(spf));
    // DMARC: what receivers do with mail that fails SPF (DKIM signing is not supported yet).
    const QString dmarcName = QStringLiteral("dns dmarc %1").arg(domain);
    const QString dmarcFix = QStringLiteral("create the TXT record `_dmarc.%1. TXT \"v=DMARC1; p=none; rua=mailto:postmaster@%1\"`").arg(domain);
    const DnsAnswer dmarc = DnsProbe::lookup(QDnsLookup::TXT, QStringLiteral("_dmarc.") + domain);
    QString policy;
    for (const QString &v : dmarc.values) {
        if (v.startsWith(QLatin1String("v=DMARC1"), Qt::CaseInsensitive))
            policy = v;
    }
    if (!dmarc.ok)
        m_report.warn(dmarcName, noAnswer(dmarc), dmarcFix);
    else if (policy.isEmpty())
        m_report.warn(dmarcName, QStringLiteral("%1 has no DMARC record; large providers (Gmail, Outlook) expect one").arg(domain), dmarcFix);
    else
        m_report.pass(dmarcName, QStringLiteral("DMARC: %1").arg(policy));
}

void Diagnoser::checkReverseDns()
{
    const QString host = normalHost(m_config.hostname);
    const QString name = QStringLiteral("dns ptr %1").arg(host);
    const DnsAnswer a = DnsProbe::lookup(QDnsLookup::A, host);
    const QString aFix = QStringLiteral("create an A record for %1 with this server's public address").arg(host);
    if (!a.ok) {
        m_report.warn(name, noAnswer(a), aFix);
        return;
    }
    if (a.notFound) {
        m_report.warn(name, QStringLiteral("%1 has no A record").arg(host), aFix);
        return;
    }
    const QHostAddress address(a.values.first());
    const QString ptrFix = QStringLiteral("ask your hosting or Internet provider to set the reverse DNS (PTR) of %1 to %2")
                               .arg(address.toString(), host);
    const DnsAnswer ptr = DnsProbe::lookup(QDnsLookup::PTR, DnsProbe::reverseName(address));
    if (!ptr.ok) {
        m_report.warn(name, noAnswer(ptr), ptrFix);
        return;
    }
    for (const QString &v : ptr.values) {
        if (normalHost(v) == host) {
            m_report.pass(name, QStringLiteral("%1 has the address %2, whose reverse DNS is %1").arg(host, address.toString()));
            return;
        }
    }
    m_report.warn(name, QStringLiteral("%1 has the address %2, but its reverse DNS is %3: many servers refuse mail from such hosts")
                            .arg(host, address.toString(), ptr.values.isEmpty() ? QStringLiteral("not set") : ptr.values.join(QStringLiteral(", "))),
                  ptrFix);
}
