// `postroom-bench api`: requests/s and latency of the HTTP mail API for token issue,
// message list (50 per page) and message get, with 1 and 16 keep-alive clients.
#pragma once

#include "benchreport.h"

#include <QStringList>

// args: [--messages N] [--requests N] [--clients 1,16]
int runApiBenchmark(const QStringList &args, const QString &postroomd, BenchReport &report);
