// One delivery attempt for a group of queue entries, run on a worker thread: expands
// local recipients (aliases, catch-all, duplicates once), delivers them into INBOX
// through the store in one grouped batch (Return-Path and Delivered-To added, loops
// stopped), sends remote recipients per domain, then records each recipient's result,
// schedules the retry or bounces, and updates the spool files before reporting back.
// Trusts the spool (ours); message content only as data (its headers for loop checks).
#pragma once

#include "deliverysettings.h"
#include "queueentry.h"

#include <QSet>
#include <QVector>
#include <memory>

class AccountStore;
class MailStore;
class MxResolver;

struct DeliveryJobResult {
    QVector<QueueEntry> entries;     // the entries after this attempt (same order as given)
    QVector<bool> finished;          // entries[i] left the queue (files removed)
    QVector<QueueEntry> generated;   // DSNs queued by this attempt
    int delivered = 0, deferred = 0, bounced = 0; // recipients
};

class DeliveryJob
{
public:
    using Result = DeliveryJobResult;
    static constexpr int MaxHops = 50;                 // Received headers before we call it a loop
    static constexpr qint64 MaxHeaderScanBytes = 256 * 1024;


    DeliveryJob(const DeliverySettings &settings, AccountStore *accounts, MailStore *mailStore,
                std::shared_ptr<MxResolver> resolver, QVector<QueueEntry> entries);
    Result run();

private:
    struct Headers { int received = 0; QStringList deliveredTo; QByteArray block; };
    Headers readHeaders(const QString &id) const;
    void expand(QueueEntry &entry, const Headers &headers);
    void deliverLocal(QVector<QueueEntry> &entries, const QVector<Headers> &headers);
    void deliverRemote(QueueEntry &entry);
    void finish(QueueEntry &entry, const Headers &headers, Result *result);
    void setOutcome(QueueEntry &entry, int index, QueueRecipient::State state, const QString &detail,
                    const QString &relay);
    void queueDsn(const QueueEntry &entry, const QVector<QueueRecipient> &recipients, bool failure,
                  const Headers &headers, Result *result);

    DeliverySettings m_settings;
    AccountStore *m_accounts;
    MailStore *m_mailStore;
    std::shared_ptr<MxResolver> m_resolver;
    QVector<QueueEntry> m_entries;
    QDateTime m_started;
    QVector<QSet<int>> m_attempted; // per entry: recipient indexes tried in this attempt
    QVector<QSet<int>> m_newlyBounced;
};
