#include "apimessagejson.h"

#include "apijwt.h"
#include "mailbox.h"
#include "mimecontent.h"
#include "mimemessage.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>

QString ApiMessageJson::isoTime(qint64 secondsSinceEpoch)
{
    return QDateTime::fromSecsSinceEpoch(secondsSinceEpoch, Qt::UTC).toString(Qt::ISODate);
}

static QJsonObject recipient(const MimeAddress::Mailbox &m)
{
    return QJsonObject{{QStringLiteral("emailAddress"),
                        QJsonObject{{QStringLiteral("name"), m.name.isEmpty() ? m.address : m.name},
                                    {QStringLiteral("address"), m.address}}}};
}

static QJsonArray recipients(const QList<MimeAddress::Mailbox> &list)
{
    QJsonArray a;
    for (const auto &m : list)
        a.append(recipient(m));
    return a;
}

static QString importance(const MimeMessage &msg)
{
    // Importance: high|normal|low (RFC 2156), else X-Priority 1-2 high, 4-5 low.
    const QByteArray imp = msg.headerValue(0, "Importance").trimmed().toLower();
    if (imp == "high" || imp == "low")
        return QString::fromLatin1(imp);
    const QByteArray prio = msg.headerValue(0, "X-Priority").trimmed();
    if (prio.startsWith('1') || prio.startsWith('2'))
        return QStringLiteral("high");
    if (prio.startsWith('4') || prio.startsWith('5'))
        return QStringLiteral("low");
    return QStringLiteral("normal");
}

ApiMessageSummary ApiMessageJson::summarize(const MimeMessage &message)
{
    const MimeContent content(message);
    ApiMessageSummary s;
    QJsonObject &f = s.fields;
    s.subject = content.subject();
    f.insert(QStringLiteral("subject"), s.subject);
    const auto from = content.addresses("From");
    const auto sender = content.addresses("Sender");
    if (!from.isEmpty()) {
        f.insert(QStringLiteral("from"), recipient(from.first()));
        s.fromAddress = from.first().address.toLower();
    }
    if (!sender.isEmpty())
        f.insert(QStringLiteral("sender"), recipient(sender.first()));
    else if (!from.isEmpty())
        f.insert(QStringLiteral("sender"), recipient(from.first()));
    f.insert(QStringLiteral("toRecipients"), recipients(content.addresses("To")));
    f.insert(QStringLiteral("ccRecipients"), recipients(content.addresses("Cc")));
    f.insert(QStringLiteral("bccRecipients"), recipients(content.addresses("Bcc")));
    f.insert(QStringLiteral("replyTo"), recipients(content.addresses("Reply-To")));
    if (const auto date = content.date()) {
        s.sentTime = date->toSecsSinceEpoch();
        f.insert(QStringLiteral("sentDateTime"), isoTime(s.sentTime));
    }
    const QByteArray messageId = content.messageId();
    f.insert(QStringLiteral("internetMessageId"), QString::fromLatin1(messageId));
    // Conversation: the thread's root id (first References entry, else In-Reply-To, else own id).
    QByteArray root = content.references().value(0);
    if (root.isEmpty())
        root = content.inReplyTo().value(0);
    if (root.isEmpty())
        root = messageId;
    if (!root.isEmpty())
        f.insert(QStringLiteral("conversationId"),
                 QString::fromLatin1(ApiJwt::encodeBase64Url(
                     QCryptographicHash::hash(root, QCryptographicHash::Sha256).left(16))));
    f.insert(QStringLiteral("importance"), importance(message));
    f.insert(QStringLiteral("bodyPreview"), content.preview(255));
    bool any = false;
    for (const auto &a : content.attachments())
        any = any || !a.isInline;
    s.hasAttachments = any;
    f.insert(QStringLiteral("hasAttachments"), any);
    s.fieldsJson = QJsonDocument(f).toJson(QJsonDocument::Compact);
    s.fieldsJson = s.fieldsJson.mid(1, s.fieldsJson.size() - 2);
    return s;
}

void ApiMessageJson::addIndexFields(QJsonObject &o, const MessageInfo &info)
{
    o.insert(QStringLiteral("receivedDateTime"), isoTime(info.internalDate));
    o.insert(QStringLiteral("isRead"), bool(info.flags & MessageFlag::Seen));
    o.insert(QStringLiteral("isDraft"), bool(info.flags & MessageFlag::Draft));
    o.insert(QStringLiteral("flag"), QJsonObject{{QStringLiteral("flagStatus"), (info.flags & MessageFlag::Flagged)
                                                                                  ? QStringLiteral("flagged")
                                                                                  : QStringLiteral("notFlagged")}});
    o.insert(QStringLiteral("@odata.etag"), QStringLiteral("W/\"%1\"").arg(info.modSeq));
}

QByteArray ApiMessageJson::listEntryJson(const ApiMessageSummary &summary, const QByteArray &parentFolderId,
                                         const MessageInfo &info)
{
    // Ids are base64url and times ISO 8601: nothing in them needs JSON escaping.
    QByteArray out;
    out.reserve(summary.fieldsJson.size() + 300);
    out += "{\"@odata.etag\":\"W/\\\"" + QByteArray::number(info.modSeq) + "\\\"\",";
    if (!summary.fieldsJson.isEmpty())
        out += summary.fieldsJson + ',';
    out += "\"flag\":{\"flagStatus\":\"";
    out += (info.flags & MessageFlag::Flagged) ? "flagged" : "notFlagged";
    out += "\"},\"id\":\"" + summary.idJson + "\",\"isDraft\":";
    out += (info.flags & MessageFlag::Draft) ? "true" : "false";
    out += ",\"isRead\":";
    out += (info.flags & MessageFlag::Seen) ? "true" : "false";
    out += ",\"parentFolderId\":\"" + parentFolderId + "\",\"receivedDateTime\":\"" + summary.receivedJson + "\"}";
    return out;
}

QJsonObject ApiMessageJson::body(const MimeMessage &message, bool preferText)
{
    const MimeContent content(message);
    const auto html = preferText ? std::nullopt : content.htmlBody();
    if (html)
        return QJsonObject{{QStringLiteral("contentType"), QStringLiteral("html")},
                           {QStringLiteral("content"), html->text}};
    const auto text = content.textBody();
    QString plain = text ? text->text : QString();
    if (!text && preferText) {
        // Only HTML: the preview machinery's plain text is the best text we have.
        plain = content.preview(1 << 20);
    }
    return QJsonObject{{QStringLiteral("contentType"), QStringLiteral("text")}, {QStringLiteral("content"), plain}};
}

QJsonArray ApiMessageJson::attachments(const MimeMessage &message, bool withContent, int onlyPart)
{
    const MimeContent content(message);
    QJsonArray out;
    for (const auto &a : content.attachments()) {
        if (onlyPart >= 0 && a.partIndex != onlyPart)
            continue;
        QJsonObject o{{QStringLiteral("@odata.type"), QStringLiteral("#microsoft.graph.fileAttachment")},
                      {QStringLiteral("id"), QStringLiteral("a%1").arg(a.partIndex)},
                      {QStringLiteral("name"), a.name},
                      {QStringLiteral("contentType"), QString::fromLatin1(a.contentType)},
                      {QStringLiteral("size"), a.size},
                      {QStringLiteral("isInline"), a.isInline},
                      {QStringLiteral("contentId"), QString::fromLatin1(a.contentId)}};
        if (withContent)
            o.insert(QStringLiteral("contentBytes"), QString::fromLatin1(content.decodedPart(a.partIndex).toBase64()));
        out.append(o);
    }
    return out;
}

QJsonObject ApiMessageJson::select(const QJsonObject &object, const QStringList &properties)
{
    if (properties.isEmpty())
        return object;
    QJsonObject out;
    out.insert(QStringLiteral("id"), object.value(QStringLiteral("id")));
    out.insert(QStringLiteral("@odata.etag"), object.value(QStringLiteral("@odata.etag")));
    for (const QString &p : properties) {
        const auto it = object.constFind(p);
        if (it != object.constEnd())
            out.insert(p, *it);
    }
    return out;
}

ApiMessageSummary *ApiMessageCache::get(Mailbox *mailbox, const MessageInfo &info)
{
    const QString key = mailbox->owner() + QLatin1Char('\n') + mailbox->name() + QLatin1Char('\n')
        + QString::number(mailbox->uidValidity()) + QLatin1Char(':') + QString::number(info.uid);
    if (ApiMessageSummary *hit = m_cache.object(key))
        return hit;
    const auto data = mailbox->readMessage(info.uid);
    if (!data)
        return nullptr;
    auto *summary = new ApiMessageSummary(ApiMessageJson::summarize(MimeMessage::parse(*data)));
    m_cache.insert(key, summary);
    return m_cache.object(key);
}
