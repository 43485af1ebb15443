#include "mimeheader.h"

#include <cstring>

namespace {

// End of the line starting at `pos` (index past its LF), or `limit`.
qsizetype lineEnd(const char *d, qsizetype pos, qsizetype limit)
{
    const void *lf = std::memchr(d + pos, '\n', size_t(limit - pos));
    return lf ? (static_cast<const char *>(lf) - d) + 1 : limit;
}

bool isBlank(char c) { return c == ' ' || c == '\t'; }

} // namespace

MimeHeader::Line MimeHeader::nextLine(const QByteArray &raw, qsizetype pos, qsizetype limit)
{
    const char *d = raw.constData();
    Line l;
    l.end = lineEnd(d, pos, limit);
    // The empty line (CRLF or bare LF) ends the header block.
    if (d[pos] == '\n' || (d[pos] == '\r' && pos + 1 < limit && d[pos + 1] == '\n')) {
        l.empty = true;
        return l;
    }
    if (isBlank(d[pos])) {
        l.continuation = true;
        // A blank-led first line has nothing to continue: it becomes a nameless field.
        l.field.start = l.field.nameEnd = pos;
        l.field.valueStart = l.field.end = l.end;
        return l;
    }
    Field &f = l.field;
    f.start = pos;
    const void *colon = std::memchr(d + pos, ':', size_t(l.end - pos));
    if (colon) {
        const qsizetype c = static_cast<const char *>(colon) - d;
        qsizetype ne = c;
        while (ne > pos && isBlank(d[ne - 1]))
            --ne;
        f.nameEnd = ne;
        f.valueStart = c + 1;
    } else {
        f.nameEnd = pos;                 // no colon: a nameless line that matches nothing
        f.valueStart = l.end;
    }
    f.end = l.end;
    return l;
}

QList<MimeHeader::Field> MimeHeader::scan(const QByteArray &raw, qsizetype start, qsizetype limit,
                                          qsizetype *headerEnd)
{
    QList<Field> fields;
    const qsizetype end = forEach(raw, start, limit, [&fields](const Field &f) { fields.append(f); });
    if (headerEnd)
        *headerEnd = end;
    return fields;
}

QByteArray MimeHeader::unfoldedValue(const QByteArray &raw, const Field &f)
{
    const char *d = raw.constData();
    qsizetype p = f.valueStart;
    while (p < f.end && isBlank(d[p]))
        ++p;
    // Copy the spans between line breaks; only CR and LF go.
    QByteArray out(f.end - p, Qt::Uninitialized);
    char *o = out.data();
    while (p < f.end) {
        const void *lf = std::memchr(d + p, '\n', size_t(f.end - p));
        qsizetype stop = lf ? static_cast<const char *>(lf) - d : f.end;
        qsizetype spanEnd = stop;
        if (spanEnd > p && d[spanEnd - 1] == '\r')
            --spanEnd;
        for (qsizetype i = p; i < spanEnd; ++i) {
            if (d[i] != '\r')              // a stray CR inside a line goes too
                *o++ = d[i];
        }
        p = lf ? stop + 1 : f.end;
    }
    out.truncate(o - out.constData());
    return out;
}

QByteArray MimeHeader::filter(const QByteArray &raw, qsizetype start, qsizetype limit,
                              const QList<QByteArray> &names, bool exclude)
{
    QByteArray out;
    forEach(raw, start, limit, [&](const Field &f) {
        const QByteArrayView n = name(raw, f);
        bool match = false;
        if (f.nameEnd > f.start) {
            for (const QByteArray &want : names) {
                if (n.compare(want, Qt::CaseInsensitive) == 0) {
                    match = true;
                    break;
                }
            }
        }
        if (match == exclude)
            return;
        out.append(raw.constData() + f.start, f.end - f.start);
        if (!out.endsWith('\n'))
            out.append("\r\n");          // last line of a header without an empty line
    });
    out.append("\r\n");
    return out;
}
