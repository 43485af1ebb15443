#include "backupwriter.h"

#include "atomicfile.h"
#include "maildirmessagelinker.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

using namespace BackupFiles;

namespace {
// Caches the store rebuilds from the journal and the directories; lock files; sockets.
bool skippedFile(const QString &name)
{
    return name == QLatin1String("postroom-index") || name == QLatin1String("postroom-cache")
           || name.endsWith(QLatin1String(".lock"));
}

// Holds the store's per-folder lock (postroom-uidlist.lock) so that no delivery or UID
// assignment happens in that folder while its journal and messages are taken.
class FolderLock
{
public:
    explicit FolderLock(const QString &folder)
    {
        m_fd = ::open(QFile::encodeName(folder + QLatin1String("/postroom-uidlist.lock")).constData(), O_RDWR | O_CLOEXEC);
        if (m_fd >= 0)
            while (::flock(m_fd, LOCK_EX) != 0 && errno == EINTR) {
            }
    }
    ~FolderLock()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FolderLock(const FolderLock &) = delete;
    FolderLock &operator=(const FolderLock &) = delete;

private:
    int m_fd = -1;
};
} // namespace

BackupWriter::BackupWriter(const Config &config) : m_config(config)
{
}

bool BackupWriter::write(const QString &destIn, BackupSummary *summary, QString *error)
{
    const QString tar = tarProgram();
    if (tar.isEmpty()) {
        *error = QStringLiteral("the program tar is not installed (apt-get install tar gzip)");
        return false;
    }
    const QString mailRoot = QDir(m_config.mailRoot).absolutePath();
    if (!QFileInfo(mailRoot).isDir()) {
        *error = QStringLiteral("mail_root %1 does not exist").arg(mailRoot);
        return false;
    }
    QString dest = QFileInfo(destIn).absoluteFilePath();
    if (QFileInfo(dest).isDir())
        dest = QDir(dest).filePath(QStringLiteral("postroom-backup-%1-%2.tar.gz")
                                       .arg(m_config.hostname, QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    if ((dest + QLatin1Char('/')).startsWith(mailRoot + QLatin1Char('/'))) {
        *error = QStringLiteral("the archive must not be written inside mail_root (%1)").arg(mailRoot);
        return false;
    }
    if (QFileInfo::exists(dest)) {
        *error = QStringLiteral("%1 already exists; choose another name").arg(dest);
        return false;
    }
    removeStaleStaging();
    const QString staging = QDir(mailRoot).filePath(QString::fromLatin1(StagingPrefix)
                                                    + QString::number(QCoreApplication::applicationPid()));
    QDir(staging).removeRecursively();
    if (!QDir().mkpath(staging)) {
        *error = QStringLiteral("cannot create the staging folder %1").arg(staging);
        return false;
    }
    QFile::setPermissions(staging, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    m_summary = BackupSummary();
    bool ok = snapshot(staging, error);

    const QString partial = dest + QStringLiteral(".partial");
    if (ok) {
        QFile out(partial); // created 0600 first: the archive holds password hashes and keys
        ok = out.open(QIODevice::WriteOnly | QIODevice::Truncate)
             && out.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        out.close();
        if (!ok)
            *error = QStringLiteral("cannot write %1: %2").arg(partial, out.errorString());
    }
    if (ok) {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        // A message renamed in the live folder (flags, new->cur) changes its inode's ctime,
        // which GNU tar reports as "file changed as we read it" (exit 1). The content of a
        // linked Maildir or spool file never changes, and every mutable file is our own copy,
        // so that status is harmless here; 2 is a real error.
        process.start(tar, {QStringLiteral("--create"), QStringLiteral("--gzip"), QStringLiteral("--warning=no-file-changed"),
                            QStringLiteral("--file"), partial, QStringLiteral("--directory"), staging,
                            QString::fromLatin1(ManifestName), QStringLiteral("config.json"), QStringLiteral("mail_root")});
        ok = process.waitForStarted() && process.waitForFinished(-1) && process.exitStatus() == QProcess::NormalExit
             && (process.exitCode() == 0 || process.exitCode() == 1);
        if (!ok)
            *error = QStringLiteral("tar failed: %1").arg(QString::fromLocal8Bit(process.readAll()).trimmed());
    }
    if (ok) {
        const int fd = ::open(QFile::encodeName(partial).constData(), O_RDONLY | O_CLOEXEC);
        ok = fd >= 0 && ::fsync(fd) == 0;
        if (fd >= 0)
            ::close(fd);
        ok = ok && ::rename(QFile::encodeName(partial).constData(), QFile::encodeName(dest).constData()) == 0;
        AtomicFile::fsyncDirectory(QFileInfo(dest).absolutePath());
        if (!ok)
            *error = QStringLiteral("cannot finish %1").arg(dest);
    }
    QDir(staging).removeRecursively();
    if (!ok) {
        QFile::remove(partial);
        return false;
    }
    m_summary.archivePath = dest;
    m_summary.archiveBytes = QFileInfo(dest).size();
    *summary = m_summary;
    return true;
}

void BackupWriter::removeStaleStaging() const
{
    const QStringList stale = QDir(m_config.mailRoot).entryList({QString::fromLatin1(StagingPrefix) + QLatin1Char('*')},
                                                               QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QString &name : stale) {
        const qint64 pid = name.mid(int(qstrlen(StagingPrefix))).toLongLong();
        if (pid > 0 && ::kill(pid_t(pid), 0) != 0 && errno == ESRCH) // its backup process died
            QDir(QDir(m_config.mailRoot).filePath(name)).removeRecursively();
    }
}

bool BackupWriter::snapshot(const QString &staging, QString *error)
{
    const QString root = QDir(staging).filePath(QStringLiteral("mail_root"));
    bool missing = false;
    if (!makeDir(root, m_config.mailRoot, error))
        return false;
    // The queue first: a message delivered while the backup runs is then at worst in both
    // the queue and the mailbox (delivered twice after a restore), never in neither.
    const QString queue = QDir(m_config.mailRoot).filePath(QStringLiteral("queue"));
    if (QFileInfo(queue).isDir() && !snapshotQueue(queue, QDir(root).filePath(QStringLiteral("queue")), error))
        return false;
    if (!snapshotTree(m_config.mailRoot, root, true, error))
        return false;
    QJsonObject accounts = QJsonDocument::fromJson([&] {
        QFile f(QDir(root).filePath(QStringLiteral("accounts.json")));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }()).object();
    m_summary.users = accounts.value("users").toArray().size();

    const QString configCopy = QDir(staging).filePath(QStringLiteral("config.json"));
    if (m_config.sourcePath.isEmpty() || !copyFile(m_config.sourcePath, configCopy, &missing, error)) {
        // No file (or unreadable): keep what was loaded, so a restore still has a config.
        QString problem;
        if (!AtomicFile::write(configCopy, QJsonDocument(m_config.document).toJson(QJsonDocument::Indented), &problem, 0600)) {
            *error = problem;
            return false;
        }
    }
    const QJsonObject manifest{{"format", "postroom-backup"},
                               {"version", FormatVersion},
                               {"postroom_version", QStringLiteral(POSTROOM_VERSION)},
                               {"created", QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                               {"hostname", m_config.hostname},
                               {"mail_root", QDir(m_config.mailRoot).absolutePath()},
                               {"config_path", m_config.sourcePath},
                               {"users", m_summary.users},
                               {"messages", m_summary.messages},
                               {"queued", m_summary.queued}};
    return AtomicFile::write(QDir(staging).filePath(QString::fromLatin1(ManifestName)),
                             QJsonDocument(manifest).toJson(QJsonDocument::Indented), error, 0600);
}

bool BackupWriter::snapshotQueue(const QString &src, const QString &dst, QString *error)
{
    if (!makeDir(dst, src, error) || !makeDir(dst + QLatin1String("/tmp"), src, error)
        || !makeDir(dst + QLatin1String("/msg"), src, error))
        return false;
    const QDir msg(src + QLatin1String("/msg"));
    // Envelope first, then its data (the envelope's presence means "queued"); an entry
    // finished in between has no data left and is dropped.
    for (const QString &name : msg.entryList({QStringLiteral("*.json")}, QDir::Files | QDir::Hidden)) {
        const QString id = name.chopped(5);
        bool missing = false;
        const QString envelope = dst + QLatin1String("/msg/") + name;
        if (!copyFile(msg.filePath(name), envelope, &missing, error)) {
            if (missing)
                continue;
            return false;
        }
        if (!linkOrCopy(msg.filePath(id), dst + QLatin1String("/msg/") + id, &missing, error)) {
            QFile::remove(envelope);
            if (missing)
                continue;
            return false;
        }
        ++m_summary.queued;
    }
    return true;
}

bool BackupWriter::snapshotTree(const QString &src, const QString &dst, bool top, QString *error)
{
    if (isMaildirFolder(src))
        return snapshotMaildirFolder(src, dst, error);
    const QFileInfoList entries = QDir(src).entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    for (const QFileInfo &e : entries) {
        const QString name = e.fileName();
        const QString target = QDir(dst).filePath(name);
        if (top && (name == QLatin1String("queue") || name.startsWith(QLatin1String(StagingPrefix))))
            continue;
        if (e.isSymLink() || skippedFile(name))
            continue;
        if (e.isDir()) {
            if (!makeDir(target, e.filePath(), error) || !snapshotTree(e.filePath(), target, false, error))
                return false;
        } else if (e.isFile()) {
            bool missing = false;
            if (!copyFile(e.filePath(), target, &missing, error) && !missing)
                return false;
        } // sockets (control.sock) and other special files are not data
    }
    return true;
}

bool BackupWriter::snapshotMaildirFolder(const QString &src, const QString &dst, QString *error)
{
    for (const char *sub : {"/cur", "/new", "/tmp"}) {
        if (!makeDir(dst + QLatin1String(sub), src + QLatin1String(sub), error))
            return false;
    }
    {
        FolderLock lock(src); // no delivery or UID assignment while the journal and messages are taken
        const QFileInfoList files = QDir(src).entryInfoList(QDir::Files | QDir::Hidden | QDir::System);
        for (const QFileInfo &f : files) {
            bool missing = false;
            if (!skippedFile(f.fileName()) && !copyFile(f.filePath(), QDir(dst).filePath(f.fileName()), &missing, error)
                && !missing)
                return false;
        }
        MaildirMessageLinker linker(src, dst);
        if (!linker.linkAll(error))
            return false;
        m_summary.messages += linker.linkedCount();
    }
    const QFileInfoList subfolders = QDir(src).entryInfoList(QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QFileInfo &d : subfolders) {
        const QString name = d.fileName();
        if (name == QLatin1String("cur") || name == QLatin1String("new") || name == QLatin1String("tmp") || d.isSymLink())
            continue;
        const QString target = QDir(dst).filePath(name);
        if (!makeDir(target, d.filePath(), error) || !snapshotTree(d.filePath(), target, false, error))
            return false;
    }
    return true;
}
