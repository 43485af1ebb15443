#include "apidrafts.h"

#include "accountstore.h"
#include "apifolders.h"
#include "apirouter.h"
#include "apisendmail.h"
#include "apiservices.h"
#include "mailaddress.h"
#include "mailbox.h"
#include "mimecontent.h"
#include "mimemessage.h"

#include <QDateTime>
#include <QJsonDocument>

namespace {
ApiResponse notFound()
{
    return ApiResponse::error(404, QStringLiteral("ErrorItemNotFound"),
                              QStringLiteral("The specified object was not found in the store."));
}

void createDraft(const ApiCallPtr &call, ApiServices *s)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(call->body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return call->respond(ApiResponse::error(400, QStringLiteral("ErrorInvalidRequest"),
                                                QStringLiteral("Expected a Graph message object.")));
    const auto account = s->ctx.accounts->user(call->user);
    const ApiSendMail::Composed c = ApiSendMail::compose(doc.object(), call->user, account ? account->displayName : QString(),
                                                         s->ctx.config->hostname, QDateTime::currentSecsSinceEpoch(), true);
    if (!c.error.isEmpty())
        return call->respond(ApiResponse::error(400, QStringLiteral("ErrorInvalidRecipients"), c.error));
    const auto drafts = ApiFolders::specialFolder(s, call->user, QStringLiteral("\\Drafts"));
    if (!drafts)
        return call->respond(notFound());
    QSharedPointer<Mailbox> box = ApiFolders::open(s, call, *drafts);
    if (!box)
        return;
    StoreError error;
    const auto uid = box->append(c.data, MessageFlag::Draft | MessageFlag::Seen, {}, 0, &error);
    if (!uid)
        return call->respond(ApiFolders::storeError(int(error.code), error.message));
    const QString id = s->ids.messageId(call->user, {box->name(), box->uidValidity(), *uid});
    QJsonObject out{{QStringLiteral("id"), id}, {QStringLiteral("isDraft"), true},
                    {QStringLiteral("parentFolderId"), s->ids.folderId(call->user, box->name())},
                    {QStringLiteral("subject"), doc.object().value(QLatin1String("subject")).toString()}};
    call->respond(ApiResponse::json(201, out).header("Location", "/api/v1/me/messages/" + id.toLatin1()));
}

void sendDraft(const ApiCallPtr &call, ApiServices *s)
{
    const auto ref = s->ids.message(call->user, call->args.value(0));
    QSharedPointer<Mailbox> box = ref ? ApiFolders::mailbox(s, call->user, ref->folder) : nullptr;
    const MessageInfo *info = box && box->uidValidity() == ref->uidValidity ? box->message(ref->uid) : nullptr;
    if (!info)
        return call->respond(notFound());
    if (ApiFolders::specialFolder(s, call->user, QStringLiteral("\\Drafts")) != box->name())
        return call->respond(ApiResponse::error(400, QStringLiteral("ErrorInvalidRequest"),
                                                QStringLiteral("Only messages in Drafts can be sent.")));
    const auto raw = box->readMessage(info->uid);
    if (!raw)
        return call->respond(notFound());
    const MimeMessage message = MimeMessage::parse(*raw);
    const MimeContent content(message);
    ApiSendMail::Composed c;
    const auto from = content.addresses("From");
    c.sender = from.isEmpty() ? call->user : from.first().address;
    for (const char *field : {"To", "Cc", "Bcc"})
        for (const auto &m : content.addresses(field)) {
            const MailAddress a = MailAddress::parse(m.address);
            if (a.isValid() && !c.recipients.contains(a.normalized()))
                c.recipients << a.normalized();
        }
    c.data = ApiSendMail::withoutBcc(*raw);
    const quint32 uid = info->uid;
    ApiSendMail::submit(call, s, c, true, [box, uid] { box->expunge({uid}); });
}
}

void ApiDrafts::registerRoutes(ApiRouter &router, ApiServices *s)
{
    router.add("POST", QStringLiteral("/api/v1/me/messages"), ApiRouter::Access::User,
               [s](const ApiCallPtr &c) { createDraft(c, s); });
    router.add("POST", QStringLiteral("/api/v1/me/messages/{}/send"), ApiRouter::Access::User,
               [s](const ApiCallPtr &c) { sendDraft(c, s); });
}
