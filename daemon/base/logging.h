// Logging for the daemon: one Qt logging category per subsystem, a message handler
// that writes timestamped lines to stderr, a level filter set from log_level, and
// a hook that hands every record to log subscribers (the control socket's log.subscribe).
#pragma once

#include "controlprotocol.h"

#include <QLoggingCategory>
#include <functional>

Q_DECLARE_LOGGING_CATEGORY(lcConfig)
Q_DECLARE_LOGGING_CATEGORY(lcTls)
Q_DECLARE_LOGGING_CATEGORY(lcSmtp)
Q_DECLARE_LOGGING_CATEGORY(lcImap)
Q_DECLARE_LOGGING_CATEGORY(lcApi)
Q_DECLARE_LOGGING_CATEGORY(lcQueue)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcControl)
Q_DECLARE_LOGGING_CATEGORY(lcRateLimit)
Q_DECLARE_LOGGING_CATEGORY(lcServer)

namespace Logging {
// Installs the message handler. Call once, early in main().
void install();
// DEBUG, INFO, WARNING, ERROR or CRITICAL. CRITICAL shows only qCritical/qFatal.
void setLevel(const QString &level);
QString level();
// Receives every record that passes the level filter (on the thread that logged it).
using Sink = std::function<void(const ControlProtocol::LogRecord &)>;
int addSink(Sink sink);
void removeSink(int id);
// The most recent records (for log.subscribe's backlog).
QVector<ControlProtocol::LogRecord> recent(int count);
}
