#include "queueentry.h"

#include <QJsonArray>

QString QueueRecipient::stateName(State s)
{
    switch (s) {
    case State::Queued: return QStringLiteral("queued");
    case State::Deferred: return QStringLiteral("deferred");
    case State::Delivered: return QStringLiteral("delivered");
    case State::Bounced: return QStringLiteral("bounced");
    }
    return QString();
}

bool QueueRecipient::stateFromName(const QString &name, State *out)
{
    for (State s : {State::Queued, State::Deferred, State::Delivered, State::Bounced}) {
        if (stateName(s) == name) {
            *out = s;
            return true;
        }
    }
    return false;
}

bool QueueEntry::hasPending() const
{
    for (const QueueRecipient &r : recipients) {
        if (r.isPending())
            return true;
    }
    return false;
}

static QString isoTime(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

static QDateTime parseTime(const QJsonValue &v)
{
    if (!v.isString() || v.toString().isEmpty())
        return QDateTime();
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

QJsonObject QueueEntry::toJson() const
{
    QJsonArray rcpts;
    for (const QueueRecipient &r : recipients) {
        QJsonObject o{{"address", r.address},
                      {"state", QueueRecipient::stateName(r.state)},
                      {"attempts", r.attempts},
                      {"last_error", r.lastError}};
        if (r.local)
            o.insert("local", true);
        if (!r.expandedFrom.isEmpty())
            o.insert("expanded_from", r.expandedFrom);
        rcpts.append(o);
    }
    return QJsonObject{{"version", 1},
                       {"id", id},
                       {"sender", sender},
                       {"recipients", rcpts},
                       {"client_ip", clientIp},
                       {"helo", heloName},
                       {"auth_user", authUser},
                       {"tls", tls},
                       {"arrived", isoTime(arrived)},
                       {"next_attempt", isoTime(nextAttempt)},
                       {"size", size},
                       {"attempts", attempts},
                       {"delay_warned", delayWarned},
                       {"is_bounce", isBounce}};
}

bool QueueEntry::fromJson(const QJsonObject &o, QueueEntry *out, QString *problem)
{
    QueueEntry e;
    e.id = o.value("id").toString();
    if (e.id.isEmpty()) {
        *problem = QStringLiteral("missing id");
        return false;
    }
    if (!o.value("sender").isString()) {
        *problem = QStringLiteral("missing sender");
        return false;
    }
    e.sender = o.value("sender").toString();
    const QJsonArray rcpts = o.value("recipients").toArray();
    if (rcpts.isEmpty()) {
        *problem = QStringLiteral("no recipients");
        return false;
    }
    for (const QJsonValue &v : rcpts) {
        const QJsonObject ro = v.toObject();
        QueueRecipient r;
        r.address = ro.value("address").toString();
        if (r.address.isEmpty() || !QueueRecipient::stateFromName(ro.value("state").toString(), &r.state)) {
            *problem = QStringLiteral("bad recipient record");
            return false;
        }
        r.local = ro.value("local").toBool();
        r.attempts = ro.value("attempts").toInt();
        r.lastError = ro.value("last_error").toString();
        r.expandedFrom = ro.value("expanded_from").toString();
        e.recipients.append(r);
    }
    e.clientIp = o.value("client_ip").toString();
    e.heloName = o.value("helo").toString();
    e.authUser = o.value("auth_user").toString();
    e.tls = o.value("tls").toBool();
    e.arrived = parseTime(o.value("arrived"));
    if (!e.arrived.isValid()) {
        *problem = QStringLiteral("bad arrival time");
        return false;
    }
    e.nextAttempt = parseTime(o.value("next_attempt"));
    e.size = o.value("size").toInteger();
    e.attempts = o.value("attempts").toInt();
    e.delayWarned = o.value("delay_warned").toBool();
    e.isBounce = o.value("is_bounce").toBool();
    *out = e;
    return true;
}

QJsonObject QueueEntry::toStatusJson() const
{
    QJsonArray rcpts;
    for (const QueueRecipient &r : recipients) {
        rcpts.append(QJsonObject{{"address", r.address},
                                 {"state", QueueRecipient::stateName(r.state)},
                                 {"attempts", r.attempts},
                                 {"last_error", r.lastError}});
    }
    return QJsonObject{{"id", id},
                       {"sender", sender},
                       {"arrived", isoTime(arrived)},
                       {"size", size},
                       {"next_attempt", isoTime(nextAttempt.isValid() ? nextAttempt : arrived)},
                       {"recipients", rcpts}};
}
