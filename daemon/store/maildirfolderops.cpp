// MaildirFolder: flag changes, expunges, UID assignment for new files, keywords and
// journal compaction. Every change happens under the folder lock after catching up.
#include "maildirfolder.h"

#include "atomicfile.h"
#include "maildirlock.h"
#include "maildirnames.h"
#include "parallelsync.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace {
const char KeywordsName[] = "dovecot-keywords";
constexpr qint64 TailWindow = 64 * 1024;
constexpr int CompactMinLines = 2000;

QString sysError() { return QString::fromLocal8Bit(std::strerror(errno)); }
QByteArray enc(const QString &s) { return QFile::encodeName(s); }

class HeldLock
{
public:
    HeldLock(const QString &path, bool *flag) : m_flag(flag)
    {
        if (!*flag) {
            m_lock = std::make_unique<MaildirLock>(path);
            *flag = true;
        }
    }
    ~HeldLock()
    {
        if (m_lock)
            *m_flag = false;
    }

private:
    bool *m_flag;
    std::unique_ptr<MaildirLock> m_lock;
};

// Finds base's current file name in new/ or cur/ (after a concurrent rename).
bool findByBase(const QString &folder, const QString &base, QString *name, bool *inNew)
{
    for (const bool isNew : {false, true}) {
        const QByteArray dir = enc(folder + (isNew ? QLatin1String("/new") : QLatin1String("/cur")));
        DIR *d = ::opendir(dir.constData());
        if (!d)
            continue;
        const QByteArray prefix = enc(base);
        while (struct dirent *e = ::readdir(d)) {
            const size_t len = std::strlen(e->d_name);
            if (len >= size_t(prefix.size()) && std::memcmp(e->d_name, prefix.constData(), size_t(prefix.size())) == 0
                && (len == size_t(prefix.size()) || e->d_name[prefix.size()] == ':')) {
                *name = QFile::decodeName(e->d_name);
                *inNew = isNew;
                ::closedir(d);
                return true;
            }
        }
        ::closedir(d);
    }
    return false;
}
}

QStringList MaildirFolder::keywordsFromMask(quint32 mask) const
{
    QStringList out;
    for (int k = 0; mask && k < m_keywords.size() && k < MaildirNames::MaxKeywords; ++k)
        if (mask & (1u << k))
            out << m_keywords.at(k);
    return out;
}

bool MaildirFolder::readKeywords()
{
    QFile f(m_path + QLatin1Char('/') + QLatin1String(KeywordsName));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    QStringList table;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const int sp = line.indexOf(' ');
        if (sp <= 0)
            continue;
        bool ok = false;
        const int idx = line.left(sp).toInt(&ok);
        if (!ok || idx < 0 || idx >= MaildirNames::MaxKeywords)
            continue;
        while (table.size() <= idx)
            table << QString();
        table[idx] = QString::fromUtf8(line.mid(sp + 1)).trimmed();
    }
    m_keywords = table;
    return true;
}

bool MaildirFolder::saveKeywords(StoreError *error)
{
    QByteArray out;
    for (int i = 0; i < m_keywords.size(); ++i)
        if (!m_keywords.at(i).isEmpty())
            out += QByteArray::number(i) + ' ' + m_keywords.at(i).toUtf8() + '\n';
    QString err;
    if (!AtomicFile::write(m_path + QLatin1Char('/') + QLatin1String(KeywordsName), out, &err, 0600))
        return storeFail(error, StoreErrorCode::Io, err);
    return true;
}

bool MaildirFolder::keywordMask(const QStringList &names, quint32 *mask, StoreError *error)
{
    auto lookup = [this](const QString &name) {
        for (int k = 0; k < m_keywords.size(); ++k)
            if (m_keywords.at(k).compare(name, Qt::CaseInsensitive) == 0)
                return k;
        return -1;
    };
    *mask = 0;
    QStringList missing;
    for (const QString &n : names) {
        const int k = lookup(n);
        if (k >= 0)
            *mask |= 1u << k;
        else
            missing << n;
    }
    if (missing.isEmpty())
        return true;
    HeldLock lock(m_path, &m_locked);
    readKeywords();
    bool added = false;
    for (const QString &n : std::as_const(missing)) {
        int k = lookup(n);
        if (k < 0) {
            if (m_keywords.size() >= MaildirNames::MaxKeywords)
                return storeFail(error, StoreErrorCode::NotPermitted, QStringLiteral("too many keywords in this folder"));
            m_keywords << n;
            k = int(m_keywords.size()) - 1;
            added = true;
        }
        *mask |= 1u << k;
    }
    return !added || saveKeywords(error);
}

bool MaildirFolder::renameWithRetry(int index, const QString &newName, StoreError *error)
{
    for (int attempt = 0; attempt < 2; ++attempt) {
        FileMeta &f = m_files[index];
        const QString target = m_path + QLatin1String("/cur/") + newName;
        if (::rename(enc(filePath(index)).constData(), enc(target).constData()) == 0) {
            f.name = newName;
            f.inNew = false;
            return true;
        }
        if (errno != ENOENT)
            break;
        // Renamed meanwhile by another process (flags, new/ -> cur/): find it and retry.
        if (!findByBase(m_path, MaildirNames::splitFileName(f.name).base, &f.name, &f.inNew))
            return storeFail(error, StoreErrorCode::NotFound, QStringLiteral("the message was removed"));
    }
    return storeFail(error, StoreErrorCode::Io, QStringLiteral("cannot rename a message: %1").arg(sysError()));
}

bool MaildirFolder::storeFlags(const QVector<quint32> &uids, FlagOperation op, quint8 flags,
                               const QStringList &keywords, quint64 unchangedSince, Changes *changes,
                               QVector<quint32> *failed, StoreError *error)
{
    flags &= MessageFlag::All;
    quint32 kwMask = 0;
    if (op == FlagOperation::Remove) {
        for (const QString &n : keywords)
            for (int k = 0; k < m_keywords.size(); ++k)
                if (m_keywords.at(k).compare(n, Qt::CaseInsensitive) == 0)
                    kwMask |= 1u << k;
    } else if (!keywords.isEmpty() && !keywordMask(keywords, &kwMask, error)) {
        return false;
    }
    HeldLock lock(m_path, &m_locked);
    if (!readJournal(error, changes))
        return false;
    QByteArray lines;
    for (quint32 uid : uids) {
        const int i = indexOfUid(uid);
        if (i < 0)
            continue;
        MessageInfo &info = m_infos[i];
        if (unchangedSince > 0 && info.modSeq > unchangedSince) {
            if (failed)
                *failed << uid;
            continue;
        }
        const quint32 oldMask = m_files.at(i).keywordMask;
        quint8 nf = info.flags;
        quint32 nm = oldMask;
        switch (op) {
        case FlagOperation::Replace: nf = flags; nm = kwMask; break;
        case FlagOperation::Add: nf |= flags; nm |= kwMask; break;
        case FlagOperation::Remove: nf &= quint8(~flags); nm &= ~kwMask; break;
        }
        if (nf == info.flags && nm == oldMask)
            continue;
        const QString base = MaildirNames::splitFileName(m_files.at(i).name).base;
        StoreError renameError;
        if (!renameWithRetry(i, base + QLatin1String(":2,") + MaildirNames::flagsToInfo(nf, nm), &renameError)) {
            if (renameError.code == StoreErrorCode::NotFound)
                continue; // expunged by someone else; the next sync reports it
            if (error)
                *error = renameError;
            break;
        }
        info.flags = nf;
        m_files[i].keywordMask = nm;
        info.keywords = keywordsFromMask(nm);
        info.modSeq = ++m_highestModSeq;
        lines += "F " + QByteArray::number(uid) + ' ' + QByteArray::number(info.modSeq) + '\n';
        changes->flagsChanged << uid;
    }
    if (!lines.isEmpty() && !appendJournal(lines, false, error))
        return false;
    return !(error && error->isError());
}

bool MaildirFolder::expunge(const QVector<quint32> &uids, Changes *changes, StoreError *error)
{
    HeldLock lock(m_path, &m_locked);
    if (!readJournal(error, changes))
        return false;
    QByteArray lines;
    for (quint32 uid : uids) {
        const int i = indexOfUid(uid);
        if (i < 0)
            continue;
        if (::unlink(enc(filePath(i)).constData()) != 0 && errno == ENOENT) {
            FileMeta &f = m_files[i];
            if (findByBase(m_path, MaildirNames::splitFileName(f.name).base, &f.name, &f.inNew))
                (void)::unlink(enc(filePath(i)).constData());
        }
        lines += "X " + QByteArray::number(uid) + ' ' + QByteArray::number(++m_highestModSeq) + '\n';
        changes->expunged << uid;
        removeAt(i);
    }
    compactEntries();
    return lines.isEmpty() || appendJournal(lines, false, error);
}

bool MaildirFolder::readTailState(StoreError *error)
{
    // Lock held. The last line carries the highest MODSEQ and the last "A" line the
    // highest UID (both only grow in file order), so a delivery needs only the tail.
    const int fd = ::open(enc(journalPath()).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno != ENOENT || !startNewJournal(error))
            return storeFail(error, StoreErrorCode::Io, QStringLiteral("cannot read the uid list"));
        Changes ignored;
        return readJournal(error, &ignored);
    }
    struct stat st;
    ::fstat(fd, &st);
    const qint64 start = std::max<qint64>(0, qint64(st.st_size) - TailWindow);
    QByteArray data(qint64(st.st_size) - start, Qt::Uninitialized);
    const ssize_t n = ::pread(fd, data.data(), size_t(data.size()), start);
    ::close(fd);
    data.truncate(std::max<ssize_t>(n, 0));
    const int lastNl = data.lastIndexOf('\n');
    if (start == 0 || lastNl < 0) {
        Changes ignored;
        return readJournal(error, &ignored);
    }
    const QList<QByteArray> lines = data.left(lastNl).split('\n');
    bool haveModSeq = false;
    for (int i = int(lines.size()) - 1; i >= 1; --i) { // lines[0] may be partial
        const QList<QByteArray> f = lines.at(i).split(' ');
        if (f.size() < 3)
            continue;
        if (!haveModSeq) {
            m_highestModSeq = f.at(2).toULongLong();
            haveModSeq = true;
        }
        if (f.at(0) == "A") {
            m_uidNext = f.at(1).toUInt() + 1;
            m_journalInode = qint64(st.st_ino);
            m_journalOffset = start + lastNl + 1;
            return true;
        }
    }
    Changes ignored;
    return readJournal(error, &ignored);
}

bool MaildirFolder::addFiles(QVector<NewFile> *files, StoreError *error)
{
    HeldLock lock(m_path, &m_locked);
    Changes ignored;
    if (!(m_journalInode < 0 ? readTailState(error) : readJournal(error, &ignored)))
        return false;
    // Renames in parallel too: on a busy disk each metadata operation waits for the
    // running journal commit, and waiting together is cheaper than one after another.
    std::vector<char> renamed(size_t(files->size()), 0);
    ParallelSync::forEach(int(files->size()), [&](int k) {
        const NewFile &nf = files->at(k);
        const QString target = m_path + QLatin1Char('/') + nf.subdir + QLatin1Char('/') + nf.fileName;
        renamed[size_t(k)] = ::rename(enc(nf.sourcePath).constData(), enc(target).constData()) == 0;
    });
    QByteArray lines;
    bool syncNew = false, syncCur = false;
    for (int k = 0; k < files->size(); ++k) {
        NewFile &nf = (*files)[k];
        nf.uid = 0;
        if (!renamed.at(size_t(k)))
            continue;
        (nf.subdir == QLatin1String("new") ? syncNew : syncCur) = true;
        nf.uid = m_uidNext++;
        lines += "A " + QByteArray::number(nf.uid) + ' ' + QByteArray::number(++m_highestModSeq) + ' '
            + QByteArray::number(nf.internalDate) + ' ' + MaildirNames::splitFileName(nf.fileName).base.toUtf8() + '\n';
    }
    if (lines.isEmpty())
        return storeFail(error, StoreErrorCode::Io, QStringLiteral("cannot move the message into the folder: %1").arg(sysError()));
    if (!appendJournal(lines, false, error))
        return false;
    // The renames and the UIDs become durable together: the directory fsyncs and the
    // journal's fdatasync run at once and share a journal commit.
    QVector<int> fds;
    for (const QString &sub : {syncNew ? QStringLiteral("/new") : QString(), syncCur ? QStringLiteral("/cur") : QString(), QString()}) {
        if (!sub.isEmpty())
            fds << ::open(enc(m_path + sub).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    }
    fds << ::open(enc(journalPath()).constData(), O_WRONLY | O_CLOEXEC);
    fds.removeAll(-1);
    const bool ok = ParallelSync::fsyncAll(fds);
    for (int fd : std::as_const(fds))
        ::close(fd);
    if (!ok)
        return storeFail(error, StoreErrorCode::Io, QStringLiteral("cannot sync the folder: %1").arg(sysError()));
    return true;
}

void MaildirFolder::maybeCompactJournal()
{
    if (m_journalLines < CompactMinLines || m_journalLines < 3 * (m_infos.size() + m_pending.size()))
        return;
    HeldLock lock(m_path, &m_locked);
    Changes changes;
    if (!readJournal(nullptr, &changes) || !changes.isEmpty())
        return; // something moved: try again on a later sync
    QByteArray out = "PRUL1 V" + QByteArray::number(m_uidValidity) + " N" + QByteArray::number(m_uidNext) + " H"
        + QByteArray::number(m_highestModSeq) + '\n';
    for (int i = 0; i < m_infos.size(); ++i) {
        const MessageInfo &m = m_infos.at(i);
        out += "A " + QByteArray::number(m.uid) + ' ' + QByteArray::number(m.modSeq) + ' ' + QByteArray::number(m.internalDate)
            + ' ' + MaildirNames::splitFileName(m_files.at(i).name).base.toUtf8() + '\n';
    }
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it)
        out += "A " + QByteArray::number(it->uid) + ' ' + QByteArray::number(it->modSeq) + ' '
            + QByteArray::number(it->internalDate) + ' ' + it.key().toUtf8() + '\n';
    QString err;
    if (!AtomicFile::write(journalPath(), out, &err, 0600))
        return;
    struct stat st;
    if (::stat(enc(journalPath()).constData(), &st) == 0) {
        m_journalInode = qint64(st.st_ino);
        m_journalOffset = out.size();
        m_journalLines = out.count('\n') - 1;
        m_indexDirty = true;
    }
}
