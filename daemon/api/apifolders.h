// Graph mailFolder resources over the mail store: list, get, create, rename, delete and
// childFolders, with the well-known names (inbox, drafts, sentitems, deleteditems,
// junkemail, archive) mapped through the store's special-use flags. Also the folder
// resolution every message route uses. Ids come from ApiIds (404 for other users' ids).
#pragma once

#include "apicall.h"

#include <QSharedPointer>
#include <optional>

class ApiRouter;
class Mailbox;
struct StoreError;
struct ApiServices;

namespace ApiFolders {
void registerRoutes(ApiRouter &router, ApiServices *services);
// Folder name for an id or a well-known name of this user; nullopt when unknown.
std::optional<QString> resolve(ApiServices *s, const QString &user, const QString &idOrWellKnown);
// The folder with this special-use flag ("\\Sent", "\\Trash"), or nullopt.
std::optional<QString> specialFolder(ApiServices *s, const QString &user, const QString &specialUse);
QJsonObject folderJson(ApiServices *s, const QString &user, const QString &name);
// Opens a folder through the keep-open list (no answer on failure).
QSharedPointer<Mailbox> mailbox(ApiServices *s, const QString &user, const QString &folder, StoreError *error = nullptr);
// Opens a folder; on failure answers 404/500 and returns null.
QSharedPointer<Mailbox> open(ApiServices *s, const ApiCallPtr &call, const QString &folder);
// Maps a store error to an API error response.
ApiResponse storeError(int code, const QString &fallbackMessage);
}
