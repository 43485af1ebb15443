#include "apisendmail.h"

#include "accountstore.h"
#include "apifolders.h"
#include "apirouter.h"
#include "apiservices.h"
#include "deliveryqueue.h"
#include "logging.h"
#include "mailaddress.h"
#include "mailbox.h"
#include "mailstore.h"
#include "statsregistry.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace {
constexpr int MaxAttachments = 100;

bool isPlainAscii(const QString &s)
{
    for (QChar c : s)
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return false;
    return true;
}

// RFC 2047 B-encoding when needed, so nothing the client sends can break the header.
QByteArray encodeWord(const QString &text)
{
    if (isPlainAscii(text))
        return text.toLatin1();
    return "=?UTF-8?B?" + text.toUtf8().toBase64() + "?=";
}

QByteArray mailbox(const QString &name, const QString &address)
{
    if (name.isEmpty() || name == address)
        return address.toUtf8();
    QByteArray display;
    if (isPlainAscii(name) && !name.contains(QLatin1Char('"')) && !name.contains(QLatin1Char('\\')))
        display = '"' + name.toLatin1() + '"';
    else
        display = encodeWord(name);
    return display + " <" + address.toUtf8() + '>';
}

QByteArray base64Lines(const QByteArray &data)
{
    const QByteArray b64 = data.toBase64();
    QByteArray out;
    out.reserve(b64.size() + b64.size() / 76 * 2 + 2);
    for (qsizetype i = 0; i < b64.size(); i += 76)
        out += b64.mid(i, 76) + "\r\n";
    return out;
}

QByteArray randomToken()
{
    quint32 w[4];
    QRandomGenerator::system()->fillRange(w);
    return QByteArray(reinterpret_cast<const char *>(w), sizeof w).toHex();
}

// Reads [{emailAddress:{name,address}}]; false with *error on a bad entry.
bool readRecipients(const QJsonValue &v, QList<QPair<QString, QString>> *out, QString *error)
{
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isArray()) {
        *error = QStringLiteral("recipients must be arrays");
        return false;
    }
    for (const QJsonValue &r : v.toArray()) {
        const QJsonObject e = r.toObject().value(QLatin1String("emailAddress")).toObject();
        const QString address = e.value(QLatin1String("address")).toString().trimmed();
        const QString name = e.value(QLatin1String("name")).toString();
        QString problem;
        const MailAddress parsed = MailAddress::parse(address, &problem);
        if (!parsed.isValid() || name.contains(QLatin1Char('\r')) || name.contains(QLatin1Char('\n'))) {
            *error = QStringLiteral("invalid recipient address: %1").arg(address.left(100));
            return false;
        }
        out->append({name, parsed.toString()});
    }
    return true;
}

QByteArray addressList(const QList<QPair<QString, QString>> &list)
{
    QByteArrayList parts;
    for (const auto &p : list)
        parts << mailbox(p.first, p.second);
    return parts.join(",\r\n ");
}
}

ApiSendMail::Composed ApiSendMail::compose(const QJsonObject &message, const QString &user, const QString &displayName,
                                           const QString &hostname, qint64 nowSeconds, bool draft)
{
    Composed c;
    QList<QPair<QString, QString>> to, cc, bcc, replyTo;
    if (!readRecipients(message.value(QLatin1String("toRecipients")), &to, &c.error)
        || !readRecipients(message.value(QLatin1String("ccRecipients")), &cc, &c.error)
        || !readRecipients(message.value(QLatin1String("bccRecipients")), &bcc, &c.error)
        || !readRecipients(message.value(QLatin1String("replyTo")), &replyTo, &c.error))
        return c;
    QList<QPair<QString, QString>> from;
    if (message.contains(QLatin1String("from")) &&
        !readRecipients(QJsonArray{message.value(QLatin1String("from"))}, &from, &c.error))
        return c;
    const QPair<QString, QString> sender = from.isEmpty() ? qMakePair(displayName, user) : from.first();
    c.sender = sender.second;
    for (const auto *list : {&to, &cc, &bcc})
        for (const auto &p : *list) {
            const QString n = MailAddress::parse(p.second).normalized();
            if (!c.recipients.contains(n))
                c.recipients << n;
        }
    if (c.recipients.isEmpty() && !draft) {
        c.error = QStringLiteral("at least one recipient is required");
        return c;
    }
    const QString subject = message.value(QLatin1String("subject")).toString();
    const QJsonObject body = message.value(QLatin1String("body")).toObject();
    const bool html = body.value(QLatin1String("contentType")).toString().compare(QLatin1String("html"), Qt::CaseInsensitive) == 0;
    const QByteArray content = body.value(QLatin1String("content")).toString().toUtf8();
    const QJsonArray attachments = message.value(QLatin1String("attachments")).toArray();
    if (attachments.size() > MaxAttachments) {
        c.error = QStringLiteral("too many attachments");
        return c;
    }

    QByteArray m;
    m += "From: " + mailbox(sender.first, sender.second) + "\r\n";
    if (!to.isEmpty())
        m += "To: " + addressList(to) + "\r\n";
    if (!cc.isEmpty())
        m += "Cc: " + addressList(cc) + "\r\n";
    if (draft && !bcc.isEmpty())
        m += "Bcc: " + addressList(bcc) + "\r\n";
    if (!replyTo.isEmpty())
        m += "Reply-To: " + addressList(replyTo) + "\r\n";
    m += "Subject: " + encodeWord(subject.simplified()) + "\r\n";
    m += "Date: " + QLocale::c().toString(QDateTime::fromSecsSinceEpoch(nowSeconds, Qt::UTC),
                                         QStringLiteral("ddd, dd MMM yyyy hh:mm:ss")).toLatin1() + " +0000\r\n";
    m += "Message-ID: <" + randomToken() + '@' + hostname.toLatin1() + ">\r\n";
    const QString importance = message.value(QLatin1String("importance")).toString().toLower();
    if (importance == QLatin1String("high") || importance == QLatin1String("low"))
        m += "Importance: " + importance.toLatin1() + "\r\n";
    m += "MIME-Version: 1.0\r\n";
    const QByteArray textPart = QByteArray("Content-Type: text/") + (html ? "html" : "plain")
        + "; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" + base64Lines(content);
    if (attachments.isEmpty()) {
        m += textPart;
    } else {
        const QByteArray boundary = "=_postroom_" + randomToken();
        m += "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n";
        m += "--" + boundary + "\r\n" + textPart;
        for (const QJsonValue &v : attachments) {
            const QJsonObject a = v.toObject();
            const QString name = a.value(QLatin1String("name")).toString();
            QByteArray type = a.value(QLatin1String("contentType")).toString().toLatin1();
            auto bytes = QByteArray::fromBase64Encoding(a.value(QLatin1String("contentBytes")).toString().toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
            if (!bytes || name.contains(QLatin1Char('\n')) || name.contains(QLatin1Char('\r'))) {
                c.error = QStringLiteral("attachment contentBytes must be base64");
                return c;
            }
            static const QRegularExpression mimeType(QStringLiteral("^[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+$"));
            if (!mimeType.match(QString::fromLatin1(type)).hasMatch())
                type = "application/octet-stream";
            QByteArray filename = encodeWord(name);
            filename.replace('"', "");
            m += "--" + boundary + "\r\nContent-Type: " + type + "; name=\"" + filename + "\"\r\n";
            m += "Content-Disposition: attachment; filename=\"" + filename + "\"\r\n";
            m += "Content-Transfer-Encoding: base64\r\n\r\n" + base64Lines(bytes.decoded);
        }
        m += "--" + boundary + "--\r\n";
    }
    c.data = m;
    return c;
}

QByteArray ApiSendMail::withoutBcc(const QByteArray &message)
{
    const qsizetype headerEnd = message.indexOf("\r\n\r\n");
    const QByteArray header = headerEnd < 0 ? message : message.left(headerEnd + 2);
    QByteArray out;
    bool skipping = false;
    for (const QByteArray &line : header.split('\n')) {
        if (line.isEmpty())
            continue;
        const bool continuation = line.startsWith(' ') || line.startsWith('\t');
        if (!continuation)
            skipping = line.left(4).toLower() == "bcc:";
        if (!skipping)
            out += line + '\n';
    }
    return headerEnd < 0 ? out : out + message.mid(headerEnd + 2);
}

void ApiSendMail::submit(const ApiCallPtr &call, ApiServices *s, const Composed &c, bool save,
                         std::function<void()> afterQueued)
{
    if (!s->ctx.queue)
        return call->respond(ApiResponse::error(503, QStringLiteral("serviceUnavailable"), QStringLiteral("No queue.")));
    if (c.recipients.isEmpty())
        return call->respond(ApiResponse::error(400, QStringLiteral("ErrorInvalidRecipients"),
                                                QStringLiteral("at least one recipient is required")));
    // The SMTP submission rule: only addresses the user owns (own address or an alias of it).
    if (!s->ctx.accounts->ownsAddress(call->user, c.sender))
        return call->respond(ApiResponse::error(403, QStringLiteral("ErrorSendAsDenied"),
                                                QStringLiteral("You may not send as %1.").arg(c.sender)));
    if (c.recipients.size() > s->ctx.config->smtp.maxRecipients)
        return call->respond(ApiResponse::error(400, QStringLiteral("ErrorTooManyRecipients"),
                                                QStringLiteral("At most %1 recipients.").arg(s->ctx.config->smtp.maxRecipients)));
    const QByteArray received = "Received: from " + call->peer.toString().toLatin1() + " by "
        + s->ctx.config->hostname.toLatin1() + " with HTTP" + (call->secure ? "S" : "") + " (postroom api); "
        + QLocale::c().toString(QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss")).toLatin1()
        + " +0000\r\n";
    if (received.size() + c.data.size() > s->ctx.config->smtp.maxMessageSize)
        return call->respond(ApiResponse::error(413, QStringLiteral("ErrorMessageSizeExceeded"),
                                                QStringLiteral("The message is too large.")));
    QString error;
    std::unique_ptr<SpoolWriter> writer = s->ctx.queue->beginMessage(&error);
    if (!writer || !writer->write(received) || !writer->write(c.data)) {
        qCWarning(lcApi).noquote() << "sendMail: cannot spool:" << (writer ? writer->errorString() : error);
        return call->respond(ApiResponse::error(503, QStringLiteral("serviceUnavailable"),
                                                QStringLiteral("The message could not be queued; try again later.")));
    }
    QueueEnvelope envelope;
    envelope.sender = c.sender;
    envelope.recipients = c.recipients;
    envelope.clientIp = call->peer.toString();
    envelope.heloName = QStringLiteral("api");
    envelope.authUser = call->user;
    envelope.tls = call->secure;
    envelope.arrived = QDateTime::currentDateTimeUtc();
    const QByteArray data = c.data;
    s->ctx.queue->commit(std::move(writer), envelope,
                         [call, s, save, data, afterQueued](bool ok, const QString &id, const QString &err) {
        if (!ok) {
            qCWarning(lcApi).noquote() << "sendMail: queue commit failed:" << err;
            return call->respond(ApiResponse::error(503, QStringLiteral("serviceUnavailable"),
                                                    QStringLiteral("The message could not be queued; try again later.")));
        }
        qCInfo(lcApi).noquote() << "sendMail: queued" << id << "for" << call->user;
        if (s->ctx.stats)
            s->ctx.stats->add(StatName::MessagesReceived);
        if (save) {
            const auto sent = ApiFolders::specialFolder(s, call->user, QStringLiteral("\\Sent"));
            QSharedPointer<Mailbox> box = sent ? ApiFolders::mailbox(s, call->user, *sent) : nullptr;
            StoreError storeError;
            if (!box || !box->append(data, MessageFlag::Seen, {}, 0, &storeError))
                qCWarning(lcApi).noquote() << "sendMail: could not save to Sent:" << storeError.message;
        }
        if (afterQueued)
            afterQueued();
        call->respond(ApiResponse::bytes(202, QByteArray(), QByteArray()));
    });
}

static void sendMail(const ApiCallPtr &call, ApiServices *s)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(call->body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()
        || !doc.object().value(QLatin1String("message")).isObject())
        return call->respond(ApiResponse::error(400, QStringLiteral("ErrorInvalidRequest"),
                                                QStringLiteral("Expected {\"message\": {...}, \"saveToSentItems\": true}.")));
    const auto account = s->ctx.accounts->user(call->user);
    const ApiSendMail::Composed c = ApiSendMail::compose(doc.object().value(QLatin1String("message")).toObject(), call->user,
                                                         account ? account->displayName : QString(), s->ctx.config->hostname,
                                                         QDateTime::currentSecsSinceEpoch());
    if (!c.error.isEmpty())
        return call->respond(ApiResponse::error(400, QStringLiteral("ErrorInvalidRecipients"), c.error));
    ApiSendMail::submit(call, s, c, doc.object().value(QLatin1String("saveToSentItems")).toBool(true));
}

void ApiSendMail::registerRoutes(ApiRouter &router, ApiServices *s)
{
    router.add("POST", QStringLiteral("/api/v1/me/sendMail"), ApiRouter::Access::User,
               [s](const ApiCallPtr &c) { sendMail(c, s); });
}
