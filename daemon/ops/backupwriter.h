// `postroomd backup DEST`: a consistent .tar.gz of mail_root and config.json, taken while
// the daemon runs. A snapshot is first frozen as hard links (immutable Maildir and spool
// files) and copies (files that change: accounts.json, UID journals, envelopes) inside
// {mail_root}/.backup-staging-<pid>, then packed by the system tar. What "consistent"
// means is in docs/admin-guide.md (Backup and restore). Trusts mail_root (ours).
#pragma once

#include "config.h"

#include <QString>

struct BackupSummary {
    QString archivePath;
    qint64 archiveBytes = 0;
    int users = 0;
    int messages = 0;
    int queued = 0;
};

class BackupWriter
{
public:
    static constexpr int FormatVersion = 1;
    static inline const char *ManifestName = "postroom-backup.json";
    static inline const char *StagingPrefix = ".backup-staging-";

    explicit BackupWriter(const Config &config);
    bool write(const QString &dest, BackupSummary *summary, QString *error);

private:
    bool snapshot(const QString &staging, QString *error);
    bool snapshotQueue(const QString &src, const QString &dst, QString *error);
    bool snapshotTree(const QString &src, const QString &dst, bool top, QString *error);
    bool snapshotMaildirFolder(const QString &src, const QString &dst, QString *error);
    void removeStaleStaging() const;

    const Config &m_config;
    BackupSummary m_summary;
};

namespace BackupFiles {
// Hard link (falls back to a copy across file systems). ENOENT gives false with *missing set.
bool linkOrCopy(const QString &src, const QString &dst, bool *missing, QString *error);
// Copy keeping the permission bits. ENOENT gives false with *missing set.
bool copyFile(const QString &src, const QString &dst, bool *missing, QString *error);
bool makeDir(const QString &path, const QString &modeFrom, QString *error);
bool isMaildirFolder(const QString &path);
QString tarProgram();
}
