#include "mimetreebuilder.h"

#include "mimefieldparser.h"
#include "mimeheader.h"

#include <algorithm>
#include <cstring>
#include <vector>

MimeTreeBuilder::MimeTreeBuilder(MimeMessage &msg)
    : m_msg(msg), m_d(msg.m_raw.constData()), m_size(msg.m_raw.size())
{
}

void MimeTreeBuilder::build()
{
    m_msg.m_parts.clear();
    parsePart(0, 0, -1, false);
    countLines();
}

void MimeTreeBuilder::countLines()
{
    // Line counts are reported for text and message/rfc822 bodies (RFC 3501 7.4.2).
    // Counting the LFs before every needed offset in one sweep keeps this linear even
    // when message/rfc822 parts nest (each level's body contains the next).
    const auto needsLines = [](const MimePart &p) {
        return p.kind == MimePart::Kind::Message || p.isType("text");
    };
    std::vector<qsizetype> points;
    for (const MimePart &p : m_msg.m_parts) {
        if (needsLines(p)) {
            points.push_back(p.bodyStart);
            points.push_back(p.bodyEnd);
        }
    }
    if (points.empty())
        return;
    std::sort(points.begin(), points.end());
    points.erase(std::unique(points.begin(), points.end()), points.end());
    std::vector<qint64> before(points.size());    // LFs in [0, points[i])
    qsizetype pos = 0;
    qint64 count = 0;
    for (size_t i = 0; i < points.size(); ++i) {
        count += QByteArrayView(m_d + pos, points[i] - pos).count('\n');
        pos = points[i];
        before[i] = count;
    }
    const auto at = [&](qsizetype offset) {
        return before[size_t(std::lower_bound(points.begin(), points.end(), offset) - points.begin())];
    };
    for (MimePart &p : m_msg.m_parts) {
        if (needsLines(p))
            p.lines = at(p.bodyEnd) - at(p.bodyStart);
    }
}

qsizetype MimeTreeBuilder::lineEndAt(qsizetype pos) const
{
    const void *lf = std::memchr(m_d + pos, '\n', size_t(m_size - pos));
    return lf ? (static_cast<const char *>(lf) - m_d) + 1 : m_size;
}

int MimeTreeBuilder::matchBoundary(qsizetype lineStart, qsizetype lineEnd, bool *close) const
{
    // As Dovecot does: the line only has to start with "--" + boundary (mailers add
    // padding and junk); when several open boundaries match, the longest wins, and
    // among equal ones the innermost (RFC 2046 5.1.2: nested parts may reuse one).
    const qsizetype len = lineEnd - lineStart - 2;
    if (len < 1 || m_d[lineStart] != '-' || m_d[lineStart + 1] != '-')
        return -1;
    const char *text = m_d + lineStart + 2;
    int best = -1;
    for (int level = int(m_boundaries.size()) - 1; level >= 0; --level) {
        const QByteArray &b = m_boundaries.at(level);
        if (b.size() > len || (best >= 0 && b.size() <= m_boundaries.at(best).size()))
            continue;
        if (std::memcmp(text, b.constData(), size_t(b.size())) == 0)
            best = level;
    }
    if (best >= 0) {
        const qsizetype n = m_boundaries.at(best).size();
        *close = len >= n + 2 && text[n] == '-' && text[n + 1] == '-';
    }
    return best;
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
    qsizetype emptyLine = -1;
    while (pos < m_size) {
        if (m_d[pos] == '\n' || (m_d[pos] == '\r' && pos + 1 < m_size && m_d[pos + 1] == '\n')) {
            emptyLine = pos;
            pos = lineEndAt(pos);
            break;
        }
        const qsizetype le = lineEndAt(pos);
        bool close = false;
        if (m_d[pos] == '-' && !m_boundaries.isEmpty() && matchBoundary(pos, le, &close) >= 0) {
            // A delimiter inside the header: the line break before it is the
            // delimiter's, not the header's (Dovecot agrees).
            headerEnd = pos;
            if (headerEnd > start && m_d[headerEnd - 1] == '\n')
                --headerEnd;
            if (headerEnd > start && m_d[headerEnd - 1] == '\r')
                --headerEnd;
            break;
        }
        pos = le;
    }
    const qsizetype bodyStart = pos;
    m_msg.m_parts[idx].bodyStart = bodyStart;
    applyHeader(m_msg.m_parts[idx], headerEnd >= 0 ? headerEnd : (emptyLine >= 0 ? emptyLine : bodyStart), inDigest);

    const MimePart &p = m_msg.m_parts.at(idx);
    const QByteArray boundary = p.isType("multipart") ? p.param("boundary") : QByteArray();
    const bool canNest = depth < MimeMessage::MaxDepth && m_msg.m_parts.size() < MimeMessage::MaxParts;
    // An empty line right before an enclosing part's delimiter is that delimiter's
    // CRLF: the header then has no empty line (Dovecot agrees). A multipart's own
    // first delimiter does not count, so its boundary takes part in the match.
    if (emptyLine >= 0 && bodyStart < m_size && m_d[bodyStart] == '-' && !m_boundaries.isEmpty()) {
        const bool own = canNest && !boundary.isEmpty();
        if (own)
            m_boundaries.append(boundary);
        bool close = false;
        const int level = matchBoundary(bodyStart, lineEndAt(bodyStart), &close);
        if (own)
            m_boundaries.removeLast();
        if (level >= 0 && !(own && level == int(m_boundaries.size())))
            headerEnd = emptyLine;
    }
    m_msg.m_parts[idx].headerEnd = headerEnd >= 0 ? headerEnd : bodyStart;
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

    return hit;
}

void MimeTreeBuilder::applyHeader(MimePart &part, qsizetype headerEnd, bool inDigest) const
{
    const QByteArray &raw = m_msg.m_raw;
    // The first of each Content-* field counts, as in Dovecot (ENVELOPE fields differ:
    // there the last one counts).
    QByteArray ctype, cte, cdisp, clang;
    bool haveType = false, haveCte = false, haveDisp = false, haveLang = false;
    bool haveLocation = false, haveMd5 = false, haveId = false, haveDescription = false;
    MimeHeader::forEach(raw, part.headerStart, headerEnd, [&](const MimeHeader::Field &f) {
        const QByteArrayView n = MimeHeader::name(raw, f);
        if (n.size() < 10 || (n.at(0) != 'C' && n.at(0) != 'c'))
            return;
        const auto is = [&n](const char *want) { return n.compare(want, Qt::CaseInsensitive) == 0; };
        const auto once = [&](bool &seen, QByteArray &target) {
            if (!seen)
                target = MimeHeader::unfoldedValue(raw, f);
            seen = true;
        };
        if (is("Content-Type"))
            once(haveType, ctype);
        else if (is("Content-Transfer-Encoding"))
            once(haveCte, cte);
        else if (is("Content-Disposition"))
            once(haveDisp, cdisp);
        else if (is("Content-Language"))
            once(haveLang, clang);
        else if (is("Content-Location"))
            once(haveLocation, part.location);
        else if (is("Content-MD5"))
            once(haveMd5, part.md5);
        else if (is("Content-ID"))
            once(haveId, part.contentId);
        else if (is("Content-Description"))
            once(haveDescription, part.description);
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
