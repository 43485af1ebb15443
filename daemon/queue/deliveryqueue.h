// The persistent delivery queue: what SMTP (and the API's sendMail) accepted is streamed
// into the spool, then fsynced in groups (with its envelope) on a commit thread before
// the caller may answer 250; delivery workers (delivery.workers threads)
// hand it to the local store or to remote hosts, retry what failed temporarily and bounce
// what failed for good. Layout and crash guarantees: docs/queue.md.
// Trusts: mail_root (ours) and the config; message bytes and envelopes are data only.
#pragma once

#include "deliverysettings.h"
#include "queueentry.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVector>
#include <functional>
#include <memory>
#include <optional>

class AccountStore;
class Config;
class MailStore;
class MxResolver;
class QThreadPool;
class QTimer;
class SpoolCommitter;
class StatsRegistry;
class DeliveryQueue;
struct SpoolCommitItem;
struct DeliveryJobResult;

// What the receiving session knows about a message when it commits it.
struct QueueEnvelope {
    QString sender;             // "" is the null sender (bounces)
    QStringList recipients;
    QString clientIp, heloName, authUser;
    bool tls = false;
    QDateTime arrived;          // invalid: now
};

// One message being received; never holds the message in RAM. Data goes straight to
// {mail_root}/queue/msg/<id> (not a queued message until commit() wrote its envelope). Not thread-safe; use it from the thread that created it.
class SpoolWriter
{
public:
    ~SpoolWriter();                             // removes the tmp file unless committed
    bool write(const char *data, qint64 size);  // appends; false on a write error (see errorString)
    bool write(const QByteArray &data) { return write(data.constData(), data.size()); }
    qint64 size() const { return m_size; }
    void abort();                               // removes the tmp file
    QString id() const { return m_id; }
    QString errorString() const { return m_error; }

private:
    friend class DeliveryQueue;
    friend class SpoolCommitter;
    SpoolWriter(const QString &id, const QString &path, int fd);
    void closeFile();

    QString m_id;
    QString m_path;
    int m_fd = -1;
    qint64 m_size = 0;
    bool m_committed = false;
    QString m_error;
};

class DeliveryQueue : public QObject
{
    Q_OBJECT
public:
    // config must outlive the queue (the Server's live Config, replaced in place on reload).
    // accounts/mailStore may be null only in tests that deliver nothing locally.
    DeliveryQueue(const Config *config, AccountStore *accounts, MailStore *mailStore,
                  StatsRegistry *stats, QObject *parent = nullptr);
    ~DeliveryQueue() override;

    // Creates the spool directories, picks up every message left by a previous run and
    // starts delivering. False with *error when the spool cannot be used.
    bool start(QString *error);
    // After a reload: new worker count, routes, relay and lifetime take effect; deliveries
    // in flight finish on their thread and are neither lost nor repeated.
    void applyConfig();
    // SIGTERM: stop starting deliveries; waits for those in flight (bounded by their timeouts).
    void stop();

    // --- receiving (event-loop thread) ---
    std::unique_ptr<SpoolWriter> beginMessage(QString *error);
    // fsyncs data + envelope off the event loop (group commit across messages), moves them into the queue,
    // then calls done(ok, queueId, error) on the event-loop thread. Only then may the session answer 250.
    void commit(std::unique_ptr<SpoolWriter> writer, const QueueEnvelope &envelope,
                std::function<void(bool ok, const QString &queueId, const QString &error)> done);

    // --- management (control verbs, CLI, tests) ---
    QVector<QueueEntry> entries() const;           // sorted by arrival
    std::optional<QueueEntry> entry(const QString &id) const;
    int length() const { return m_entries.size(); }
    bool retry(const QString &id);                 // due now; false when unknown
    void retryAll();                               // queue.flush / queue.retry {} : everything due now
    bool remove(const QString &id, QString *error); // drops it without a bounce (not while in flight)

    // Tests and embedding: replaces the MX resolver (default: QDnsLookup).
    void setMxResolver(std::shared_ptr<MxResolver> resolver);
    // Tests: the delays between attempts in seconds (the last repeats). Default 60,300,900,1800,3600.
    void setRetryDelays(const QVector<int> &seconds);
    // Tests: the age after which the sender gets a delay warning (default 4 hours).
    void setDelayWarningAfter(qint64 seconds) { m_warnAfterSecs = seconds; }
    QString spoolDirectory() const;                // {mail_root}/queue

signals:
    void messageQueued(const QString &id);
    // The message left the queue: every recipient delivered or bounced (or removed).
    void messageFinished(const QString &id);
    // One attempt on this message ended (some recipients may still be deferred).
    void attemptFinished(const QString &id);

private:
    static constexpr int MaxBatch = 64;          // entries per local delivery job
    static constexpr int MaxTimerMs = 60000;     // re-check the schedule at least this often

    DeliverySettings settings() const;
    void dispatch();
    void startJob(const QVector<QueueEntry> &entries, bool local);
    static int localJobLimit(int workers);
    void onCommitted(std::vector<SpoolCommitItem> &items);
    void onJobFinished(const DeliveryJobResult &result, bool local);
    bool needsRemote(const QueueEntry &entry) const;
    void updateGauge();
    void armTimer();

    const Config *m_config;
    AccountStore *m_accounts;
    MailStore *m_mailStore;
    StatsRegistry *m_stats;
    std::shared_ptr<MxResolver> m_resolver;
    std::unique_ptr<SpoolCommitter> m_committer;
    QThreadPool *m_pool = nullptr;
    QTimer *m_timer = nullptr;
    QHash<QString, QueueEntry> m_entries;
    QSet<QString> m_busy;                          // ids being delivered right now
    QSet<QString> m_retryAfterJob;                 // retry asked while in flight
    int m_running = 0;                             // jobs in flight
    int m_runningLocal = 0;                        // of which local batches
    bool m_stopping = false;
    bool m_started = false;
    QVector<int> m_retryDelays;
    qint64 m_warnAfterSecs = 4 * 3600;
};
