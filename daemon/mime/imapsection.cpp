#include "imapsection.h"

#include "mimefetchinfo.h"
#include "mimeheader.h"

namespace {

constexpr int MaxPathLength = 200;
constexpr int MaxFields = 1000;

bool startsWithCi(QByteArrayView s, qsizetype pos, const char *word)
{
    const QByteArrayView w(word);
    return s.size() - pos >= w.size() && s.sliced(pos, w.size()).compare(w, Qt::CaseInsensitive) == 0;
}

} // namespace

std::optional<ImapSection> ImapSection::parse(QByteArrayView spec, QString *error)
{
    const auto fail = [error](const char *why) -> std::optional<ImapSection> {
        if (error)
            *error = QString::fromLatin1(why);
        return std::nullopt;
    };
    ImapSection sec;
    qsizetype p = 0;
    // section-part: nz-number *("." nz-number)
    while (p < spec.size() && spec.at(p) >= '0' && spec.at(p) <= '9') {
        if (spec.at(p) == '0')
            return fail("part numbers start at 1");
        qint64 n = 0;
        while (p < spec.size() && spec.at(p) >= '0' && spec.at(p) <= '9') {
            n = n * 10 + (spec.at(p) - '0');
            if (n > 1000000)
                return fail("part number too large");
            ++p;
        }
        sec.path.append(int(n));
        if (sec.path.size() > MaxPathLength)
            return fail("part path too long");
        if (p < spec.size() && spec.at(p) == '.')
            ++p;
        else
            break;
    }
    if (p == spec.size()) {
        if (!sec.path.isEmpty() && spec.endsWith('.'))
            return fail("trailing dot");
        return sec;
    }
    if (startsWithCi(spec, p, "HEADER.FIELDS")) {
        p += 13;
        sec.text = Text::HeaderFields;
        if (startsWithCi(spec, p, ".NOT")) {
            p += 4;
            sec.text = Text::HeaderFieldsNot;
        }
        if (p >= spec.size() || spec.at(p) != ' ')
            return fail("expected a header list");
        ++p;
        if (p >= spec.size() || spec.at(p) != '(')
            return fail("expected '('");
        ++p;
        while (p < spec.size() && spec.at(p) != ')') {
            if (spec.at(p) == ' ') {
                ++p;
                continue;
            }
            QByteArray name;
            if (spec.at(p) == '"') {
                for (++p; p < spec.size() && spec.at(p) != '"'; ++p) {
                    if (spec.at(p) == '\\' && p + 1 < spec.size())
                        ++p;
                    name.append(spec.at(p));
                }
                if (p >= spec.size())
                    return fail("unterminated quoted field name");
                ++p;
            } else {
                while (p < spec.size() && spec.at(p) != ' ' && spec.at(p) != ')')
                    name.append(spec.at(p++));
            }
            // RFC 5322 field names: printable ASCII except ':' (so they echo back as atoms).
            bool printable = !name.isEmpty();
            for (char ch : name)
                printable = printable && ch > 32 && ch < 127 && ch != ':';
            if (!printable || sec.fields.size() >= MaxFields)
                return fail("bad header field name");
            sec.fields.append(name.toUpper());
        }
        if (p >= spec.size() || sec.fields.isEmpty())
            return fail("bad header list");
        ++p;
    } else if (startsWithCi(spec, p, "HEADER")) {
        p += 6;
        sec.text = Text::Header;
    } else if (startsWithCi(spec, p, "TEXT")) {
        p += 4;
        sec.text = Text::Text;
    } else if (startsWithCi(spec, p, "MIME")) {
        p += 4;
        sec.text = Text::Mime;
        if (sec.path.isEmpty())
            return fail("MIME needs a part number");
    } else {
        return fail("unknown section");
    }
    if (p != spec.size())
        return fail("junk after section");
    return sec;
}

QByteArray ImapSection::toString() const
{
    QByteArray out;
    for (int i = 0; i < path.size(); ++i) {
        if (i)
            out.append('.');
        out.append(QByteArray::number(path.at(i)));
    }
    const auto addText = [&out, this](const char *t) {
        if (!path.isEmpty())
            out.append('.');
        out.append(t);
    };
    switch (text) {
    case Text::None: break;
    case Text::Header: addText("HEADER"); break;
    case Text::Text: addText("TEXT"); break;
    case Text::Mime: addText("MIME"); break;
    case Text::HeaderFields:
    case Text::HeaderFieldsNot:
        addText(text == Text::HeaderFields ? "HEADER.FIELDS (" : "HEADER.FIELDS.NOT (");
        out.append(fields.join(' '));
        out.append(')');
        break;
    }
    return out;
}

std::optional<QByteArray> ImapSection::extract(const QByteArray &raw, const MimeFetchInfo &info) const
{
    if (info.size != raw.size())
        return std::nullopt;
    const int idx = info.resolvePath(path);
    if (idx < 0)
        return QByteArray("");                   // no such part: empty, as Dovecot answers
    const auto slice = [&raw](qint64 from, qint64 to) { return raw.mid(from, to - from); };
    const MimeFetchInfo::Part &p = info.parts.at(idx);
    if (text == Text::None)
        return path.isEmpty() ? raw : slice(p.bodyStart, p.bodyEnd);
    if (text == Text::Mime)
        return slice(p.headerStart, p.headerEnd);
    // HEADER, TEXT and HEADER.FIELDS address the message itself or the message
    // encapsulated in a message/rfc822 part.
    const MimeFetchInfo::Part *m = &p;
    if (!path.isEmpty()) {
        const int inner = info.children.at(idx).value(0, -1);
        if (p.kind != 2 || inner < 0)
            return QByteArray("");
        m = &info.parts.at(inner);
    }
    switch (text) {
    case Text::Header:
        return slice(m->headerStart, m->headerEnd);
    case Text::Text:
        return slice(m->bodyStart, m->bodyEnd);
    case Text::HeaderFields:
    case Text::HeaderFieldsNot:
        return MimeHeader::filter(raw, m->headerStart, m->headerEnd, fields,
                                  text == Text::HeaderFieldsNot);
    default:
        return std::nullopt;
    }
}

QByteArray ImapSection::partial(const QByteArray &data, qint64 origin, qint64 count)
{
    if (origin < 0 || count < 0 || origin >= data.size())
        return QByteArray("");
    return data.mid(origin, qMin<qint64>(count, data.size() - origin));
}
