// The operations verbs of postroomd:
//   diagnose [--json] [--no-dns] [--user ADDRESS --password-stdin]
//   backup DEST            (a .tar.gz file, or a folder to put a dated one in)
//   restore SRC [--into DIR] [--keep-config] [--force]
#pragma once

#include "config.h"

#include <QStringList>

// args start at the verb: {"diagnose","--json"}. Returns the process exit code.
int runOpsCommand(const QStringList &args, const Config &config);
