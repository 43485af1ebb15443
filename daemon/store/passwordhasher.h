// Argon2id password hashing (libargon2) in PHC string form ("$argon2id$v=19$m=..,t=..,p=..$salt$hash"),
// readable by Dovecot. verify() is constant-time (libargon2 compares in constant time).
// These calls are slow on purpose (~90 ms with the defaults): never call them on the event
// loop; AccountStore::authenticate runs them in QtConcurrent. Thread-safe.
#pragma once

#include <QByteArray>
#include <QString>

namespace PasswordHasher {

struct Parameters {
    quint32 timeCost = 2;       // iterations
    quint32 memoryKiB = 19456;  // OWASP minimum for Argon2id; ~90 ms on this 2-core machine
    quint32 parallelism = 1;
};

// Process-wide parameters for new hashes (verification reads them from the PHC string).
// Tests set cheap ones (e.g. {1, 64, 1}).
Parameters parameters();
void setParameters(const Parameters &p);

// An empty string on failure (with *error).
QString hash(const QByteArray &password, QString *error = nullptr);
// True when password matches; false on mismatch or a malformed/unsupported hash.
bool verify(const QString &phc, const QByteArray &password);
// Burns the same time as a verify against a hash with the current parameters;
// used for unknown users so response time does not reveal which addresses exist.
void dummyVerify(const QByteArray &password);

} // namespace PasswordHasher
