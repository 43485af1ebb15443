#include "storecontrol.h"

#include "accountstore.h"
#include "controlmethods.h"
#include "mailstore.h"
#include "passwordhasher.h"

#include <QFutureWatcher>
#include <QJsonArray>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace {
using ControlProtocol::Reply;
using ControlProtocol::Request;
using Respond = ControlMethodTable::Respond;

QJsonObject userJson(const UserAccount &u, MailStore *store)
{
    return QJsonObject{
        {QStringLiteral("address"), u.address},
        {QStringLiteral("display_name"), u.displayName},
        {QStringLiteral("quota_bytes"), u.quotaBytes ? QJsonValue(double(*u.quotaBytes)) : QJsonValue()},
        {QStringLiteral("used_bytes"), double(store ? store->usedBytes(u.address) : 0)},
        {QStringLiteral("enabled"), u.enabled},
    };
}

Reply failure(const Request &req, const QString &message)
{
    QString code = ControlProtocol::ErrorCode::BadRequest;
    if (message.startsWith(QLatin1String("no such")))
        code = ControlProtocol::ErrorCode::NotFound;
    else if (message.startsWith(QLatin1String("cannot")))
        code = ControlProtocol::ErrorCode::Failed;
    return Reply::failure(req.id, code, message);
}

// Reads a required string parameter; answers bad_request when it is missing.
bool param(const Request &req, const Respond &respond, const QString &key, QString *out)
{
    const QJsonValue v = req.params.value(key);
    if (!v.isString() || v.toString().isEmpty()) {
        respond(Reply::failure(req.id, ControlProtocol::ErrorCode::BadRequest, QStringLiteral("missing \"%1\"").arg(key)));
        return false;
    }
    *out = v.toString();
    return true;
}

// quota_bytes: null -> none; a non-negative integer -> bytes.
bool quotaParam(const Request &req, const Respond &respond, std::optional<qint64> *out)
{
    const QJsonValue v = req.params.value(QLatin1String("quota_bytes"));
    if (v.isNull() || v.isUndefined()) {
        *out = std::nullopt;
        return true;
    }
    // toInteger() checks the range itself: a cast of 1e300 to qint64 would be undefined.
    if (!v.isDouble() || v.toDouble() < 0 || v.toInteger(-1) < 0 || double(v.toInteger()) != v.toDouble()) {
        respond(Reply::failure(req.id, ControlProtocol::ErrorCode::BadRequest,
                               QStringLiteral("\"quota_bytes\" must be null or a non-negative integer")));
        return false;
    }
    *out = v.toInteger();
    return true;
}

// Hashes off the event loop, then runs `then(phc)` back on accounts' thread.
void hashAsync(AccountStore *accounts, const QString &password, std::function<void(const QString &, const QString &)> then)
{
    auto *watcher = new QFutureWatcher<QPair<QString, QString>>(accounts);
    QObject::connect(watcher, &QFutureWatcher<QPair<QString, QString>>::finished, watcher, [watcher, then] {
        const auto r = watcher->result();
        then(r.first, r.second);
        watcher->deleteLater();
    });
    const QByteArray pw = password.toUtf8();
    watcher->setFuture(QtConcurrent::run([pw] {
        QString error;
        const QString phc = PasswordHasher::hash(pw, &error);
        return qMakePair(phc, error);
    }));
}

void simpleUserChange(ControlMethodTable &table, const QString &method, AccountStore *accounts,
                      std::function<bool(AccountStore *, const QString &, QString *)> change)
{
    table.add(method, [accounts, change](const Request &req, Respond respond) {
        QString address, error;
        if (!param(req, respond, QStringLiteral("address"), &address))
            return;
        if (!change(accounts, address, &error))
            return respond(failure(req, error));
        respond(Reply::success(req.id, {}));
    });
}
}

void registerStoreControlMethods(ControlMethodTable &table, AccountStore *accounts, MailStore *store)
{
    table.add(QStringLiteral("user.list"), [accounts, store](const Request &req, Respond respond) {
        QJsonArray users;
        for (const UserAccount &u : accounts->users())
            users.append(userJson(u, store));
        respond(Reply::success(req.id, {{QStringLiteral("users"), users}}));
    });

    table.add(QStringLiteral("user.show"), [accounts, store](const Request &req, Respond respond) {
        QString address;
        if (!param(req, respond, QStringLiteral("address"), &address))
            return;
        const auto u = accounts->user(address);
        if (!u)
            return respond(Reply::failure(req.id, ControlProtocol::ErrorCode::NotFound, QStringLiteral("no such user: %1").arg(address)));
        QJsonObject o = userJson(*u, store);
        QJsonArray folders;
        if (const auto list = store->listFolders(u->address)) {
            for (const FolderInfo &f : *list) {
                if (!f.selectable)
                    continue;
                const auto st = store->folderStatus(u->address, f.name);
                folders.append(QJsonObject{{QStringLiteral("name"), f.name},
                                           {QStringLiteral("messages"), st ? st->messages : 0},
                                           {QStringLiteral("unseen"), st ? st->unseen : 0}});
            }
        }
        o.insert(QStringLiteral("folders"), folders);
        respond(Reply::success(req.id, {{QStringLiteral("user"), o}}));
    });

    table.add(QStringLiteral("user.add"), [accounts, store](const Request &req, Respond respond) {
        QString address, password, error;
        std::optional<qint64> quota;
        if (!param(req, respond, QStringLiteral("address"), &address) || !param(req, respond, QStringLiteral("password"), &password)
            || !quotaParam(req, respond, &quota))
            return;
        const QString normalized = AccountStore::normalize(address, &error);
        if (normalized.isEmpty() || normalized.startsWith(QLatin1Char('@')))
            return respond(Reply::failure(req.id, ControlProtocol::ErrorCode::BadRequest, error.isEmpty() ? QStringLiteral("invalid address") : error));
        if (!accounts->isLocalDomain(normalized.section(QLatin1Char('@'), -1)))
            return respond(Reply::failure(req.id, ControlProtocol::ErrorCode::BadRequest,
                                          QStringLiteral("domain %1 is not in domains").arg(normalized.section(QLatin1Char('@'), -1))));
        if (accounts->user(normalized))
            return respond(Reply::failure(req.id, ControlProtocol::ErrorCode::BadRequest, QStringLiteral("user %1 exists").arg(normalized)));
        const QString displayName = req.params.value(QLatin1String("display_name")).toString();
        QPointer<MailStore> guard(store);
        hashAsync(accounts, password, [=](const QString &phc, const QString &hashError) {
            if (phc.isEmpty())
                return respond(Reply::failure(req.id, ControlProtocol::ErrorCode::Failed, hashError));
            UserAccount account;
            account.address = normalized;
            account.passwordHash = phc;
            account.displayName = displayName;
            account.quotaBytes = quota;
            QString err;
            if (!accounts->addUser(account, &err))
                return respond(failure(req, err));
            StoreError se;
            if (guard && !guard->ensureMailbox(normalized, &se))
                return respond(Reply::failure(req.id, ControlProtocol::ErrorCode::Failed, se.message));
            respond(Reply::success(req.id, {{QStringLiteral("user"), userJson(*accounts->user(normalized), guard)}}));
        });
    });

    table.add(QStringLiteral("user.remove"), [accounts, store](const Request &req, Respond respond) {
        QString address, error;
        if (!param(req, respond, QStringLiteral("address"), &address))
            return;
        if (!accounts->removeUser(address, &error))
            return respond(failure(req, error));
        StoreError se;
        if (req.params.value(QLatin1String("delete_mail")).toBool() && !store->deleteMailbox(address, &se))
            return respond(Reply::failure(req.id, ControlProtocol::ErrorCode::Failed, se.message));
        respond(Reply::success(req.id, {}));
    });

    table.add(QStringLiteral("user.passwd"), [accounts](const Request &req, Respond respond) {
        QString address, password;
        if (!param(req, respond, QStringLiteral("address"), &address) || !param(req, respond, QStringLiteral("password"), &password))
            return;
        if (!accounts->user(address))
            return respond(Reply::failure(req.id, ControlProtocol::ErrorCode::NotFound, QStringLiteral("no such user: %1").arg(address)));
        hashAsync(accounts, password, [=](const QString &phc, const QString &hashError) {
            QString err;
            if (phc.isEmpty())
                return respond(Reply::failure(req.id, ControlProtocol::ErrorCode::Failed, hashError));
            if (!accounts->setPasswordHash(address, phc, &err))
                return respond(failure(req, err));
            respond(Reply::success(req.id, {}));
        });
    });

    simpleUserChange(table, QStringLiteral("user.enable"), accounts,
                     [](AccountStore *a, const QString &addr, QString *e) { return a->setEnabled(addr, true, e); });
    simpleUserChange(table, QStringLiteral("user.disable"), accounts,
                     [](AccountStore *a, const QString &addr, QString *e) { return a->setEnabled(addr, false, e); });

    table.add(QStringLiteral("user.quota"), [accounts](const Request &req, Respond respond) {
        QString address, error;
        std::optional<qint64> quota;
        if (!param(req, respond, QStringLiteral("address"), &address))
            return;
        if (!req.params.contains(QLatin1String("quota_bytes")))
            return respond(Reply::failure(req.id, ControlProtocol::ErrorCode::BadRequest, QStringLiteral("missing \"quota_bytes\"")));
        if (!quotaParam(req, respond, &quota))
            return;
        if (!accounts->setQuota(address, quota, &error))
            return respond(failure(req, error));
        respond(Reply::success(req.id, {}));
    });

    table.add(QStringLiteral("alias.list"), [accounts](const Request &req, Respond respond) {
        QJsonArray list;
        for (const AliasEntry &a : accounts->aliases())
            list.append(QJsonObject{{QStringLiteral("alias"), a.alias}, {QStringLiteral("targets"), QJsonArray::fromStringList(a.targets)}});
        respond(Reply::success(req.id, {{QStringLiteral("aliases"), list}}));
    });

    table.add(QStringLiteral("alias.add"), [accounts](const Request &req, Respond respond) {
        QString alias, error;
        if (!param(req, respond, QStringLiteral("alias"), &alias))
            return;
        QStringList targets;
        for (const QJsonValue &v : req.params.value(QLatin1String("targets")).toArray())
            targets << v.toString();
        if (targets.isEmpty())
            return respond(Reply::failure(req.id, ControlProtocol::ErrorCode::BadRequest, QStringLiteral("\"targets\" must be a non-empty array")));
        if (!accounts->addAlias(alias, targets, &error))
            return respond(failure(req, error));
        respond(Reply::success(req.id, {}));
    });

    table.add(QStringLiteral("alias.remove"), [accounts](const Request &req, Respond respond) {
        QString alias, error;
        if (!param(req, respond, QStringLiteral("alias"), &alias))
            return;
        if (!accounts->removeAlias(alias, &error))
            return respond(failure(req, error));
        respond(Reply::success(req.id, {}));
    });
}
