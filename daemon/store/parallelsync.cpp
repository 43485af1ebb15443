#include "parallelsync.h"

#include <atomic>
#include <thread>
#include <unistd.h>
#include <vector>

namespace ParallelSync {

void forEach(int count, const std::function<void(int)> &job)
{
    auto range = [&](int start, int step) {
        for (int i = start; i < count; i += step)
            job(i);
    };
    const int threads = std::min(count, MaxThreads);
    if (threads <= 1) {
        range(0, 1);
        return;
    }
    std::vector<std::thread> pool;
    pool.reserve(size_t(threads - 1));
    for (int t = 1; t < threads; ++t)
        pool.emplace_back(range, t, threads);
    range(0, threads);
    for (std::thread &t : pool)
        t.join();
}

bool fsyncAll(const QVector<int> &fds, bool dataOnly)
{
    std::atomic<bool> ok{true};
    forEach(int(fds.size()), [&](int i) {
        if ((dataOnly ? ::fdatasync(fds.at(i)) : ::fsync(fds.at(i))) != 0)
            ok = false;
    });
    return ok;
}

} // namespace ParallelSync
