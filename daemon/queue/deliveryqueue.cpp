#include "deliveryqueue.h"

#include "config.h"
#include "deliveryjob.h"
#include "logging.h"
#include "mxresolver.h"
#include "queuespool.h"
#include "spoolcommitter.h"
#include "statsregistry.h"

#include <QFile>
#include <QThreadPool>
#include <QTimer>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

DeliveryQueue::DeliveryQueue(const Config *config, AccountStore *accounts, MailStore *mailStore,
                             StatsRegistry *stats, QObject *parent)
    : QObject(parent), m_config(config), m_accounts(accounts), m_mailStore(mailStore), m_stats(stats),
      m_resolver(std::make_shared<DnsMxResolver>()), m_retryDelays{60, 300, 900, 1800, 3600}
{
    m_pool = new QThreadPool(this);
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &DeliveryQueue::dispatch);
}

DeliveryQueue::~DeliveryQueue()
{
    stop();
    if (m_committer) {
        const SpoolCommitter::Totals t = m_committer->totals();
        if (t.groups > 0)
            qCInfo(lcQueue).noquote() << QStringLiteral("spool commits: %1 messages in %2 groups, mean latency %3 ms, mean group sync %4 ms")
                                             .arg(t.messages).arg(t.groups)
                                             .arg(double(t.latencyNs) / t.messages / 1e6, 0, 'f', 2)
                                             .arg(double(t.syncNs) / t.groups / 1e6, 0, 'f', 2);
    }
    m_committer.reset(); // finishes submitted commits; their results are dropped with us
}

QString DeliveryQueue::spoolDirectory() const
{
    return m_config->mailRoot + QStringLiteral("/queue");
}

void DeliveryQueue::setMxResolver(std::shared_ptr<MxResolver> resolver) { m_resolver = std::move(resolver); }

void DeliveryQueue::setRetryDelays(const QVector<int> &seconds)
{
    if (!seconds.isEmpty())
        m_retryDelays = seconds;
}

bool DeliveryQueue::start(QString *error)
{
    if (m_started)
        return true;
    const QString dir = spoolDirectory();
    if (!QueueSpool::prepare(dir, error))
        return false;
    QStringList problems;
    const QVector<QueueEntry> recovered = QueueSpool::recover(dir, &problems);
    for (const QString &p : std::as_const(problems))
        qCWarning(lcQueue).noquote() << "spool recovery:" << p;
    for (const QueueEntry &e : recovered)
        m_entries.insert(e.id, e);
    if (!recovered.isEmpty())
        qCInfo(lcQueue) << "picked up" << recovered.size() << "queued messages";
    m_committer = std::make_unique<SpoolCommitter>(dir, this, [this](std::vector<SpoolCommitItem> &items) {
        onCommitted(items);
    });
    m_pool->setMaxThreadCount(qMax(1, m_config->delivery.workers));
    m_started = true;
    m_stopping = false;
    updateGauge();
    dispatch();
    return true;
}

void DeliveryQueue::applyConfig()
{
    // In-flight jobs keep their entries marked busy until they report back, so a smaller
    // pool only delays new jobs; nothing is dropped or started twice.
    m_pool->setMaxThreadCount(qMax(1, m_config->delivery.workers));
    dispatch();
}

void DeliveryQueue::stop()
{
    m_stopping = true;
    m_timer->stop();
    m_pool->waitForDone();
}

std::unique_ptr<SpoolWriter> DeliveryQueue::beginMessage(QString *error)
{
    if (!m_started || m_stopping) {
        *error = QStringLiteral("the queue is not running");
        return nullptr;
    }
    const QString id = QueueSpool::newId();
    // Straight into msg/: the envelope written at commit is what makes it a queued message.
    const QString path = QueueSpool::dataPath(spoolDirectory(), id);
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        *error = QStringLiteral("cannot create %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return nullptr;
    }
    return std::unique_ptr<SpoolWriter>(new SpoolWriter(id, path, fd));
}

void DeliveryQueue::commit(std::unique_ptr<SpoolWriter> writer, const QueueEnvelope &envelope,
                           std::function<void(bool ok, const QString &queueId, const QString &error)> done)
{
    if (!writer || !m_committer || envelope.recipients.isEmpty()) {
        const QString why = !writer ? QStringLiteral("no message") : !m_committer ? QStringLiteral("the queue is not running")
                                                                                 : QStringLiteral("no recipients");
        QMetaObject::invokeMethod(this, [done, why] { done(false, QString(), why); }, Qt::QueuedConnection);
        return;
    }
    QueueEntry entry;
    entry.id = writer->id();
    entry.sender = envelope.sender;
    QSet<QString> seen;
    for (const QString &r : envelope.recipients) {
        if (seen.contains(r.toLower()))
            continue; // the same RCPT twice: deliver once
        seen.insert(r.toLower());
        QueueRecipient rec;
        rec.address = r;
        entry.recipients.append(rec);
    }
    entry.clientIp = envelope.clientIp;
    entry.heloName = envelope.heloName;
    entry.authUser = envelope.authUser;
    entry.tls = envelope.tls;
    entry.arrived = envelope.arrived.isValid() ? envelope.arrived.toUTC() : QDateTime::currentDateTimeUtc();
    entry.size = writer->size();
    SpoolCommitItem item;
    item.writer = std::move(writer);
    item.entry = entry;
    item.done = std::move(done);
    m_committer->submit(std::move(item));
}

void DeliveryQueue::onCommitted(std::vector<SpoolCommitItem> &items)
{
    for (SpoolCommitItem &it : items) {
        if (it.ok) {
            m_entries.insert(it.entry.id, it.entry);
            qCInfo(lcQueue).noquote() << QStringLiteral("queued id=%1 from=<%2> size=%3 nrcpt=%4 client=%5")
                                             .arg(it.entry.id, it.entry.sender)
                                             .arg(it.entry.size)
                                             .arg(it.entry.recipients.size())
                                             .arg(it.entry.clientIp);
        } else {
            qCWarning(lcQueue).noquote() << "cannot queue a message:" << it.error;
        }
    }
    updateGauge();
    for (SpoolCommitItem &it : items) {
        if (it.done)
            it.done(it.ok, it.ok ? it.entry.id : QString(), it.error);
        if (it.ok)
            emit messageQueued(it.entry.id);
    }
    dispatch();
}

DeliverySettings DeliveryQueue::settings() const
{
    DeliverySettings s;
    s.spoolDir = spoolDirectory();
    s.hostname = m_config->hostname;
    for (const QString &d : m_config->domains)
        s.domains.append(d.toLower());
    s.routes = m_config->delivery.routes;
    s.relayHost = m_config->delivery.relayHost;
    s.relaySecurity = m_config->delivery.relaySecurity;
    s.relayUsername = m_config->delivery.relayUsername;
    s.relayPassword = m_config->delivery.relayPassword;
    s.maxQueueLifetime = m_config->delivery.maxQueueLifetime;
    s.retryDelays = m_retryDelays;
    s.warnAfter = m_warnAfterSecs;
    return s;
}

bool DeliveryQueue::needsRemote(const QueueEntry &entry) const
{
    for (const QueueRecipient &r : entry.recipients) {
        if (!r.isPending() || r.local)
            continue;
        const QString domain = r.address.mid(r.address.lastIndexOf(QLatin1Char('@')) + 1);
        if (!m_config->isLocalDomain(domain))
            return true;
    }
    return false;
}

void DeliveryQueue::dispatch()
{
    if (!m_started || m_stopping)
        return;
    const int workers = qMax(1, m_config->delivery.workers);
    if (m_running >= workers) {
        armTimer();
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVector<const QueueEntry *> ready;
    for (const QueueEntry &e : std::as_const(m_entries)) {
        if (!m_busy.contains(e.id) && e.hasPending() && (!e.nextAttempt.isValid() || e.nextAttempt <= now))
            ready.append(&e);
    }
    std::sort(ready.begin(), ready.end(), [](const QueueEntry *a, const QueueEntry *b) {
        const QDateTime ta = a->nextAttempt.isValid() ? a->nextAttempt : a->arrived;
        const QDateTime tb = b->nextAttempt.isValid() ? b->nextAttempt : b->arrived;
        return ta < tb;
    });
    QVector<QueueEntry> remote, local;
    for (const QueueEntry *e : std::as_const(ready))
        (needsRemote(*e) ? remote : local).append(*e);
    // Remote entries one per job (a slow host must not hold others). Local ones go in big
    // batches to few jobs: the store groups the fsyncs of a batch and takes each folder's
    // lock once, while parallel jobs on the same folder would only queue on that lock.
    int r = 0, l = 0;
    const int localCap = localJobLimit(workers);
    while (m_running < workers && (r < remote.size() || (l < local.size() && m_runningLocal < localCap))) {
        const bool localPossible = l < local.size() && m_runningLocal < localCap;
        const bool takeRemote = r < remote.size() && (!localPossible || remote[r].arrived <= local[l].arrived);
        if (takeRemote) {
            startJob({remote[r++]}, false);
            continue;
        }
        const int jobsLeft = qMax(1, localCap - m_runningLocal);
        const int left = local.size() - l;
        const int batch = qBound(1, (left + jobsLeft - 1) / jobsLeft, int(MaxBatch));
        startJob(local.mid(l, batch), true);
        l += batch;
    }
    armTimer();
}

int DeliveryQueue::localJobLimit(int workers)
{
    static const int fromEnv = qEnvironmentVariableIntValue("POSTROOM_QUEUE_LOCAL_JOBS");
    return fromEnv > 0 ? qMin(fromEnv, workers) : qMax(1, (workers + 1) / 2);
}

void DeliveryQueue::startJob(const QVector<QueueEntry> &entries, bool local)
{
    for (const QueueEntry &e : entries)
        m_busy.insert(e.id);
    ++m_running;
    if (local)
        ++m_runningLocal;
    auto job = std::make_shared<DeliveryJob>(settings(), m_accounts, m_mailStore, m_resolver, entries);
    m_pool->start([this, job, local] {
        auto result = std::make_shared<DeliveryJobResult>(job->run());
        QMetaObject::invokeMethod(this, [this, result, local] { onJobFinished(*result, local); }, Qt::QueuedConnection);
    });
}

void DeliveryQueue::onJobFinished(const DeliveryJobResult &result, bool local)
{
    --m_running;
    if (local)
        --m_runningLocal;
    for (int i = 0; i < result.entries.size(); ++i) {
        QueueEntry entry = result.entries[i];
        m_busy.remove(entry.id);
        if (result.finished.value(i)) {
            m_entries.remove(entry.id);
            m_retryAfterJob.remove(entry.id);
            emit attemptFinished(entry.id);
            emit messageFinished(entry.id);
            continue;
        }
        if (m_retryAfterJob.remove(entry.id))
            entry.nextAttempt = QDateTime();
        m_entries.insert(entry.id, entry);
        emit attemptFinished(entry.id);
    }
    for (const QueueEntry &g : result.generated) {
        m_entries.insert(g.id, g);
        emit messageQueued(g.id);
    }
    if (m_stats) {
        m_stats->add(StatName::MessagesDelivered, result.delivered);
        m_stats->add(StatName::MessagesDeferred, result.deferred);
        m_stats->add(StatName::MessagesBounced, result.bounced);
    }
    updateGauge();
    dispatch();
}

void DeliveryQueue::armTimer()
{
    if (m_stopping)
        return;
    QDateTime earliest;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QueueEntry &e : std::as_const(m_entries)) {
        if (m_busy.contains(e.id) || !e.hasPending())
            continue;
        const QDateTime t = e.nextAttempt.isValid() ? e.nextAttempt : now;
        if (!earliest.isValid() || t < earliest)
            earliest = t;
    }
    if (!earliest.isValid()) {
        m_timer->stop();
        return;
    }
    // Due entries waiting for a free worker are picked up when a job finishes.
    qint64 ms = qBound(qint64(0), now.msecsTo(earliest), qint64(MaxTimerMs));
    if (ms == 0 && m_running >= qMax(1, m_config->delivery.workers))
        ms = MaxTimerMs;
    m_timer->start(int(qMax<qint64>(ms, 10)));
}

void DeliveryQueue::updateGauge()
{
    if (m_stats)
        m_stats->setGauge(StatName::QueueLength, m_entries.size());
}

QVector<QueueEntry> DeliveryQueue::entries() const
{
    QVector<QueueEntry> list = m_entries.values().toVector();
    std::sort(list.begin(), list.end(), [](const QueueEntry &a, const QueueEntry &b) {
        return a.arrived < b.arrived || (a.arrived == b.arrived && a.id < b.id);
    });
    return list;
}

std::optional<QueueEntry> DeliveryQueue::entry(const QString &id) const
{
    auto it = m_entries.constFind(id);
    if (it == m_entries.constEnd())
        return std::nullopt;
    return *it;
}

bool DeliveryQueue::retry(const QString &id)
{
    auto it = m_entries.find(id);
    if (it == m_entries.end())
        return false;
    if (m_busy.contains(id))
        m_retryAfterJob.insert(id);
    else
        it->nextAttempt = QDateTime();
    dispatch();
    return true;
}

void DeliveryQueue::retryAll()
{
    for (QueueEntry &e : m_entries) {
        if (m_busy.contains(e.id))
            m_retryAfterJob.insert(e.id);
        else
            e.nextAttempt = QDateTime();
    }
    dispatch();
}

bool DeliveryQueue::remove(const QString &id, QString *error)
{
    if (!m_entries.contains(id)) {
        *error = QStringLiteral("no queued message %1").arg(id);
        return false;
    }
    if (m_busy.contains(id)) {
        *error = QStringLiteral("message %1 is being delivered right now; try again in a moment").arg(id);
        return false;
    }
    QueueSpool::removeMessage(spoolDirectory(), id);
    m_entries.remove(id);
    qCInfo(lcQueue).noquote() << "removed id=" + id + " by the administrator";
    updateGauge();
    emit messageFinished(id);
    return true;
}
