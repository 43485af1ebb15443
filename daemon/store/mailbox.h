// One open IMAP folder of one user: the message list (UID order), flags, MODSEQ, and the
// change signals every session of that folder in this daemon shares. Get it from
// MailStore::openMailbox (one shared instance per folder). Lives on the event-loop thread.
// Changes by other processes (another daemon, mutt, Dovecot) are picked up by sync(),
// which also runs by itself shortly after the folder's directories change (inotify).
// Trusts: the folder's files; anything unparsable in the uid list or index is rebuilt.
#pragma once

#include "maildirfolder.h"
#include "messageinfo.h"
#include "storeerror.h"

#include <QHash>
#include <QObject>
#include <QSharedPointer>
#include <QVector>
#include <memory>
#include <optional>

class MailStore;
class QFile;
class QFileSystemWatcher;
class QTimer;

class Mailbox : public QObject
{
    Q_OBJECT
public:
    ~Mailbox() override;

    QString owner() const { return m_owner; }   // normalised user address
    QString name() const { return m_name; }     // IMAP name ("INBOX", "Archive/2024")
    bool isValid() const { return m_valid; }    // false after the folder was deleted or renamed

    quint32 uidValidity() const;
    quint32 uidNext() const;
    quint64 highestModSeq() const;
    QStringList keywords() const;               // every keyword ever used here (for FLAGS/PERMANENTFLAGS)

    // Messages in UID order; IMAP sequence number n is messages()[n-1] *for this snapshot*
    // (sessions keep their own view and apply the signals below).
    const QVector<MessageInfo> &messages() const;
    int indexOfUid(quint32 uid) const;          // -1 when absent
    const MessageInfo *message(quint32 uid) const;
    int unseenCount() const;

    // RFC 3501 \Recent, one announcement per message across all sessions and processes.
    // recentFloor(): UIDs at or above it are still unclaimed (what EXAMINE and STATUS show).
    // claimRecent(): a read-write session takes the unclaimed UIDs below upTo and gets the
    // first one it took (upTo or more: nothing taken).
    quint32 recentFloor() const;
    quint32 claimRecent(quint32 upTo);
    int recentCount() const; // messages at or above the floor

    // Message content. The path is valid until the flags change (the file is renamed);
    // prefer openMessage/readMessage, which retry on a concurrent rename.
    QString messagePath(quint32 uid) const;
    std::unique_ptr<QFile> openMessage(quint32 uid, StoreError *error = nullptr);
    std::optional<QByteArray> readMessage(quint32 uid, StoreError *error = nullptr);

    // An opaque per-message blob kept in the folder's cache (the IMAP/MIME layer stores its
    // parsed ENVELOPE/BODYSTRUCTURE there). Empty when none. Persists across restarts.
    QByteArray cachedData(quint32 uid) const;
    void setCachedData(quint32 uid, const QByteArray &blob);

    // Picks up changes on disk (new files, flag renames, deletions, other processes).
    // Emits messagesAdded / flagsChanged / messagesExpunged for what changed.
    bool sync(StoreError *error = nullptr);

    // Flags (RFC 9051 STORE, RFC 7162 UNCHANGEDSINCE). Each changed message gets a new
    // MODSEQ. With unchangedSince > 0, messages whose MODSEQ is higher are left alone and
    // listed in *failed (the MODIFIED response). *changed lists the UIDs actually changed.
    bool storeFlags(const QVector<quint32> &uids, FlagOperation op, quint8 flags, const QStringList &keywords,
                    quint64 unchangedSince = 0, QVector<quint32> *changed = nullptr,
                    QVector<quint32> *failed = nullptr, StoreError *error = nullptr);

    // Removes these messages for good (IMAP EXPUNGE / UID EXPUNGE pass the \Deleted ones).
    bool expunge(const QVector<quint32> &uids, StoreError *error = nullptr);

    // APPEND: returns the new UID (UIDPLUS APPENDUID). Fails with OverQuota leaving nothing.
    std::optional<quint32> append(const QByteArray &data, quint8 flags, const QStringList &keywords,
                                  qint64 internalDate = 0, StoreError *error = nullptr);

    // COPY / MOVE into another folder of the same user. Returns the new UIDs, in the
    // order of `uids` (absent UIDs are skipped: see *sourceUids for the matching list).
    // Copy counts against the quota; move does not. MOVE expunges the sources.
    std::optional<QVector<quint32>> copyTo(const QVector<quint32> &uids, const QString &targetFolder,
                                           QVector<quint32> *sourceUids = nullptr, StoreError *error = nullptr);
    std::optional<QVector<quint32>> moveTo(const QVector<quint32> &uids, const QString &targetFolder,
                                           QVector<quint32> *sourceUids = nullptr, StoreError *error = nullptr);

    static constexpr int SyncDelayMs = 50; // debounce after a directory change

signals:
    void messagesAdded(const QVector<quint32> &uids);
    void flagsChanged(const QVector<quint32> &uids);
    void messagesExpunged(const QVector<quint32> &uids);
    void folderRemoved(); // deleted or renamed away: sessions should stop using it

private:
    friend class MailStore;
    Mailbox(MailStore *store, const QString &owner, const QString &name, const QString &dirPath);
    bool open(StoreError *error);
    void markRemoved();
    void scheduleSync();
    void report(const MaildirFolder::Changes &changes);

    MailStore *m_store;
    QString m_owner;
    QString m_name;
    bool m_valid = true;
    std::unique_ptr<MaildirFolder> m_folder;
    int m_changesSinceSave = 0;
    quint32 m_claimedUpTo = 0;          // this process claimed up to here (saves the lock)
    quint32 m_claimedValidity = 0;
    QFileSystemWatcher *m_watcher = nullptr;
    QTimer *m_syncTimer = nullptr;
};
