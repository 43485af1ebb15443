// Blocking DNS look-ups for `postroomd diagnose` (QDnsLookup in a local event loop with a
// deadline). Only for the CLI process: the daemon's loop must never wait on DNS this way.
#pragma once

#include <QDnsLookup>
#include <QHostAddress>
#include <QString>
#include <QStringList>

struct DnsAnswer {
    bool ok = false;       // the query got an answer (possibly "no such name")
    bool notFound = false; // NXDOMAIN or no records of that type
    QString error;         // when !ok: why (no network, timeout, ...)
    QStringList values;    // MX "pref host", TXT strings joined, A/AAAA addresses, PTR names
};

namespace DnsProbe {
constexpr int TimeoutMs = 5000;
DnsAnswer lookup(QDnsLookup::Type type, const QString &name);
// The in-addr.arpa / ip6.arpa name of an address.
QString reverseName(const QHostAddress &address);
}
