#include "apirequestguard.h"

#include <QList>

static ApiRequestGuard::Verdict reject(int status, const char *reason)
{
    ApiRequestGuard::Verdict v;
    v.status = status;
    v.reason = reason;
    return v;
}

static bool isToken(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

ApiRequestGuard::Verdict ApiRequestGuard::feed(QByteArrayView bytes)
{
    Verdict result;
    qsizetype pos = 0;
    while (pos < bytes.size() && m_state != State::Rejected) {
        if (m_state == State::Body) {
            const qint64 take = qMin<qint64>(m_bodyLeft, bytes.size() - pos);
            m_bodyLeft -= take;
            pos += take;
            if (m_bodyLeft == 0)
                m_state = State::Head;
            continue;
        }
        // Head: blank lines between requests are tolerated (RFC 9112 2.2).
        if (m_head.isEmpty()) {
            while (pos < bytes.size() && (bytes[pos] == '\r' || bytes[pos] == '\n'))
                ++pos;
            if (pos == bytes.size())
                break;
        }
        const qsizetype searchFrom = qMax<qsizetype>(0, m_head.size() - 3);
        const qsizetype room = MaxHeadBytes + 4 - m_head.size();
        const qsizetype take = qMin<qsizetype>(room, bytes.size() - pos);
        m_head.append(bytes.sliced(pos, take).data(), take);
        qsizetype end = m_head.indexOf("\r\n\r\n", searchFrom);
        qsizetype terminator = 4;
        const qsizetype lfEnd = m_head.indexOf("\n\n", searchFrom);
        if (lfEnd >= 0 && (end < 0 || lfEnd < end)) {
            end = lfEnd;
            terminator = 2;
        }
        if (end < 0) {
            if (m_head.size() > MaxHeadBytes) {
                m_state = State::Rejected;
                return reject(431, "request header fields too large");
            }
            pos += take;
            continue;
        }
        const qsizetype headLength = end + terminator;
        if (headLength > MaxHeadBytes + 4) {
            m_state = State::Rejected;
            return reject(431, "request header fields too large");
        }
        // Bytes of this feed beyond the head belong to the body or the next request.
        pos += take - (m_head.size() - headLength);
        m_head.truncate(headLength);
        bool expectContinue = false;
        const Verdict v = checkHead(m_head, &expectContinue);
        m_head.clear();
        if (v.status) {
            m_state = State::Rejected;
            return v;
        }
        if (expectContinue)
            ++result.continues;
        m_state = m_bodyLeft > 0 ? State::Body : State::Head;
    }
    return result;
}

ApiRequestGuard::Verdict ApiRequestGuard::checkHead(const QByteArray &head, bool *expectContinue)
{
    const QList<QByteArray> lines = head.split('\n');
    // request-line = method SP request-target SP HTTP-version (RFC 9112 3)
    QByteArray requestLine = lines.value(0);
    if (requestLine.endsWith('\r'))
        requestLine.chop(1);
    const QList<QByteArray> words = requestLine.split(' ');
    if (words.size() != 3 || words[0].isEmpty() || words[1].isEmpty())
        return reject(400, "malformed request line");
    for (char c : words[0])
        if (!isToken(c))
            return reject(400, "malformed request line");
    if (words[2] != "HTTP/1.1" && words[2] != "HTTP/1.0")
        return reject(400, "unsupported HTTP version");
    if (lines.size() > MaxHeaderLines)
        return reject(431, "too many header fields");

    qint64 contentLength = -1;
    for (int i = 1; i < lines.size(); ++i) {
        QByteArray line = lines[i];
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || line[0] == ' ' || line[0] == '\t')
            return reject(400, "malformed header field"); // no obs-fold (RFC 9112 5.2)
        const QByteArray name = line.left(colon).toLower();
        for (char c : name)
            if (!isToken(c))
                return reject(400, "malformed header field");
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "transfer-encoding")
            return reject(411, "chunked bodies are not accepted; send Content-Length");
        if (name == "content-length") {
            bool ok = value.size() <= 18 && !value.isEmpty();
            for (char c : value)
                ok = ok && c >= '0' && c <= '9';
            const qint64 n = ok ? value.toLongLong(&ok) : -1;
            if (!ok || (contentLength >= 0 && contentLength != n))
                return reject(400, "bad Content-Length");
            contentLength = n;
        } else if (name == "expect") {
            if (value.compare("100-continue", Qt::CaseInsensitive) == 0)
                *expectContinue = true;
        }
    }
    if (contentLength > m_maxBody)
        return reject(413, "request body too large");
    m_bodyLeft = qMax<qint64>(0, contentLength);
    return {};
}
