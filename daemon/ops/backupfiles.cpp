#include "backupwriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace BackupFiles {

namespace {
QByteArray enc(const QString &p)
{
    return QFile::encodeName(p);
}
} // namespace

bool copyFile(const QString &src, const QString &dst, bool *missing, QString *error)
{
    *missing = false;
    const int in = ::open(enc(src).constData(), O_RDONLY | O_CLOEXEC);
    if (in < 0) {
        *missing = errno == ENOENT;
        *error = QStringLiteral("cannot read %1: %2").arg(src, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    struct stat st {};
    ::fstat(in, &st);
    const int out = ::open(enc(dst).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, st.st_mode & 07777);
    if (out < 0) {
        *error = QStringLiteral("cannot write %1: %2").arg(dst, QString::fromLocal8Bit(std::strerror(errno)));
        ::close(in);
        return false;
    }
    char buffer[65536];
    bool ok = true;
    for (;;) {
        const ssize_t n = ::read(in, buffer, sizeof buffer);
        if (n == 0)
            break;
        if (n < 0) {
            if (errno == EINTR)
                continue;
            ok = false;
            break;
        }
        for (ssize_t done = 0; done < n;) {
            const ssize_t w = ::write(out, buffer + done, size_t(n - done));
            if (w < 0 && errno == EINTR)
                continue;
            if (w <= 0) {
                ok = false;
                break;
            }
            done += w;
        }
        if (!ok)
            break;
    }
    ::fchmod(out, st.st_mode & 07777);
    struct timespec times[2] = {st.st_atim, st.st_mtim}; // the mtime is a message's INTERNALDATE
    ::futimens(out, times);
    ::close(in);
    if (::close(out) != 0)
        ok = false;
    if (!ok)
        *error = QStringLiteral("cannot copy %1: %2").arg(src, QString::fromLocal8Bit(std::strerror(errno)));
    return ok;
}

bool linkOrCopy(const QString &src, const QString &dst, bool *missing, QString *error)
{
    *missing = false;
    if (::link(enc(src).constData(), enc(dst).constData()) == 0)
        return true;
    if (errno == ENOENT) {
        *missing = true;
        return false;
    }
    if (errno == EXDEV || errno == EPERM || errno == EMLINK)
        return copyFile(src, dst, missing, error);
    *error = QStringLiteral("cannot link %1: %2").arg(src, QString::fromLocal8Bit(std::strerror(errno)));
    return false;
}

bool makeDir(const QString &path, const QString &modeFrom, QString *error)
{
    struct stat st {};
    const mode_t mode = ::stat(enc(modeFrom).constData(), &st) == 0 ? (st.st_mode & 07777) : 0700;
    if (::mkdir(enc(path).constData(), mode) != 0 && errno != EEXIST) {
        *error = QStringLiteral("cannot create %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    ::chmod(enc(path).constData(), mode);
    return true;
}

bool isMaildirFolder(const QString &path)
{
    return QFileInfo(path + QLatin1String("/cur")).isDir() && QFileInfo(path + QLatin1String("/new")).isDir();
}

QString tarProgram()
{
    return QStandardPaths::findExecutable(QStringLiteral("tar"));
}

} // namespace BackupFiles
