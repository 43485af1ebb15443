// `postroomd restore SRC`: unpacks an archive of `postroomd backup` on a stopped server.
// Refuses while a daemon answers on the control socket and never overwrites a non-empty
// mail_root (with --force the old one is moved aside). Unpacks next to the target first,
// then renames into place, so a failed restore leaves the target as it was.
#pragma once

#include "config.h"

#include <QString>

struct RestoreOptions {
    QString archive;
    QString intoDir;        // fresh folder: DIR/config.json + DIR/mailstore
    bool keepConfig = false; // leave the current config.json as it is
    bool force = false;      // move a non-empty mail_root aside instead of refusing
};

class BackupRestorer
{
public:
    explicit BackupRestorer(const Config &config);
    bool restore(const RestoreOptions &options, QString *report, QString *error);

private:
    bool daemonAnswers(const QString &socketPath) const;
    bool extract(const QString &archive, const QString &into, QString *error) const;
    bool writeConfig(const QJsonObject &archived, const QString &targetConfig, const QJsonValue &mailRoot,
                     const QJsonValue &controlSocket, QString *note, QString *error) const;

    const Config &m_config;
};
