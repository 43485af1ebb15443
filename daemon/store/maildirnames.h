// Naming rules of the Maildir++ store: IMAP folder name <-> directory name (modified
// UTF-7 from shared/mutf7.h, '.' as the Maildir++ separator, '/' as the IMAP one), the validation that keeps
// client-chosen names inside the user's directory, and message file names
// ("<unique>,S=<size>:2,<flags>" with keyword letters a-z). Pure functions, no I/O.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <optional>

namespace MaildirNames {

constexpr int MaxFolderNameLength = 200;  // characters of the IMAP name
constexpr int MaxDirNameLength = 250;     // bytes of the encoded directory name
constexpr int MaxKeywords = 26;           // Maildir keyword letters a-z

// "INBOX" (any case) -> "INBOX"; other names unchanged. No validation.
QString canonicalFolderName(const QString &name);
// IMAP name -> directory name relative to the Maildir: "" for INBOX, ".Sent", ".A.B".
// Refuses empty components, '.', control characters, NUL, '\\', leading/trailing '/'.
std::optional<QString> folderToDir(const QString &name, QString *problem = nullptr);
// Directory name (".A.B") -> IMAP name ("A/B"); nullopt when it is not one of ours.
std::optional<QString> dirToFolder(const QString &dirName);

// Message file names.
struct FileName {
    QString base;       // the part before ':' (the unique name, with ,S=size)
    QString info;       // the part after ":2," (flags letters), empty when none
    bool hasInfo = false;
};
FileName splitFileName(const QString &fileName);
// The message size as IMAP sees it (CRLF line ends): Dovecot's ,W=<n> field, else ,S=<n>
// (our files are CRLF already); -1 when neither is there.
qint64 sizeFromBase(const QString &base);
// Message bytes with every bare LF made CRLF (files written by Dovecot, mutt, procmail use LF;
// IMAP wants CRLF). Returns the data itself when there is none.
QByteArray withCrlf(const QByteArray &data);
// Flags letters (sorted, as Maildir requires) for system flags + keyword indices.
QString flagsToInfo(quint8 flags, quint32 keywordMask);
void infoToFlags(const QString &info, quint8 *flags, quint32 *keywordMask);

// A new unique base name: "<secs>.M<usecs>P<pid>Q<n>R<random>.<host>,S=<size>".
QString newBaseName(qint64 size);

} // namespace MaildirNames
