#include "queuecontrol.h"

#include "config.h"
#include "controlclient.h"
#include "controlmethods.h"
#include "controlprotocol.h"
#include "deliveryqueue.h"
#include "queuespool.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

using ControlProtocol::Reply;

void registerQueueControlMethods(ControlMethodTable &table, DeliveryQueue *queue)
{
    table.add(QStringLiteral("queue.list"), [queue](const ControlProtocol::Request &req, ControlMethodTable::Respond respond) {
        QJsonArray messages;
        for (const QueueEntry &e : queue->entries())
            messages.append(e.toStatusJson());
        respond(Reply::success(req.id, QJsonObject{{"messages", messages}}));
    });
    table.add(QStringLiteral("queue.show"), [queue](const ControlProtocol::Request &req, ControlMethodTable::Respond respond) {
        const QString id = req.params.value("id").toString();
        if (id.isEmpty())
            return respond(Reply::failure(req.id, ControlProtocol::ErrorCode::BadRequest, QStringLiteral("params.id is required")));
        const std::optional<QueueEntry> e = queue->entry(id);
        if (!e)
            return respond(Reply::failure(req.id, ControlProtocol::ErrorCode::NotFound, QStringLiteral("no queued message %1").arg(id)));
        respond(Reply::success(req.id, QJsonObject{{"message", e->toStatusJson()}}));
    });
    table.add(QStringLiteral("queue.retry"), [queue](const ControlProtocol::Request &req, ControlMethodTable::Respond respond) {
        const QString id = req.params.value("id").toString();
        if (id.isEmpty()) {
            queue->retryAll();
        } else if (!queue->retry(id)) {
            return respond(Reply::failure(req.id, ControlProtocol::ErrorCode::NotFound, QStringLiteral("no queued message %1").arg(id)));
        }
        respond(Reply::success(req.id, QJsonObject()));
    });
    table.add(QStringLiteral("queue.remove"), [queue](const ControlProtocol::Request &req, ControlMethodTable::Respond respond) {
        const QString id = req.params.value("id").toString();
        if (id.isEmpty())
            return respond(Reply::failure(req.id, ControlProtocol::ErrorCode::BadRequest, QStringLiteral("params.id is required")));
        QString error;
        if (!queue->entry(id))
            return respond(Reply::failure(req.id, ControlProtocol::ErrorCode::NotFound, QStringLiteral("no queued message %1").arg(id)));
        if (!queue->remove(id, &error))
            return respond(Reply::failure(req.id, ControlProtocol::ErrorCode::Failed, error));
        respond(Reply::success(req.id, QJsonObject()));
    });
    table.add(QStringLiteral("queue.flush"), [queue](const ControlProtocol::Request &req, ControlMethodTable::Respond respond) {
        queue->retryAll();
        respond(Reply::success(req.id, QJsonObject()));
    });
}

namespace {

// No daemon running: the same verbs on the spool files (nobody else touches them now).
Reply offline(const Config &config, const QString &method, const QJsonObject &params)
{
    const QString spool = config.mailRoot + QStringLiteral("/queue");
    QStringList problems;
    QVector<QueueEntry> entries;
    if (QDir(QueueSpool::msgDir(spool)).exists()) {
        const QStringList names = QDir(QueueSpool::msgDir(spool)).entryList({QStringLiteral("*.json")}, QDir::Files);
        for (const QString &name : names) {
            QueueEntry e;
            QString error;
            if (QueueSpool::readEnvelope(QueueSpool::msgDir(spool) + QLatin1Char('/') + name, &e, &error)) {
                e.size = QFileInfo(QueueSpool::dataPath(spool, e.id)).size();
                entries.append(e);
            }
        }
    }
    std::sort(entries.begin(), entries.end(), [](const QueueEntry &a, const QueueEntry &b) { return a.arrived < b.arrived; });
    const QString id = params.value("id").toString();
    auto find = [&]() -> QueueEntry * {
        for (QueueEntry &e : entries)
            if (e.id == id)
                return &e;
        return nullptr;
    };
    if (method == QLatin1String("queue.list")) {
        QJsonArray list;
        for (const QueueEntry &e : std::as_const(entries))
            list.append(e.toStatusJson());
        return Reply::success(1, QJsonObject{{"messages", list}});
    }
    if ((method == QLatin1String("queue.show") || method == QLatin1String("queue.remove")) && id.isEmpty())
        return Reply::failure(1, ControlProtocol::ErrorCode::BadRequest, QStringLiteral("an id is required"));
    QueueEntry *e = id.isEmpty() ? nullptr : find();
    if (!id.isEmpty() && !e)
        return Reply::failure(1, ControlProtocol::ErrorCode::NotFound, QStringLiteral("no queued message %1").arg(id));
    if (method == QLatin1String("queue.show"))
        return Reply::success(1, QJsonObject{{"message", e->toStatusJson()}});
    if (method == QLatin1String("queue.remove")) {
        QueueSpool::removeMessage(spool, id);
        return Reply::success(1, QJsonObject());
    }
    // retry / flush: due now at the next start
    for (QueueEntry &entry : entries) {
        if (e && entry.id != id)
            continue;
        entry.nextAttempt = QDateTime();
        QString error;
        if (!QueueSpool::writeEnvelope(spool, entry, &error))
            return Reply::failure(1, ControlProtocol::ErrorCode::Failed, error);
    }
    return Reply::success(1, QJsonObject());
}

void printEntry(QTextStream &out, const QJsonObject &m)
{
    out << m.value("id").toString() << "  " << m.value("arrived").toString() << "  "
        << m.value("size").toInteger() << " bytes  from <" << m.value("sender").toString() << ">\n";
    out << "    next attempt: " << m.value("next_attempt").toString() << "\n";
    for (const QJsonValue &v : m.value("recipients").toArray()) {
        const QJsonObject r = v.toObject();
        out << "    <" << r.value("address").toString() << ">  " << r.value("state").toString()
            << "  attempts=" << r.value("attempts").toInt();
        if (!r.value("last_error").toString().isEmpty())
            out << "  " << r.value("last_error").toString();
        out << "\n";
    }
}

} // namespace

int runQueueCommand(const QStringList &args, const Config &config, QTextStream &out, QTextStream &err)
{
    QStringList rest = args.mid(1);
    const bool json = rest.removeAll(QStringLiteral("--json")) > 0;
    const QString verb = rest.value(0);
    const QString id = rest.value(1);
    static const QStringList verbs{"list", "show", "retry", "remove", "flush"};
    if (!verbs.contains(verb) || ((verb == "show" || verb == "remove") && id.isEmpty()) || rest.size() > 2) {
        err << "usage: postroomd queue list|show ID|retry [ID]|remove ID|flush [--json]\n";
        return 2;
    }
    const QString method = QStringLiteral("queue.") + verb;
    QJsonObject params;
    if (!id.isEmpty())
        params.insert("id", id);
    Reply reply;
    QString error;
    const ControlClient::Result status = ControlClient::call(config.controlSocket, method, params, &reply, &error);
    if (status == ControlClient::Result::Failed) {
        err << "postroomd queue: " << error << "\n";
        return 1;
    }
    if (status == ControlClient::Result::NotRunning)
        reply = offline(config, method, params);
    if (!reply.ok) {
        err << "postroomd queue " << verb << ": " << reply.error.message << "\n";
        return 1;
    }
    if (json) {
        out << QJsonDocument(reply.result).toJson(QJsonDocument::Indented);
        return 0;
    }
    if (verb == QLatin1String("list")) {
        const QJsonArray messages = reply.result.value("messages").toArray();
        for (const QJsonValue &m : messages)
            printEntry(out, m.toObject());
        out << messages.size() << (messages.size() == 1 ? " message" : " messages") << " in the queue\n";
    } else if (verb == QLatin1String("show")) {
        printEntry(out, reply.result.value("message").toObject());
    } else {
        out << "ok" << (status == ControlClient::Result::NotRunning ? " (daemon not running: spool updated directly)" : "") << "\n";
    }
    return 0;
}

int runQueueCommand(const QStringList &args, const Config &config)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    return runQueueCommand(args, config, out, err);
}
