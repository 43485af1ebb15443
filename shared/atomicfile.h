// Crash-safe file replacement: write a temp file in the same folder, fsync it,
// rename it over the target, fsync the folder. Readers see the old or the new
// content, never a mix. Keeps the target's mode unless one is given.
#pragma once

#include <QByteArray>
#include <QFileDevice>
#include <QString>

namespace AtomicFile {
// mode: -1 keeps the existing file's permissions (0644 & ~umask for a new file).
bool write(const QString &path, const QByteArray &content, QString *error, int mode = -1);
bool fsyncDirectory(const QString &dirPath);
}
