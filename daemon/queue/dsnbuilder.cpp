#include "dsnbuilder.h"

#include <QLocale>
#include <QRandomGenerator>
#include <QRegularExpression>

static QByteArray rfc5322Date(const QDateTime &t)
{
    return QLocale::c().toString(t.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss '+0000'")).toLatin1();
}

QString DsnBuilder::statusCode(const QString &diagnostic, bool permanent)
{
    static const QRegularExpression enhanced(QStringLiteral("^\\d{3}[ -]([245]\\.\\d{1,3}\\.\\d{1,3})\\b"));
    const QRegularExpressionMatch m = enhanced.match(diagnostic);
    if (m.hasMatch())
        return m.captured(1);
    return permanent ? QStringLiteral("5.0.0") : QStringLiteral("4.0.0");
}

static QByteArray headerSafe(const QString &s)
{
    QByteArray b = s.toUtf8();
    b.replace('\r', ' ');
    b.replace('\n', ' ');
    return b;
}

QByteArray DsnBuilder::build(Kind kind, const QueueEntry &original, const QVector<QueueRecipient> &recipients,
                             const QByteArray &originalHeaders, const QString &reportingHost,
                             const QDateTime &retryUntil)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QByteArray host = headerSafe(reportingHost);
    const QByteArray boundary = "=_dsn_" + QByteArray::number(QRandomGenerator::global()->generate64(), 36)
        + "_" + original.id.toLatin1();
    const bool failure = kind == Kind::Failure;

    QByteArray m;
    m += "From: Mail Delivery System <MAILER-DAEMON@" + host + ">\r\n";
    m += "To: <" + headerSafe(original.sender) + ">\r\n";
    m += failure ? "Subject: Undelivered Mail Returned to Sender\r\n"
                 : "Subject: Delayed Mail (still being retried)\r\n";
    m += "Date: " + rfc5322Date(now) + "\r\n";
    m += "Message-ID: <" + original.id.toLatin1() + "." + QByteArray::number(now.toSecsSinceEpoch())
        + ".dsn@" + host + ">\r\n";
    m += "Auto-Submitted: auto-replied\r\n";
    m += "MIME-Version: 1.0\r\n";
    m += "Content-Type: multipart/report; report-type=delivery-status;\r\n\tboundary=\"" + boundary + "\"\r\n";
    m += "\r\nThis is a MIME-encapsulated message.\r\n\r\n";

    // Part 1: for people.
    m += "--" + boundary + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n";
    m += "This is the mail system at host " + host + ".\r\n\r\n";
    if (failure) {
        m += "I'm sorry to have to inform you that your message could not be delivered to one or more\r\n"
             "recipients. The problems are listed below.\r\n\r\n";
    } else {
        m += "Your message could not be delivered yet to the recipients below. The mail system\r\n"
             "will keep trying";
        if (retryUntil.isValid())
            m += " until " + rfc5322Date(retryUntil);
        m += ". You do not need to send it again.\r\n\r\n";
    }
    for (const QueueRecipient &r : recipients)
        m += "<" + headerSafe(r.address) + ">: " + headerSafe(r.lastError) + "\r\n";
    m += "\r\n";

    // Part 2: for machines (RFC 3464 section 2).
    m += "--" + boundary + "\r\nContent-Type: message/delivery-status\r\n\r\n";
    m += "Reporting-MTA: dns; " + host + "\r\n";
    m += "X-Postroom-Queue-ID: " + original.id.toLatin1() + "\r\n";
    if (!original.sender.isEmpty())
        m += "X-Original-Sender: rfc822; " + headerSafe(original.sender) + "\r\n";
    m += "Arrival-Date: " + rfc5322Date(original.arrived) + "\r\n";
    for (const QueueRecipient &r : recipients) {
        m += "\r\n";
        m += "Final-Recipient: rfc822; " + headerSafe(r.address) + "\r\n";
        if (!r.expandedFrom.isEmpty())
            m += "Original-Recipient: rfc822; " + headerSafe(r.expandedFrom) + "\r\n";
        m += failure ? "Action: failed\r\n" : "Action: delayed\r\n";
        m += "Status: " + statusCode(r.lastError, failure).toLatin1() + "\r\n";
        if (QRegularExpression(QStringLiteral("^\\d{3}\\b")).match(r.lastError).hasMatch())
            m += "Diagnostic-Code: smtp; " + headerSafe(r.lastError) + "\r\n";
        else if (!r.lastError.isEmpty())
            m += "Diagnostic-Code: x-postroom; " + headerSafe(r.lastError) + "\r\n";
        m += "Last-Attempt-Date: " + rfc5322Date(now) + "\r\n";
        if (!failure && retryUntil.isValid())
            m += "Will-Retry-Until: " + rfc5322Date(retryUntil) + "\r\n";
    }
    m += "\r\n";

    // Part 3: the original header (RFC 3462 text/rfc822-headers).
    m += "--" + boundary + "\r\nContent-Type: text/rfc822-headers\r\n\r\n";
    QByteArray headers = originalHeaders.left(MaxOriginalHeaderBytes);
    if (!headers.endsWith("\r\n"))
        headers += "\r\n";
    m += headers;
    m += "\r\n--" + boundary + "--\r\n";
    return m;
}
