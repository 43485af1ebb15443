#include "parallelsync.h"

#include <atomic>
#include <thread>
#include <unistd.h>
#include <vector>

namespace ParallelSync {

bool fsyncAll(const QVector<int> &fds, bool dataOnly)
{
    std::atomic<bool> ok{true};
    auto syncRange = [&](int start, int step) {
        for (int i = start; i < fds.size(); i += step)
            if ((dataOnly ? ::fdatasync(fds.at(i)) : ::fsync(fds.at(i))) != 0)
                ok = false;
    };
    const int threads = int(std::min<qsizetype>(fds.size(), MaxThreads));
    if (threads <= 1) {
        syncRange(0, 1);
        return ok;
    }
    std::vector<std::thread> pool;
    pool.reserve(size_t(threads - 1));
    for (int t = 1; t < threads; ++t)
        pool.emplace_back(syncRange, t, threads);
    syncRange(0, threads);
    for (std::thread &t : pool)
        t.join();
    return ok;
}

} // namespace ParallelSync
