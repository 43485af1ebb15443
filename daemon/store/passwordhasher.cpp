#include "passwordhasher.h"

#include <QMutex>
#include <QRandomGenerator>

#include <argon2.h>
#include <vector>

namespace PasswordHasher {

namespace {
constexpr quint32 SaltBytes = 16;
constexpr quint32 HashBytes = 32;
constexpr int MaxPasswordBytes = 4096;

QMutex g_mutex;
Parameters g_params;
QString g_dummyHash;        // a hash with g_params, made lazily
}

Parameters parameters()
{
    QMutexLocker lock(&g_mutex);
    return g_params;
}

void setParameters(const Parameters &p)
{
    QMutexLocker lock(&g_mutex);
    g_params = p;
    g_dummyHash.clear();
}

QString hash(const QByteArray &password, QString *error)
{
    if (password.size() > MaxPasswordBytes) {
        if (error)
            *error = QStringLiteral("password too long");
        return {};
    }
    const Parameters p = parameters();
    quint8 salt[SaltBytes];
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(salt), SaltBytes / 4);
    const size_t len = argon2_encodedlen(p.timeCost, p.memoryKiB, p.parallelism, SaltBytes, HashBytes, Argon2_id);
    std::vector<char> buf(len + 1, 0);
    const int rc = argon2id_hash_encoded(p.timeCost, p.memoryKiB, p.parallelism, password.constData(),
                                         size_t(password.size()), salt, SaltBytes, HashBytes, buf.data(), buf.size());
    if (rc != ARGON2_OK) {
        if (error)
            *error = QStringLiteral("argon2: %1").arg(QString::fromLatin1(argon2_error_message(rc)));
        return {};
    }
    return QString::fromLatin1(buf.data());
}

bool verify(const QString &phc, const QByteArray &password)
{
    if (!phc.startsWith(QLatin1String("$argon2id$")) || password.size() > MaxPasswordBytes)
        return false;
    const QByteArray enc = phc.toLatin1();
    return argon2id_verify(enc.constData(), password.constData(), size_t(password.size())) == ARGON2_OK;
}

void dummyVerify(const QByteArray &password)
{
    QString dummy;
    {
        QMutexLocker lock(&g_mutex);
        dummy = g_dummyHash;
    }
    if (dummy.isEmpty()) {
        QByteArray random(24, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), 6);
        dummy = hash(random.toBase64());
        QMutexLocker lock(&g_mutex);
        g_dummyHash = dummy;
    }
    (void)verify(dummy, password);
}

} // namespace PasswordHasher
