// The `diagnose` control method (postroom-admin's Diagnostics page): runs
// `postroomd --config <file> diagnose --json --no-dns?` as a child process, so the
// blocking checks never touch the daemon's event loop, and answers with its JSON:
//   diagnose {"dns": bool (default true)} -> {"checks":[{"name","result","detail","fix"}],
//                                             "passed","warnings","failed","exit_code"}
// Requests arriving while a run is in progress share its result.
#pragma once

#include <QString>

class ControlMethodTable;
class QObject;

void registerOpsControlMethods(ControlMethodTable &table, const QString &configPath, QObject *parent);
