// Queue management for administrators: the control-socket verbs the admin GUI uses and
// `postroomd queue list|show|retry|remove|flush`, which asks the running daemon over the
// control socket and, when no daemon is running, works on the spool files directly.
//   queue.list {} -> {"messages":[{"id","sender","arrived","size","next_attempt",
//                     "recipients":[{"address","state","attempts","last_error"}]}]}
//   queue.show {"id"} -> {"message":{...}}      queue.retry {"id"?} -> {}
//   queue.remove {"id"} -> {}                    queue.flush {} -> {}
// Errors: bad_request (missing id), not_found (unknown id), failed (e.g. in flight).
#pragma once

#include <QStringList>

class Config;
class ControlMethodTable;
class DeliveryQueue;
class QTextStream;

void registerQueueControlMethods(ControlMethodTable &table, DeliveryQueue *queue);

// args start at the verb group: {"queue","list"} or {"queue","show","<id>"} [--json].
// Returns a process exit code (0 ok, 1 failure, 2 usage).
int runQueueCommand(const QStringList &args, const Config &config);
int runQueueCommand(const QStringList &args, const Config &config, QTextStream &out, QTextStream &err);
