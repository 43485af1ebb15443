// Blocking protocol clients for the benchmarks (one per thread): just enough SMTP,
// IMAP and HTTP/1.1 to drive the daemon and check each answer.
#pragma once

#include <QByteArray>
#include <QSslSocket>
#include <memory>

class BenchLineClient
{
public:
    explicit BenchLineClient(bool tls = false);
    bool connectTo(quint16 port, int timeoutMs = 10000);
    bool send(const QByteArray &bytes);
    // Reads one CRLF-terminated line (without CRLF); empty with ok=false on timeout.
    QByteArray readLine(bool *ok, int timeoutMs = 30000);
    QByteArray readExact(qint64 size, bool *ok);
    // SMTP: reads a (multi-line) reply; returns its code or 0.
    int readSmtpReply(QByteArray *text = nullptr);
    // IMAP: reads until the tagged reply of `tag`; returns true on OK. Counts literal bytes in *bytes.
    bool readImapTagged(const QByteArray &tag, qint64 *bytes = nullptr, int timeoutMs = 120000);
    QSslSocket &socket() { return *m_socket; }

private:
    bool fill(int timeoutMs);
    std::unique_ptr<QSslSocket> m_socket;
    QByteArray m_buffer;
    bool m_tls;
};

// HTTP/1.1 keep-alive client: one request at a time.
class BenchHttpClient
{
public:
    bool connectTo(quint16 port);
    // Returns the status code (0 on failure); body in *body.
    int request(const QByteArray &method, const QByteArray &path, const QByteArray &body = {},
                const QByteArray &bearer = {}, QByteArray *responseBody = nullptr);

private:
    BenchLineClient m_client;
};
