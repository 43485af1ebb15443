#include "atomicfile.h"

#include <QDir>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace AtomicFile {

bool fsyncDirectory(const QString &dirPath)
{
    const int fd = ::open(QFile::encodeName(dirPath).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

bool write(const QString &path, const QByteArray &content, QString *error, int mode)
{
    const QFileInfo info(path);
    const QString dir = info.absolutePath();
    const QByteArray target = QFile::encodeName(info.absoluteFilePath());
    struct stat st;
    mode_t fileMode = 0644;
    if (mode >= 0) {
        fileMode = mode_t(mode);
    } else if (::stat(target.constData(), &st) == 0) {
        fileMode = st.st_mode & 07777;
    } else {
        const mode_t mask = ::umask(0);
        ::umask(mask);
        fileMode = 0666 & ~mask;
    }

    QByteArray tmp = target + ".tmp-XXXXXX";
    const int fd = ::mkstemp(tmp.data());
    if (fd < 0) {
        if (error)
            *error = QStringLiteral("cannot create a temporary file in %1: %2").arg(dir, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    auto fail = [&](const char *what) {
        const int saved = errno;
        ::close(fd);
        ::unlink(tmp.constData());
        if (error)
            *error = QStringLiteral("cannot %1 %2: %3").arg(QString::fromLatin1(what), path,
                                                            QString::fromLocal8Bit(std::strerror(saved)));
        return false;
    };
    if (::fchmod(fd, fileMode) != 0)
        return fail("set the mode of");
    const char *p = content.constData();
    qint64 left = content.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, size_t(left));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return fail("write");
        }
        p += n;
        left -= n;
    }
    if (::fsync(fd) != 0)
        return fail("fsync");
    if (::close(fd) != 0) {
        ::unlink(tmp.constData());
        if (error)
            *error = QStringLiteral("cannot close %1").arg(path);
        return false;
    }
    if (::rename(tmp.constData(), target.constData()) != 0) {
        const int saved = errno;
        ::unlink(tmp.constData());
        if (error)
            *error = QStringLiteral("cannot replace %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(saved)));
        return false;
    }
    fsyncDirectory(dir);
    return true;
}

} // namespace AtomicFile
