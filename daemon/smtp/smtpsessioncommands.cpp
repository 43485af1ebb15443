// Command dispatch and the envelope commands: HELO/EHLO, MAIL, RCPT, RSET, NOOP, QUIT,
// VRFY, EXPN, HELP, STARTTLS (RFC 5321 4.1.1, RFC 3207). The relay rule lives in
// rcptDecision(): without AUTH only recipients in our domains that the store resolves.
#include "smtpsession.h"

#include "accountstore.h"
#include "deliveryqueue.h"
#include "logging.h"
#include "mailaddress.h"
#include "ratelimiter.h"
#include "servicecontext.h"
#include "smtplimits.h"
#include "statsregistry.h"
#include "tlscontext.h"

#include <QSslSocket>

void SmtpSession::handleLine(const QByteArray &line)
{
    const SmtpCommand command = SmtpCommandParser::parseLine(line);
    if (line.size() + 2 > SmtpLimits::MaxCommandLine && command.verb != SmtpCommand::Verb::Auth) {
        protocolError(500, "5.5.2", "Line too long");
        return;
    }
    const bool noArgs = command.argument.isEmpty();
    switch (command.verb) {
    case SmtpCommand::Verb::Helo: return handleHelo(command, false);
    case SmtpCommand::Verb::Ehlo: return handleHelo(command, true);
    case SmtpCommand::Verb::Mail: return handleMail(command);
    case SmtpCommand::Verb::Rcpt: return handleRcpt(command);
    case SmtpCommand::Verb::Data: return handleData(command);
    case SmtpCommand::Verb::Bdat: return handleBdat(command);
    case SmtpCommand::Verb::Auth: return handleAuth(command);
    case SmtpCommand::Verb::StartTls: return handleStartTls(command);
    case SmtpCommand::Verb::Rset: // RFC 5321 4.1.1.5
        if (!noArgs)
            return void(protocolError(501, "5.5.4", "Syntax: RSET"));
        resetTransaction();
        if (m_state != State::Greeted)
            m_state = State::Ready;
        return reply(250, "2.0.0", "Ok");
    case SmtpCommand::Verb::Noop: // 4.1.1.9: arguments are ignored
        return reply(250, "2.0.0", "Ok");
    case SmtpCommand::Verb::Quit: // 4.1.1.10
        return closeWithReply(221, "2.0.0", m_ctx->config->hostname.toUtf8() + " Bye");
    case SmtpCommand::Verb::Vrfy: // 3.5.3: we do not disclose users
        if (noArgs)
            return void(protocolError(501, "5.5.4", "Syntax: VRFY address"));
        return reply(252, "2.5.0", "Cannot VRFY user, but will accept message and attempt delivery");
    case SmtpCommand::Verb::Expn:
        return void(protocolError(502, "5.5.1", "EXPN not available"));
    case SmtpCommand::Verb::Help:
        return reply(214, "2.0.0", "Commands: HELO EHLO MAIL RCPT DATA BDAT RSET NOOP QUIT VRFY HELP STARTTLS AUTH");
    case SmtpCommand::Verb::Unknown:
        break;
    }
    protocolError(500, "5.5.2", "Command unrecognized");
}

// RFC 5321 4.1.1.1; EHLO keywords: RFC 2920, 1870, 6152, 2034, 6531, 3030, 3207, 4954.
void SmtpSession::handleHelo(const SmtpCommand &command, bool extended)
{
    if (!SmtpCommandParser::isValidHeloName(command.argument))
        return void(protocolError(501, "5.5.4", extended ? "Syntax: EHLO hostname" : "Syntax: HELO hostname"));
    resetTransaction();
    m_helo = command.argument;
    m_extended = extended;
    m_state = State::Ready;
    const QByteArray host = m_ctx->config->hostname.toUtf8();
    if (!extended)
        return reply(250, nullptr, host);
    QList<QByteArray> lines = {host, "PIPELINING", "SIZE " + QByteArray::number(m_ctx->config->smtp.maxMessageSize),
                               "8BITMIME", "ENHANCEDSTATUSCODES", "SMTPUTF8", "CHUNKING"};
    if (tlsAvailable() && !m_socket->isEncrypted())
        lines.append("STARTTLS");
    if (authOffered() && m_authUser.isEmpty())
        lines.append("AUTH PLAIN LOGIN");
    QByteArray out;
    for (int i = 0; i < lines.size(); ++i)
        out += "250" + QByteArray(i + 1 < lines.size() ? "-" : " ") + lines.at(i) + "\r\n";
    replyRaw(out);
}

void SmtpSession::handleStartTls(const SmtpCommand &command)
{
    if (!tlsAvailable())
        return void(protocolError(502, "5.5.1", "STARTTLS not available"));
    if (m_socket->isEncrypted())
        return void(protocolError(503, "5.5.1", "TLS already active"));
    if (!command.argument.isEmpty())
        return void(protocolError(501, "5.5.4", "Syntax: STARTTLS"));
    reply(220, "2.0.0", "Ready to start TLS");
    // QT64-NOTES 1: plaintext pipelined after STARTTLS must never be run as if it came
    // over TLS (CVE-2011-0411 class). Drop our buffer and Qt's.
    m_in.clear();
    m_socket->readAll();
    m_state = State::StartingTls;
    m_socket->setSslConfiguration(m_ctx->tls->serverConfiguration());
    m_socket->startServerEncryption();
    armTimer();
}

void SmtpSession::resetTransaction()
{
    m_from = SmtpPath{};
    m_recipients.clear();
    m_writer.reset(); // removes the spool tmp file
    m_reader.reset();
    m_problem = Problem::None;
    m_bdatStarted = false;
    m_bdatLast = false;
    m_bdatDiscard = false;
    m_bdatRemaining = 0;
    m_bdatAnswered = false;
}

// RFC 5321 4.1.1.2
void SmtpSession::handleMail(const SmtpCommand &command)
{
    if (m_state == State::Greeted)
        return void(protocolError(503, "5.5.1", "Send HELO/EHLO first"));
    if (m_state != State::Ready)
        return void(protocolError(503, "5.5.1", "Nested MAIL command"));
    if (m_port != Port::Inbound && m_authUser.isEmpty())
        return void(protocolError(530, "5.7.0", "Authentication required"));
    if (m_messages >= m_ctx->config->smtp.maxMessagesPerConnection)
        return closeWithReply(421, "4.7.0", m_ctx->config->hostname.toUtf8() + " Too many messages in one connection, closing");
    SmtpPath path;
    SmtpParseError error;
    if (!SmtpCommandParser::parseMail(command.argument, &path, &error))
        return void(protocolError(error.code, error.enhanced.constData(), error.text));
    if (path.size > m_ctx->config->smtp.maxMessageSize)
        return reply(552, "5.3.4", "Message size exceeds fixed maximum message size");
    if (path.isNull && m_port != Port::Inbound)
        return reply(553, "5.7.1", "Null sender not allowed here");
    if (!path.isNull && !m_authUser.isEmpty() && !m_ctx->accounts->ownsAddress(m_authUser, path.address)) {
        qCInfo(lcSmtp).noquote() << "sender" << path.address << "not owned by" << m_authUser << "from" << m_peer.toString();
        return reply(553, "5.7.1", "Sender address not owned by the authenticated user");
    }
    if (m_ctx->rateLimiter && !m_ctx->rateLimiter->admitMessage(m_peer)) {
        m_ctx->stats->add(StatName::RateLimitRefusals);
        qCWarning(lcSmtp).noquote() << "message rate limit reached for" << m_peer.toString();
        return reply(450, "4.7.1", "Too many messages from your address, try again later");
    }
    ++m_messages;
    m_from = path;
    m_state = State::MailGiven;
    reply(250, "2.1.0", "Ok");
}

// Empty when the recipient is accepted; otherwise the reply text with *code/*enhanced.
QString SmtpSession::rcptDecision(const QString &address, int *code, QByteArray *enhanced)
{
    const MailAddress parsed = MailAddress::parse(address);
    if (m_ctx->config->isLocalDomain(parsed.domain())) {
        // Local recipients must exist (user, alias or catch-all) for everyone, so that
        // mistakes bounce at RCPT instead of later (RFC 5321 3.6.2 is about relaying).
        if (m_ctx->accounts->resolveRecipient(address).found())
            return QString();
        *code = 550;
        *enhanced = "5.1.1";
        return QStringLiteral("Recipient address rejected: user unknown");
    }
    if (!m_authUser.isEmpty())
        return QString(); // authenticated submission may relay anywhere
    *code = 554;
    *enhanced = "5.7.1";
    return QStringLiteral("Relay access denied");
}

// RFC 5321 4.1.1.3
void SmtpSession::handleRcpt(const SmtpCommand &command)
{
    if (m_state != State::MailGiven && m_state != State::RcptGiven)
        return void(protocolError(503, "5.5.1", "Need MAIL command"));
    if (m_bdatStarted)
        return void(protocolError(503, "5.5.1", "RCPT not allowed during BDAT transfer"));
    SmtpPath path;
    SmtpParseError error;
    if (!SmtpCommandParser::parseRcpt(command.argument, &path, &error))
        return void(protocolError(error.code, error.enhanced.constData(), error.text));
    QString address = path.address;
    if (address == QLatin1String("postmaster")) { // RFC 5321 4.5.1
        const QStringList domains = m_ctx->config->domains;
        if (domains.isEmpty())
            return reply(550, "5.1.1", "Recipient address rejected: user unknown");
        address = QStringLiteral("postmaster@") + domains.first();
    }
    if (!m_from.smtpUtf8 && address.toUtf8() != address.toLatin1())
        return reply(553, "5.6.7", "Non-ASCII address requires SMTPUTF8");
    if (m_recipients.size() >= m_ctx->config->smtp.maxRecipients)
        return reply(452, "4.5.3", "Too many recipients");
    int code = 0;
    QByteArray enhanced;
    const QString refusal = rcptDecision(address, &code, &enhanced);
    if (!refusal.isEmpty()) {
        qCInfo(lcSmtp).noquote() << "recipient" << address << "refused for" << m_peer.toString() << ":" << refusal;
        return reply(code, enhanced.constData(), refusal.toUtf8());
    }
    if (m_ctx->rateLimiter && !m_ctx->rateLimiter->admitRecipient(m_peer)) {
        m_ctx->stats->add(StatName::RateLimitRefusals);
        qCWarning(lcSmtp).noquote() << "recipient rate limit reached for" << m_peer.toString();
        return reply(450, "4.7.1", "Too many recipients from your address, try again later");
    }
    if (!m_recipients.contains(address, Qt::CaseInsensitive))
        m_recipients.append(address);
    m_state = State::RcptGiven;
    reply(250, "2.1.5", "Ok");
}
