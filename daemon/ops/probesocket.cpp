#include "probesocket.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QSslCipher>
#include <QSslConfiguration>

ProbeSocket::ProbeSocket(const QString &peerName) : m_peerName(peerName)
{
    // Verify against the system's CAs, but only record the errors: a self-signed
    // certificate is a warning in the report, not a reason to stop probing.
    QObject::connect(&m_socket, &QSslSocket::sslErrors, &m_socket, [this](const QList<QSslError> &errors) {
        m_sslErrors = errors;
        m_socket.ignoreSslErrors();
    });
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    conf.setPeerVerifyMode(QSslSocket::VerifyPeer);
    m_socket.setSslConfiguration(conf);
    m_socket.setPeerVerifyName(peerName);
}

bool ProbeSocket::connectTo(const QString &address, int port, bool implicitTls, QString *error)
{
    if (implicitTls)
        m_socket.connectToHostEncrypted(address, quint16(port), m_peerName);
    else
        m_socket.connectToHost(address, quint16(port));
    if (!m_socket.waitForConnected(ConnectTimeoutMs)) {
        *error = m_socket.error() == QAbstractSocket::ConnectionRefusedError
                     ? QStringLiteral("nothing answers (connection refused)")
                     : QStringLiteral("cannot connect: %1").arg(m_socket.errorString());
        return false;
    }
    return implicitTls ? waitForEncrypted(error) : true;
}

bool ProbeSocket::startTls(QString *error)
{
    m_socket.startClientEncryption();
    return waitForEncrypted(error);
}

bool ProbeSocket::waitForEncrypted(QString *error)
{
    if (m_socket.waitForEncrypted(ConnectTimeoutMs))
        return true;
    *error = QStringLiteral("TLS handshake failed: %1").arg(m_socket.errorString());
    return false;
}

QString ProbeSocket::protocolName() const
{
    const QSslCipher c = m_socket.sessionCipher();
    return c.isNull() ? QString() : c.protocolString();
}

bool ProbeSocket::writeLine(const QByteArray &line)
{
    return write(line + "\r\n");
}

bool ProbeSocket::write(const QByteArray &bytes)
{
    if (m_socket.write(bytes) != bytes.size())
        return false;
    while (m_socket.bytesToWrite() > 0) {
        if (!m_socket.waitForBytesWritten(ReadTimeoutMs))
            return false;
    }
    return true;
}

bool ProbeSocket::readLine(QByteArray *line, QString *error, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!m_socket.canReadLine()) {
        if (m_socket.bytesAvailable() > MaxLineBytes) {
            *error = QStringLiteral("the server sent a line longer than %1 bytes").arg(MaxLineBytes);
            return false;
        }
        const qint64 left = timeoutMs - timer.elapsed();
        if (left <= 0) {
            *error = QStringLiteral("no answer within %1 s").arg(timeoutMs / 1000);
            return false;
        }
        if (!m_socket.waitForReadyRead(int(left)) && !m_socket.canReadLine()) {
            if (m_socket.state() != QAbstractSocket::ConnectedState) {
                *error = QStringLiteral("the server closed the connection");
                return false;
            }
        }
    }
    *line = m_socket.readLine(MaxLineBytes);
    while (line->endsWith('\n') || line->endsWith('\r'))
        line->chop(1);
    return true;
}

bool ProbeSocket::readBytes(qint64 n, QByteArray *out, QString *error, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    out->clear();
    while (out->size() < n) {
        out->append(m_socket.read(n - out->size()));
        if (out->size() >= n)
            break;
        const qint64 left = timeoutMs - timer.elapsed();
        if (left <= 0 || (!m_socket.waitForReadyRead(int(left)) && m_socket.bytesAvailable() == 0
                          && m_socket.state() != QAbstractSocket::ConnectedState)) {
            *error = QStringLiteral("the answer ended early");
            return false;
        }
    }
    return true;
}

QByteArray ProbeSocket::readUntilClosed(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    QByteArray all;
    while (timer.elapsed() < timeoutMs) {
        all += m_socket.readAll();
        if (m_socket.state() != QAbstractSocket::ConnectedState)
            break;
        m_socket.waitForReadyRead(int(qMax<qint64>(1, timeoutMs - timer.elapsed())));
    }
    all += m_socket.readAll();
    return all;
}

void ProbeSocket::close()
{
    m_socket.abort();
}
