#include "imapbodywriter.h"

#include "imapstringwriter.h"
#include "mimeaddress.h"
#include "mimeheader.h"

namespace {

using W = ImapStringWriter;

void appendAddresses(QByteArray &out, const QList<MimeAddress::Raw> &list)
{
    if (list.isEmpty()) {
        W::appendNil(out);
        return;
    }
    out.append('(');
    for (const MimeAddress::Raw &a : list) {
        out.append('(');
        if (a.name.isNull())
            W::appendNil(out);
        else
            W::appendHumanString(out, a.name);
        out.append(' ');
        W::appendNString(out, a.adl);
        out.append(' ');
        W::appendNString(out, a.mailbox);
        out.append(' ');
        W::appendNString(out, a.host);
        out.append(')');
    }
    out.append(')');
}

void appendParams(QByteArray &out, const MimeParams &params)
{
    if (params.isEmpty()) {
        W::appendNil(out);
        return;
    }
    out.append('(');
    bool first = true;
    for (const MimeParam &p : params) {
        if (!first)
            out.append(' ');
        first = false;
        W::appendString(out, p.name);
        out.append(' ');
        W::appendString(out, p.value);
    }
    out.append(')');
}

// body-ext-1part / body-ext-mpart after the fields they share: dsp, lang, loc.
void appendDispositionLanguageLocation(QByteArray &out, const MimePart &p)
{
    out.append(' ');
    if (p.disposition.isEmpty()) {
        W::appendNil(out);
    } else {
        out.append('(');
        W::appendString(out, p.disposition);
        out.append(' ');
        appendParams(out, p.dispositionParams);
        out.append(')');
    }
    out.append(' ');
    if (p.languages.isEmpty()) {
        W::appendNil(out);
    } else {
        out.append('(');
        for (int i = 0; i < p.languages.size(); ++i) {
            if (i)
                out.append(' ');
            W::appendString(out, p.languages.at(i));
        }
        out.append(')');
    }
    out.append(' ');
    W::appendNString(out, p.location);
}

void appendBody(QByteArray &out, const MimeMessage &msg, int index, bool ext)
{
    const MimePart &p = msg.part(index);
    if (p.kind == MimePart::Kind::Multipart) {
        out.append('(');
        for (int child : p.children)
            appendBody(out, msg, child, ext);
        out.append(' ');
        W::appendString(out, p.subtype);
        if (ext) {
            out.append(' ');
            appendParams(out, p.params);
            appendDispositionLanguageLocation(out, p);
        }
        out.append(')');
        return;
    }
    out.append('(');
    W::appendString(out, p.type);
    out.append(' ');
    W::appendString(out, p.subtype);
    out.append(' ');
    appendParams(out, p.params);
    out.append(' ');
    W::appendNString(out, p.contentId);
    out.append(' ');
    W::appendNString(out, p.description);
    out.append(' ');
    W::appendString(out, p.encoding);
    out.append(' ');
    out.append(QByteArray::number(p.bodySize()));
    if (p.kind == MimePart::Kind::Message) {
        const int inner = p.children.first();
        out.append(' ');
        out.append(ImapBodyWriter::envelope(msg, inner));
        out.append(' ');
        appendBody(out, msg, inner, ext);
        out.append(' ');
        out.append(QByteArray::number(p.lines));
    } else if (p.isType("text")) {
        out.append(' ');
        out.append(QByteArray::number(p.lines));
    }
    if (ext) {
        out.append(' ');
        W::appendNString(out, p.md5);
        appendDispositionLanguageLocation(out, p);
    }
    out.append(')');
}

} // namespace

QByteArray ImapBodyWriter::envelope(const MimeMessage &msg, int headerPart)
{
    // RFC 3501 7.4.2 ENVELOPE. Where a field repeats, the last one counts (Dovecot).
    const MimePart &p = msg.part(headerPart);
    const QByteArray &raw = msg.raw();
    bool subjectFolded = false;
    QByteArray date, subject, from, sender, replyTo, to, cc, bcc, inReplyTo, messageId;
    static const char *const names[] = {"date", "subject", "from", "sender", "reply-to",
                                        "to", "cc", "bcc", "in-reply-to", "message-id"};
    QByteArray *fieldSlot[] = {&date, &subject, &from, &sender, &replyTo,
                           &to, &cc, &bcc, &inReplyTo, &messageId};
    // One pass over the header; a later field overrides an earlier one.
    MimeHeader::forEach(raw, p.headerStart, p.headerEnd, [&](const MimeHeader::Field &f) {
        const QByteArrayView n = MimeHeader::name(raw, f);
        if (n.size() < 2 || n.size() > 11)
            return;
        for (int i = 0; i < 10; ++i) {
            if (n.compare(names[i], Qt::CaseInsensitive) == 0) {
                *fieldSlot[i] = MimeHeader::unfoldedValue(raw, f);
                if (i == 1) {
                    const QByteArrayView line(raw.constData() + f.valueStart, f.end - f.valueStart);
                    const qsizetype lf = line.indexOf('\n');
                    subjectFolded = lf >= 0 && lf + 1 < line.size();
                }
                break;
            }
        }
    });

    QByteArray out;
    out.reserve(256);
    out.append('(');
    W::appendNString(out, date);
    out.append(' ');
    if (subject.isNull())
        W::appendNil(out);
    else
        W::appendHumanString(out, subject, subjectFolded);
    QList<MimeAddress::Raw> fromList = MimeAddress::parseList(from);
    QList<MimeAddress::Raw> senderList = MimeAddress::parseList(sender);
    QList<MimeAddress::Raw> replyList = MimeAddress::parseList(replyTo);
    // RFC 3501: sender and reply-to default to from.
    if (senderList.isEmpty())
        senderList = fromList;
    if (replyList.isEmpty())
        replyList = fromList;
    for (const QList<MimeAddress::Raw> *l : {&fromList, &senderList, &replyList}) {
        out.append(' ');
        appendAddresses(out, *l);
    }
    for (const QByteArray *v : {&to, &cc, &bcc}) {
        out.append(' ');
        appendAddresses(out, MimeAddress::parseList(*v));
    }
    out.append(' ');
    W::appendNString(out, inReplyTo);
    out.append(' ');
    W::appendNString(out, messageId);
    out.append(')');
    return out;
}

QByteArray ImapBodyWriter::bodyStructure(const MimeMessage &msg, bool extensible, int partIndex)
{
    QByteArray out;
    out.reserve(512);
    appendBody(out, msg, partIndex, extensible);
    return out;
}
