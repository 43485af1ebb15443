// Accounts: users (Argon2id hash, display name, quota, enabled), aliases and per-domain
// catch-alls, kept in {mail_root}/accounts.json (mode 0600, atomic replace). Changes are
// read-modify-write under flock({mail_root}/accounts.lock), so `postroomd user ...` and
// the running daemon can both edit; lookups notice another process's change by a cheap
// stat (mtime/size/inode) first. Addresses compare case-insensitively (stored normalised).
// Trusts: mail_root and its files (owned by us). All methods are thread-safe.
#pragma once

#include <QDateTime>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVector>
#include <functional>
#include <memory>
#include <optional>

struct UserAccount {
    QString address;              // normalised: lower-case local@domain
    QString passwordHash;         // PHC string ($argon2id$...)
    QString displayName;
    std::optional<qint64> quotaBytes; // none = unlimited
    bool enabled = true;
};

// An alias maps one address to one or more targets (local users, other aliases, or
// external addresses). An alias of the form "@domain" is that domain's catch-all.
struct AliasEntry {
    QString alias;                // normalised; "@example.com" for a catch-all
    QStringList targets;          // normalised
};

// What an RCPT TO / delivery address turns into after alias and catch-all expansion.
struct RecipientResolution {
    QStringList localUsers;       // enabled local users to deliver to (normalised, no duplicates)
    QStringList externalTargets;  // addresses outside our domains (to relay)
    bool localDomain = false;     // the address's domain is one of ours
    bool loopDetected = false;    // expansion hit a cycle or the depth limit (those branches dropped)
    bool found() const { return !localUsers.isEmpty() || !externalTargets.isEmpty(); }
};

class AccountStore : public QObject
{
    Q_OBJECT
public:
    enum class AuthResult { Ok, Failed, Disabled }; // Disabled only when the password was right

    static constexpr int MaxAliasDepth = 8;
    static constexpr int MaxAliasTargets = 100;

    explicit AccountStore(const QString &mailRoot, QObject *parent = nullptr);
    ~AccountStore() override;

    QString mailRoot() const { return m_mailRoot; }
    QString accountsPath() const;

    // From config (`domains`). Removing a domain never deletes mail or accounts; its users
    // simply stop resolving until the domain comes back.
    void setDomains(const QStringList &domains);
    QStringList domains() const;
    bool isLocalDomain(const QString &domain) const;

    // Lookups (re-read accounts.json first when another process changed it).
    std::optional<UserAccount> user(const QString &address);
    QVector<UserAccount> users();
    QVector<AliasEntry> aliases();
    RecipientResolution resolveRecipient(const QString &address);
    // True when `address` is the user's own address or an alias that expands to that user
    // (SMTP MAIL FROM / API sender check). Catch-alls do not count.
    bool ownsAddress(const QString &userAddress, const QString &address);

    // Mutations. Each returns false with a clear *error ("domain example.org is not in domains").
    // addUser takes an already computed PHC hash (compute it off the event loop).
    bool addUser(const UserAccount &account, QString *error);
    bool removeUser(const QString &address, QString *error);
    bool setPasswordHash(const QString &address, const QString &phc, QString *error);
    bool setEnabled(const QString &address, bool enabled, QString *error);
    bool setQuota(const QString &address, std::optional<qint64> quotaBytes, QString *error);
    bool setDisplayName(const QString &address, const QString &displayName, QString *error);
    bool addAlias(const QString &alias, const QStringList &targets, QString *error);
    bool removeAlias(const QString &alias, QString *error);

    // Verifies a password off the event loop (QtConcurrent). Call it from context's thread;
    // `done` runs there later (never synchronously), and never if context is destroyed first. Unknown users cost the same time (dummy verify).
    // `address` in the callback is the normalised account address (empty when unknown).
    void authenticate(const QString &address, const QByteArray &password, QObject *context,
                      std::function<void(AuthResult result, const QString &address)> done);

    // Normalises an address or "@domain"; empty (with *error) when invalid.
    static QString normalize(const QString &address, QString *error = nullptr);

signals:
    void accountsChanged(); // after a change made through this object (not other processes)

private:
    struct Data;
    bool refreshLocked();                 // m_mutex held
    bool loadFile(Data *out, QString *error) const;
    bool saveFile(const Data &data, QString *error) const;
    bool modify(const std::function<bool(Data &, QString *)> &change, QString *error);
    bool changeUser(const QString &address, const std::function<void(UserAccount &)> &change, QString *error);
    QString checkDomain(const QString &address) const;

    QString m_mailRoot;
    mutable QMutex m_mutex;
    QStringList m_domains;
    struct FileStamp { qint64 inode = -1; qint64 size = -1; qint64 mtimeNs = -1; bool operator==(const FileStamp &o) const { return inode == o.inode && size == o.size && mtimeNs == o.mtimeNs; } };
    FileStamp m_stamp;
    std::unique_ptr<Data> m_data;
};
