#include "mimefetchinfo.h"

#include "imapbodywriter.h"
#include "mimemessage.h"

#include <QDataStream>
#include <QIODevice>

namespace {
constexpr quint32 Magic = 0x504d4631;   // "PMF1"
constexpr qint32 MaxCachedParts = MimeMessage::MaxParts + 16;
} // namespace

MimeFetchInfo MimeFetchInfo::fromMessage(const MimeMessage &msg)
{
    MimeFetchInfo info;
    info.size = msg.size();
    info.envelope = ImapBodyWriter::envelope(msg, 0);
    info.bodyStructure = ImapBodyWriter::bodyStructure(msg, true);
    info.body = ImapBodyWriter::bodyStructure(msg, false);
    info.parts.reserve(msg.parts().size());
    info.children.reserve(msg.parts().size());
    for (const MimePart &p : msg.parts()) {
        Part q;
        q.headerStart = p.headerStart;
        q.headerEnd = p.headerEnd;
        q.bodyStart = p.bodyStart;
        q.bodyEnd = p.bodyEnd;
        q.parent = p.parent;
        q.kind = quint8(p.kind);
        info.parts.append(q);
        info.children.append(QList<qint32>(p.children.cbegin(), p.children.cend()));
    }
    return info;
}

QByteArray MimeFetchInfo::serialize() const
{
    QByteArray out;
    out.reserve(envelope.size() + bodyStructure.size() + body.size() + parts.size() * 40 + 64);
    QDataStream s(&out, QIODevice::WriteOnly);
    s.setVersion(QDataStream::Qt_6_4);
    s << Magic << FormatVersion << size << envelope << bodyStructure << body << qint32(parts.size());
    for (const Part &p : parts)
        s << p.headerStart << p.headerEnd << p.bodyStart << p.bodyEnd << p.parent << p.kind;
    return out;
}

std::optional<MimeFetchInfo> MimeFetchInfo::deserialize(const QByteArray &data)
{
    QDataStream s(data);
    s.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    quint8 version = 0;
    MimeFetchInfo info;
    qint32 count = 0;
    s >> magic >> version;
    if (s.status() != QDataStream::Ok || magic != Magic || version != FormatVersion)
        return std::nullopt;
    s >> info.size >> info.envelope >> info.bodyStructure >> info.body >> count;
    if (s.status() != QDataStream::Ok || count < 1 || count > MaxCachedParts || info.size < 0)
        return std::nullopt;
    info.parts.reserve(count);
    info.children.resize(count);
    for (qint32 i = 0; i < count; ++i) {
        Part p;
        s >> p.headerStart >> p.headerEnd >> p.bodyStart >> p.bodyEnd >> p.parent >> p.kind;
        if (s.status() != QDataStream::Ok)
            return std::nullopt;
        // A corrupt record must not send reads outside the message.
        const bool sane = p.headerStart >= 0 && p.headerStart <= p.headerEnd
            && p.headerEnd <= p.bodyStart && p.bodyStart <= p.bodyEnd && p.bodyEnd <= info.size
            && p.parent < i && (i == 0) == (p.parent < 0) && p.kind <= 2;
        if (!sane)
            return std::nullopt;
        if (p.parent >= 0)
            info.children[p.parent].append(i);
        info.parts.append(p);
    }
    if (!s.atEnd())
        return std::nullopt;
    for (qint32 i = 0; i < count; ++i) {
        const quint8 kind = info.parts.at(i).kind;
        const qsizetype n = info.children.at(i).size();
        if ((kind == 0 && n != 0) || (kind == 1 && n == 0) || (kind == 2 && n != 1))
            return std::nullopt;
    }
    return info;
}

int MimeFetchInfo::resolvePath(const QList<int> &path) const
{
    // RFC 3501 6.4.5 part numbering: a non-multipart body has part 1 = itself; the
    // parts of a message/rfc822 are those of its encapsulated message.
    if (parts.isEmpty())
        return -1;
    int cur = 0;
    for (int i = 0; i < path.size(); ++i) {
        const int n = path.at(i);
        if (i > 0 && parts.at(cur).kind == 2)
            cur = children.at(cur).value(0, -1);
        if (cur < 0)
            return -1;
        if (parts.at(cur).kind == 1) {
            if (n < 1 || n > children.at(cur).size())
                return -1;
            cur = children.at(cur).at(n - 1);
        } else if (n != 1) {
            return -1;
        }
    }
    return cur;
}
