// The Graph draft flow: POST /api/v1/me/messages stores a draft (the Graph message object
// built as in sendMail, Bcc kept) in the Drafts folder with \Draft; POST
// /api/v1/me/messages/{id}/send submits it through the queue (Bcc removed from the
// header), files a copy in Sent and removes the draft. Only messages in Drafts are sent.
#pragma once

class ApiRouter;
struct ApiServices;

namespace ApiDrafts {
void registerRoutes(ApiRouter &router, ApiServices *services);
}
