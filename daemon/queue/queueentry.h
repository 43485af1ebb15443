// One queued message's envelope record as kept in {mail_root}/queue/msg/<id>.json:
// sender, arrival, client facts and each recipient with its own state, attempts,
// last error and next attempt. Pure data with JSON (de)serialisation; no I/O here.
// Trusts nothing it parses: a malformed record is reported, never half-used.
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QVector>

struct QueueRecipient {
    enum class State { Queued, Deferred, Delivered, Bounced };
    QString address;        // as given in RCPT TO, or an alias expansion target
    State state = State::Queued;
    bool local = false;     // expanded already: a local user to deliver to directly
    int attempts = 0;
    QString lastError;      // the last reply or problem, e.g. "451 4.3.0 try later"
    QString expandedFrom;   // the original recipient when this came from an alias

    bool isPending() const { return state == State::Queued || state == State::Deferred; }
    static QString stateName(State s);
    static bool stateFromName(const QString &name, State *out);
};

struct QueueEntry {
    QString id;
    QString sender;                 // "" = null sender
    QVector<QueueRecipient> recipients;
    QString clientIp, heloName, authUser;
    bool tls = false;
    QDateTime arrived;              // UTC
    QDateTime nextAttempt;          // UTC; invalid = now
    qint64 size = 0;                // message bytes
    int attempts = 0;               // attempts on the message as a whole
    bool delayWarned = false;       // the 4-hour delay warning was sent
    bool isBounce = false;          // a DSN we generated (never bounced again)

    bool hasPending() const;
    QJsonObject toJson() const;     // the envelope file format
    static bool fromJson(const QJsonObject &o, QueueEntry *out, QString *problem);
    // The control-protocol shape: {"id","sender","arrived","size","next_attempt","recipients":[...]}
    QJsonObject toStatusJson() const;
};
