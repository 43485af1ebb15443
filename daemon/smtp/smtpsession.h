// One SMTP connection (RFC 5321), as an explicit state machine. Owns its socket and
// deletes itself when the connection ends. Trusts nothing the client sends: commands go
// through the pure parser, message bytes through the data reader straight into the spool,
// passwords to the store's off-loop check. Answers 250 to a message only after the queue
// reports it fsynced. Never an open relay: see rcptDecision() in smtpsessioncommands.cpp.
#pragma once

#include "smtpcommand.h"
#include "smtpdatareader.h"

#include <QBasicTimer>
#include <QHostAddress>
#include <QObject>
#include <QStringList>
#include <memory>

class QSslSocket;
class SpoolWriter;
struct ServiceContext;

class SmtpSession : public QObject
{
    Q_OBJECT
public:
    enum class Port { Inbound, Submission, Smtps }; // 25, 587, 465

    // Takes ownership of the socket (plain, or with the server handshake already started
    // for Port::Smtps). A non-empty refusal ("421 4.7.0 ...") is sent instead of the
    // banner, then the connection closes.
    SmtpSession(QSslSocket *socket, Port port, const ServiceContext *context, const QByteArray &refusal = {});
    ~SmtpSession() override;

    QHostAddress peerAddress() const { return m_peer; }
    // The daemon is going away: say so (421 4.3.2) as far as the socket takes it now.
    void sayShuttingDown();

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    enum class State {
        TlsHandshake,   // implicit TLS: waiting for the handshake before the banner
        Greeted,        // banner sent, no HELO/EHLO yet
        Ready,          // HELO/EHLO done, no transaction
        MailGiven,      // MAIL accepted
        RcptGiven,      // at least one RCPT accepted (also between BDAT chunks)
        ReceivingData,  // after 354, until CRLF.CRLF
        ReceivingBdat,  // reading the octets of one BDAT chunk
        AuthExchange,   // waiting for a SASL response line
        StartingTls,    // STARTTLS handshake in progress
        Busy,           // waiting for the store (password) or the queue (commit)
        Closing,
    };
    enum class Problem { None, TooBig, BareLineEnding, LongLine, WriteError };
    enum class AuthStep { None, PlainResponse, LoginUser, LoginPassword };

    // smtpsession.cpp: I/O, framing, replies, TLS, timeouts
    void greet();
    void pump();
    bool takeLine(QByteArray *line);
    bool readMore();
    void reply(int code, const char *enhanced, const QByteArray &text);
    void replyRaw(const QByteArray &line);
    void closeWithReply(int code, const char *enhanced, const QByteArray &text);
    void onEncrypted();
    void onDisconnected();
    void armTimer();
    bool protocolError(int code, const char *enhanced, const QByteArray &text); // counts; may close
    bool tlsAvailable() const;
    bool authOffered() const;
    QString tlsDescription() const;

    // smtpsessioncommands.cpp: one handler per verb
    void handleLine(const QByteArray &line);
    void handleHelo(const SmtpCommand &command, bool extended);
    void handleMail(const SmtpCommand &command);
    void handleRcpt(const SmtpCommand &command);
    void handleStartTls(const SmtpCommand &command);
    void resetTransaction();
    QString rcptDecision(const QString &address, int *code, QByteArray *enhanced); // empty: accepted

    // smtpsessionauth.cpp
    void handleAuth(const SmtpCommand &command);
    void handleAuthResponse(const QByteArray &line);
    void verifyCredentials(const QString &user, const QByteArray &password);

    // smtpsessiondata.cpp: DATA, BDAT, the Received header, commit and the log line
    void handleData(const SmtpCommand &command);
    void handleBdat(const SmtpCommand &command);
    bool beginMessage();
    void consumeData();
    void consumeBdat();
    void absorb(const QByteArray &content);
    void finishMessage();
    void logMessage(const QString &queueId, const QString &result) const;

    QSslSocket *m_socket;
    const ServiceContext *m_ctx;
    QHostAddress m_peer;
    Port m_port;
    State m_state = State::Greeted;
    bool m_admitted;              // counted by the rate limiter and the gauge
    bool m_discardingLine = false; // rest of an over-long line is being dropped
    int m_errors = 0;
    int m_messages = 0;
    QBasicTimer m_timer;
    QByteArray m_in;              // received, not yet processed
    QByteArray m_refusal;
    QByteArray m_helo;
    bool m_extended = false;
    QString m_authUser;
    AuthStep m_authStep = AuthStep::None;
    QString m_authLoginUser;

    // The transaction (RFC 5321 3.3): reset by RSET, HELO/EHLO, STARTTLS and after each message.
    SmtpPath m_from;
    QStringList m_recipients;
    std::unique_ptr<SpoolWriter> m_writer;
    std::unique_ptr<SmtpDataReader> m_reader;
    Problem m_problem = Problem::None;
    bool m_bdatStarted = false;
    bool m_bdatLast = false;
    bool m_bdatDiscard = false;   // a refused BDAT: read its octets, then answer
    qint64 m_bdatRemaining = 0;
    bool m_bdatAnswered = false;  // the refusal was already sent (451 at BDAT)
    State m_afterBdat = State::Ready; // where a discarded chunk returns to
};
