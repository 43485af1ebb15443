#include "maildirmessagelinker.h"

#include "backupwriter.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {
// Some file systems leave d_type unknown: ask them (a stray directory is not a message).
bool isRegularFile(int dirFd, const dirent *entry)
{
    if (entry->d_type != DT_UNKNOWN)
        return entry->d_type == DT_REG;
    struct stat st {};
    return ::fstatat(dirFd, entry->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode);
}

QByteArray baseName(const char *name)
{
    const char *colon = std::strchr(name, ':');
    return colon ? QByteArray(name, int(colon - name)) : QByteArray(name);
}
} // namespace

MaildirMessageLinker::MaildirMessageLinker(const QString &srcFolder, const QString &dstFolder)
    : m_src(srcFolder), m_dst(dstFolder)
{
}

bool MaildirMessageLinker::linkAll(QString *error)
{
    // readdir() may skip or repeat an entry renamed while the directory is read, and a file
    // listed can be renamed before it is linked. So passes repeat until one finds nothing
    // new and every name ever seen is linked; at least two, so that a message skipped by
    // the first listing is found by the second.
    for (int passes = 1; passes <= MaxPasses; ++passes) {
        switch (pass(error)) {
        case PassResult::Error:
            return false;
        case PassResult::Complete:
            if (passes >= 2)
                return true;
            break;
        case PassResult::Incomplete:
            break;
        }
    }
    return true; // what is still missing was expunged, or keeps moving: not in this snapshot
}

MaildirMessageLinker::PassResult MaildirMessageLinker::pass(QString *error)
{
    int newlyLinked = 0;
    // new/ before cur/: a message that leaves new/ meanwhile is then found in cur/.
    if (!linkDirectory("new", &newlyLinked, error) || !linkDirectory("cur", &newlyLinked, error))
        return PassResult::Error;
    return newlyLinked == 0 && missedCount() == 0 ? PassResult::Complete : PassResult::Incomplete;
}

bool MaildirMessageLinker::linkDirectory(const char *sub, int *newlyLinked, QString *error)
{
    const QString srcDir = m_src + QLatin1Char('/') + QLatin1String(sub);
    const QString dstDir = m_dst + QLatin1Char('/') + QLatin1String(sub);
    DIR *dir = ::opendir(QFile::encodeName(srcDir).constData());
    if (!dir)
        return true; // a folder deleted meanwhile has nothing to back up
    const int srcFd = ::dirfd(dir);
    bool ok = true;
    // Each entry is linked the moment it is read: the shorter the gap, the fewer renames win.
    for (;;) {
        errno = 0;
        const dirent *entry = ::readdir(dir);
        if (!entry) {
            if (errno != 0) {
                *error = QStringLiteral("cannot list %1: %2").arg(srcDir, QString::fromLocal8Bit(std::strerror(errno)));
                ok = false;
            }
            break;
        }
        if (entry->d_name[0] == '.' || !isRegularFile(srcFd, entry))
            continue;
        const QByteArray base = baseName(entry->d_name);
        if (m_linked.contains(base))
            continue;
        m_seen.insert(base);
        const QString name = QFile::decodeName(entry->d_name);
        bool missing = false; // renamed or expunged since it was read: the next pass looks again
        if (BackupFiles::linkOrCopy(srcDir + QLatin1Char('/') + name, dstDir + QLatin1Char('/') + name, &missing, error)) {
            m_linked.insert(base);
            ++*newlyLinked;
        } else if (!missing) {
            ok = false;
            break;
        }
    }
    ::closedir(dir);
    return ok;
}
