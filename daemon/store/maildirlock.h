// The per-folder lock: flock(LOCK_EX) on postroom-uidlist.lock, held while the UID journal
// or the keyword table changes. flock works between processes and between separate
// open()s in one process (threads), and the kernel drops it if the holder dies.
#pragma once

#include <QFile>
#include <QString>

#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

class MaildirLock
{
public:
    explicit MaildirLock(const QString &folderPath)
    {
        const QByteArray p = QFile::encodeName(folderPath + QLatin1String("/postroom-uidlist.lock"));
        m_fd = ::open(p.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (m_fd >= 0)
            while (::flock(m_fd, LOCK_EX) != 0 && errno == EINTR) {
            }
    }
    ~MaildirLock()
    {
        if (m_fd >= 0)
            ::close(m_fd); // releases the lock
    }
    MaildirLock(const MaildirLock &) = delete;
    MaildirLock &operator=(const MaildirLock &) = delete;
    bool ok() const { return m_fd >= 0; }

private:
    int m_fd = -1;
};
