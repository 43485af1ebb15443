// fsync for a batch of files at once. One fsync after another costs one journal commit
// each (~5 ms on a busy disk); issued from several threads at the same time, the file
// system folds them into shared commits (group commit), which is what makes batched
// delivery several times faster. Returns false if any fsync failed.
#pragma once

#include <QVector>
#include <functional>

namespace ParallelSync {
// Runs job(0..count-1) on up to MaxThreads short-lived threads (the caller's included).
void forEach(int count, const std::function<void(int)> &job);
constexpr int MaxThreads = 32; // short-lived threads, only for the length of one batch's fsyncs
bool fsyncAll(const QVector<int> &fds, bool dataOnly = false);
}
