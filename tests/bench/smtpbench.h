// `postroom-bench smtp`: N messages over C connections to port 25 for one local user;
// accepted messages/s (all 250s received) and delivered messages/s (all in the Maildir),
// and the daemon's memory per idle SMTP connection.
#pragma once

#include "benchreport.h"

#include <QStringList>

// args: [--messages N] [--connections 1,8] [--size BYTES] [--runs R] [--idle K] [--postroomd PATH]
int runSmtpBenchmark(const QStringList &args, const QString &postroomd, BenchReport &report);
