#include "apifolders.h"

#include "apirouter.h"
#include "apiservices.h"
#include "mailbox.h"
#include "mailstore.h"

#include <QJsonDocument>

namespace {
const QHash<QString, QString> &wellKnown()
{
    static const QHash<QString, QString> map{{QStringLiteral("drafts"), QStringLiteral("\\Drafts")},
                                             {QStringLiteral("sentitems"), QStringLiteral("\\Sent")},
                                             {QStringLiteral("deleteditems"), QStringLiteral("\\Trash")},
                                             {QStringLiteral("junkemail"), QStringLiteral("\\Junk")},
                                             {QStringLiteral("archive"), QStringLiteral("\\Archive")}};
    return map;
}

QString wellKnownNameOf(const QString &specialUse, const QString &name)
{
    if (name.compare(QLatin1String("INBOX"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("inbox");
    for (auto it = wellKnown().cbegin(); it != wellKnown().cend(); ++it)
        if (it.value() == specialUse)
            return it.key();
    return QString();
}

QString parentOf(const QString &name)
{
    const qsizetype slash = name.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : name.left(slash);
}

ApiResponse notFound()
{
    return ApiResponse::error(404, QStringLiteral("ErrorItemNotFound"),
                              QStringLiteral("The specified object was not found in the store."));
}

std::optional<QString> displayNameFrom(const ApiCallPtr &call)
{
    const QJsonDocument doc = QJsonDocument::fromJson(call->body);
    const QString name = doc.object().value(QLatin1String("displayName")).toString().trimmed();
    if (!doc.isObject() || name.isEmpty() || name.contains(QLatin1Char('/')) || name.size() > 200) {
        call->respond(ApiResponse::error(400, QStringLiteral("ErrorInvalidRequest"),
                                         QStringLiteral("displayName is required and may not contain '/'.")));
        return std::nullopt;
    }
    return name;
}

void listChildren(const ApiCallPtr &call, ApiServices *s, const QString &parent)
{
    StoreError error;
    const auto folders = s->ctx.mailStore->listFolders(call->user, &error);
    if (!folders)
        return call->respond(ApiFolders::storeError(int(error.code), error.message));
    QJsonArray value;
    for (const FolderInfo &f : *folders)
        if (parentOf(f.name) == parent)
            value.append(ApiFolders::folderJson(s, call->user, f.name));
    call->respond(ApiResponse::json(200, QJsonObject{{QStringLiteral("value"), value},
                                                     {QStringLiteral("@odata.count"), value.size()}}));
}

void create(const ApiCallPtr &call, ApiServices *s, const QString &parent)
{
    const auto name = displayNameFrom(call);
    if (!name)
        return;
    const QString full = parent.isEmpty() ? *name : parent + QLatin1Char('/') + *name;
    StoreError error;
    if (!s->ctx.mailStore->createFolder(call->user, full, &error))
        return call->respond(ApiFolders::storeError(int(error.code), error.message));
    s->ctx.mailStore->setSubscribed(call->user, full, true);
    call->respond(ApiResponse::json(201, ApiFolders::folderJson(s, call->user, full)));
}

// Runs `f` with the folder name of args[0], or answers 404.
template<typename F>
void withFolder(const ApiCallPtr &call, ApiServices *s, F f)
{
    const auto name = ApiFolders::resolve(s, call->user, call->args.value(0));
    if (!name)
        return call->respond(notFound());
    f(*name);
}
}

ApiResponse ApiFolders::storeError(int code, const QString &fallbackMessage)
{
    switch (StoreErrorCode(code)) {
    case StoreErrorCode::NotFound: return notFound();
    case StoreErrorCode::AlreadyExists:
        return ApiResponse::error(409, QStringLiteral("ErrorFolderExists"), QStringLiteral("A folder with that name exists."));
    case StoreErrorCode::InvalidName:
        return ApiResponse::error(400, QStringLiteral("ErrorInvalidRequest"), QStringLiteral("Invalid folder name."));
    case StoreErrorCode::NotPermitted:
        return ApiResponse::error(403, QStringLiteral("ErrorAccessDenied"), QStringLiteral("Not permitted on this folder."));
    case StoreErrorCode::OverQuota:
        return ApiResponse::error(507, QStringLiteral("ErrorQuotaExceeded"), QStringLiteral("The mailbox is full."));
    default:
        Q_UNUSED(fallbackMessage); // may name paths: logged by the store, never sent
        return ApiResponse::error(500, QStringLiteral("ErrorInternalServerError"), QStringLiteral("Store error."));
    }
}

std::optional<QString> ApiFolders::specialFolder(ApiServices *s, const QString &user, const QString &specialUse)
{
    const auto folders = s->ctx.mailStore->listFolders(user);
    if (!folders)
        return std::nullopt;
    for (const FolderInfo &f : *folders)
        if (f.specialUse == specialUse)
            return f.name;
    return std::nullopt;
}

std::optional<QString> ApiFolders::resolve(ApiServices *s, const QString &user, const QString &id)
{
    const QString lower = id.toLower();
    if (lower == QLatin1String("inbox"))
        return QStringLiteral("INBOX");
    if (wellKnown().contains(lower))
        return specialFolder(s, user, wellKnown().value(lower));
    const auto name = s->ids.folderName(user, id);
    if (!name)
        return std::nullopt;
    // The folder may have been deleted or renamed since the id was handed out.
    const auto folders = s->ctx.mailStore->listFolders(user);
    if (!folders)
        return std::nullopt;
    for (const FolderInfo &f : *folders)
        if (f.name == *name)
            return f.name;
    return std::nullopt;
}

QJsonObject ApiFolders::folderJson(ApiServices *s, const QString &user, const QString &name)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), s->ids.folderId(user, name));
    const QString parent = parentOf(name);
    o.insert(QStringLiteral("displayName"), name == QLatin1String("INBOX") ? QStringLiteral("Inbox")
                                                                           : name.mid(name.lastIndexOf(QLatin1Char('/')) + 1));
    o.insert(QStringLiteral("parentFolderId"), parent.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                                : QJsonValue(s->ids.folderId(user, parent)));
    const auto folders = s->ctx.mailStore->listFolders(user);
    int children = 0;
    QString specialUse;
    if (folders) {
        for (const FolderInfo &f : *folders) {
            if (parentOf(f.name) == name)
                ++children;
            if (f.name == name)
                specialUse = f.specialUse;
        }
    }
    o.insert(QStringLiteral("childFolderCount"), children);
    const auto status = s->ctx.mailStore->folderStatus(user, name);
    o.insert(QStringLiteral("totalItemCount"), status ? status->messages : 0);
    o.insert(QStringLiteral("unreadItemCount"), status ? status->unseen : 0);
    o.insert(QStringLiteral("sizeInBytes"), status ? status->sizeBytes : 0);
    const QString wk = wellKnownNameOf(specialUse, name);
    if (!wk.isEmpty())
        o.insert(QStringLiteral("wellKnownName"), wk);
    return o;
}

QSharedPointer<Mailbox> ApiFolders::mailbox(ApiServices *s, const QString &user, const QString &folder, StoreError *error)
{
    auto &recent = s->recentMailboxes;
    for (int i = 0; i < recent.size(); ++i) {
        const QSharedPointer<Mailbox> &box = recent[i];
        if (box->owner() == user && box->name() == folder) {
            if (!box->isValid()) {
                recent.removeAt(i);
                break;
            }
            if (i > 0)
                recent.move(i, 0);
            return recent.first();
        }
    }
    QSharedPointer<Mailbox> box = s->ctx.mailStore->openMailbox(user, folder, error);
    if (box && box->isValid()) {
        recent.prepend(box);
        while (recent.size() > ApiServices::KeepOpenMailboxes)
            recent.removeLast();
    }
    return box;
}

QSharedPointer<Mailbox> ApiFolders::open(ApiServices *s, const ApiCallPtr &call, const QString &folder)
{
    StoreError error;
    QSharedPointer<Mailbox> box = mailbox(s, call->user, folder, &error);
    if (!box || !box->isValid()) {
        call->respond(storeError(int(error.isError() ? error.code : StoreErrorCode::NotFound), error.message));
        return {};
    }
    return box;
}

void ApiFolders::registerRoutes(ApiRouter &router, ApiServices *s)
{
    using A = ApiRouter::Access;
    const QString base = QStringLiteral("/api/v1/me/mailFolders");
    router.add("GET", base, A::User, [s](const ApiCallPtr &c) { listChildren(c, s, QString()); });
    router.add("POST", base, A::User, [s](const ApiCallPtr &c) { create(c, s, QString()); });
    router.add("GET", base + QStringLiteral("/{}"), A::User, [s](const ApiCallPtr &c) {
        withFolder(c, s, [&](const QString &name) { c->respond(ApiResponse::json(200, folderJson(s, c->user, name))); });
    });
    router.add("PATCH", base + QStringLiteral("/{}"), A::User, [s](const ApiCallPtr &c) {
        withFolder(c, s, [&](const QString &name) {
            const auto newName = displayNameFrom(c);
            if (!newName)
                return;
            const QString parent = parentOf(name);
            const QString target = parent.isEmpty() ? *newName : parent + QLatin1Char('/') + *newName;
            if (target == name)
                return c->respond(ApiResponse::json(200, folderJson(s, c->user, name)));
            if (name == QLatin1String("INBOX"))
                return c->respond(storeError(int(StoreErrorCode::NotPermitted), QString()));
            StoreError error;
            if (!s->ctx.mailStore->renameFolder(c->user, name, target, &error))
                return c->respond(storeError(int(error.code), error.message));
            c->respond(ApiResponse::json(200, folderJson(s, c->user, target)));
        });
    });
    router.add("DELETE", base + QStringLiteral("/{}"), A::User, [s](const ApiCallPtr &c) {
        withFolder(c, s, [&](const QString &name) {
            const QJsonObject info = folderJson(s, c->user, name);
            if (info.contains(QLatin1String("wellKnownName")))
                return c->respond(ApiResponse::error(403, QStringLiteral("ErrorDeleteDistinguishedFolder"),
                                                     QStringLiteral("Well-known folders cannot be deleted.")));
            StoreError error;
            if (!s->ctx.mailStore->deleteFolder(c->user, name, &error))
                return c->respond(storeError(int(error.code), error.message));
            c->respond(ApiResponse::noContent());
        });
    });
    router.add("GET", base + QStringLiteral("/{}/childFolders"), A::User, [s](const ApiCallPtr &c) {
        withFolder(c, s, [&](const QString &name) { listChildren(c, s, name); });
    });
    router.add("POST", base + QStringLiteral("/{}/childFolders"), A::User, [s](const ApiCallPtr &c) {
        withFolder(c, s, [&](const QString &name) { create(c, s, name); });
    });
}
