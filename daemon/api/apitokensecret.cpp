#include "apitokensecret.h"

#include "apijwt.h"
#include "atomicfile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>

bool ApiTokenSecret::load(const Config &config, QByteArray *secret, QString *error)
{
    if (!config.api.tokenSecret.isEmpty()) {
        QByteArray key = config.api.tokenSecret.toUtf8();
        // A short configured secret is stretched by hashing, never used as a weak key
        // silently; the config schema is where a minimum length is enforced.
        if (key.size() < ApiJwt::MinSecretBytes)
            key = QCryptographicHash::hash(key, QCryptographicHash::Sha256);
        *secret = key;
        return true;
    }
    const QString path = QDir(config.mailRoot).filePath(QLatin1String(FileName));
    QFile file(path);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("exchange_api.token_secret: cannot read %1: %2").arg(path, file.errorString());
            return false;
        }
        const QByteArray hex = file.read(1024).trimmed();
        const QByteArray key = QByteArray::fromHex(hex);
        if (key.size() >= ApiJwt::MinSecretBytes && key.toHex() == hex.toLower()) {
            const auto wanted = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
            if (file.permissions() & ~(wanted | QFileDevice::ReadUser | QFileDevice::WriteUser))
                file.setPermissions(wanted);
            *secret = key;
            return true;
        }
        // Unusable content: replace it (tokens signed with it could not be verified anyway).
    }
    quint32 words[8];
    QRandomGenerator::system()->fillRange(words);
    const QByteArray key(reinterpret_cast<const char *>(words), sizeof words);
    QDir().mkpath(config.mailRoot);
    QString writeError;
    if (!AtomicFile::write(path, key.toHex() + '\n', &writeError, 0600)) {
        *error = QStringLiteral("exchange_api.token_secret: cannot store a generated secret in %1: %2")
                     .arg(path, writeError);
        return false;
    }
    *secret = key;
    return true;
}
