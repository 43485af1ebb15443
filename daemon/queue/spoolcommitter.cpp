#include "spoolcommitter.h"

#include "atomicfile.h"
#include "deliveryqueue.h"
#include "parallelsync.h"
#include "queuespool.h"

#include <QFile>
#include <QJsonDocument>

#include <chrono>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

SpoolCommitter::SpoolCommitter(const QString &spoolDir, QObject *context, BatchHandler handler)
    : m_spoolDir(spoolDir), m_context(context), m_handler(std::move(handler))
{
    for (int i = 0; i < Threads; ++i)
        m_threads.emplace_back([this] { run(); });
}

SpoolCommitter::~SpoolCommitter()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_cond.notify_all();
    for (std::thread &t : m_threads)
        t.join();
}

static qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

SpoolCommitter::Totals SpoolCommitter::totals()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_totals;
}

void SpoolCommitter::submit(Item item)
{
    item.submittedNs = nowNs();
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_pending.push_back(std::move(item));
    }
    m_cond.notify_one();
}

void SpoolCommitter::run()
{
    for (;;) {
        std::vector<Item> group;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_cond.wait(lock, [this] { return m_stop || !m_pending.empty(); });
            if (m_pending.empty() && m_stop)
                return;
            while (!m_pending.empty() && int(group.size()) < MaxGroup) {
                group.push_back(std::move(m_pending.front()));
                m_pending.pop_front();
            }
        }
        const qint64 start = nowNs();
        commitGroup(group);
        const qint64 end = nowNs();
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            ++m_totals.groups;
            m_totals.messages += qint64(group.size());
            m_totals.syncNs += end - start;
            for (const Item &it : group)
                m_totals.latencyNs += end - it.submittedNs;
        }
        auto shared = std::make_shared<std::vector<Item>>(std::move(group));
        if (m_context) {
            QMetaObject::invokeMethod(m_context, [handler = m_handler, shared] { handler(*shared); },
                                      Qt::QueuedConnection);
        }
    }
}

static QString errnoText() { return QString::fromLocal8Bit(std::strerror(errno)); }

void SpoolCommitter::commitGroup(std::vector<Item> &items)
{
    // The data files were written straight into msg/ (an id without a valid envelope is
    // never delivered, see QueueSpool::recover). Each envelope is written in place next to
    // its data, then ONE round of parallel syncs covers every file and the directory: the
    // file system folds them into a shared journal commit, and the block layer merges the
    // cache flushes. Only after that round does any message count as queued.
    struct Files { int dataFd = -1; int envFd = -1; };
    std::vector<Files> files(items.size());
    QVector<int> fds;
    QVector<std::function<bool()>> jobs;
    for (size_t i = 0; i < items.size(); ++i) {
        Item &it = items[i];
        Files &f = files[i];
        f.dataFd = it.writer->m_fd;
        it.writer->m_fd = -1;
        if (f.dataFd < 0) {
            it.error = it.writer->m_error.isEmpty() ? QStringLiteral("spool file is closed") : it.writer->m_error;
            continue;
        }
        it.entry.size = it.writer->size();
        const QByteArray json = QJsonDocument(it.entry.toJson()).toJson(QJsonDocument::Compact);
        const QByteArray env = QFile::encodeName(QueueSpool::envelopePath(m_spoolDir, it.entry.id));
        f.envFd = ::open(env.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (f.envFd < 0 || ::write(f.envFd, json.constData(), size_t(json.size())) != json.size()) {
            it.error = QStringLiteral("cannot write the envelope: %1").arg(errnoText());
            continue;
        }
        fds << f.dataFd << f.envFd;
        it.ok = true;
    }
    const int dirFd = ::open(QFile::encodeName(QueueSpool::msgDir(m_spoolDir)).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0)
        fds << dirFd;
    const bool allSynced = dirFd >= 0 && ParallelSync::fsyncAll(fds, false);
    const QString dirProblem = dirFd < 0 ? QStringLiteral("cannot open the queue directory: %1").arg(errnoText()) : QString();
    bool dirSynced = allSynced || (dirFd >= 0 && ::fsync(dirFd) == 0);
    if (dirFd >= 0)
        ::close(dirFd);
    for (size_t i = 0; i < items.size(); ++i) {
        Item &it = items[i];
        Files &f = files[i];
        if (it.ok && !allSynced) {
            if (!dirSynced) {
                it.ok = false;
                it.error = dirProblem.isEmpty() ? QStringLiteral("cannot sync the queue directory") : dirProblem;
            } else if (::fsync(f.dataFd) != 0 || ::fsync(f.envFd) != 0) {
                it.ok = false;
                it.error = QStringLiteral("cannot sync the spool file: %1").arg(errnoText());
            }
        }
        if (f.dataFd >= 0)
            ::close(f.dataFd);
        if (f.envFd >= 0)
            ::close(f.envFd);
        if (!it.ok)
            QueueSpool::removeMessage(m_spoolDir, it.entry.id);
        it.writer->m_committed = it.ok;
        it.writer->m_path.clear();
    }
}
