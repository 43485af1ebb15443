// AccountStore: the changes (users and aliases). Each one validates first, then runs as
// one read-modify-write of accounts.json under the accounts lock (see modify()).
#include "accountstore.h"
#include "accountstoredata.h"

bool AccountStore::addUser(const UserAccount &account, QString *error)
{
    const QString address = normalize(account.address, error);
    if (address.isEmpty())
        return false;
    if (address.startsWith(QLatin1Char('@'))) {
        if (error)
            *error = QStringLiteral("a user needs a full address, not %1").arg(address);
        return false;
    }
    {
        QMutexLocker lock(&m_mutex);
        const QString problem = checkDomain(address);
        if (!problem.isEmpty()) {
            if (error)
                *error = problem;
            return false;
        }
    }
    if (!account.passwordHash.startsWith(QLatin1String("$argon2id$"))) {
        if (error)
            *error = QStringLiteral("the password hash must be an Argon2id PHC string");
        return false;
    }
    if (account.quotaBytes && *account.quotaBytes < 0) {
        if (error)
            *error = QStringLiteral("the quota must not be negative");
        return false;
    }
    return modify([&](Data &d, QString *err) {
        if (d.users.contains(address)) {
            *err = QStringLiteral("user %1 exists").arg(address);
            return false;
        }
        if (d.aliases.contains(address)) {
            *err = QStringLiteral("%1 is an alias").arg(address);
            return false;
        }
        UserAccount u = account;
        u.address = address;
        d.users.insert(address, u);
        return true;
    }, error);
}

bool AccountStore::changeUser(const QString &rawAddress, const std::function<void(UserAccount &)> &change, QString *error)
{
    const QString address = normalize(rawAddress, error);
    if (address.isEmpty())
        return false;
    return modify([&](Data &d, QString *err) {
        auto it = d.users.find(address);
        if (it == d.users.end()) {
            *err = QStringLiteral("no such user: %1").arg(address);
            return false;
        }
        change(it.value());
        return true;
    }, error);
}

bool AccountStore::removeUser(const QString &rawAddress, QString *error)
{
    const QString address = normalize(rawAddress, error);
    if (address.isEmpty())
        return false;
    return modify([&](Data &d, QString *err) {
        if (!d.users.remove(address)) {
            *err = QStringLiteral("no such user: %1").arg(address);
            return false;
        }
        return true;
    }, error);
}

bool AccountStore::setPasswordHash(const QString &address, const QString &phc, QString *error)
{
    if (!phc.startsWith(QLatin1String("$argon2id$"))) {
        if (error)
            *error = QStringLiteral("the password hash must be an Argon2id PHC string");
        return false;
    }
    return changeUser(address, [&](UserAccount &u) { u.passwordHash = phc; }, error);
}

bool AccountStore::setEnabled(const QString &address, bool enabled, QString *error)
{
    return changeUser(address, [&](UserAccount &u) { u.enabled = enabled; }, error);
}

bool AccountStore::setQuota(const QString &address, std::optional<qint64> quotaBytes, QString *error)
{
    if (quotaBytes && *quotaBytes < 0) {
        if (error)
            *error = QStringLiteral("the quota must not be negative");
        return false;
    }
    return changeUser(address, [&](UserAccount &u) { u.quotaBytes = quotaBytes; }, error);
}

bool AccountStore::setDisplayName(const QString &address, const QString &displayName, QString *error)
{
    return changeUser(address, [&](UserAccount &u) { u.displayName = displayName; }, error);
}

bool AccountStore::addAlias(const QString &rawAlias, const QStringList &rawTargets, QString *error)
{
    const QString alias = normalize(rawAlias, error);
    if (alias.isEmpty())
        return false;
    {
        QMutexLocker lock(&m_mutex);
        const QString problem = checkDomain(alias.startsWith(QLatin1Char('@')) ? QStringLiteral("x") + alias : alias);
        if (!problem.isEmpty()) {
            if (error)
                *error = problem;
            return false;
        }
    }
    QStringList targets;
    for (const QString &t : rawTargets) {
        const QString n = normalize(t, error);
        if (n.isEmpty())
            return false;
        if (n.startsWith(QLatin1Char('@'))) {
            if (error)
                *error = QStringLiteral("a target must be a full address, not %1").arg(n);
            return false;
        }
        if (n == alias) {
            if (error)
                *error = QStringLiteral("an alias cannot point to itself");
            return false;
        }
        if (!targets.contains(n))
            targets << n;
    }
    if (targets.isEmpty()) {
        if (error)
            *error = QStringLiteral("an alias needs at least one target");
        return false;
    }
    return modify([&](Data &d, QString *err) {
        if (d.users.contains(alias)) {
            *err = QStringLiteral("%1 is a user").arg(alias);
            return false;
        }
        QStringList merged = d.aliases.value(alias);
        for (const QString &t : std::as_const(targets))
            if (!merged.contains(t))
                merged << t;
        if (merged.size() > MaxAliasTargets) {
            *err = QStringLiteral("an alias can have at most %1 targets").arg(MaxAliasTargets);
            return false;
        }
        d.aliases.insert(alias, merged);
        return true;
    }, error);
}

bool AccountStore::removeAlias(const QString &rawAlias, QString *error)
{
    const QString alias = normalize(rawAlias, error);
    if (alias.isEmpty())
        return false;
    return modify([&](Data &d, QString *err) {
        if (!d.aliases.remove(alias)) {
            *err = QStringLiteral("no such alias: %1").arg(alias);
            return false;
        }
        return true;
    }, error);
}
