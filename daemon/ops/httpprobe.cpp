#include "httpprobe.h"

#include "probesocket.h"

QByteArray HttpProbeResult::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first == name.toLower())
            return h.second;
    }
    return {};
}

namespace HttpProbe {

HttpProbeResult request(ProbeSocket &socket, const QByteArray &method, const QByteArray &path, const QString &host,
                        const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body)
{
    HttpProbeResult r;
    QByteArray head = method + ' ' + path + " HTTP/1.1\r\nHost: " + host.toUtf8()
                      + "\r\nUser-Agent: postroomd-diagnose\r\nConnection: close\r\n";
    for (const auto &h : headers)
        head += h.first + ": " + h.second + "\r\n";
    if (!body.isEmpty() || method == "POST")
        head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    head += "\r\n";
    if (!socket.write(head + body)) {
        r.error = QStringLiteral("cannot send the request");
        return r;
    }
    QByteArray line;
    if (!socket.readLine(&line, &r.error))
        return r;
    // "HTTP/1.1 200 OK"
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() < 2 || !parts.at(0).startsWith("HTTP/1.")) {
        r.error = QStringLiteral("not an HTTP answer: %1").arg(QString::fromLatin1(line.left(80)));
        return r;
    }
    const int status = parts.at(1).toInt();
    qint64 length = -1;
    for (int i = 0; i < 200; ++i) {
        if (!socket.readLine(&line, &r.error))
            return r;
        if (line.isEmpty())
            break;
        const int colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        r.headers.append({name, value});
        if (name == "content-length")
            length = value.toLongLong();
    }
    if (method != "HEAD" && status != 204 && status != 304) {
        if (length >= 0) {
            if (length > MaxBodyBytes || !socket.readBytes(length, &r.body, &r.error))
                return r;
        } else {
            r.body = socket.readUntilClosed().left(MaxBodyBytes);
        }
    }
    r.status = status;
    return r;
}

} // namespace HttpProbe
