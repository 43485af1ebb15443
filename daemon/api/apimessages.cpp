#include "apimessages.h"

#include "apifolders.h"
#include "apilistquery.h"
#include "apirouter.h"
#include "apiservices.h"
#include "mailbox.h"
#include "mailstore.h"
#include "mimemessage.h"

#include <QJsonDocument>
#include <QUrl>
#include <algorithm>

namespace {
ApiResponse notFound()
{
    return ApiResponse::error(404, QStringLiteral("ErrorItemNotFound"),
                              QStringLiteral("The specified object was not found in the store."));
}

ApiResponse badRequest(const QString &message)
{
    return ApiResponse::error(400, QStringLiteral("BadRequest"), message);
}

struct Located {
    QSharedPointer<Mailbox> box;
    MessageInfo info;
    ApiIds::MessageRef ref;
};

// The message of args[index] for this user, or answers 404.
std::optional<Located> locate(const ApiCallPtr &call, ApiServices *s, int index = 0)
{
    const auto ref = s->ids.message(call->user, call->args.value(index));
    if (!ref) {
        call->respond(notFound());
        return std::nullopt;
    }
    StoreError error;
    QSharedPointer<Mailbox> box = ApiFolders::mailbox(s, call->user, ref->folder, &error);
    const MessageInfo *info = box && box->isValid() && box->uidValidity() == ref->uidValidity ? box->message(ref->uid)
                                                                                             : nullptr;
    if (!info) {
        call->respond(notFound());
        return std::nullopt;
    }
    return Located{box, *info, *ref};
}

QJsonObject listItem(ApiServices *s, const QString &user, Mailbox *box, const MessageInfo &info,
                     const ApiMessageSummary &summary)
{
    QJsonObject o = summary.fields;
    o.insert(QStringLiteral("id"), s->ids.messageId(user, {box->name(), box->uidValidity(), info.uid}));
    o.insert(QStringLiteral("parentFolderId"), s->ids.folderId(user, box->name()));
    ApiMessageJson::addIndexFields(o, info);
    return o;
}

bool preferText(const ApiCallPtr &call)
{
    return call->header("prefer").contains("outlook.body-content-type=\"text\"")
        || call->header("prefer").contains("outlook.body-content-type=text");
}

// The full message object (with body), or answers 404/500.
std::optional<QJsonObject> fullMessage(const ApiCallPtr &call, ApiServices *s, const Located &m)
{
    const auto data = m.box->readMessage(m.info.uid);
    if (!data) {
        call->respond(notFound());
        return std::nullopt;
    }
    const MimeMessage message = MimeMessage::parse(*data);
    const ApiMessageSummary *summary = s->cache.get(m.box.data(), m.info);
    QJsonObject o = listItem(s, call->user, m.box.data(), m.info,
                             summary ? *summary : ApiMessageJson::summarize(message));
    o.insert(QStringLiteral("body"), ApiMessageJson::body(message, preferText(call)));
    return o;
}

bool matches(const ApiListQuery &q, const MessageInfo &info, const ApiMessageSummary *summary)
{
    for (const ApiListQuery::Clause &c : q.filter) {
        switch (c.field) {
        case ApiListQuery::Field::IsRead:
            if (bool(info.flags & MessageFlag::Seen) != c.flag)
                return false;
            break;
        case ApiListQuery::Field::IsDraft:
            if (bool(info.flags & MessageFlag::Draft) != c.flag)
                return false;
            break;
        case ApiListQuery::Field::Flagged:
            if (bool(info.flags & MessageFlag::Flagged) != c.flag)
                return false;
            break;
        case ApiListQuery::Field::Received: {
            const qint64 t = info.internalDate;
            const bool ok = c.op == ApiListQuery::Op::Eq ? t == c.time
                : c.op == ApiListQuery::Op::Ge           ? t >= c.time
                : c.op == ApiListQuery::Op::Gt           ? t > c.time
                : c.op == ApiListQuery::Op::Le           ? t <= c.time
                                                         : t < c.time;
            if (!ok)
                return false;
            break;
        }
        case ApiListQuery::Field::FromAddress:
            if (!summary || summary->fromAddress != c.text)
                return false;
            break;
        case ApiListQuery::Field::HasAttachments:
            if (!summary || summary->hasAttachments != c.flag)
                return false;
            break;
        }
    }
    return true;
}

struct Item {
    Mailbox *box;
    const MessageInfo *info;
    // Copied out for sorting: cache entries may be evicted while the list is built.
    qint64 sentTime;
    QString subject;
};

void list(const ApiCallPtr &call, ApiServices *s, bool oneFolder)
{
    QString error;
    const auto query = ApiListQuery::parse(call->query, &error);
    if (!query)
        return call->respond(badRequest(error));
    QVector<QSharedPointer<Mailbox>> boxes;
    if (oneFolder) {
        const auto name = ApiFolders::resolve(s, call->user, call->args.value(0));
        if (!name)
            return call->respond(notFound());
        if (auto box = ApiFolders::open(s, call, *name))
            boxes << box;
        else
            return;
    } else {
        const auto folders = s->ctx.mailStore->listFolders(call->user);
        if (!folders)
            return call->respond(ApiFolders::storeError(int(StoreErrorCode::Io), QString()));
        for (const FolderInfo &f : *folders)
            if (auto box = ApiFolders::mailbox(s, call->user, f.name))
                boxes << box;
    }
    const bool content = query->needsContent();
    // Snapshots: reading a message may make the mailbox sync (a concurrent rename), which
    // replaces its message list; the items must not point into that.
    QVector<QVector<MessageInfo>> snapshots;
    snapshots.reserve(boxes.size());
    QVector<Item> items;
    for (const auto &box : std::as_const(boxes)) {
        snapshots.append(box->messages());
        for (const MessageInfo &info : std::as_const(snapshots.last())) {
            const ApiMessageSummary *summary = content ? s->cache.get(box.data(), info) : nullptr;
            if (matches(*query, info, summary))
                items.append({box.data(), &info, summary ? summary->sentTime : 0,
                              summary ? summary->subject : QString()});
        }
    }
    const auto less = [&](const Item &a, const Item &b) {
        switch (query->order) {
        case ApiListQuery::Order::Sent:
            if (a.sentTime != b.sentTime)
                return a.sentTime < b.sentTime;
            break;
        case ApiListQuery::Order::Subject:
            if (const int c = a.subject.compare(b.subject, Qt::CaseInsensitive))
                return c < 0;
            break;
        case ApiListQuery::Order::Received:
            if (a.info->internalDate != b.info->internalDate)
                return a.info->internalDate < b.info->internalDate;
            break;
        }
        if (a.box != b.box)
            return a.box->name() < b.box->name();
        return a.info->uid < b.info->uid;
    };
    if (query->descending)
        std::stable_sort(items.begin(), items.end(), [&](const Item &a, const Item &b) { return less(b, a); });
    else
        std::stable_sort(items.begin(), items.end(), less);

    const bool withBody = query->select.contains(QLatin1String("body"));
    const bool fast = query->select.isEmpty(); // the default shape: serialised without QJsonObject
    QJsonArray value;
    QByteArrayList entries;
    QHash<Mailbox *, QByteArray> folderIds;
    const int end = int(qMin<qint64>(items.size(), qint64(query->skip) + query->top));
    for (int i = query->skip; i < end; ++i) {
        const Item &it = items[i];
        const ApiMessageSummary *summary = s->cache.get(it.box, *it.info);
        if (!summary)
            continue; // vanished between listing and reading (expunged by IMAP)
        if (fast) {
            ApiMessageSummary *entry = s->cache.get(it.box, *it.info); // the same object, writable
            if (!entry)
                continue;
            if (entry->idJson.isEmpty()) {
                entry->idJson = s->ids.messageId(call->user, {it.box->name(), it.box->uidValidity(), it.info->uid}).toLatin1();
                entry->receivedJson = ApiMessageJson::isoTime(it.info->internalDate).toLatin1();
            }
            QByteArray &folderId = folderIds[it.box];
            if (folderId.isEmpty())
                folderId = s->ids.folderId(call->user, it.box->name()).toLatin1();
            entries << ApiMessageJson::listEntryJson(*entry, folderId, *it.info);
            continue;
        }
        QJsonObject o = listItem(s, call->user, it.box, *it.info, *summary);
        if (withBody) {
            if (const auto data = it.box->readMessage(it.info->uid))
                o.insert(QStringLiteral("body"), ApiMessageJson::body(MimeMessage::parse(*data), preferText(call)));
        }
        value.append(ApiMessageJson::select(o, query->select));
    }
    QString nextLink;
    if (end < items.size()) {
        QUrl next;
        next.setScheme(call->secure ? QStringLiteral("https") : QStringLiteral("http"));
        const QByteArray host = call->header("host");
        next.setAuthority(host.isEmpty() ? QStringLiteral("localhost") : QString::fromLatin1(host));
        next.setPath(call->path);
        QUrlQuery q = call->query;
        q.removeAllQueryItems(QStringLiteral("$skip"));
        q.removeAllQueryItems(QStringLiteral("$top"));
        q.addQueryItem(QStringLiteral("$top"), QString::number(query->top));
        q.addQueryItem(QStringLiteral("$skip"), QString::number(end));
        next.setQuery(q);
        nextLink = next.toString(QUrl::FullyEncoded);
    }
    if (fast) {
        QByteArray body = "{";
        if (query->count)
            body += "\"@odata.count\":" + QByteArray::number(items.size()) + ',';
        if (!nextLink.isEmpty()) {
            const QByteArray quoted = QJsonDocument(QJsonArray{nextLink}).toJson(QJsonDocument::Compact);
            body += "\"@odata.nextLink\":" + quoted.mid(1, quoted.size() - 2) + ',';
        }
        body += "\"value\":[" + entries.join(',') + "]}";
        return call->respond(ApiResponse::bytes(200, "application/json; charset=utf-8", body));
    }
    QJsonObject out{{QStringLiteral("value"), value}};
    if (query->count)
        out.insert(QStringLiteral("@odata.count"), items.size());
    if (!nextLink.isEmpty())
        out.insert(QStringLiteral("@odata.nextLink"), nextLink);
    call->respond(ApiResponse::json(200, out));
}

void getMessage(const ApiCallPtr &call, ApiServices *s)
{
    const auto m = locate(call, s);
    if (!m)
        return;
    QString error;
    const auto query = ApiListQuery::parse(call->query, &error);
    if (!query)
        return call->respond(badRequest(error));
    if (const auto o = fullMessage(call, s, *m))
        call->respond(ApiResponse::json(200, ApiMessageJson::select(*o, query->select)));
}

void rawMessage(const ApiCallPtr &call, ApiServices *s)
{
    const auto m = locate(call, s);
    if (!m)
        return;
    const auto data = m->box->readMessage(m->info.uid);
    if (!data)
        return call->respond(notFound());
    call->respond(ApiResponse::bytes(200, "message/rfc822", *data));
}

void attachments(const ApiCallPtr &call, ApiServices *s, bool one)
{
    const auto m = locate(call, s);
    if (!m)
        return;
    int part = -1;
    if (one) {
        const QString aid = call->args.value(1);
        bool ok = aid.startsWith(QLatin1Char('a'));
        part = ok ? aid.mid(1).toInt(&ok) : -1;
        if (!ok || part < 0)
            return call->respond(notFound());
    }
    const auto data = m->box->readMessage(m->info.uid);
    if (!data)
        return call->respond(notFound());
    const QJsonArray list = ApiMessageJson::attachments(MimeMessage::parse(*data), true, part);
    if (one)
        return list.isEmpty() ? call->respond(notFound()) : call->respond(ApiResponse::json(200, list.first().toObject()));
    call->respond(ApiResponse::json(200, QJsonObject{{QStringLiteral("value"), list}}));
}

void patch(const ApiCallPtr &call, ApiServices *s)
{
    const auto m = locate(call, s);
    if (!m)
        return;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(call->body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return call->respond(badRequest(QStringLiteral("Expected a JSON object.")));
    quint8 add = 0, remove = 0;
    const QJsonObject o = doc.object();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() == QLatin1String("isRead") && it.value().isBool()) {
            (it.value().toBool() ? add : remove) |= MessageFlag::Seen;
        } else if (it.key() == QLatin1String("flag") && it.value().isObject()) {
            const QString status = it.value().toObject().value(QLatin1String("flagStatus")).toString();
            if (status == QLatin1String("flagged"))
                add |= MessageFlag::Flagged;
            else if (status == QLatin1String("notFlagged") || status == QLatin1String("complete"))
                remove |= MessageFlag::Flagged;
            else
                return call->respond(badRequest(QStringLiteral("flag.flagStatus must be flagged, notFlagged or complete.")));
        } else if (!it.key().startsWith(QLatin1Char('@'))) {
            return call->respond(badRequest(QStringLiteral("Only isRead and flag can be changed.")));
        }
    }
    StoreError error;
    if (add && !m->box->storeFlags({m->info.uid}, FlagOperation::Add, add, {}, 0, nullptr, nullptr, &error))
        return call->respond(ApiFolders::storeError(int(error.code), error.message));
    if (remove && !m->box->storeFlags({m->info.uid}, FlagOperation::Remove, remove, {}, 0, nullptr, nullptr, &error))
        return call->respond(ApiFolders::storeError(int(error.code), error.message));
    const MessageInfo *now = m->box->message(m->info.uid);
    if (!now)
        return call->respond(notFound());
    Located updated = *m;
    updated.info = *now;
    if (const auto full = fullMessage(call, s, updated))
        call->respond(ApiResponse::json(200, *full));
}

void remove(const ApiCallPtr &call, ApiServices *s)
{
    const auto m = locate(call, s);
    if (!m)
        return;
    const auto trash = ApiFolders::specialFolder(s, call->user, QStringLiteral("\\Trash"));
    StoreError error;
    if (!trash || *trash == m->box->name()) {
        if (!m->box->expunge({m->info.uid}, &error))
            return call->respond(ApiFolders::storeError(int(error.code), error.message));
    } else if (!m->box->moveTo({m->info.uid}, *trash, nullptr, &error)) {
        return call->respond(ApiFolders::storeError(int(error.code), error.message));
    }
    call->respond(ApiResponse::noContent());
}

void transfer(const ApiCallPtr &call, ApiServices *s, bool move)
{
    const auto m = locate(call, s);
    if (!m)
        return;
    const QJsonDocument doc = QJsonDocument::fromJson(call->body);
    const QString destinationId = doc.object().value(QLatin1String("destinationId")).toString();
    if (!doc.isObject() || destinationId.isEmpty())
        return call->respond(badRequest(QStringLiteral("destinationId is required.")));
    const auto target = ApiFolders::resolve(s, call->user, destinationId);
    if (!target)
        return call->respond(notFound());
    StoreError error;
    const auto uids = move ? m->box->moveTo({m->info.uid}, *target, nullptr, &error)
                           : m->box->copyTo({m->info.uid}, *target, nullptr, &error);
    if (!uids || uids->isEmpty())
        return call->respond(ApiFolders::storeError(int(error.isError() ? error.code : StoreErrorCode::NotFound),
                                                    error.message));
    QSharedPointer<Mailbox> dest = ApiFolders::mailbox(s, call->user, *target);
    if (dest)
        dest->sync();
    const MessageInfo *info = dest ? dest->message(uids->first()) : nullptr;
    if (!info)
        return call->respond(ApiResponse::noContent());
    if (const auto full = fullMessage(call, s, Located{dest, *info, {dest->name(), dest->uidValidity(), info->uid}}))
        call->respond(ApiResponse::json(201, *full));
}
}

void ApiMessages::registerRoutes(ApiRouter &router, ApiServices *s)
{
    using A = ApiRouter::Access;
    const QString msg = QStringLiteral("/api/v1/me/messages");
    const QString folderMsg = QStringLiteral("/api/v1/me/mailFolders/{}/messages");
    router.add("GET", msg, A::User, [s](const ApiCallPtr &c) { list(c, s, false); });
    router.add("GET", folderMsg, A::User, [s](const ApiCallPtr &c) { list(c, s, true); });
    // /me/mailFolders/{fid}/messages/{id}/...: the folder segment is checked by the id itself.
    const auto dropFolder = [](auto f) {
        return [f](const ApiCallPtr &c) {
            c->args.removeFirst();
            f(c);
        };
    };
    struct Sub {
        QByteArray method;
        QString suffix;
        ApiRouter::Handler handler;
    };
    const QVector<Sub> subs = {
        {"GET", QString(), [s](const ApiCallPtr &c) { getMessage(c, s); }},
        {"PATCH", QString(), [s](const ApiCallPtr &c) { patch(c, s); }},
        {"DELETE", QString(), [s](const ApiCallPtr &c) { remove(c, s); }},
        {"GET", QStringLiteral("/$value"), [s](const ApiCallPtr &c) { rawMessage(c, s); }},
        {"GET", QStringLiteral("/attachments"), [s](const ApiCallPtr &c) { attachments(c, s, false); }},
        {"GET", QStringLiteral("/attachments/{}"), [s](const ApiCallPtr &c) { attachments(c, s, true); }},
        {"POST", QStringLiteral("/move"), [s](const ApiCallPtr &c) { transfer(c, s, true); }},
        {"POST", QStringLiteral("/copy"), [s](const ApiCallPtr &c) { transfer(c, s, false); }},
    };
    for (const Sub &sub : subs) {
        router.add(sub.method, msg + QStringLiteral("/{}") + sub.suffix, A::User, sub.handler);
        router.add(sub.method, folderMsg + QStringLiteral("/{}") + sub.suffix, A::User, dropFolder(sub.handler));
    }
}
