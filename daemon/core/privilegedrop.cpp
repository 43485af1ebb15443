#include "privilegedrop.h"

#include "logging.h"

#include <QDirIterator>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace PrivilegeDrop {

static bool chownTree(const QString &root, uid_t uid, gid_t gid, QString *error)
{
    auto own = [&](const QString &path) {
        struct stat st;
        const QByteArray p = QFile::encodeName(path);
        if (::lstat(p.constData(), &st) != 0)
            return true; // vanished meanwhile
        if (st.st_uid == uid && st.st_gid == gid)
            return true;
        if (::lchown(p.constData(), uid, gid) != 0) {
            *error = QStringLiteral("run_as: cannot hand %1 to the user: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
            return false;
        }
        return true;
    };
    if (!own(root))
        return false;
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        if (!own(it.next()))
            return false;
    return true;
}

bool dropTo(const QString &userName, const QString &mailRoot, QString *error)
{
    if (userName.isEmpty())
        return true;
    if (::geteuid() != 0) {
        qCInfo(lcServer) << "run_as is set but postroomd was not started as root: it keeps running as uid" << ::geteuid();
        return true;
    }
    errno = 0;
    const struct passwd *pw = ::getpwnam(userName.toLocal8Bit().constData());
    if (!pw) {
        *error = QStringLiteral("run_as: there is no user \"%1\" on this system").arg(userName);
        return false;
    }
    const uid_t uid = pw->pw_uid;
    const gid_t gid = pw->pw_gid;
    if (uid == 0) {
        *error = QStringLiteral("run_as: \"%1\" is root; name an unprivileged user").arg(userName);
        return false;
    }
    if (!chownTree(mailRoot, uid, gid, error))
        return false;
    if (::initgroups(pw->pw_name, gid) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0) {
        *error = QStringLiteral("run_as: cannot switch to \"%1\": %2").arg(userName, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    if (::setuid(0) == 0) { // must be impossible now
        *error = QStringLiteral("run_as: could regain root after switching to \"%1\"; refusing to run").arg(userName);
        return false;
    }
    qCInfo(lcServer) << "dropped root: running as" << userName << "uid" << uid;
    return true;
}

} // namespace PrivilegeDrop
