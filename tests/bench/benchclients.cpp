#include "benchclients.h"

#include <QElapsedTimer>
#include <QSslConfiguration>

BenchLineClient::BenchLineClient(bool tls) : m_socket(std::make_unique<QSslSocket>()), m_tls(tls) {}

bool BenchLineClient::connectTo(quint16 port, int timeoutMs)
{
    if (m_tls) {
        QSslConfiguration c = QSslConfiguration::defaultConfiguration();
        c.setPeerVerifyMode(QSslSocket::VerifyNone); // the daemon's self-signed certificate
        m_socket->setSslConfiguration(c);
        m_socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
        return m_socket->waitForEncrypted(timeoutMs);
    }
    m_socket->connectToHost(QStringLiteral("127.0.0.1"), port);
    return m_socket->waitForConnected(timeoutMs);
}

bool BenchLineClient::send(const QByteArray &bytes)
{
    if (m_socket->write(bytes) != bytes.size())
        return false;
    while (m_socket->bytesToWrite() > 0)
        if (!m_socket->waitForBytesWritten(30000))
            return false;
    return true;
}

bool BenchLineClient::fill(int timeoutMs)
{
    if (m_socket->bytesAvailable() == 0 && !m_socket->waitForReadyRead(timeoutMs))
        return false;
    m_buffer += m_socket->readAll();
    return true;
}

QByteArray BenchLineClient::readLine(bool *ok, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    for (;;) {
        const qsizetype nl = m_buffer.indexOf("\r\n");
        if (nl >= 0) {
            const QByteArray line = m_buffer.left(nl);
            m_buffer.remove(0, nl + 2);
            *ok = true;
            return line;
        }
        if (t.elapsed() > timeoutMs || !fill(int(qMax<qint64>(1, timeoutMs - t.elapsed())))) {
            *ok = false;
            return QByteArray();
        }
    }
}

QByteArray BenchLineClient::readExact(qint64 size, bool *ok)
{
    while (m_buffer.size() < size) {
        if (!fill(30000)) {
            *ok = false;
            return QByteArray();
        }
    }
    const QByteArray out = m_buffer.left(size);
    m_buffer.remove(0, size);
    *ok = true;
    return out;
}

int BenchLineClient::readSmtpReply(QByteArray *text)
{
    for (;;) {
        bool ok = false;
        const QByteArray line = readLine(&ok);
        if (!ok || line.size() < 3)
            return 0;
        if (text)
            *text += line + '\n';
        if (line.size() == 3 || line.at(3) == ' ')
            return line.left(3).toInt();
    }
}

bool BenchLineClient::readImapTagged(const QByteArray &tag, qint64 *bytes, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    const QByteArray prefix = tag + ' ';
    for (;;) {
        bool ok = false;
        QByteArray line = readLine(&ok, int(qMax<qint64>(1, timeoutMs - t.elapsed())));
        if (!ok)
            return false;
        // A literal {n} at the end of the line: skip n bytes, then the line goes on.
        while (line.endsWith('}')) {
            const qsizetype open = line.lastIndexOf('{');
            const qint64 n = line.mid(open + 1, line.size() - open - 2).toLongLong();
            while (m_buffer.size() < n)
                if (!fill(30000))
                    return false;
            if (bytes)
                *bytes += n;
            m_buffer.remove(0, n);
            line = readLine(&ok);
            if (!ok)
                return false;
        }
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).startsWith("OK");
    }
}

bool BenchHttpClient::connectTo(quint16 port) { return m_client.connectTo(port); }

int BenchHttpClient::request(const QByteArray &method, const QByteArray &path, const QByteArray &body,
                             const QByteArray &bearer, QByteArray *responseBody)
{
    QByteArray req = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n";
    if (!bearer.isEmpty())
        req += "Authorization: Bearer " + bearer + "\r\n";
    if (!body.isEmpty() || method == "POST")
        req += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    req += "\r\n" + body;
    if (!m_client.send(req))
        return 0;
    bool ok = false;
    const QByteArray status = m_client.readLine(&ok);
    if (!ok)
        return 0;
    qint64 length = 0;
    for (;;) {
        const QByteArray header = m_client.readLine(&ok);
        if (!ok)
            return 0;
        if (header.isEmpty())
            break;
        if (header.toLower().startsWith("content-length:"))
            length = header.mid(15).trimmed().toLongLong();
    }
    const QByteArray content = m_client.readExact(length, &ok);
    if (!ok)
        return 0;
    if (responseBody)
        *responseBody = content;
    return status.mid(9, 3).toInt();
}
