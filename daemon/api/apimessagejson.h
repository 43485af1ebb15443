// Graph-shaped JSON for messages: the parts that come from the message's content
// (subject, addresses, dates, preview, attachments; parsed once and cached per message,
// since content never changes under a UID) and the parts that come from the store's
// index (isRead, isDraft, flag, receivedDateTime). Trusts nothing in the message.
#pragma once

#include "messageinfo.h"

#include <QCache>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <memory>

class MimeMessage;
class Mailbox;

struct ApiMessageSummary {
    QJsonObject fields;      // content-derived Graph fields (no id, no flags)
    QByteArray fieldsJson;   // the same, serialised, without the outer braces (list fast path)
    QString fromAddress;     // lower case, for $filter
    QString subject;         // for $orderby
    qint64 sentTime = 0;     // for $orderby
    bool hasAttachments = false;
    // Filled on first listing (the cache key holds owner, folder, UIDVALIDITY and UID, so
    // these never change for an entry): the opaque id and the received time, serialised.
    QByteArray idJson;
    QByteArray receivedJson;
};

namespace ApiMessageJson {
QString isoTime(qint64 secondsSinceEpoch);
ApiMessageSummary summarize(const MimeMessage &message);
// isRead, isDraft, flag, receivedDateTime from the index.
void addIndexFields(QJsonObject &object, const MessageInfo &info);
// One list entry as compact JSON, without building a QJsonObject (the paging hot path).
QByteArray listEntryJson(const ApiMessageSummary &summary, const QByteArray &parentFolderId, const MessageInfo &info);
// {"contentType": "html"|"text", "content": ...}; text when asked or when there is no HTML.
QJsonObject body(const MimeMessage &message, bool preferText);
// fileAttachment objects; contentBytes only when withContent. Ids are "a<part index>".
QJsonArray attachments(const MimeMessage &message, bool withContent, int onlyPart = -1);
// Keeps only the selected properties (plus id and @odata.etag as Graph does).
QJsonObject select(const QJsonObject &object, const QStringList &properties);
}

// Summaries by message, bounded; a re-used UID can't collide because UIDVALIDITY is in the key.
class ApiMessageCache
{
public:
    static constexpr int MaxEntries = 50000;
    ApiMessageCache() : m_cache(MaxEntries) {}
    // The summary of this message (parsed from the store on a miss); nullptr when unreadable.
    ApiMessageSummary *get(Mailbox *mailbox, const MessageInfo &info);

private:
    QCache<QString, ApiMessageSummary> m_cache;
};
