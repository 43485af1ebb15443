#include "backuprestorer.h"

#include "atomicfile.h"
#include "backupwriter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QProcess>

#include <cstdio>
#include <unistd.h>

namespace {
QJsonObject readJson(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
}

bool isEmptyOrAbsent(const QString &dir)
{
    return !QFileInfo::exists(dir) || QDir(dir).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
}
} // namespace

BackupRestorer::BackupRestorer(const Config &config) : m_config(config)
{
}

bool BackupRestorer::daemonAnswers(const QString &socketPath) const
{
    QLocalSocket probe;
    probe.connectToServer(socketPath);
    return probe.waitForConnected(1000);
}

bool BackupRestorer::extract(const QString &archive, const QString &into, QString *error) const
{
    const QString tar = BackupFiles::tarProgram();
    if (tar.isEmpty()) {
        *error = QStringLiteral("the program tar is not installed (apt-get install tar gzip)");
        return false;
    }
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(tar, {QStringLiteral("--extract"), QStringLiteral("--gzip"), QStringLiteral("--file"), archive,
                        QStringLiteral("--directory"), into, QStringLiteral("--preserve-permissions")});
    if (!process.waitForStarted() || !process.waitForFinished(-1) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        *error = QStringLiteral("cannot unpack %1: %2").arg(archive, QString::fromLocal8Bit(process.readAll()).trimmed());
        return false;
    }
    return true;
}

bool BackupRestorer::writeConfig(const QJsonObject &archived, const QString &targetConfig, const QJsonValue &mailRoot,
                                 const QJsonValue &controlSocket, QString *note, QString *error) const
{
    QJsonObject doc = archived;
    doc.insert(QStringLiteral("mail_root"), mailRoot);
    doc.insert(QStringLiteral("control_socket"), controlSocket);
    Config check;
    QVector<ConfigError> errors;
    if (!Config::fromJson(doc, QFileInfo(targetConfig).absolutePath(), &check, &errors)) {
        *error = QStringLiteral("the archived config.json is not valid here: %1").arg(errors.value(0).toString());
        return false;
    }
    if (QFileInfo::exists(targetConfig)) {
        const QString before = targetConfig + QStringLiteral(".before-restore");
        QFile::remove(before);
        if (!QFile::copy(targetConfig, before)) {
            *error = QStringLiteral("cannot keep the current config as %1").arg(before);
            return false;
        }
        *note += QStringLiteral("the previous config.json is kept as %1\n").arg(before);
    }
    return Config::saveDocument(targetConfig, doc, error);
}

bool BackupRestorer::restore(const RestoreOptions &options, QString *report, QString *error)
{
    const QString archive = QFileInfo(options.archive).absoluteFilePath();
    if (!QFileInfo(archive).isFile()) {
        *error = QStringLiteral("%1 is not a file").arg(archive);
        return false;
    }
    QString targetRoot, targetConfig;
    if (!options.intoDir.isEmpty()) {
        const QString into = QFileInfo(options.intoDir).absoluteFilePath();
        if (!isEmptyOrAbsent(into)) {
            *error = QStringLiteral("%1 is not empty; --into needs a new or empty folder").arg(into);
            return false;
        }
        targetRoot = QDir(into).filePath(QStringLiteral("mailstore"));
        targetConfig = QDir(into).filePath(QStringLiteral("config.json"));
    } else {
        targetRoot = QDir(m_config.mailRoot).absolutePath();
        targetConfig = m_config.sourcePath;
        if (daemonAnswers(m_config.controlSocket)) {
            *error = QStringLiteral("postroomd is running (it answers on %1); stop it first (`systemctl stop postroomd`)")
                         .arg(m_config.controlSocket);
            return false;
        }
    }
    QString aside;
    const QString rootForCheck = targetRoot;
    auto onlyRuntimeLeftovers = [&] { // a stopped daemon leaves nothing but maybe a stale socket
        const QStringList left = QDir(rootForCheck).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
        return left.isEmpty() || left == QStringList{QStringLiteral("control.sock")};
    };
    if (!isEmptyOrAbsent(targetRoot) && !onlyRuntimeLeftovers()) {
        if (!options.force) {
            *error = QStringLiteral("mail_root %1 is not empty; restore into an empty place, use --into DIR, or pass "
                                    "--force to move the current one aside").arg(targetRoot);
            return false;
        }
        aside = targetRoot + QStringLiteral(".before-restore-") + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    }

    // Unpack next to the target (same file system), then move into place.
    const QString parent = QFileInfo(targetRoot).absolutePath();
    const QString work = QDir(parent).filePath(QStringLiteral(".postroom-restore-%1").arg(QCoreApplication::applicationPid()));
    QDir(work).removeRecursively();
    if (!QDir().mkpath(work)) {
        *error = QStringLiteral("cannot create %1").arg(work);
        return false;
    }
    QFile::setPermissions(work, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    auto cleanup = qScopeGuard([&] { QDir(work).removeRecursively(); });
    if (!extract(archive, work, error))
        return false;
    const QJsonObject manifest = readJson(QDir(work).filePath(QString::fromLatin1(BackupWriter::ManifestName)));
    if (manifest.value("format").toString() != QLatin1String("postroom-backup") || !QFileInfo(QDir(work).filePath(QStringLiteral("mail_root"))).isDir()) {
        *error = QStringLiteral("%1 is not an archive made by `postroomd backup`").arg(archive);
        return false;
    }
    if (manifest.value("version").toInt() > BackupWriter::FormatVersion) {
        *error = QStringLiteral("the archive has format %1; this postroomd reads up to %2")
                     .arg(manifest.value("version").toInt()).arg(BackupWriter::FormatVersion);
        return false;
    }

    QString note;
    const QJsonObject archivedConfig = readJson(QDir(work).filePath(QStringLiteral("config.json")));
    if (!options.intoDir.isEmpty()) {
        QDir().mkpath(QFileInfo(targetConfig).absolutePath());
        if (!writeConfig(archivedConfig, targetConfig, targetRoot, QJsonValue::Null, &note, error))
            return false;
        note += QStringLiteral("wrote %1 (the archived config with mail_root %2)\n").arg(targetConfig, targetRoot);
    } else if (!options.keepConfig) {
        if (!writeConfig(archivedConfig, targetConfig, m_config.document.value("mail_root"),
                         m_config.document.value("control_socket"), &note, error))
            return false;
        note += QStringLiteral("replaced %1 with the archived config (mail_root and control_socket kept)\n").arg(targetConfig);
    } else {
        note += QStringLiteral("kept %1 as it was (--keep-config)\n").arg(targetConfig);
    }

    if (!aside.isEmpty()) {
        if (!QDir().rename(targetRoot, aside)) {
            *error = QStringLiteral("cannot move %1 aside").arg(targetRoot);
            return false;
        }
        note += QStringLiteral("the previous mail_root is kept as %1\n").arg(aside);
    } else if (QFileInfo::exists(targetRoot)) {
        QDir(targetRoot).removeRecursively(); // empty, or only a stale control socket
    }
    if (!QDir().rename(QDir(work).filePath(QStringLiteral("mail_root")), targetRoot)) {
        *error = QStringLiteral("cannot move the restored files to %1").arg(targetRoot);
        return false;
    }
    QFile::setPermissions(targetRoot, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    AtomicFile::fsyncDirectory(parent);

    *report = QStringLiteral("restored %1 users, %2 messages and %3 queued messages from %4 (made %5 on %6) into %7\n")
                  .arg(manifest.value("users").toInt()).arg(manifest.value("messages").toInt())
                  .arg(manifest.value("queued").toInt())
                  .arg(archive, manifest.value("created").toString(), manifest.value("hostname").toString(), targetRoot)
              + note;
    if (::geteuid() == 0)
        *report += QStringLiteral("running as root: give the files to the service user, e.g. `chown -R postroom:postroom %1`\n")
                       .arg(targetRoot);
    *report += QStringLiteral("start it with: postroomd --config %1\n").arg(targetConfig);
    return true;
}
