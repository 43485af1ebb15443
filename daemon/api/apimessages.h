// Graph message resources over the mail store: list (paging, $select/$filter/$orderby/
// $count), get, $value (raw MIME), attachments, PATCH (isRead, flag), DELETE (to Deleted
// Items, or for good from there), move and copy. IMAP sees every change at once (same
// Mailbox objects). Ids from ApiIds: another user's id is 404 with no hint.
#pragma once

class ApiRouter;
struct ApiServices;

namespace ApiMessages {
void registerRoutes(ApiRouter &router, ApiServices *services);
}
