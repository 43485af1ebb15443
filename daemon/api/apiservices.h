// What the API's route groups share: the daemon's service context (live config, store,
// queue, limiter, stats), the token secret, the id codec and the message summary cache.
// Owned by ApiServer; lives on the event-loop thread.
#pragma once

#include "apiids.h"
#include "apimessagejson.h"
#include "servicecontext.h"

#include <QByteArray>
#include <QList>
#include <QSharedPointer>

class Mailbox;
class QObject;

struct ApiServices {
    ServiceContext ctx;
    QObject *owner = nullptr;          // context object for asynchronous callbacks
    QByteArray secret;                 // JWT HMAC key
    ApiIds ids;
    ApiMessageCache cache;
    qint64 tokenLifetimeSeconds = 3600;
    // Recently used folders stay open (most recent first): opening one re-reads its index,
    // which would dominate every request otherwise.
    static constexpr int KeepOpenMailboxes = 64;
    QList<QSharedPointer<Mailbox>> recentMailboxes;
};
