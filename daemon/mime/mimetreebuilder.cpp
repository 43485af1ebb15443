#include "mimetreebuilder.h"

#include "mimefieldparser.h"
#include "mimeheader.h"

#include <cstring>

MimeTreeBuilder::MimeTreeBuilder(MimeMessage &msg)
    : m_msg(msg), m_d(msg.m_raw.constData()), m_size(msg.m_raw.size())
{
}

void MimeTreeBuilder::build()
{
    m_msg.m_parts.clear();
    parsePart(0, 0, -1, false);
}

qsizetype MimeTreeBuilder::lineEndAt(qsizetype pos) const
{
    const void *lf = std::memchr(m_d + pos, '\n', size_t(m_size - pos));
    return lf ? (static_cast<const char *>(lf) - m_d) + 1 : m_size;
}

int MimeTreeBuilder::matchBoundary(qsizetype lineStart, qsizetype lineEnd, bool *close) const
{
    const qsizetype len = lineEnd - lineStart;
    if (len < 3 || m_d[lineStart] != '-' || m_d[lineStart + 1] != '-')
        return -1;
    for (int level = int(m_boundaries.size()) - 1; level >= 0; --level) {
        const QByteArray &b = m_boundaries.at(level);
        if (len < 2 + b.size() || std::memcmp(m_d + lineStart + 2, b.constData(), size_t(b.size())) != 0)
            continue;
        qsizetype p = lineStart + 2 + b.size();
        bool isClose = false;
        if (p + 1 < lineEnd && m_d[p] == '-' && m_d[p + 1] == '-') {
            isClose = true;
            p += 2;
        }
        // Only transport padding may follow (RFC 2046 5.1.1), so "--frontier-inner"
        // does not end a "frontier" part.
        while (p < lineEnd && (m_d[p] == ' ' || m_d[p] == '\t' || m_d[p] == '\r' || m_d[p] == '\n'))
            ++p;
        if (p != lineEnd)
            continue;
        *close = isClose;
        return level;
    }
    return -1;
}

MimeTreeBuilder::Hit MimeTreeBuilder::scanBody(qsizetype pos) const
{
    Hit hit;
    if (m_boundaries.isEmpty() || pos >= m_size)
        return hit;
    qsizetype lineStart = pos;
    while (lineStart < m_size) {
        if (m_d[lineStart] == '-') {
            const qsizetype le = lineEndAt(lineStart);
            bool close = false;
            const int level = matchBoundary(lineStart, le, &close);
            if (level >= 0) {
                hit.lineStart = lineStart;
                hit.lineEnd = le;
                hit.level = level;
                hit.close = close;
                return hit;
            }
        }
        // Next line that starts with "--" (glibc's memmem is much faster here than a
        // generic substring search).
        const void *next = ::memmem(m_d + lineStart, size_t(m_size - lineStart), "\n--", 3);
        if (!next)
            break;
        lineStart = (static_cast<const char *>(next) - m_d) + 1;
    }
    return hit;
}

qsizetype MimeTreeBuilder::endBefore(const Hit &hit, qsizetype bodyStart) const
{
    if (hit.level < 0)
        return qMax(m_size, bodyStart);
    qsizetype b = hit.lineStart;
    // The line break before a delimiter belongs to the delimiter (RFC 2046 5.1.1).
    if (b >= 2 && m_d[b - 2] == '\r' && m_d[b - 1] == '\n')
        b -= 2;
    else if (b >= 1 && m_d[b - 1] == '\n')
        b -= 1;
    return qMax(b, bodyStart);
}

int MimeTreeBuilder::addInventedPart(int parent, qsizetype at, int depth)
{
    // Dovecot's answer to a multipart without body parts: one empty text/plain part,
    // since RFC 3501's grammar needs at least one (docs/mime-decisions.md).
    MimePart p;
    p.parent = parent;
    p.depth = depth;
    p.headerStart = p.headerEnd = p.bodyStart = p.bodyEnd = at;
    p.type = "text";
    p.subtype = "plain";
    p.params.append(MimeParam{"charset", "us-ascii"});
    p.encoding = "7bit";
    const int idx = int(m_msg.m_parts.size());
    m_msg.m_parts.append(p);
    m_msg.m_parts[parent].children.append(idx);
    return idx;
}

MimeTreeBuilder::Hit MimeTreeBuilder::parsePart(qsizetype start, int depth, int parent, bool inDigest)
{
    const int idx = int(m_msg.m_parts.size());
    {
        MimePart p;
        p.parent = parent;
        p.depth = depth;
        p.headerStart = start;
        m_msg.m_parts.append(p);
        if (parent >= 0)
            m_msg.m_parts[parent].children.append(idx);
    }

    // The header block ends at the empty line, or early at a boundary line of an
    // enclosing multipart (then the body is empty), or at the end of the input.
    qsizetype pos = start;
    qsizetype headerEnd = -1;
    while (pos < m_size) {
        if (m_d[pos] == '\n' || (m_d[pos] == '\r' && pos + 1 < m_size && m_d[pos + 1] == '\n')) {
            const qsizetype le = lineEndAt(pos);
            bool close = false;
            // An empty line right before a delimiter is the delimiter's CRLF: the
            // header then has no empty line (Dovecot agrees).
            if (le < m_size && m_d[le] == '-' && !m_boundaries.isEmpty()
                && matchBoundary(le, lineEndAt(le), &close) >= 0)
                headerEnd = pos;
            pos = le;
            break;
        }
        const qsizetype le = lineEndAt(pos);
        bool close = false;
        if (m_d[pos] == '-' && !m_boundaries.isEmpty() && matchBoundary(pos, le, &close) >= 0)
            break;
        pos = le;
    }
    const qsizetype bodyStart = pos;
    m_msg.m_parts[idx].bodyStart = bodyStart;
    m_msg.m_parts[idx].headerEnd = headerEnd >= 0 ? headerEnd : bodyStart;
    applyHeader(m_msg.m_parts[idx], m_msg.m_parts[idx].headerEnd, inDigest);

    const MimePart &p = m_msg.m_parts.at(idx);
    const QByteArray boundary = p.isType("multipart") ? p.param("boundary") : QByteArray();
    const bool canNest = depth < MimeMessage::MaxDepth && m_msg.m_parts.size() < MimeMessage::MaxParts;
    Hit hit;
    if (canNest && !boundary.isEmpty()) {
        m_msg.m_parts[idx].kind = MimePart::Kind::Multipart;
        const bool digest = p.subtype.compare("digest", Qt::CaseInsensitive) == 0;
        m_boundaries.append(boundary);
        const int level = int(m_boundaries.size()) - 1;
        hit = scanBody(bodyStart);                            // skips the preamble
        while (hit.level == level && !hit.close) {
            if (m_msg.m_parts.size() >= MimeMessage::MaxParts)
                hit = scanBody(hit.lineEnd);                  // over the cap: not split out
            else
                hit = parsePart(hit.lineEnd, depth + 1, idx, digest);
        }
        m_boundaries.removeLast();
        if (hit.level == level)
            hit = scanBody(hit.lineEnd);                      // skips the epilogue
        const qsizetype end = endBefore(hit, bodyStart);
        if (m_msg.m_parts.at(idx).children.isEmpty())
            addInventedPart(idx, end, depth + 1);
        m_msg.m_parts[idx].bodyEnd = end;
    } else if (canNest && p.isType("message", "rfc822")) {
        m_msg.m_parts[idx].kind = MimePart::Kind::Message;
        hit = parsePart(bodyStart, depth + 1, idx, false);
        const MimePart &inner = m_msg.m_parts.at(m_msg.m_parts.at(idx).children.first());
        m_msg.m_parts[idx].bodyEnd = qMax(endBefore(hit, bodyStart), inner.bodyEnd);
    } else {
        hit = scanBody(bodyStart);
        m_msg.m_parts[idx].bodyEnd = endBefore(hit, bodyStart);
    }

    // Line counts are only reported for text and message/rfc822 bodies (RFC 3501 7.4.2).
    MimePart &done = m_msg.m_parts[idx];
    if (done.kind == MimePart::Kind::Message || done.isType("text")) {
        const QByteArrayView body(m_d + done.bodyStart, done.bodyEnd - done.bodyStart);
        done.lines = body.count('\n');
    }
    return hit;
}

void MimeTreeBuilder::applyHeader(MimePart &part, qsizetype headerEnd, bool inDigest) const
{
    const QByteArray &raw = m_msg.m_raw;
    // Later fields override earlier ones, as in Dovecot.
    QByteArray ctype, cte, cdisp, clang;
    bool haveType = false, haveDisp = false, haveLang = false;
    MimeHeader::forEach(raw, part.headerStart, headerEnd, [&](const MimeHeader::Field &f) {
        const QByteArrayView n = MimeHeader::name(raw, f);
        if (n.size() < 10 || (n.at(0) != 'C' && n.at(0) != 'c'))
            return;
        const auto is = [&n](const char *want) { return n.compare(want, Qt::CaseInsensitive) == 0; };
        if (is("Content-Type")) {
            ctype = MimeHeader::unfoldedValue(raw, f);
            haveType = true;
        } else if (is("Content-Transfer-Encoding")) {
            cte = MimeHeader::unfoldedValue(raw, f);
        } else if (is("Content-Disposition")) {
            cdisp = MimeHeader::unfoldedValue(raw, f);
            haveDisp = true;
        } else if (is("Content-Language")) {
            clang = MimeHeader::unfoldedValue(raw, f);
            haveLang = true;
        } else if (is("Content-Location")) {
            part.location = MimeHeader::unfoldedValue(raw, f);
        } else if (is("Content-MD5")) {
            part.md5 = MimeHeader::unfoldedValue(raw, f);
        } else if (is("Content-ID")) {
            part.contentId = MimeHeader::unfoldedValue(raw, f);
        } else if (is("Content-Description")) {
            part.description = MimeHeader::unfoldedValue(raw, f);
        }
    });

    if (haveType) {
        part.hasContentType = true;
        MimeFieldParser::parseContentType(ctype, &part.type, &part.subtype, &part.params);
    } else if (inDigest) {
        part.type = "message";          // RFC 2046 5.1.5
        part.subtype = "rfc822";
    } else {
        part.type = "text";
        part.subtype = "plain";
    }
    if (part.isType("text") && part.param("charset").isNull())
        part.params.append(MimeParam{"charset", "us-ascii"});

    part.encoding = MimeFieldParser::parseToken(cte);
    if (part.encoding.isEmpty())
        part.encoding = "7bit";
    if (haveDisp)
        MimeFieldParser::parseDisposition(cdisp, &part.disposition, &part.dispositionParams);
    if (haveLang)
        part.languages = MimeFieldParser::parseLanguages(clang);
}
