#include "deliveryqueue.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <unistd.h>

SpoolWriter::SpoolWriter(const QString &id, const QString &path, int fd)
    : m_id(id), m_path(path), m_fd(fd)
{
}

SpoolWriter::~SpoolWriter()
{
    if (!m_committed)
        abort();
}

bool SpoolWriter::write(const char *data, qint64 size)
{
    if (m_fd < 0) {
        if (m_error.isEmpty())
            m_error = QStringLiteral("spool file is closed");
        return false;
    }
    while (size > 0) {
        const ssize_t n = ::write(m_fd, data, size_t(size));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            m_error = QStringLiteral("cannot write %1: %2").arg(m_path, QString::fromLocal8Bit(std::strerror(errno)));
            closeFile();
            return false;
        }
        data += n;
        size -= n;
        m_size += n;
    }
    return true;
}

void SpoolWriter::closeFile()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

void SpoolWriter::abort()
{
    closeFile();
    if (!m_path.isEmpty() && !m_committed)
        ::unlink(QFile::encodeName(m_path).constData());
    m_path.clear();
}
