// Value types of the mail store shared by IMAP, the HTTP API and the queue: one message's
// metadata as kept in the per-folder index, folder listings and status counts.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVector>

// System flags, stored in the Maildir info suffix ":2,DFRST" (Maildir letters in brackets).
namespace MessageFlag {
enum : quint8 {
    Seen = 1,      // \Seen      (S)
    Answered = 2,  // \Answered  (R)
    Flagged = 4,   // \Flagged   (F)
    Deleted = 8,   // \Deleted   (T)
    Draft = 16,    // \Draft     (D)
};
constexpr quint8 All = Seen | Answered | Flagged | Deleted | Draft;
}

struct MessageInfo {
    quint32 uid = 0;
    quint64 modSeq = 0;         // RFC 7162 MODSEQ: bumped by every flag change
    qint64 size = 0;            // bytes of the stored file (as delivered; CRLF when the protocol gave CRLF)
    qint64 internalDate = 0;    // seconds since the epoch (IMAP INTERNALDATE)
    quint8 flags = 0;           // MessageFlag bits
    QStringList keywords;       // IMAP keywords ($Forwarded, $Junk, ...), as stored in the folder's keyword table
};

enum class FlagOperation { Replace, Add, Remove }; // STORE FLAGS / +FLAGS / -FLAGS

struct FolderInfo {
    QString name;               // IMAP name, UTF-8, '/' as hierarchy separator, "INBOX" for the root
    QString specialUse;         // "\\Sent", "\\Drafts", "\\Trash", "\\Junk", "\\Archive" or empty
    bool subscribed = false;
    bool hasChildren = false;
    bool selectable = true;     // false for a hierarchy level with no folder of its own (\Noselect)
};

struct FolderStatus {
    int messages = 0;
    int unseen = 0;
    int recent = 0;             // not yet announced as \Recent to any read-write session
    quint32 uidNext = 0;
    quint32 uidValidity = 0;
    quint64 highestModSeq = 0;
    qint64 sizeBytes = 0;
};

// One message for MailStore::deliver / deliverBatch.
struct DeliveryRequest {
    QString address;            // the local user (normalised or not)
    QString folder = QStringLiteral("INBOX");
    QByteArray data;            // the message bytes, or empty and:
    QString sourcePath;         // a file to copy the message from (e.g. the queue spool file)
    quint8 flags = 0;
    QStringList keywords;
    qint64 internalDate = 0;    // seconds since epoch; 0 = now
};
