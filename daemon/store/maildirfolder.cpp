#include "maildirfolder.h"

#include "atomicfile.h"
#include "maildirlock.h"
#include "maildirnames.h"

#include <QDateTime>
#include <QFile>

#include <algorithm>
#include <memory>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {
const char JournalName[] = "postroom-uidlist";

QString sysError() { return QString::fromLocal8Bit(std::strerror(errno)); }
QByteArray enc(const QString &s) { return QFile::encodeName(s); }

// A UIDVALIDITY no folder of this user had before, also not one deleted and created again
// within the same second (clients cache by name + UIDVALIDITY + UID). The last one given
// out is kept in postroom-uidvalidity in the Maildir root, under flock.
quint32 nextUidValidity(const QString &folderPath, quint32 atLeast)
{
    const bool subfolder = QFile::exists(folderPath + QLatin1String("/maildirfolder"));
    const QString root = subfolder ? folderPath.section(QLatin1Char('/'), 0, -2) : folderPath;
    quint32 validity = std::max(atLeast, quint32(QDateTime::currentSecsSinceEpoch()));
    const int fd = ::open(enc(root + QLatin1String("/postroom-uidvalidity")).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return validity; // the time alone, as before
    while (::flock(fd, LOCK_EX) != 0 && errno == EINTR) {
    }
    char buffer[32] = {};
    const ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
    bool ok = false;
    const quint32 last = n > 0 ? QByteArray(buffer, int(n)).trimmed().toUInt(&ok) : 0;
    if (ok && last >= validity)
        validity = last + 1;
    const QByteArray text = QByteArray::number(validity) + '\n';
    if (::pwrite(fd, text.constData(), size_t(text.size()), 0) == ssize_t(text.size()))
        (void)::ftruncate(fd, text.size());
    ::close(fd); // releases the lock
    return validity;
}
}

MaildirFolder::MaildirFolder(const QString &path) : m_path(path) {}

MaildirFolder::~MaildirFolder()
{
    saveIndex();
    if (m_cacheReadFd >= 0)
        ::close(m_cacheReadFd);
}

bool MaildirFolder::create(const QString &path, bool subfolder, StoreError *error)
{
    for (const char *sub : {"", "/cur", "/new", "/tmp"}) {
        const QByteArray p = enc(path + QLatin1String(sub));
        if (::mkdir(p.constData(), 0700) != 0 && errno != EEXIST)
            return storeFail(error, StoreErrorCode::Io, QStringLiteral("cannot create %1: %2").arg(path, sysError()));
    }
    if (subfolder) {
        const int fd = ::open(enc(path + QLatin1String("/maildirfolder")).constData(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
        if (fd >= 0)
            ::close(fd);
    }
    return true;
}

bool MaildirFolder::exists(const QString &path)
{
    struct stat st;
    return ::stat(enc(path + QLatin1String("/cur")).constData(), &st) == 0 && S_ISDIR(st.st_mode);
}

QString MaildirFolder::journalPath() const { return m_path + QLatin1Char('/') + QLatin1String(JournalName); }

int MaildirFolder::indexOfUid(quint32 uid) const
{
    auto it = std::lower_bound(m_infos.cbegin(), m_infos.cend(), uid,
                               [](const MessageInfo &m, quint32 u) { return m.uid < u; });
    if (it == m_infos.cend() || it->uid != uid)
        return -1;
    const int index = int(it - m_infos.cbegin());
    return m_files.at(index).dead ? -1 : index;
}

QString MaildirFolder::filePath(int index) const
{
    const FileMeta &f = m_files.at(index);
    return m_path + (f.inNew ? QLatin1String("/new/") : QLatin1String("/cur/")) + f.name;
}

namespace {
// Maildir convention: files left in tmp/ by a writer that died are removed after 36 hours.
void cleanTmp(const QString &folder)
{
    constexpr qint64 MaxTmpAgeSeconds = 36 * 3600;
    const QByteArray dir = enc(folder + QLatin1String("/tmp"));
    DIR *d = ::opendir(dir.constData());
    if (!d)
        return;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    while (struct dirent *e = ::readdir(d)) {
        struct stat st;
        if (e->d_name[0] != '.' && ::fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode)
            && now - st.st_mtim.tv_sec > MaxTmpAgeSeconds && now - st.st_ctim.tv_sec > MaxTmpAgeSeconds)
            ::unlinkat(dirfd(d), e->d_name, 0);
    }
    ::closedir(d);
}
}

bool MaildirFolder::open(StoreError *error)
{
    if (!exists(m_path))
        return storeFail(error, StoreErrorCode::NotFound, QStringLiteral("no such folder"));
    cleanTmp(m_path);
    readKeywords();
    m_opened = true;
    if (!loadIndex()) {
        m_infos.clear();
        m_files.clear();
        m_journalInode = -1;
        m_journalOffset = 0;
        m_newMtime = m_curMtime = -1;
    }
    Changes ignored;
    return sync(&ignored, error);
}

void MaildirFolder::insertSorted(const MessageInfo &info, const FileMeta &meta)
{
    auto it = std::lower_bound(m_infos.begin(), m_infos.end(), info.uid,
                               [](const MessageInfo &m, quint32 u) { return m.uid < u; });
    const int pos = int(it - m_infos.begin());
    m_infos.insert(pos, info);
    m_files.insert(pos, meta);
}

void MaildirFolder::removeAt(int index)
{
    m_files[index].dead = true; // dropped by compactEntries(), so batches stay O(n)
    m_needsCompact = true;
}

void MaildirFolder::compactEntries()
{
    if (!m_needsCompact)
        return;
    int out = 0;
    for (int i = 0; i < m_infos.size(); ++i) {
        if (m_files.at(i).dead)
            continue;
        if (out != i) {
            m_infos[out] = std::move(m_infos[i]);
            m_files[out] = std::move(m_files[i]);
        }
        ++out;
    }
    m_infos.resize(out);
    m_files.resize(out);
    m_needsCompact = false;
}

// ---- journal -------------------------------------------------------------------------

bool MaildirFolder::startNewJournal(StoreError *error)
{
    // Lock held. A new journal means new UIDs, so UIDVALIDITY must change (and grow).
    const quint32 validity = nextUidValidity(m_path, m_uidValidity + 1);
    const QByteArray header = QByteArray("PRUL1 V") + QByteArray::number(validity) + " N1 H0\n";
    QString err;
    if (!AtomicFile::write(journalPath(), header, &err, 0600))
        return storeFail(error, StoreErrorCode::Io, err);
    return true;
}

bool MaildirFolder::readJournal(StoreError *error, Changes *changes)
{
    const int fd = ::open(enc(journalPath()).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno != ENOENT)
            return storeFail(error, StoreErrorCode::Io, QStringLiteral("cannot read the uid list: %1").arg(sysError()));
        std::unique_ptr<MaildirLock> lock;
        if (!m_locked)
            lock = std::make_unique<MaildirLock>(m_path);
        struct stat st;
        if (::stat(enc(journalPath()).constData(), &st) != 0 && !startNewJournal(error))
            return false;
        return readJournal(error, changes);
    }
    struct stat st;
    ::fstat(fd, &st);
    const bool full = qint64(st.st_ino) != m_journalInode || qint64(st.st_size) < m_journalOffset;
    if (!full && qint64(st.st_size) == m_journalOffset) {
        ::close(fd);
        return true;
    }
    const qint64 from = full ? 0 : m_journalOffset;
    QByteArray data(qint64(st.st_size) - from, Qt::Uninitialized);
    qint64 got = 0;
    while (got < data.size()) {
        const ssize_t n = ::pread(fd, data.data() + got, size_t(data.size() - got), from + got);
        if (n <= 0)
            break;
        got += n;
    }
    ::close(fd);
    data.truncate(got);
    const int lastNl = data.lastIndexOf('\n');
    if (lastNl < 0 && full)
        return storeFail(error, StoreErrorCode::Io, QStringLiteral("the uid list is empty"));
    QSet<quint32> seen;
    int pos = 0;
    bool first = full;
    while (pos <= lastNl) {
        const int nl = data.indexOf('\n', pos);
        const QByteArray line = data.mid(pos, nl - pos);
        pos = nl + 1;
        if (first) {
            first = false;
            const QList<QByteArray> f = line.split(' ');
            if (f.size() < 2 || f.at(0) != "PRUL1" || !f.at(1).startsWith('V')) {
                // Unreadable: start over with a new UIDVALIDITY (all UIDs change).
                std::unique_ptr<MaildirLock> lock;
                if (!m_locked)
                    lock = std::make_unique<MaildirLock>(m_path);
                if (!startNewJournal(error))
                    return false;
                m_journalInode = -1;
                return readJournal(error, changes);
            }
            const quint32 validity = f.at(1).mid(1).toUInt();
            if (validity != m_uidValidity) {
                for (const MessageInfo &m : std::as_const(m_infos))
                    changes->expunged << m.uid;
                m_infos.clear();
                m_files.clear();
                m_pending.clear();
                m_uidValidity = validity;
                m_uidNext = 1;
                m_highestModSeq = 0;
                m_newMtime = m_curMtime = -1; // rescan: every file needs its (new) UID
            }
            for (const QByteArray &field : f) {
                if (field.startsWith('N'))
                    m_uidNext = std::max(m_uidNext, field.mid(1).toUInt());
                else if (field.startsWith('H'))
                    m_highestModSeq = std::max(m_highestModSeq, field.mid(1).toULongLong());
            }
            m_journalLines = 0;
            continue;
        }
        applyJournalLine(line, changes, full ? &seen : nullptr);
        ++m_journalLines;
    }
    if (full) {
        // Compaction dropped "X" lines: whatever the journal no longer names is gone.
        m_pending.removeIf([&](QHash<QString, Pending>::iterator it) { return !seen.contains(it.value().uid); });
        for (int i = 0; i < m_infos.size(); ++i)
            if (!m_files.at(i).dead && !seen.contains(m_infos.at(i).uid)) {
                changes->expunged << m_infos.at(i).uid;
                removeAt(i);
            }
    }
    compactEntries();
    m_journalInode = qint64(st.st_ino);
    m_journalOffset = from + lastNl + 1;
    m_indexDirty = true;
    return true;
}

void MaildirFolder::applyJournalLine(const QByteArray &line, Changes *changes, QSet<quint32> *seen)
{
    const QList<QByteArray> f = line.split(' ');
    if (f.size() < 3)
        return;
    bool ok1 = false, ok2 = false;
    const quint32 uid = f.at(1).toUInt(&ok1);
    const quint64 modSeq = f.at(2).toULongLong(&ok2);
    if (!ok1 || !ok2 || uid == 0)
        return;
    m_highestModSeq = std::max(m_highestModSeq, modSeq);
    const int index = indexOfUid(uid);
    if (f.at(0) == "A" && f.size() >= 5) {
        m_uidNext = std::max(m_uidNext, uid + 1);
        if (seen)
            seen->insert(uid);
        if (index >= 0) {
            m_infos[index].modSeq = std::max(m_infos[index].modSeq, modSeq);
            return;
        }
        const int baseStart = f.at(0).size() + f.at(1).size() + f.at(2).size() + f.at(3).size() + 4;
        const QString base = QString::fromUtf8(line.mid(baseStart));
        // Its file was renamed in before this line was written: that directory's mtime changed.
        m_pending.insert(base, Pending{uid, modSeq, f.at(3).toLongLong()});
    } else if (f.at(0) == "F") {
        if (seen)
            seen->insert(uid);
        if (index >= 0 && m_infos[index].modSeq < modSeq) {
            m_infos[index].modSeq = modSeq;
            m_flagsStale = true; // the rename changed cur/'s mtime: the scan picks it up
        }
    } else if (f.at(0) == "X") {
        if (seen)
            seen->remove(uid);
        if (index >= 0) {
            changes->expunged << uid;
            removeAt(index);
        }
        m_pending.removeIf([uid](QHash<QString, Pending>::iterator it) { return it.value().uid == uid; });
    }
}

bool MaildirFolder::appendJournal(const QByteArray &lines, bool durable, StoreError *error)
{
    // Lock held and caught up: the file ends at m_journalOffset (minus a torn tail, cut here).
    const int fd = ::open(enc(journalPath()).constData(), O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return storeFail(error, StoreErrorCode::Io, QStringLiteral("cannot write the uid list: %1").arg(sysError()));
    struct stat st;
    ::fstat(fd, &st);
    if (qint64(st.st_size) != m_journalOffset)
        (void)::ftruncate(fd, m_journalOffset);
    qint64 done = 0;
    while (done < lines.size()) {
        const ssize_t n = ::pwrite(fd, lines.constData() + done, size_t(lines.size() - done), m_journalOffset + done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            (void)::ftruncate(fd, m_journalOffset);
            ::close(fd);
            return storeFail(error, StoreErrorCode::Io, QStringLiteral("cannot write the uid list: %1").arg(sysError()));
        }
        done += n;
    }
    if (durable)
        ::fdatasync(fd);
    ::close(fd);
    m_journalOffset += lines.size();
    m_journalLines += lines.count('\n');
    m_indexDirty = true;
    return true;
}
