// Delivers one message to the recipients of one destination domain: picks the next hops
// (a static route, the smarthost, or MX records with the A/AAAA fallback of RFC 5321 5.1),
// tries them in order and reports a result per recipient. Runs on a worker thread.
// Trusts the resolver's answers and the remote replies only as data.
#pragma once

#include "deliverysettings.h"
#include "mxresolver.h"
#include "queueentry.h"

#include <QString>
#include <QStringList>
#include <QVector>

struct RemoteOutcome {
    QueueRecipient::State state = QueueRecipient::State::Deferred;
    QString detail;   // the reply or the problem
    QString relay;    // "host[ip]:port" that answered, if any
};

class RemoteDelivery
{
public:
    static constexpr int MaxMxHosts = 10;
    static constexpr int MaxAddressesPerHost = 4;

    RemoteDelivery(const DeliverySettings &settings, MxResolver *resolver);
    // recipients all belong to `domain`; the result has one outcome per recipient.
    QVector<RemoteOutcome> deliver(const QString &domain, const QString &sender, const QStringList &recipients,
                                   const QString &messagePath);

private:
    struct Hop { QString host; quint16 port = 25; bool relay = false; };
    bool hops(const QString &domain, QVector<Hop> *out, RemoteOutcome *failure);
    static bool parseHostPort(const QString &text, Hop *out);

    const DeliverySettings &m_settings;
    MxResolver *m_resolver;
};
