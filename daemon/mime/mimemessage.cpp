#include "mimemessage.h"

#include "mimeheader.h"
#include "mimetreebuilder.h"

MimeMessage MimeMessage::parse(const QByteArray &raw)
{
    MimeMessage msg;
    msg.m_raw = raw;
    MimeTreeBuilder(msg).build();
    return msg;
}

QList<QByteArray> MimeMessage::headerValues(int partIndex, QByteArrayView name) const
{
    QList<QByteArray> out;
    const MimePart &p = m_parts.at(partIndex);
    MimeHeader::forEach(m_raw, p.headerStart, p.headerEnd, [&](const MimeHeader::Field &f) {
        if (MimeHeader::name(m_raw, f).compare(name, Qt::CaseInsensitive) == 0)
            out.append(MimeHeader::unfoldedValue(m_raw, f));
    });
    return out;
}

QByteArray MimeMessage::headerValue(int partIndex, QByteArrayView name) const
{
    const QList<QByteArray> all = headerValues(partIndex, name);
    return all.isEmpty() ? QByteArray() : all.last();
}

QByteArray MimeMessage::firstHeaderValue(int partIndex, QByteArrayView name) const
{
    const QList<QByteArray> all = headerValues(partIndex, name);
    return all.isEmpty() ? QByteArray() : all.first();
}

QByteArray MimeMessage::headerBytes(int partIndex) const
{
    const MimePart &p = m_parts.at(partIndex);
    return m_raw.mid(p.headerStart, p.headerEnd - p.headerStart);
}

QByteArray MimeMessage::bodyBytes(int partIndex) const
{
    const MimePart &p = m_parts.at(partIndex);
    return m_raw.mid(p.bodyStart, p.bodyEnd - p.bodyStart);
}
