// Group commit for the spool: a commit thread takes every message committed since its last
// round, writes their envelopes next to the data and fsyncs all those files and msg/ in
// one parallel round. Many sessions' messages thus share one round of disk flushes while
// each is still on disk before its 250. Results go back to the event loop (queued to
// `context`, handled by `handler`).
#pragma once

#include "queueentry.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

class SpoolWriter;

struct SpoolCommitItem {
    std::unique_ptr<SpoolWriter> writer;
    QueueEntry entry;
    std::function<void(bool ok, const QString &queueId, const QString &error)> done;
    bool ok = false;
    QString error;
    qint64 submittedNs = 0; // for the commit latency statistics
};

class SpoolCommitter
{
public:
    using Item = SpoolCommitItem;
    using BatchHandler = std::function<void(std::vector<Item> &items)>;

    static constexpr int MaxGroup = 256;
    // Groups in flight at once: a new group starts syncing while the previous one still
    // waits for the disk, which halves the wait of a message arriving mid-round, and the
    // file system merges the concurrent flushes into shared journal commits.
    static constexpr int Threads = 2;

    // handler runs on context's thread with each finished group.
    SpoolCommitter(const QString &spoolDir, QObject *context, BatchHandler handler);
    ~SpoolCommitter(); // finishes what was submitted, then stops the thread

    void submit(Item item);

    // Totals since start (read on any thread): groups, messages, summed latency from submit
    // to the end of the group's fsyncs, and summed group sync time.
    struct Totals { qint64 groups = 0, messages = 0, latencyNs = 0, syncNs = 0; };
    Totals totals();

private:
    void run();
    void commitGroup(std::vector<Item> &items);

    QString m_spoolDir;
    QPointer<QObject> m_context;
    BatchHandler m_handler;
    std::mutex m_mutex;
    std::condition_variable m_cond;
    std::deque<Item> m_pending;
    bool m_stop = false;
    Totals m_totals;
    std::vector<std::thread> m_threads;
};
