// Dropping root after the ports are bound (config key run_as): mail_root is handed
// to the target user, then the process switches group and user for good.
#pragma once

#include <QString>

namespace PrivilegeDrop {
// Does nothing (and returns true) when userName is empty. When not running as root,
// logs that run_as is ignored. On failure returns false with an error naming run_as.
bool dropTo(const QString &userName, const QString &mailRoot, QString *error);
}
