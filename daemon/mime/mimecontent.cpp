#include "mimecontent.h"

#include "mimedecoder.h"


namespace {

bool isAttachmentDisposition(const MimePart &p)
{
    return p.disposition.compare("attachment", Qt::CaseInsensitive) == 0;
}

bool hasFileName(const MimePart &p)
{
    return !p.dispositionParam("filename").isNull() || !p.dispositionParam("filename*").isNull()
        || !p.param("name").isNull() || !p.param("name*").isNull();
}

// Leaf parts of the message in order, not descending into attached messages.
QList<int> topLevelLeaves(const MimeMessage &msg)
{
    QList<int> out;
    QList<int> stack{0};
    while (!stack.isEmpty()) {
        const int i = stack.takeLast();
        const MimePart &p = msg.part(i);
        if (p.kind == MimePart::Kind::Multipart) {
            for (auto it = p.children.crbegin(); it != p.children.crend(); ++it)
                stack.append(*it);
        } else {
            out.append(i);
        }
    }
    return out;
}

QString collapseWhitespace(const QString &s)
{
    QString out;
    out.reserve(s.size());
    bool blank = false;
    for (QChar c : s) {
        if (c.isSpace()) {
            blank = !out.isEmpty();
            continue;
        }
        if (blank)
            out.append(QLatin1Char(' '));
        blank = false;
        out.append(c);
    }
    return out;
}

} // namespace

QString MimeContent::subject() const
{
    const QByteArray raw = m_msg.headerValue(0, "Subject");
    return collapseWhitespace(MimeDecoder::decodeWords(raw));
}

QList<MimeAddress::Mailbox> MimeContent::addresses(QByteArrayView headerName) const
{
    return MimeAddress::parseMailboxes(m_msg.headerValues(0, headerName).join(','));
}

std::optional<QDateTime> MimeContent::date() const
{
    const QByteArray v = m_msg.headerValue(0, "Date");
    if (v.isNull())
        return std::nullopt;
    return parseDate(v);
}

QByteArray MimeContent::messageId() const
{
    const QList<QByteArray> ids = parseMessageIds(m_msg.headerValue(0, "Message-ID"));
    return ids.isEmpty() ? QByteArray() : ids.first();
}

QList<QByteArray> MimeContent::inReplyTo() const
{
    return parseMessageIds(m_msg.headerValue(0, "In-Reply-To"));
}

QList<QByteArray> MimeContent::references() const
{
    return parseMessageIds(m_msg.headerValue(0, "References"));
}

int MimeContent::firstBodyPart(const char *subtype) const
{
    for (int i : topLevelLeaves(m_msg)) {
        const MimePart &p = m_msg.part(i);
        if (p.isType("text", subtype) && !isAttachmentDisposition(p))
            return i;
    }
    return -1;
}

std::optional<MimeContent::Body> MimeContent::firstBody(const char *subtype) const
{
    const int i = firstBodyPart(subtype);
    if (i < 0)
        return std::nullopt;
    Body b;
    b.partIndex = i;
    b.charset = m_msg.part(i).param("charset");
    b.text = MimeDecoder::toUnicode(decodedPart(i), b.charset);
    return b;
}

std::optional<MimeContent::Body> MimeContent::textBody() const
{
    return firstBody("plain");
}

std::optional<MimeContent::Body> MimeContent::htmlBody() const
{
    return firstBody("html");
}

QString MimeContent::preview(int maxChars) const
{
    QString text;
    if (const auto t = textBody())
        text = t->text;
    else if (const auto h = htmlBody())
        text = htmlToText(h->text);
    text = collapseWhitespace(text);
    if (text.size() > maxChars)
        text.truncate(maxChars);
    return text;
}

QList<MimeContent::Attachment> MimeContent::attachments() const
{
    QList<Attachment> out;
    // Only the part indexes: listing attachments must not decode the bodies.
    const int text = firstBodyPart("plain");
    const int html = firstBodyPart("html");
    for (int i : topLevelLeaves(m_msg)) {
        const MimePart &p = m_msg.part(i);
        if (i == text || i == html)
            continue;
        const bool plainBody = (p.isType("text", "plain") || p.isType("text", "html"))
            && !isAttachmentDisposition(p) && !hasFileName(p);
        if (plainBody)
            continue;
        Attachment a;
        a.partIndex = i;
        if (const QByteArray v = p.dispositionParam("filename*"); !v.isNull())
            a.name = MimeDecoder::decodeRfc2231(v);
        else if (const QByteArray v = p.dispositionParam("filename"); !v.isNull())
            a.name = MimeDecoder::decodeWords(v);
        else if (const QByteArray v = p.param("name*"); !v.isNull())
            a.name = MimeDecoder::decodeRfc2231(v);
        else if (const QByteArray v = p.param("name"); !v.isNull())
            a.name = MimeDecoder::decodeWords(v);
        a.contentType = p.type.isEmpty() ? QByteArray("application/octet-stream")
                                         : (p.type + '/' + p.subtype).toLower();
        a.size = MimeDecoder::decodedSize(m_msg.bodyBytes(i), p.encoding);
        a.contentId = p.contentId.trimmed();
        if (a.contentId.startsWith('<') && a.contentId.endsWith('>'))
            a.contentId = a.contentId.mid(1, a.contentId.size() - 2);
        a.isInline = p.disposition.compare("inline", Qt::CaseInsensitive) == 0
            || (p.disposition.isEmpty() && !a.contentId.isEmpty());
        out.append(a);
    }
    return out;
}

QByteArray MimeContent::decodedPart(int partIndex) const
{
    const MimePart &p = m_msg.part(partIndex);
    return MimeDecoder::decodeTransfer(m_msg.bodyBytes(partIndex), p.encoding);
}

QList<QByteArray> MimeContent::parseMessageIds(QByteArrayView value)
{
    QList<QByteArray> out;
    qsizetype p = 0;
    while (p < value.size()) {
        const char c = value.at(p);
        if (c == '(') {                          // comments may hold '<'
            int depth = 0;
            for (; p < value.size(); ++p) {
                if (value.at(p) == '(')
                    ++depth;
                else if (value.at(p) == ')' && --depth == 0)
                    break;
            }
            ++p;
        } else if (c == '<') {
            const qsizetype e = value.indexOf('>', p);
            if (e < 0)
                break;
            QByteArray id = value.sliced(p, e - p + 1).toByteArray();
            id.replace(' ', "").replace('\t', "");
            out.append(id);
            p = e + 1;
        } else {
            ++p;
        }
    }
    return out;
}
