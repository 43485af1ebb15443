// POST /api/v1/me/sendMail: builds an RFC 5322 message from a Graph message object
// (subject, body text|html, to/cc/bcc/replyTo, fileAttachments), checks that the user
// owns the From address (the SMTP submission rule), streams it into the delivery queue,
// answers 202 only after the queue's fsync, and saves a copy in Sent Items.
// Trusts nothing in the request: header values are checked for CR/LF and encoded.
#pragma once

#include "apicall.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>

class ApiRouter;
struct ApiServices;

namespace ApiSendMail {
void registerRoutes(ApiRouter &router, ApiServices *services);

struct Composed {
    QByteArray data;            // the message, CRLF line ends
    QString sender;             // envelope sender (the From address)
    QStringList recipients;     // to + cc + bcc, normalised, no duplicates
    QString error;              // non-empty: 400 with this message
};
// Pure: the message for `user` (display name `displayName`) from a Graph message object.
// A draft may have no recipients and keeps its Bcc header (removed when it is sent).
Composed compose(const QJsonObject &message, const QString &user, const QString &displayName,
                 const QString &hostname, qint64 nowSeconds, bool draft = false);
// Removes every Bcc field (with its continuation lines) from the message's header.
QByteArray withoutBcc(const QByteArray &message);
// Checks ownership, limits and size, queues the message (202 after the queue's fsync) and
// stores a copy in Sent when asked; `afterQueued` runs before the 202 (e.g. drop the draft).
void submit(const ApiCallPtr &call, ApiServices *s, const Composed &message, bool saveToSent,
            std::function<void()> afterQueued = {});
}
