// The mail store: one Maildir++ per user at {mail_root}/<domain>/<localpart>/Maildir
// (layout in docs/maildir-layout.md). Folder management, delivery (tmp/ -> fsync -> new/,
// UID assigned under the folder's lock), quotas, and the shared Mailbox objects whose
// signals tell every session about changes. Delivery functions are thread-safe (queue
// workers may call them from threads); everything else belongs to the event-loop thread.
// Trusts: mail_root. Folder names and addresses from clients are validated here.
#pragma once

#include "mailbox.h"
#include "messageinfo.h"
#include "storeerror.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QSharedPointer>
#include <QWeakPointer>
#include <optional>

class AccountStore;

class MailStore : public QObject
{
    Q_OBJECT
public:
    // The folders every new user gets, with their RFC 6154 special-use flags.
    static const QVector<QPair<QString, QString>> &defaultFolders(); // {name, "\\Sent"}, ...

    explicit MailStore(const QString &mailRoot, AccountStore *accounts, QObject *parent = nullptr);
    ~MailStore() override;

    QString mailRoot() const { return m_mailRoot; }
    AccountStore *accounts() const { return m_accounts; }

    // {mail_root}/<domain>/<localpart>/Maildir; empty when the address is unusable as a path.
    QString maildirPath(const QString &address) const;

    // Creates the Maildir with the default folders, subscribed (idempotent). Called by user add;
    // deliver/openMailbox also create it on first use for an existing account.
    bool ensureMailbox(const QString &address, StoreError *error = nullptr);
    // Deletes the user's whole Maildir (user remove --delete-mail).
    bool deleteMailbox(const QString &address, StoreError *error = nullptr);

    // Folders (IMAP LIST / CREATE / DELETE / RENAME / SUBSCRIBE). Names are UTF-8 with '/'
    // as the hierarchy separator; "INBOX" is case-insensitive.
    std::optional<QVector<FolderInfo>> listFolders(const QString &address, StoreError *error = nullptr);
    bool createFolder(const QString &address, const QString &name, StoreError *error = nullptr);
    // Refuses INBOX and folders that have children (NotPermitted).
    bool deleteFolder(const QString &address, const QString &name, StoreError *error = nullptr);
    // Renames the folder and its children; renaming INBOX moves its messages into the new
    // folder and leaves INBOX empty (RFC 9051 6.3.6).
    bool renameFolder(const QString &address, const QString &from, const QString &to, StoreError *error = nullptr);
    bool setSubscribed(const QString &address, const QString &name, bool subscribed, StoreError *error = nullptr);
    // Every subscribed name, also of folders that no longer exist (RFC 3501 6.3.6, LSUB).
    QStringList subscriptions(const QString &address);
    std::optional<FolderStatus> folderStatus(const QString &address, const QString &name, StoreError *error = nullptr);

    // The one shared Mailbox for this folder in this daemon (opened and synced on first use).
    QSharedPointer<Mailbox> openMailbox(const QString &address, const QString &name, StoreError *error = nullptr);

    // Quota: bytes used by all the user's folders (cached; recounted after UsageCacheMs or an
    // expunge), and the limit from the account (none = unlimited).
    static constexpr qint64 UsageCacheMs = 30000;
    qint64 usedBytes(const QString &address);
    std::optional<qint64> quotaBytes(const QString &address);

    // Delivery (thread-safe). Returns the new UID. The message is complete in the folder or
    // absent: tmp/, fsync file, rename into new/, fsync dir, then the UID under the lock.
    // OverQuota when the message does not fit (nothing is left behind); NotFound for an
    // unknown user or folder. Open Mailbox objects are told (queued to their thread).
    std::optional<quint32> deliver(const DeliveryRequest &request, StoreError *error = nullptr);
    // The same for many messages with the fsyncs grouped (one directory fsync and one lock
    // per folder). results[i] is the UID or the error of requests[i].
    struct DeliveryResult { quint32 uid = 0; StoreError error; bool ok() const { return uid != 0; } };
    QVector<DeliveryResult> deliverBatch(const QVector<DeliveryRequest> &requests);

    // Validates a folder name from a client and returns its Maildir++ directory name
    // ("" for INBOX, ".Sent", ".Archive.2024" in modified UTF-7); nullopt when refused.
    static std::optional<QString> folderDirName(const QString &name, QString *problem = nullptr);

signals:
    // Emitted on the store's thread after any change to a folder (delivery, flags, expunge).
    void folderChanged(const QString &address, const QString &folder);

private:
    friend class Mailbox;
    // Normalised address of an existing account, or empty with NotFound.
    QString accountAddress(const QString &address, StoreError *error);
    // The folder's directory; with mustExist, NotFound when it is not there.
    QString folderPath(const QString &address, const QString &name, bool mustExist, StoreError *error);
    bool reserveQuota(const QString &address, qint64 bytes, StoreError *error);
    void adjustUsage(const QString &address, qint64 delta);
    void adjustUsageUnknown(const QString &address);
    qint64 computeUsage(const QString &address) const;
    void notifyFolder(const QString &address, const QString &folder);       // any thread
    void notifyFolderFromMailbox(const QString &address, const QString &folder);
    void markRemoved(const QString &address, const QString &nameOrParent);
    QStringList readSubscriptions(const QString &address) const;
    bool writeSubscriptions(const QString &address, const QStringList &names, StoreError *error);
    std::optional<QVector<quint32>> transfer(Mailbox *source, const QVector<quint32> &uids, const QString &target,
                                             bool move, QVector<quint32> *sourceUids, StoreError *error);
    static QString mailboxKey(const QString &address, const QString &name);

    QString m_mailRoot;
    AccountStore *m_accounts;
    QHash<QString, QWeakPointer<Mailbox>> m_open; // "address\nname(lower for INBOX)" -> mailbox
    QMutex m_usageMutex;
    struct Usage { qint64 bytes = 0; qint64 computedAtMs = 0; };
    QHash<QString, Usage> m_usage;                // cached bytes per user
    QMutex m_subscriptionMutex;
};
