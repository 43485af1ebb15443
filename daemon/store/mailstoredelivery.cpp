// MailStore: delivery (tmp/ -> fsync -> rename under the folder lock), COPY/MOVE between
// folders, and quota accounting. Delivery may run on any thread.
#include "mailstore.h"

#include "accountstore.h"
#include "maildirfolder.h"
#include "maildirnames.h"
#include "mailaddress.h"
#include "parallelsync.h"

#include <QDateTime>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace {
constexpr qint64 CopyChunk = 256 * 1024;

QByteArray enc(const QString &s) { return QFile::encodeName(s); }
QString sysError() { return QString::fromLocal8Bit(std::strerror(errno)); }

bool writeAll(int fd, const char *p, qint64 n)
{
    while (n > 0) {
        const ssize_t w = ::write(fd, p, size_t(n));
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        p += w;
        n -= w;
    }
    return true;
}

// Bare LFs in p[0..n) (an LF not after a CR; *prev is the byte before p, updated).
qint64 bareLfs(const char *p, qint64 n, char *prev)
{
    qint64 count = 0;
    for (qint64 i = 0; i < n; ++i) {
        count += p[i] == '\n' && *prev != '\r';
        *prev = p[i];
    }
    return count;
}

// Writes the message into tmp/ and fsyncs it. Returns the size, or -1 (nothing left behind).
// *crlfSize: the size once every bare LF is served as CRLF (what IMAP reports).
qint64 writeTmp(const QString &tmpPath, const DeliveryRequest &r, QString *error, qint64 *crlfSize = nullptr)
{
    const int fd = ::open(enc(tmpPath).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        *error = QStringLiteral("cannot create %1: %2").arg(tmpPath, sysError());
        return -1;
    }
    qint64 size = 0, lfs = 0;
    char prev = 0;
    bool ok = true;
    if (!r.sourcePath.isEmpty()) {
        QFile in(r.sourcePath);
        ok = in.open(QIODevice::ReadOnly);
        QByteArray buf;
        while (ok && !(buf = in.read(CopyChunk)).isEmpty()) {
            ok = writeAll(fd, buf.constData(), buf.size());
            size += buf.size();
            lfs += bareLfs(buf.constData(), buf.size(), &prev);
        }
        ok = ok && in.error() == QFileDevice::NoError;
    } else {
        ok = writeAll(fd, r.data.constData(), r.data.size());
        size = r.data.size();
        lfs = bareLfs(r.data.constData(), r.data.size(), &prev);
    }
    if (crlfSize)
        *crlfSize = size + lfs;
    const qint64 date = r.internalDate > 0 ? r.internalDate : QDateTime::currentSecsSinceEpoch();
    const struct timespec times[2] = {{date, 0}, {date, 0}};
    ::futimens(fd, times); // INTERNALDATE as mtime, as Dovecot and mutt read it
    ok = ok && ::fsync(fd) == 0;
    ok = ::close(fd) == 0 && ok;
    if (!ok) {
        *error = QStringLiteral("cannot write %1: %2").arg(tmpPath, sysError());
        ::unlink(enc(tmpPath).constData());
        return -1;
    }
    return size;
}

qint64 fileSize(const QString &path)
{
    struct stat st;
    return ::stat(enc(path).constData(), &st) == 0 ? qint64(st.st_size) : -1;
}
}

std::optional<QString> MailStore::folderDirName(const QString &name, QString *problem)
{
    return MaildirNames::folderToDir(name, problem);
}

std::optional<quint32> MailStore::deliver(const DeliveryRequest &request, StoreError *error)
{
    const QVector<DeliveryResult> r = deliverBatch({request});
    if (!r.at(0).ok()) {
        if (error)
            *error = r.at(0).error;
        return std::nullopt;
    }
    return r.at(0).uid;
}

QVector<MailStore::DeliveryResult> MailStore::deliverBatch(const QVector<DeliveryRequest> &requests)
{
    QVector<DeliveryResult> results(requests.size());
    // Group by folder: one lock, one directory fsync and one journal fdatasync per group.
    QMap<QPair<QString, QString>, QVector<int>> groups;
    QHash<int, qint64> sizes;
    QHash<int, QString> tmpPaths;
    QHash<int, QString> crlfNames;
    struct Pending { int index; QString address, path, tmp; qint64 size; };
    QVector<Pending> pending;
    for (int i = 0; i < requests.size(); ++i) {
        const DeliveryRequest &r = requests.at(i);
        const QString address = accountAddress(r.address, &results[i].error);
        if (address.isEmpty())
            continue;
        const QString path = folderPath(address, r.folder, true, &results[i].error);
        if (path.isEmpty())
            continue;
        const qint64 size = r.sourcePath.isEmpty() ? r.data.size() : fileSize(r.sourcePath);
        if (size < 0) {
            storeFail(&results[i].error, StoreErrorCode::Io, QStringLiteral("cannot read %1").arg(r.sourcePath));
            continue;
        }
        if (!reserveQuota(address, size, &results[i].error))
            continue;
        pending.append({i, address, path, path + QLatin1String("/tmp/") + MaildirNames::newBaseName(size), size});
    }
    // Write and fsync every file of the batch at once (ParallelSync: shared journal
    // commits); each is complete on disk before any is renamed into the folder.
    std::vector<QString> writeErrors(size_t(pending.size()));
    std::vector<qint64> crlfSizes(size_t(pending.size()), 0);
    ParallelSync::forEach(int(pending.size()), [&](int k) {
        const Pending &p = pending.at(k);
        const qint64 written = writeTmp(p.tmp, requests.at(p.index), &writeErrors[size_t(k)], &crlfSizes[size_t(k)]);
        if (written >= 0 && written != p.size) {
            ::unlink(enc(p.tmp).constData());
            writeErrors[size_t(k)] = QStringLiteral("the source changed while copying");
        }
    });
    for (int k = 0; k < pending.size(); ++k) {
        const Pending &p = pending.at(k);
        if (writeErrors.at(size_t(k)).isEmpty()) {
            sizes.insert(p.index, p.size);
            if (crlfSizes.at(size_t(k)) != p.size) // bare LFs (an APPEND may carry them): Dovecot's W=
                crlfNames.insert(p.index, QLatin1String(",W=") + QString::number(crlfSizes.at(size_t(k))));
            tmpPaths.insert(p.index, p.tmp);
            groups[{p.address, p.path}] << p.index;
        } else {
            adjustUsage(p.address, -p.size);
            storeFail(&results[p.index].error, StoreErrorCode::Io, writeErrors.at(size_t(k)));
        }
    }
    for (auto g = groups.cbegin(); g != groups.cend(); ++g) {
        MaildirFolder folder(g.key().second);
        QVector<MaildirFolder::NewFile> files;
        for (int i : g.value()) {
            const DeliveryRequest &r = requests.at(i);
            MaildirFolder::NewFile nf;
            nf.sourcePath = tmpPaths.value(i);
            const QString base = nf.sourcePath.mid(nf.sourcePath.lastIndexOf(QLatin1Char('/')) + 1) + crlfNames.value(i);
            quint32 mask = 0;
            if (!r.keywords.isEmpty() && !folder.keywordMask(r.keywords, &mask, &results[i].error))
                mask = 0; // table full: deliver without the keywords rather than not at all
            results[i].error = {};
            const quint8 flags = r.flags & MessageFlag::All;
            nf.subdir = (flags || mask) ? QStringLiteral("cur") : QStringLiteral("new");
            nf.fileName = (flags || mask) ? base + QLatin1String(":2,") + MaildirNames::flagsToInfo(flags, mask) : base;
            nf.internalDate = r.internalDate > 0 ? r.internalDate : QDateTime::currentSecsSinceEpoch();
            nf.size = sizes.value(i);
            files << nf;
        }
        StoreError groupError;
        folder.addFiles(&files, &groupError);
        bool any = false;
        for (int k = 0; k < files.size(); ++k) {
            const int i = g.value().at(k);
            if (files.at(k).uid) {
                results[i].uid = files.at(k).uid;
                any = true;
            } else {
                ::unlink(enc(files.at(k).sourcePath).constData());
                adjustUsage(g.key().first, -files.at(k).size);
                results[i].error = groupError.isError() ? groupError
                                                        : StoreError{StoreErrorCode::Io, QStringLiteral("cannot deliver into the folder")};
            }
        }
        if (any)
            notifyFolder(g.key().first, requests.at(g.value().first()).folder);
    }
    return results;
}

std::optional<QVector<quint32>> MailStore::transfer(Mailbox *source, const QVector<quint32> &uids, const QString &target,
                                                    bool move, QVector<quint32> *sourceUids, StoreError *error)
{
    if (!source->isValid()) {
        storeFail(error, StoreErrorCode::NotFound, QStringLiteral("the folder was removed"));
        return std::nullopt;
    }
    const QString address = source->owner();
    const QString targetPath = folderPath(address, target, true, error);
    if (targetPath.isEmpty())
        return std::nullopt;
    // MOVE into the same folder renumbers: copy (links under new names), then expunge.
    const bool sameFolder = MaildirNames::canonicalFolderName(target) == source->name();
    const bool rename = move && !sameFolder;
    MaildirFolder folder(targetPath);
    QVector<MaildirFolder::NewFile> files;
    QVector<quint32> from;
    qint64 total = 0;
    for (quint32 uid : uids) {
        const MessageInfo *m = source->message(uid);
        if (!m)
            continue;
        total += m->size;
    }
    if (!move && !reserveQuota(address, total, error))
        return std::nullopt;
    for (quint32 uid : uids) {
        const MessageInfo *m = source->message(uid);
        if (!m)
            continue;
        quint32 mask = 0;
        if (!m->keywords.isEmpty() && !folder.keywordMask(m->keywords, &mask, nullptr))
            mask = 0;
        const QString info = QLatin1String(":2,") + MaildirNames::flagsToInfo(m->flags, mask);
        const QString srcPath = source->messagePath(uid);
        MaildirFolder::NewFile nf;
        nf.subdir = QStringLiteral("cur");
        nf.internalDate = m->internalDate;
        nf.size = m->size;
        if (rename) {
            // Same file system: a rename keeps the unique name and moves atomically.
            nf.sourcePath = srcPath;
            nf.fileName = MaildirNames::splitFileName(srcPath.mid(srcPath.lastIndexOf(QLatin1Char('/')) + 1)).base + info;
        } else {
            // Maildir files never change: a hard link is a complete copy for free.
            const QString base = MaildirNames::newBaseName(m->size);
            nf.sourcePath = targetPath + QLatin1String("/tmp/") + base;
            nf.fileName = base + info;
            if (::link(enc(srcPath).constData(), enc(nf.sourcePath).constData()) != 0) {
                DeliveryRequest r;
                r.sourcePath = srcPath;
                r.internalDate = m->internalDate;
                QString err;
                if (writeTmp(nf.sourcePath, r, &err) < 0)
                    continue;
            }
        }
        files << nf;
        from << uid;
    }
    QVector<quint32> newUids, moved;
    if (!files.isEmpty()) {
        StoreError err;
        folder.addFiles(&files, &err);
        for (int k = 0; k < files.size(); ++k) {
            if (files.at(k).uid) {
                newUids << files.at(k).uid;
                moved << from.at(k);
            } else if (!rename) {
                ::unlink(enc(files.at(k).sourcePath).constData());
            }
        }
        if (newUids.isEmpty() && err.isError()) {
            if (!move)
                adjustUsage(address, -total);
            if (error)
                *error = err;
            return std::nullopt;
        }
    }
    if (move && !moved.isEmpty())
        source->expunge(moved, nullptr); // the files are gone already: this logs the expunge
    if (!move)
        adjustUsageUnknown(address); // some copies may have failed: recount later
    if (sourceUids)
        *sourceUids = moved;
    if (!newUids.isEmpty())
        notifyFolder(address, target);
    return newUids;
}

qint64 MailStore::computeUsage(const QString &address) const
{
    const QString root = maildirPath(address);
    qint64 total = 0;
    QStringList dirs{root};
    if (DIR *d = ::opendir(enc(root).constData())) {
        while (struct dirent *e = ::readdir(d))
            if (e->d_name[0] == '.' && MaildirNames::dirToFolder(QFile::decodeName(e->d_name)))
                dirs << root + QLatin1Char('/') + QFile::decodeName(e->d_name);
        ::closedir(d);
    }
    for (const QString &folder : std::as_const(dirs)) {
        for (const char *sub : {"/cur", "/new"}) {
            const QString dir = folder + QLatin1String(sub);
            DIR *d = ::opendir(enc(dir).constData());
            if (!d)
                continue;
            while (struct dirent *e = ::readdir(d)) {
                if (e->d_name[0] == '.')
                    continue;
                const QString name = QFile::decodeName(e->d_name);
                qint64 s = MaildirNames::sizeFromBase(MaildirNames::splitFileName(name).base);
                if (s < 0)
                    s = std::max<qint64>(0, fileSize(dir + QLatin1Char('/') + name));
                total += s;
            }
            ::closedir(d);
        }
    }
    return total;
}

qint64 MailStore::usedBytes(const QString &rawAddress)
{
    const QString address = MailAddress::parse(rawAddress).normalized();
    QMutexLocker lock(&m_usageMutex);
    Usage &u = m_usage[address];
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (u.computedAtMs == 0 || now - u.computedAtMs > UsageCacheMs) {
        u.bytes = computeUsage(address);
        u.computedAtMs = now;
    }
    return u.bytes;
}

std::optional<qint64> MailStore::quotaBytes(const QString &address)
{
    const auto user = m_accounts ? m_accounts->user(address) : std::nullopt;
    return user ? user->quotaBytes : std::nullopt;
}

bool MailStore::reserveQuota(const QString &address, qint64 bytes, StoreError *error)
{
    const auto quota = quotaBytes(address);
    const qint64 used = usedBytes(address); // refreshes the cache when old
    QMutexLocker lock(&m_usageMutex);
    Usage &u = m_usage[address];
    if (quota && std::max(used, u.bytes) + bytes > *quota)
        return storeFail(error, StoreErrorCode::OverQuota, QStringLiteral("mailbox full: quota of %1 bytes exceeded").arg(*quota));
    u.bytes += bytes;
    return true;
}

void MailStore::adjustUsage(const QString &address, qint64 delta)
{
    QMutexLocker lock(&m_usageMutex);
    auto it = m_usage.find(address);
    if (it != m_usage.end())
        it->bytes = std::max<qint64>(0, it->bytes + delta);
}

void MailStore::adjustUsageUnknown(const QString &address)
{
    QMutexLocker lock(&m_usageMutex);
    m_usage.remove(MailAddress::parse(address).normalized());
}
