// MaildirFolder: directory scans, flag changes, expunges and UID assignment.
#include "maildirfolder.h"

#include "atomicfile.h"
#include "maildirlock.h"
#include "maildirnames.h"

#include <QDateTime>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {
constexpr qint64 TrustAfterNs = 2000000000LL; // dir mtimes this old are safe to compare (coarse clocks)
QByteArray enc(const QString &s) { return QFile::encodeName(s); }
qint64 mtimeNs(const struct stat &st) { return qint64(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec; }
qint64 nowNs() { return QDateTime::currentMSecsSinceEpoch() * 1000000LL; }

struct DirEntry {
    QString name;
    bool inNew;
};

// Lists one of cur/new; returns the dir's mtime (before listing) or -1 on error.
qint64 listDir(const QString &dir, bool isNew, QHash<QString, DirEntry> *out)
{
    const QByteArray path = enc(dir);
    struct stat st;
    if (::stat(path.constData(), &st) != 0)
        return -1;
    DIR *d = ::opendir(path.constData());
    if (!d)
        return -1;
    while (struct dirent *e = ::readdir(d)) {
        if (e->d_name[0] == '.')
            continue;
        const QString name = QFile::decodeName(e->d_name);
        if (name.contains(QLatin1Char('\n')) || name.contains(QLatin1Char('/')))
            continue;
        out->insert(MaildirNames::splitFileName(name).base, DirEntry{name, isNew});
    }
    ::closedir(d);
    return mtimeNs(st);
}
}


namespace {
// Holds the folder lock for one MaildirFolder and marks it as held.
class ScopedFolderLock
{
public:
    ScopedFolderLock(const QString &path, bool *flag) : m_flag(flag)
    {
        if (!*flag) {
            m_lock = std::make_unique<MaildirLock>(path);
            *flag = true;
        }
    }
    ~ScopedFolderLock()
    {
        if (m_lock)
            *m_flag = false;
    }

private:
    bool *m_flag;
    std::unique_ptr<MaildirLock> m_lock;
};
}

bool MaildirFolder::sync(Changes *changes, StoreError *error)
{
    if (!readJournal(error, changes))
        return false;
    if (!scanDirectories(changes, error))
        return false;
    // One report per UID: a flag change of a message that also arrived/left is implied.
    QSet<quint32> gone(changes->expunged.cbegin(), changes->expunged.cend());
    QSet<quint32> added(changes->added.cbegin(), changes->added.cend());
    changes->added.erase(std::remove_if(changes->added.begin(), changes->added.end(),
                                        [&](quint32 u) { return gone.contains(u); }), changes->added.end());
    QSet<quint32> seenFlags;
    changes->flagsChanged.erase(std::remove_if(changes->flagsChanged.begin(), changes->flagsChanged.end(),
                                               [&](quint32 u) {
                                                   return gone.contains(u) || added.contains(u) || seenFlags.contains(u)
                                                       || (seenFlags.insert(u), false);
                                               }),
                                changes->flagsChanged.end());
    maybeCompactJournal();
    return true;
}

bool MaildirFolder::scanDirectories(Changes *changes, StoreError *error)
{
    struct stat stNew, stCur;
    if (::stat(enc(m_path + QLatin1String("/new")).constData(), &stNew) != 0
        || ::stat(enc(m_path + QLatin1String("/cur")).constData(), &stCur) != 0)
        return storeFail(error, StoreErrorCode::NotFound, QStringLiteral("the folder no longer exists"));
    // List only the directories that changed: deliveries touch new/ alone, so a big
    // folder's cur/ is not read again for every arriving message. (A file that a journal
    // line announces was renamed into its directory first, so that directory changed.)
    const bool scanNew = m_newMtime < 0 || mtimeNs(stNew) != m_newMtime;
    const bool scanCur = m_curMtime < 0 || mtimeNs(stCur) != m_curMtime;
    if (!scanNew && !scanCur)
        return true;

    QHash<QString, DirEntry> dir;
    dir.reserve((scanCur ? m_infos.size() : 0) + 64);
    const qint64 newM = scanNew ? listDir(m_path + QLatin1String("/new"), true, &dir) : m_newMtime;
    const qint64 curM = scanCur ? listDir(m_path + QLatin1String("/cur"), false, &dir) : m_curMtime;
    if (newM < 0 && scanNew)
        return storeFail(error, StoreErrorCode::NotFound, QStringLiteral("the folder no longer exists"));
    if (curM < 0 && scanCur)
        return storeFail(error, StoreErrorCode::NotFound, QStringLiteral("the folder no longer exists"));

    QVector<quint32> missing;
    QHash<quint32, quint64> flagMismatch; // uid -> modseq before catching up
    for (int i = 0; i < m_infos.size(); ++i) {
        FileMeta &f = m_files[i];
        if (f.inNew ? !scanNew : !scanCur)
            continue; // its directory did not change (a file leaving it would change it)
        auto it = dir.find(MaildirNames::splitFileName(f.name).base);
        if (it == dir.end()) {
            missing << m_infos.at(i).uid;
            continue;
        }
        if (it->name != f.name || it->inNew != f.inNew) {
            f.name = it->name;
            f.inNew = it->inNew;
            quint8 flags;
            quint32 mask;
            MaildirNames::infoToFlags(MaildirNames::splitFileName(f.name).info, &flags, &mask);
            if (flags != m_infos.at(i).flags || mask != f.keywordMask) {
                m_infos[i].flags = flags;
                if (mask >> m_keywords.size())
                    readKeywords(); // a keyword another writer added to the table
                m_infos[i].keywords = keywordsFromMask(mask);
                f.keywordMask = mask;
                flagMismatch.insert(m_infos.at(i).uid, m_infos.at(i).modSeq);
            }
            m_indexDirty = true;
        }
        dir.erase(it);
    }

    QVector<DirEntry> unknown;
    auto addMessage = [&](const DirEntry &e, quint32 uid, quint64 modSeq, qint64 date) {
        const auto parts = MaildirNames::splitFileName(e.name);
        MessageInfo info;
        info.uid = uid;
        info.modSeq = modSeq;
        info.internalDate = date;
        info.size = MaildirNames::sizeFromBase(parts.base);
        if (info.size < 0 || date == 0) {
            struct stat st;
            const QString p = m_path + (e.inNew ? QLatin1String("/new/") : QLatin1String("/cur/")) + e.name;
            if (::stat(enc(p).constData(), &st) == 0) {
                if (info.size < 0) { // no S=/W= (mutt, procmail): count its line ends once
                    QFile f(p);
                    info.size = f.open(QIODevice::ReadOnly) ? MaildirNames::withCrlf(f.readAll()).size() : st.st_size;
                }
                if (date == 0)
                    info.internalDate = st.st_mtim.tv_sec;
            }
            info.size = std::max<qint64>(info.size, 0);
        }
        FileMeta meta;
        meta.name = e.name;
        meta.inNew = e.inNew;
        MaildirNames::infoToFlags(parts.info, &info.flags, &meta.keywordMask);
        if (meta.keywordMask >> m_keywords.size())
            readKeywords(); // a keyword another writer added to the table
        info.keywords = keywordsFromMask(meta.keywordMask);
        insertSorted(info, meta);
        changes->added << uid;
        m_indexDirty = true;
    };
    for (auto it = dir.cbegin(); it != dir.cend(); ++it) {
        auto p = m_pending.find(it.key());
        if (p != m_pending.end()) {
            addMessage(it.value(), p->uid, p->modSeq, p->internalDate);
            m_pending.erase(p);
        } else {
            unknown << it.value();
        }
    }

    if (!missing.isEmpty() || !unknown.isEmpty() || !flagMismatch.isEmpty()) {
        ScopedFolderLock lock(m_path, &m_locked);
        if (!readJournal(error, changes))
            return false;
        QHash<QString, DirEntry> fresh; // verify "missing" against a listing taken under the lock
        if (!missing.isEmpty()) {
            listDir(m_path + QLatin1String("/new"), true, &fresh);
            listDir(m_path + QLatin1String("/cur"), false, &fresh);
        }
        QByteArray lines;
        bool durable = false;
        for (const DirEntry &e : std::as_const(unknown)) {
            const QString base = MaildirNames::splitFileName(e.name).base;
            auto p = m_pending.find(base);
            if (p != m_pending.end()) { // assigned by another writer meanwhile
                addMessage(e, p->uid, p->modSeq, p->internalDate);
                m_pending.erase(p);
                continue;
            }
            const quint32 uid = m_uidNext++;
            const quint64 modSeq = ++m_highestModSeq;
            addMessage(e, uid, modSeq, 0);
            const MessageInfo &info = m_infos.at(indexOfUid(uid));
            lines += "A " + QByteArray::number(uid) + ' ' + QByteArray::number(modSeq) + ' '
                + QByteArray::number(info.internalDate) + ' ' + base.toUtf8() + '\n';
            durable = true;
        }
        for (quint32 uid : std::as_const(missing)) {
            const int i = indexOfUid(uid);
            if (i < 0)
                continue; // the journal already said so
            auto f = fresh.constFind(MaildirNames::splitFileName(m_files.at(i).name).base);
            if (f != fresh.cend()) { // only renamed
                m_files[i].name = f->name;
                m_files[i].inNew = f->inNew;
                continue;
            }
            const quint64 modSeq = ++m_highestModSeq;
            lines += "X " + QByteArray::number(uid) + ' ' + QByteArray::number(modSeq) + '\n';
            changes->expunged << uid;
            removeAt(i);
        }
        for (auto it = flagMismatch.cbegin(); it != flagMismatch.cend(); ++it) {
            const int i = indexOfUid(it.key());
            if (i < 0)
                continue;
            changes->flagsChanged << it.key();
            if (m_infos.at(i).modSeq > it.value())
                continue; // another postroom process changed them and logged it
            m_infos[i].modSeq = ++m_highestModSeq;
            lines += "F " + QByteArray::number(it.key()) + ' ' + QByteArray::number(m_infos.at(i).modSeq) + '\n';
        }
        compactEntries();
        if (!lines.isEmpty() && !appendJournal(lines, durable, error))
            return false;
    }
    compactEntries();
    m_flagsStale = false;

    // Messages stay in new/ until their flags change (then they are renamed into cur/):
    // moving them eagerly would change cur/ and force a full listing of it on every sync.
    const qint64 n = newM, c = curM;
    const qint64 now = nowNs();
    if (scanNew)
        m_newMtime = now - n >= TrustAfterNs ? n : -1;
    if (scanCur)
        m_curMtime = now - c >= TrustAfterNs ? c : -1;
    m_indexDirty = true;
    return true;
}
