// Where to send mail for a domain: MX records (RFC 5321 5.1) and host addresses, behind
// an interface so tests can substitute a static map (QDnsLookup cannot be pointed at a
// fake server on Qt 6.4, see QT64-NOTES.md 8). Called from delivery worker threads:
// implementations must be thread-safe and may block. Trusts DNS answers as data only.
#pragma once

#include <QHash>
#include <QHostAddress>
#include <QMutex>
#include <QString>
#include <QVector>

struct MxHost {
    QString host;
    int preference = 0;
    quint16 port = 25;
};

class MxResolver
{
public:
    enum class Result { Ok, NoRecords, PermanentFailure, TemporaryFailure };
    virtual ~MxResolver() = default;
    // MX hosts ordered by preference. NoRecords: no MX, use the domain's own A/AAAA.
    // PermanentFailure: the domain does not exist or has a null MX (RFC 7505).
    virtual Result lookupMx(const QString &domain, QVector<MxHost> *hosts, QString *error) = 0;
    // A and AAAA addresses of a host name (an IP literal resolves to itself).
    virtual Result lookupAddresses(const QString &host, QVector<QHostAddress> *addresses, QString *error) = 0;
};

// Production: QDnsLookup for MX, QHostInfo for addresses, each on the calling thread.
class DnsMxResolver : public MxResolver
{
public:
    static constexpr int LookupTimeoutMs = 30000;
    Result lookupMx(const QString &domain, QVector<MxHost> *hosts, QString *error) override;
    Result lookupAddresses(const QString &host, QVector<QHostAddress> *addresses, QString *error) override;
};

// Tests: fixed answers. Unknown domains have no MX; unknown host names do not resolve.
class StaticMxResolver : public MxResolver
{
public:
    void setMx(const QString &domain, const QVector<MxHost> &hosts);
    void setAddresses(const QString &host, const QVector<QHostAddress> &addresses);
    Result lookupMx(const QString &domain, QVector<MxHost> *hosts, QString *error) override;
    Result lookupAddresses(const QString &host, QVector<QHostAddress> *addresses, QString *error) override;

private:
    QMutex m_mutex;
    QHash<QString, QVector<MxHost>> m_mx;
    QHash<QString, QVector<QHostAddress>> m_addresses;
};
