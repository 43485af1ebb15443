// A blocking client socket for `postroomd diagnose` (runs in the CLI process, never in the
// daemon's event loop): plain, STARTTLS or implicit TLS, line reads with a deadline, and
// what the TLS handshake saw (certificate, verification errors). Trusts nothing it reads.
#pragma once

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QSslError>
#include <QSslSocket>
#include <QString>

class ProbeSocket
{
public:
    static constexpr int ConnectTimeoutMs = 5000;
    static constexpr int ReadTimeoutMs = 10000;
    static constexpr int MaxLineBytes = 64 * 1024;

    // peerName: the name the certificate must carry (the configured hostname).
    explicit ProbeSocket(const QString &peerName);

    bool connectTo(const QString &address, int port, bool implicitTls, QString *error);
    // Client side of STARTTLS once the server said go ahead.
    bool startTls(QString *error);
    bool writeLine(const QByteArray &line); // adds CRLF
    bool write(const QByteArray &bytes);
    // One line without its CRLF; false on timeout or close (error says which).
    bool readLine(QByteArray *line, QString *error, int timeoutMs = ReadTimeoutMs);
    // Exactly n bytes (IMAP literals, HTTP bodies).
    bool readBytes(qint64 n, QByteArray *out, QString *error, int timeoutMs = ReadTimeoutMs);
    // Everything until the peer closes (HTTP with Connection: close).
    QByteArray readUntilClosed(int timeoutMs = ReadTimeoutMs);
    void close();

    bool isEncrypted() const { return m_socket.isEncrypted(); }
    QString protocolName() const;
    QSslCertificate peerCertificate() const { return m_socket.peerCertificate(); }
    QList<QSslError> sslErrors() const { return m_sslErrors; }

private:
    bool waitForEncrypted(QString *error);

    QSslSocket m_socket;
    QString m_peerName;
    QList<QSslError> m_sslErrors;
};
