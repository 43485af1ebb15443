// `postroom-bench store`: delivery throughput into one folder (single and batched fsyncs)
// and the time to open a 100,000-message folder without an index (cold) and with one
// (warm). Runs in a temporary directory on the same disk as mail_root would be.
#pragma once

#include <QStringList>

// args after "store": [--messages N] [--batch B] [--folder-size N] [--runs R] [--dir PATH]
// Prints the figures (median of the runs) and returns a process exit code.
int runStoreBenchmark(const QStringList &args);
