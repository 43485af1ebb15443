#include "remotedelivery.h"

#include "smtpclient.h"

RemoteDelivery::RemoteDelivery(const DeliverySettings &settings, MxResolver *resolver)
    : m_settings(settings), m_resolver(resolver)
{
}

bool RemoteDelivery::parseHostPort(const QString &text, Hop *out)
{
    QString host = text.trimmed();
    quint16 port = 25;
    const int colon = host.lastIndexOf(QLatin1Char(':'));
    if (host.startsWith(QLatin1Char('['))) { // [v6]:port
        const int close = host.indexOf(QLatin1Char(']'));
        if (close < 0)
            return false;
        if (close + 1 < host.size() && host[close + 1] == QLatin1Char(':'))
            port = quint16(host.mid(close + 2).toUInt());
        host = host.mid(1, close - 1);
    } else if (colon > 0 && host.indexOf(QLatin1Char(':')) == colon) {
        bool ok = false;
        port = quint16(host.mid(colon + 1).toUInt(&ok));
        if (!ok)
            return false;
        host = host.left(colon);
    }
    if (host.isEmpty() || port == 0)
        return false;
    out->host = host;
    out->port = port;
    return true;
}

bool RemoteDelivery::hops(const QString &domain, QVector<Hop> *out, RemoteOutcome *failure)
{
    failure->state = QueueRecipient::State::Deferred;
    const QString route = m_settings.routes.value(domain.toLower());
    if (!route.isEmpty() || !m_settings.relayHost.isEmpty()) {
        Hop hop;
        if (!parseHostPort(route.isEmpty() ? m_settings.relayHost : route, &hop)) {
            failure->detail = QStringLiteral("bad route or relay_host for %1").arg(domain);
            return false;
        }
        hop.relay = route.isEmpty();
        out->append(hop);
        return true;
    }
    QVector<MxHost> mx;
    QString error;
    switch (m_resolver->lookupMx(domain, &mx, &error)) {
    case MxResolver::Result::Ok:
        for (const MxHost &h : std::as_const(mx)) {
            if (out->size() < MaxMxHosts)
                out->append(Hop{h.host, h.port, false});
        }
        return true;
    case MxResolver::Result::NoRecords: // RFC 5321 5.1: the domain itself is the implicit MX
        out->append(Hop{domain, 25, false});
        return true;
    case MxResolver::Result::PermanentFailure:
        failure->state = QueueRecipient::State::Bounced;
        failure->detail = QStringLiteral("550 5.1.2 %1").arg(error);
        return false;
    case MxResolver::Result::TemporaryFailure:
        failure->detail = QStringLiteral("451 4.4.3 %1").arg(error);
        return false;
    }
    return false;
}

QVector<RemoteOutcome> RemoteDelivery::deliver(const QString &domain, const QString &sender,
                                               const QStringList &recipients, const QString &messagePath)
{
    QVector<RemoteOutcome> outcomes(recipients.size());
    QVector<Hop> hopList;
    RemoteOutcome failure;
    if (!hops(domain, &hopList, &failure)) {
        outcomes.fill(failure);
        return outcomes;
    }
    QVector<int> pending;
    for (int i = 0; i < recipients.size(); ++i)
        pending.append(i);
    QString lastProblem = QStringLiteral("no usable host for %1").arg(domain);
    bool anyAddress = false;
    bool allUnresolvable = true;

    for (const Hop &hop : std::as_const(hopList)) {
        if (pending.isEmpty())
            break;
        QVector<QHostAddress> addresses;
        QString error;
        const MxResolver::Result r = m_resolver->lookupAddresses(hop.host, &addresses, &error);
        if (r != MxResolver::Result::Ok) {
            if (r != MxResolver::Result::PermanentFailure)
                allUnresolvable = false;
            lastProblem = error;
            continue;
        }
        allUnresolvable = false;
        anyAddress = true;
        SmtpClient::Options options;
        options.heloName = m_settings.hostname;
        options.commandTimeoutMs = m_settings.commandTimeoutMs;
        if (hop.relay) {
            const QString sec = m_settings.relaySecurity;
            options.security = sec == QLatin1String("tls") ? SmtpClient::Security::ImplicitTls
                : sec == QLatin1String("none")             ? SmtpClient::Security::None
                                                           : SmtpClient::Security::RequireStartTls;
            options.verifyPeer = options.security != SmtpClient::Security::None;
            options.username = m_settings.relayUsername;
            options.password = m_settings.relayPassword;
        }
        for (int a = 0; a < addresses.size() && a < MaxAddressesPerHost && !pending.isEmpty(); ++a) {
            const QHostAddress &address = addresses[a];
            const QString relayName = QStringLiteral("%1[%2]:%3").arg(hop.host, address.toString()).arg(hop.port);
            SmtpClient client(options);
            QString problem;
            if (!client.open(address, hop.port, hop.host, &problem)) {
                lastProblem = QStringLiteral("%1: %2").arg(relayName, problem);
                continue;
            }
            // Recipients in chunks (RFC 5321 4.5.3.1.8); a connection problem leaves the
            // chunk pending for the next address or host.
            QVector<int> stillPending;
            bool connectionLost = false;
            for (int start = 0; start < pending.size(); start += SmtpClient::MaxRecipientsPerTransaction) {
                const QVector<int> chunk = pending.mid(start, SmtpClient::MaxRecipientsPerTransaction);
                if (connectionLost) {
                    stillPending += chunk;
                    continue;
                }
                QStringList rcpts;
                for (int i : chunk)
                    rcpts.append(recipients[i]);
                QVector<SmtpReply> rcptReplies;
                SmtpReply dataReply;
                if (!client.sendMail(sender, rcpts, messagePath, &rcptReplies, &dataReply, &problem)) {
                    lastProblem = QStringLiteral("%1: %2").arg(relayName, problem);
                    connectionLost = true;
                    stillPending += chunk;
                    continue;
                }
                for (int k = 0; k < chunk.size(); ++k) {
                    RemoteOutcome &o = outcomes[chunk[k]];
                    o.relay = relayName;
                    const SmtpReply &reply = rcptReplies[k].isPositive() ? dataReply : rcptReplies[k];
                    o.detail = reply.text;
                    o.state = reply.isPositive() ? QueueRecipient::State::Delivered
                        : reply.isPermanent()    ? QueueRecipient::State::Bounced
                                                 : QueueRecipient::State::Deferred;
                }
            }
            if (!connectionLost)
                client.quit();
            pending = stillPending;
        }
    }
    for (int i : std::as_const(pending)) {
        RemoteOutcome &o = outcomes[i];
        const bool configured = !m_settings.routes.value(domain.toLower()).isEmpty() || !m_settings.relayHost.isEmpty();
        if (!anyAddress && allUnresolvable && !configured) {
            // No MX and the domain itself has no address: nowhere to deliver, ever.
            o.state = QueueRecipient::State::Bounced;
            o.detail = QStringLiteral("550 5.1.2 %1").arg(lastProblem);
        } else {
            o.state = QueueRecipient::State::Deferred;
            o.detail = lastProblem.startsWith(QLatin1Char('4')) ? lastProblem : QStringLiteral("451 4.4.1 ") + lastProblem;
        }
    }
    return outcomes;
}
