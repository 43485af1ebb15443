// A blocking SMTP client for delivery worker threads (never the event loop): EHLO (HELO
// fallback), STARTTLS (opportunistic or required), AUTH PLAIN/LOGIN for a smarthost,
// SIZE, PIPELINING, 8BITMIME, then one transaction streamed from the spool file with
// dot-stuffing. Reports a reply per recipient (RFC 5321 4.2, 3.3). Trusts nothing the
// server says beyond parsing it; replies are bounded in length and line count.
#pragma once

#include <QHostAddress>
#include <QSslSocket>
#include <QString>
#include <QStringList>
#include <QVector>
#include <memory>

struct SmtpReply {
    int code = 0;          // 0: no reply (connection problem)
    QString text;          // "250 2.1.5 Ok" (lines joined with "; ")
    bool isPositive() const { return code >= 200 && code < 400; }
    bool isPermanent() const { return code >= 500; }
};

class SmtpClient
{
public:
    enum class Security { Opportunistic, RequireStartTls, ImplicitTls, None };
    struct Options {
        QString heloName;
        Security security = Security::Opportunistic;
        bool verifyPeer = false;     // smarthost: check its certificate
        QString username, password;  // AUTH when set
        int commandTimeoutMs = 120000; // RFC 5321 4.5.3.2 asks for minutes; we bound at 2 min
        int finalTimeoutMs = 600000;   // reply to the final dot
    };
    static constexpr int MaxReplyLines = 100;
    static constexpr int MaxReplyLineLength = 2048;
    static constexpr int MaxRecipientsPerTransaction = 100; // RFC 5321 4.5.3.1.8

    explicit SmtpClient(const Options &options);
    ~SmtpClient();

    // Connects, reads the greeting, EHLO, STARTTLS and AUTH as configured. On false,
    // *error says why and *reply holds the server's reply if it gave one.
    bool open(const QHostAddress &address, quint16 port, const QString &hostName, QString *error,
              SmtpReply *reply = nullptr);
    // One mail transaction. rcptReplies[i] answers recipients[i]; a recipient is delivered
    // when its RCPT reply and *dataReply are both positive. False on a connection problem
    // (then every recipient not yet answered counts as temporarily failed).
    bool sendMail(const QString &sender, const QStringList &recipients, const QString &messagePath,
                  QVector<SmtpReply> *rcptReplies, SmtpReply *dataReply, QString *error);
    void quit();
    bool isTls() const;
    QString peerName() const { return m_hostName; }

private:
    bool readReply(SmtpReply *reply, int timeoutMs);
    bool sendLine(const QByteArray &line);
    bool command(const QByteArray &line, SmtpReply *reply);
    bool ehlo(SmtpReply *reply);
    bool startTls(QString *error);
    bool authenticate(QString *error);
    bool streamMessage(const QString &path, QString *error);
    bool flush(int timeoutMs);

    Options m_options;
    std::unique_ptr<QSslSocket> m_socket;
    QString m_hostName;
    QStringList m_extensions;   // upper-case EHLO keywords with parameters
    bool m_esmtp = false;
    QString m_lastError;
    bool hasExtension(const QString &name, QString *param = nullptr) const;
};
