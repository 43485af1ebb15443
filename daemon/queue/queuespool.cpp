#include "queuespool.h"

#include "atomicfile.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSet>
#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace QueueSpool {

static const QString EnvelopeSuffix = QStringLiteral(".json");

QString tmpDir(const QString &spoolDir) { return spoolDir + QStringLiteral("/tmp"); }
QString msgDir(const QString &spoolDir) { return spoolDir + QStringLiteral("/msg"); }
QString dataPath(const QString &spoolDir, const QString &id) { return msgDir(spoolDir) + QLatin1Char('/') + id; }
QString envelopePath(const QString &spoolDir, const QString &id) { return dataPath(spoolDir, id) + EnvelopeSuffix; }

QString newId()
{
    static std::atomic<quint32> counter{QRandomGenerator::global()->generate()};
    const quint64 secs = quint64(QDateTime::currentSecsSinceEpoch());
    const quint32 n = counter.fetch_add(1);
    const quint32 r = QRandomGenerator::global()->bounded(0x10000u);
    return QStringLiteral("%1%2%3")
        .arg(secs & 0xffffffffu, 8, 16, QLatin1Char('0'))
        .arg(n, 8, 16, QLatin1Char('0'))
        .arg(r, 4, 16, QLatin1Char('0'))
        .toUpper();
}

static QString errnoText() { return QString::fromLocal8Bit(std::strerror(errno)); }

bool prepare(const QString &spoolDir, QString *error)
{
    for (const QString &dir : {spoolDir, tmpDir(spoolDir), msgDir(spoolDir)}) {
        if (!QDir().mkpath(dir)) {
            *error = QStringLiteral("cannot create %1").arg(dir);
            return false;
        }
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    QDir tmp(tmpDir(spoolDir));
    const QStringList leftovers = tmp.entryList(QDir::Files | QDir::Hidden);
    for (const QString &name : leftovers)
        tmp.remove(name);
    return true;
}

bool readEnvelope(const QString &path, QueueEntry *out, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.errorString();
        return false;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (!doc.isObject()) {
        *error = pe.errorString();
        return false;
    }
    return QueueEntry::fromJson(doc.object(), out, error);
}

QVector<QueueEntry> recover(const QString &spoolDir, QStringList *problems)
{
    QVector<QueueEntry> result;
    QDir dir(msgDir(spoolDir));
    const QStringList names = dir.entryList(QDir::Files | QDir::Hidden);
    QSet<QString> envelopes, datas;
    for (const QString &name : names) {
        if (name.endsWith(EnvelopeSuffix))
            envelopes.insert(name.chopped(EnvelopeSuffix.size()));
        else if (name.contains(QStringLiteral(".tmp-")))
            dir.remove(name); // an envelope rewrite that never completed
        else
            datas.insert(name);
    }
    for (const QString &id : std::as_const(envelopes)) {
        QueueEntry e;
        QString error;
        if (!datas.contains(id)) {
            problems->append(QStringLiteral("%1: message file missing, envelope dropped").arg(id));
            dir.remove(id + EnvelopeSuffix);
            continue;
        }
        const qint64 actual = QFileInfo(dataPath(spoolDir, id)).size();
        // A commit writes the envelope in place and syncs it with the data before the 250;
        // envelope rewrites are atomic. So an envelope that does not parse, or whose size
        // disagrees with the data, is a commit the crash interrupted: never acknowledged.
        if (!readEnvelope(envelopePath(spoolDir, id), &e, &error) || e.id != id || e.size != actual) {
            problems->append(QStringLiteral("%1: incomplete commit (%2), removed (never acknowledged)")
                                 .arg(id, error.isEmpty() ? QStringLiteral("size mismatch") : error));
            removeMessage(spoolDir, id);
            datas.remove(id);
            continue;
        }
        result.append(e);
        datas.remove(id);
    }
    for (const QString &id : std::as_const(datas)) {
        problems->append(QStringLiteral("%1: message without envelope (never acknowledged), removed").arg(id));
        dir.remove(id);
    }
    return result;
}

bool writeEnvelope(const QString &spoolDir, const QueueEntry &entry, QString *error)
{
    return AtomicFile::write(envelopePath(spoolDir, entry.id),
                             QJsonDocument(entry.toJson()).toJson(QJsonDocument::Compact), error, 0600);
}

static bool writeFileSynced(const QString &path, const QByteArray &data, QString *error)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        *error = QStringLiteral("cannot create %1: %2").arg(path, errnoText());
        return false;
    }
    const char *p = data.constData();
    qint64 left = data.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, size_t(left));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            *error = QStringLiteral("cannot write %1: %2").arg(path, errnoText());
            ::close(fd);
            return false;
        }
        p += n;
        left -= n;
    }
    const bool ok = ::fdatasync(fd) == 0;
    if (!ok)
        *error = QStringLiteral("cannot sync %1: %2").arg(path, errnoText());
    ::close(fd);
    return ok;
}

bool storeMessage(const QString &spoolDir, const QueueEntry &entry, const QByteArray &data, QString *error)
{
    const QString tmpData = tmpDir(spoolDir) + QLatin1Char('/') + entry.id;
    const QString tmpEnv = tmpData + EnvelopeSuffix;
    QueueEntry e = entry;
    e.size = data.size();
    if (!writeFileSynced(tmpData, data, error)
        || !writeFileSynced(tmpEnv, QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact), error)) {
        QFile::remove(tmpData);
        QFile::remove(tmpEnv);
        return false;
    }
    if (::rename(QFile::encodeName(tmpData).constData(), QFile::encodeName(dataPath(spoolDir, e.id)).constData()) != 0
        || ::rename(QFile::encodeName(tmpEnv).constData(), QFile::encodeName(envelopePath(spoolDir, e.id)).constData()) != 0) {
        *error = QStringLiteral("cannot move %1 into the queue: %2").arg(e.id, errnoText());
        QFile::remove(tmpData);
        QFile::remove(tmpEnv);
        removeMessage(spoolDir, e.id);
        return false;
    }
    if (!AtomicFile::fsyncDirectory(msgDir(spoolDir))) {
        *error = QStringLiteral("cannot sync the queue directory: %1").arg(errnoText());
        return false;
    }
    return true;
}

void removeMessage(const QString &spoolDir, const QString &id)
{
    // Envelope first: a data file without envelope is cleaned up at the next start.
    ::unlink(QFile::encodeName(envelopePath(spoolDir, id)).constData());
    ::unlink(QFile::encodeName(dataPath(spoolDir, id)).constData());
}

}
