// MimeContent: the decoded view of a parsed message for the HTTP API (Graph-shaped JSON):
// subject, addresses, date, ids, the text and HTML bodies in Unicode, a preview and the
// attachments. Everything is decoded here; nothing of it goes back out over IMAP.
#pragma once

#include "mimeaddress.h"
#include "mimemessage.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

class MimeContent
{
public:
    struct Body {
        int partIndex = -1;
        QByteArray charset;     // as declared (empty: none)
        QString text;           // decoded from the transfer encoding and the charset
    };
    struct Attachment {
        int partIndex = -1;
        QString name;           // filename (2231/2047 decoded), else name=, else empty
        QByteArray contentType; // "type/subtype", lower case
        qint64 size = 0;        // decoded size in bytes
        QByteArray contentId;   // without the angle brackets
        bool isInline = false;
    };

    // A view: `msg` must outlive this object.
    explicit MimeContent(const MimeMessage &msg) : m_msg(msg) {}

    QString subject() const;
    QList<MimeAddress::Mailbox> addresses(QByteArrayView headerName) const;  // "From", "To", ...
    std::optional<QDateTime> date() const;       // RFC 5322 Date, std::nullopt if missing/bad
    QByteArray messageId() const;                 // "<id@host>" or empty
    QList<QByteArray> inReplyTo() const;          // msg-ids with brackets
    QList<QByteArray> references() const;

    std::optional<Body> textBody() const;         // first text/plain not an attachment
    std::optional<Body> htmlBody() const;         // first text/html not an attachment
    QString preview(int maxChars = 255) const;    // plain text, whitespace collapsed
    QList<Attachment> attachments() const;
    QByteArray decodedPart(int partIndex) const;  // transfer-decoded bytes of a leaf part

    // Plain text of an HTML body: tags dropped, script/style/head skipped, line breaks for
    // block elements, common entities decoded. Linear in the input.
    static QString htmlToText(const QString &html);
    // RFC 5322 3.3 date-time (obsolete forms and zone names tolerated).
    static std::optional<QDateTime> parseDate(QByteArrayView value);
    static QList<QByteArray> parseMessageIds(QByteArrayView value);

private:
    std::optional<Body> firstBody(const char *subtype) const;
    int firstBodyPart(const char *subtype) const;
    const MimeMessage &m_msg;
};
