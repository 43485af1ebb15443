// `postroom-bench imap`: a generated folder of realistic MIME messages (default 10,000,
// about 300 MB) dropped into a Maildir; times SELECT cold and warm, the metadata FETCH
// clients run at startup, full-body fetches, and the daemon's memory per idle IMAP
// connection in IDLE over TLS.
#pragma once

#include "benchreport.h"

#include <QStringList>

// args: [--messages N] [--average-kb K] [--bodies N] [--idle K] [--runs R]
int runImapBenchmark(const QStringList &args, const QString &postroomd, BenchReport &report);
