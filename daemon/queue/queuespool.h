// The spool's files under {mail_root}/queue: msg/<id> (message bytes, written there while
// the message is received), msg/<id>.json (the envelope: a valid one whose size matches
// the data means "committed") and tmp/ (DSNs and envelope rewrites being written).
// Stateless helpers, safe from any thread; every write that must survive a crash is
// fsynced before it is renamed into place. Trusts: mail_root (ours).
#pragma once

#include "queueentry.h"

#include <QString>
#include <QVector>

namespace QueueSpool {

QString tmpDir(const QString &spoolDir);
QString msgDir(const QString &spoolDir);
QString dataPath(const QString &spoolDir, const QString &id);
QString envelopePath(const QString &spoolDir, const QString &id);

// A new unique queue id (time, process-wide counter, randomness): 20 hex digits.
QString newId();

// Creates tmp/ and msg/ (mode 0700) and empties tmp/ (never-committed leftovers).
bool prepare(const QString &spoolDir, QString *error);

// Every committed entry; removes data files without an envelope, envelopes without data,
// and envelopes that do not parse or disagree with the data's size (all are commits that
// never completed, so never acknowledged).
QVector<QueueEntry> recover(const QString &spoolDir, QStringList *problems);

// Replaces the envelope file (tmp, fdatasync, rename, fsync msg/).
bool writeEnvelope(const QString &spoolDir, const QueueEntry &entry, QString *error);

// Puts a complete message we generated (a DSN) into the queue at once, durably.
bool storeMessage(const QString &spoolDir, const QueueEntry &entry, const QByteArray &data, QString *error);

// Removes both files of a message (no fsync: a crash may resurrect it, see docs/queue.md).
void removeMessage(const QString &spoolDir, const QString &id);

bool readEnvelope(const QString &path, QueueEntry *out, QString *error);

}
