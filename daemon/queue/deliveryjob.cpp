#include "deliveryjob.h"

#include "accountstore.h"
#include "dsnbuilder.h"
#include "logging.h"
#include "mailstore.h"
#include "mxresolver.h"
#include "queuespool.h"
#include "remotedelivery.h"

#include <QFile>
#include <QMap>
#include <QSet>

using State = QueueRecipient::State;

static QString domainOf(const QString &address)
{
    const int at = address.lastIndexOf(QLatin1Char('@'));
    return at < 0 ? QString() : address.mid(at + 1).toLower();
}

DeliveryJob::DeliveryJob(const DeliverySettings &settings, AccountStore *accounts, MailStore *mailStore,
                         std::shared_ptr<MxResolver> resolver, QVector<QueueEntry> entries)
    : m_settings(settings), m_accounts(accounts), m_mailStore(mailStore), m_resolver(std::move(resolver)),
      m_entries(std::move(entries))
{
}

DeliveryJob::Headers DeliveryJob::readHeaders(const QString &id) const
{
    Headers h;
    QFile f(QueueSpool::dataPath(m_settings.spoolDir, id));
    if (!f.open(QIODevice::ReadOnly))
        return h;
    const QByteArray head = f.read(MaxHeaderScanBytes);
    int end = head.indexOf("\r\n\r\n");
    if (end < 0)
        end = head.indexOf("\n\n");
    h.block = end < 0 ? head : head.left(end);
    for (const QByteArray &line : h.block.split('\n')) {
        const QByteArray lower = line.left(16).toLower();
        if (lower.startsWith("received:"))
            ++h.received;
        else if (lower.startsWith("delivered-to:"))
            h.deliveredTo.append(QString::fromUtf8(line.mid(13).trimmed()).toLower());
    }
    return h;
}

void DeliveryJob::setOutcome(QueueEntry &entry, int index, State state, const QString &detail, const QString &relay)
{
    QueueRecipient &r = entry.recipients[index];
    r.state = state;
    r.lastError = detail;
    ++r.attempts;
    const int e = int(&entry - m_entries.data());
    m_attempted[e].insert(index);
    if (state == State::Bounced)
        m_newlyBounced[e].insert(index);
    qCInfo(lcQueue).noquote() << QStringLiteral("attempt id=%1 to=<%2> relay=%3 result=%4 delay=%5s: %6")
                                     .arg(entry.id, r.address, relay.isEmpty() ? QStringLiteral("none") : relay,
                                          QueueRecipient::stateName(state))
                                     .arg(entry.arrived.secsTo(QDateTime::currentDateTimeUtc()))
                                     .arg(detail);
}

void DeliveryJob::expand(QueueEntry &entry, const Headers &)
{
    QVector<QueueRecipient> result;
    QSet<QString> seen;
    for (const QueueRecipient &r : std::as_const(entry.recipients))
        seen.insert(r.address.toLower());
    bool changed = false;
    QVector<QueueRecipient> unresolved; // failures to record after the rebuild
    for (const QueueRecipient &r : std::as_const(entry.recipients)) {
        if (!r.isPending() || r.local || !m_settings.isLocalDomain(domainOf(r.address)) || !m_accounts) {
            result.append(r);
            continue;
        }
        const RecipientResolution res = m_accounts->resolveRecipient(r.address);
        if (!res.found()) {
            QueueRecipient failed = r;
            failed.lastError = res.loopDetected ? QStringLiteral("554 5.4.6 alias loop for %1").arg(r.address)
                                                : QStringLiteral("550 5.1.1 <%1>: no such user here").arg(r.address);
            unresolved.append(failed);
            result.append(r);
            continue;
        }
        if (res.loopDetected)
            qCWarning(lcQueue).noquote() << "alias loop while expanding" << r.address << "in" << entry.id;
        changed = true;
        seen.remove(r.address.toLower());
        auto add = [&](const QString &target, bool local) {
            if (seen.contains(target.toLower()))
                return; // duplicate recipient: delivered once
            seen.insert(target.toLower());
            QueueRecipient t;
            t.address = target;
            t.local = local;
            t.attempts = r.attempts;
            if (target.compare(r.address, Qt::CaseInsensitive) != 0)
                t.expandedFrom = r.expandedFrom.isEmpty() ? r.address : r.expandedFrom;
            result.append(t);
        };
        for (const QString &u : res.localUsers)
            add(u, true);
        for (const QString &x : res.externalTargets)
            add(x, false);
    }
    if (changed)
        entry.recipients = result;
    for (const QueueRecipient &f : std::as_const(unresolved)) {
        for (int i = 0; i < entry.recipients.size(); ++i) {
            if (entry.recipients[i].address == f.address && entry.recipients[i].isPending() && !entry.recipients[i].local) {
                setOutcome(entry, i, State::Bounced, f.lastError, QString());
                break;
            }
        }
    }
}

void DeliveryJob::deliverLocal(QVector<QueueEntry> &entries, const QVector<Headers> &headers)
{
    QVector<DeliveryRequest> requests;
    QVector<QPair<int, int>> owners; // (entry, recipient) per request
    for (int e = 0; e < entries.size(); ++e) {
        QueueEntry &entry = entries[e];
        QByteArray body;
        bool loaded = false;
        for (int i = 0; i < entry.recipients.size(); ++i) {
            const QueueRecipient &r = entry.recipients[i];
            if (!r.isPending() || !r.local)
                continue;
            if (headers[e].received > MaxHops) {
                setOutcome(entry, i, State::Bounced, QStringLiteral("554 5.4.6 too many hops (%1 Received headers)").arg(headers[e].received), QString());
                continue;
            }
            if (headers[e].deliveredTo.contains(r.address.toLower())) {
                setOutcome(entry, i, State::Bounced, QStringLiteral("554 5.4.6 mail loop: already delivered to %1").arg(r.address), QString());
                continue;
            }
            if (!m_mailStore) {
                setOutcome(entry, i, State::Deferred, QStringLiteral("451 4.3.0 local delivery unavailable"), QString());
                continue;
            }
            if (!loaded) {
                QFile f(QueueSpool::dataPath(m_settings.spoolDir, entry.id));
                if (!f.open(QIODevice::ReadOnly)) {
                    setOutcome(entry, i, State::Deferred, QStringLiteral("451 4.3.0 cannot read the spool file"), QString());
                    continue;
                }
                body = f.readAll();
                loaded = true;
            }
            DeliveryRequest req;
            req.address = r.address;
            req.data = "Return-Path: <" + entry.sender.toUtf8() + ">\r\nDelivered-To: " + r.address.toUtf8() + "\r\n" + body;
            requests.append(req);
            owners.append({e, i});
        }
    }
    if (requests.isEmpty())
        return;
    const QVector<MailStore::DeliveryResult> results = m_mailStore->deliverBatch(requests);
    for (int k = 0; k < owners.size(); ++k) {
        QueueEntry &entry = entries[owners[k].first];
        const int i = owners[k].second;
        const MailStore::DeliveryResult res = k < results.size() ? results[k] : MailStore::DeliveryResult{};
        if (res.ok()) {
            setOutcome(entry, i, State::Delivered, QStringLiteral("250 2.0.0 delivered to INBOX (uid %1)").arg(res.uid), QStringLiteral("local"));
        } else if (res.error.code == StoreErrorCode::OverQuota) {
            setOutcome(entry, i, State::Bounced, QStringLiteral("552 5.2.2 mailbox full (quota exceeded)"), QStringLiteral("local"));
        } else if (res.error.code == StoreErrorCode::NotFound || res.error.code == StoreErrorCode::InvalidName) {
            setOutcome(entry, i, State::Bounced, QStringLiteral("550 5.1.1 <%1>: no such mailbox").arg(entry.recipients[i].address), QStringLiteral("local"));
        } else {
            qCWarning(lcQueue).noquote() << "local delivery problem for" << entry.id << ":" << res.error.message;
            setOutcome(entry, i, State::Deferred, QStringLiteral("451 4.3.0 local delivery failed, will retry"), QStringLiteral("local"));
        }
    }
}

void DeliveryJob::deliverRemote(QueueEntry &entry)
{
    QMap<QString, QVector<int>> byDomain;
    for (int i = 0; i < entry.recipients.size(); ++i) {
        const QueueRecipient &r = entry.recipients[i];
        if (r.isPending() && !r.local && !m_settings.isLocalDomain(domainOf(r.address)))
            byDomain[domainOf(r.address)].append(i);
    }
    if (byDomain.isEmpty())
        return;
    if (!m_resolver) {
        for (const QVector<int> &idx : std::as_const(byDomain))
            for (int i : idx)
                setOutcome(entry, i, State::Deferred, QStringLiteral("451 4.3.0 no resolver"), QString());
        return;
    }
    RemoteDelivery remote(m_settings, m_resolver.get());
    const QString path = QueueSpool::dataPath(m_settings.spoolDir, entry.id);
    for (auto it = byDomain.cbegin(); it != byDomain.cend(); ++it) {
        QStringList rcpts;
        for (int i : it.value())
            rcpts.append(entry.recipients[i].address);
        const QVector<RemoteOutcome> outcomes = remote.deliver(it.key(), entry.sender, rcpts, path);
        for (int k = 0; k < it.value().size(); ++k)
            setOutcome(entry, it.value()[k], outcomes[k].state, outcomes[k].detail, outcomes[k].relay);
    }
}

void DeliveryJob::queueDsn(const QueueEntry &entry, const QVector<QueueRecipient> &recipients, bool failure,
                           const Headers &headers, Result *result)
{
    if (entry.sender.isEmpty() || entry.isBounce) {
        qCInfo(lcQueue).noquote() << "no DSN for" << entry.id << "(null sender or a bounce itself)";
        return;
    }
    QueueEntry dsn;
    dsn.id = QueueSpool::newId();
    dsn.sender = QString();
    QueueRecipient to;
    to.address = entry.sender;
    dsn.recipients = {to};
    dsn.arrived = QDateTime::currentDateTimeUtc();
    dsn.isBounce = true;
    const QDateTime until = entry.arrived.addSecs(m_settings.maxQueueLifetime);
    const QByteArray data = DsnBuilder::build(failure ? DsnBuilder::Kind::Failure : DsnBuilder::Kind::Delay, entry,
                                              recipients, headers.block, m_settings.hostname, until);
    QString error;
    if (!QueueSpool::storeMessage(m_settings.spoolDir, dsn, data, &error)) {
        qCCritical(lcQueue).noquote() << "cannot queue the DSN for" << entry.id << ":" << error;
        return;
    }
    dsn.size = data.size();
    qCInfo(lcQueue).noquote() << QStringLiteral("%1 %2 for %3 queued as %4")
                                     .arg(failure ? QStringLiteral("bounce") : QStringLiteral("delay warning"),
                                          entry.sender, entry.id, dsn.id);
    result->generated.append(dsn);
}

void DeliveryJob::finish(QueueEntry &entry, const Headers &headers, Result *result)
{
    const int e = int(&entry - m_entries.data());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    ++entry.attempts;
    if (entry.hasPending()) {
        const qint64 age = entry.arrived.secsTo(now);
        if (age >= m_settings.maxQueueLifetime) {
            for (int i = 0; i < entry.recipients.size(); ++i) {
                QueueRecipient &r = entry.recipients[i];
                if (!r.isPending())
                    continue;
                r.state = State::Bounced;
                r.lastError = QStringLiteral("554 5.4.7 delivery time expired after %1 hours; last error: %2")
                                  .arg(m_settings.maxQueueLifetime / 3600).arg(r.lastError);
                m_newlyBounced[e].insert(i);
            }
        } else {
            const QVector<int> &d = m_settings.retryDelays;
            const int delay = d.isEmpty() ? 3600 : d[qMin(entry.attempts - 1, d.size() - 1)];
            QDateTime next = now.addSecs(delay);
            const QDateTime expiry = entry.arrived.addSecs(m_settings.maxQueueLifetime);
            if (next > expiry)
                next = qMax(expiry, now.addSecs(1));
            entry.nextAttempt = next;
            if (age >= m_settings.warnAfter && !entry.delayWarned && !entry.isBounce && !entry.sender.isEmpty()) {
                QVector<QueueRecipient> waiting;
                for (const QueueRecipient &r : std::as_const(entry.recipients))
                    if (r.isPending())
                        waiting.append(r);
                queueDsn(entry, waiting, false, headers, result);
                entry.delayWarned = true;
            }
        }
    }
    QVector<QueueRecipient> bounced;
    for (int i : std::as_const(m_newlyBounced[e]))
        bounced.append(entry.recipients[i]);
    if (!bounced.isEmpty())
        queueDsn(entry, bounced, true, headers, result);
    for (int i : std::as_const(m_attempted[e])) {
        switch (entry.recipients[i].state) {
        case State::Delivered: ++result->delivered; break;
        case State::Bounced: ++result->bounced; break;
        default: ++result->deferred; break;
        }
    }
    const bool done = !entry.hasPending();
    if (done) {
        QueueSpool::removeMessage(m_settings.spoolDir, entry.id);
    } else {
        QString error;
        if (!QueueSpool::writeEnvelope(m_settings.spoolDir, entry, &error))
            qCCritical(lcQueue).noquote() << "cannot update the envelope of" << entry.id << ":" << error;
    }
    result->finished.append(done);
}

DeliveryJob::Result DeliveryJob::run()
{
    Result result;
    m_started = QDateTime::currentDateTimeUtc();
    m_attempted.fill(QSet<int>(), m_entries.size());
    m_newlyBounced.fill(QSet<int>(), m_entries.size());
    QVector<Headers> headers;
    for (QueueEntry &entry : m_entries) {
        headers.append(readHeaders(entry.id));
        expand(entry, headers.last());
    }
    deliverLocal(m_entries, headers);
    for (QueueEntry &entry : m_entries)
        deliverRemote(entry);
    for (int e = 0; e < m_entries.size(); ++e)
        finish(m_entries[e], headers[e], &result);
    result.entries = m_entries;
    return result;
}
