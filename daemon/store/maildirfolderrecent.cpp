// MaildirFolder: the \Recent floor in postroom-recent ("<uidvalidity> <floor>\n"). A floor
// written for another UIDVALIDITY (the journal was replaced) counts as absent.
#include "maildirfolder.h"

#include "maildirlock.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <cstdio>
#include <fcntl.h>
#include <memory>
#include <unistd.h>

namespace {
const char RecentName[] = "/postroom-recent";
}

quint32 MaildirFolder::recentFloor() const
{
    QFile file(m_path + QLatin1String(RecentName));
    if (!file.open(QIODevice::ReadOnly))
        return 1;
    const QList<QByteArray> fields = file.read(64).trimmed().split(' ');
    bool ok1 = false, ok2 = false;
    const quint32 validity = fields.value(0).toUInt(&ok1);
    const quint32 floor = fields.value(1).toUInt(&ok2);
    if (!ok1 || !ok2 || fields.size() != 2 || validity != m_uidValidity || floor == 0)
        return 1;
    return floor;
}

bool MaildirFolder::claimRecent(quint32 upTo, quint32 *from, StoreError *error)
{
    std::unique_ptr<MaildirLock> lock;
    if (!m_locked)
        lock = std::make_unique<MaildirLock>(m_path);
    *from = recentFloor();
    if (*from >= upTo)
        return true;
    const QByteArray path = QFile::encodeName(m_path + QLatin1String(RecentName));
    const QByteArray tmp = path + ".tmp"; // one writer at a time: we hold the lock
    const QByteArray line = QByteArray::number(m_uidValidity) + ' ' + QByteArray::number(upTo) + '\n';
    const int fd = ::open(tmp.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    bool ok = fd >= 0 && ::write(fd, line.constData(), size_t(line.size())) == ssize_t(line.size());
    if (fd >= 0)
        ok = ::close(fd) == 0 && ok;
    ok = ok && ::rename(tmp.constData(), path.constData()) == 0;
    if (!ok)
        return storeFail(error, StoreErrorCode::Io, QStringLiteral("cannot write %1: %2")
                                                        .arg(QFile::decodeName(path), QString::fromLocal8Bit(std::strerror(errno))));
    return true;
}
