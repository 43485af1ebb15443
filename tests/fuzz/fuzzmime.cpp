// Target mime: the input is a message. It is parsed into the MIME tree, ENVELOPE, BODY
// and BODYSTRUCTURE are written, the fetch info goes through its cache record and back,
// sections are extracted for every part, and the API's decoded view is built. The same
// bytes are also offered to MimeFetchInfo::deserialize (a corrupt cache record).
#include "fuzztargets.h"

#include "imapbodywriter.h"
#include "imapsection.h"
#include "imapstringwriter.h"
#include "mimecontent.h"
#include "mimedecoder.h"
#include "mimefetchinfo.h"
#include "mimemessage.h"

#include <QByteArray>

namespace {
// The IMAP part path (1-based) of each part index, built from the tree as FETCH numbers it.
QList<int> pathOf(const MimeMessage &msg, int index)
{
    QList<int> path;
    int cur = index;
    while (cur > 0) {
        const int parent = msg.part(cur).parent;
        const MimePart &p = msg.part(parent);
        if (p.isMultipart())   // the child of a message/rfc822 part shares its number
            path.prepend(int(p.children.indexOf(cur)) + 1);
        cur = parent;
    }
    return path;
}

void extractSections(const QByteArray &raw, const MimeFetchInfo &info, const QList<int> &path)
{
    static const char *const suffixes[] = {"", "HEADER", "TEXT", "MIME", "HEADER.FIELDS (FROM TO SUBJECT)",
                                           "HEADER.FIELDS.NOT (RECEIVED)"};
    QByteArray prefix;
    for (int n : path)
        prefix += QByteArray::number(n) + '.';
    for (const char *suffix : suffixes) {
        QByteArray spec = prefix + suffix;
        if (spec.endsWith('.'))
            spec.chop(1);
        const auto section = ImapSection::parse(spec);
        if (!section)
            continue;
        const auto bytes = section->extract(raw, info);
        fuzzCheck(bytes.has_value(), "extract refused the info built from the same message");
        // HEADER.FIELDS may add a CRLF to an unterminated last field plus the empty line.
        fuzzCheck(bytes->size() <= raw.size() + 4, "section larger than the message");
        ImapSection::partial(*bytes, 1, 7);
        QByteArray out;
        ImapStringWriter::appendLiteral(out, *bytes);
        fuzzCheck(!out.contains('\0'), "NUL in an IMAP literal");
    }
}

void decodedView(const MimeMessage &msg)
{
    const MimeContent content(msg);
    content.subject();
    content.addresses("From");
    content.addresses("To");
    content.date();
    content.messageId();
    content.inReplyTo();
    content.references();
    content.textBody();
    content.htmlBody();
    content.preview();
    const int parts = int(qMin<qsizetype>(msg.parts().size(), 64));
    for (const MimeContent::Attachment &a : content.attachments())
        fuzzCheck(a.partIndex >= 0 && a.partIndex < msg.parts().size(), "attachment part out of range");
    for (int i = 0; i < parts; ++i) {
        const MimePart &p = msg.part(i);
        if (p.isMultipart() || p.isMessage())
            continue;
        const QByteArray body = msg.bodyBytes(i);
        const QByteArray decoded = MimeDecoder::decodeTransfer(body, p.encoding);
        fuzzCheck(MimeDecoder::decodedSize(body, p.encoding) == decoded.size(),
                  "decodedSize differs from decodeTransfer");
        MimeDecoder::toUnicode(decoded.left(4096), p.param("charset"));
    }
}
}

int fuzzMime(const uint8_t *data, size_t size)
{
    const QByteArray raw(reinterpret_cast<const char *>(data), qsizetype(size));
    const MimeMessage msg = MimeMessage::parse(raw);
    fuzzCheck(!msg.parts().isEmpty(), "no root part");
    fuzzCheck(msg.parts().size() <= MimeMessage::MaxParts + 1, "more parts than MaxParts");
    for (int i = 0; i < msg.parts().size(); ++i) {
        const MimePart &p = msg.part(i);
        fuzzCheck(p.headerStart >= 0 && p.headerStart <= p.headerEnd && p.headerEnd <= p.bodyStart
                      && p.bodyStart <= p.bodyEnd && p.bodyEnd <= raw.size(),
                  "part offsets outside the message");
        fuzzCheck(p.depth <= MimeMessage::MaxDepth + 1, "part deeper than MaxDepth");
    }

    ImapBodyWriter::envelope(msg);
    ImapBodyWriter::bodyStructure(msg, true);
    ImapBodyWriter::bodyStructure(msg, false);

    const MimeFetchInfo info = MimeFetchInfo::fromMessage(msg);
    fuzzCheck(info.size == raw.size(), "info size differs");
    const auto cached = MimeFetchInfo::deserialize(info.serialize());
    fuzzCheck(cached.has_value(), "cache record of a fresh info does not load");
    fuzzCheck(cached->envelope == info.envelope && cached->bodyStructure == info.bodyStructure
                  && cached->body == info.body && cached->parts.size() == info.parts.size(),
              "cache record does not round-trip");

    const int sectionParts = int(qMin<qsizetype>(msg.parts().size(), 32));
    extractSections(raw, info, {});
    for (int i = 1; i < sectionParts; ++i)
        extractSections(raw, info, pathOf(msg, i));

    decodedView(msg);

    // The same bytes as a (corrupt) cache record: must load safely or be refused.
    if (const auto corrupt = MimeFetchInfo::deserialize(raw)) {
        if (corrupt->size <= (1 << 20)) {
            const QByteArray fake(qsizetype(corrupt->size), 'x');
            for (const char *spec : {"1", "1.2.HEADER", "2.TEXT", "1.MIME", "HEADER"})
                if (const auto section = ImapSection::parse(spec))
                    section->extract(fake, *corrupt);
        }
    }
    return 0;
}
