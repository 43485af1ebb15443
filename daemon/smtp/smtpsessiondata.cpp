// DATA (RFC 5321 4.1.1.4) and BDAT (RFC 3030): the content streams through the data
// reader into the spool writer; nothing is kept in memory beyond one read chunk. A message
// over max_message_size is read to its end and refused with 552 5.3.4; one with a bare CR
// or LF is refused (docs/smtp.md: smuggling). 250 only after the queue's commit callback.
#include "smtpsession.h"

#include "deliveryqueue.h"
#include "logging.h"
#include "servicecontext.h"
#include "statsregistry.h"

#include <QDateTime>
#include <QPointer>
#include <QSslSocket>

// Opens the spool file and writes our Received: header (RFC 5321 4.4) first.
bool SmtpSession::beginMessage()
{
    QString error = QStringLiteral("no delivery queue");
    if (m_ctx->queue)
        m_writer = m_ctx->queue->beginMessage(&error);
    if (!m_writer) {
        qCWarning(lcSmtp).noquote() << "cannot open a spool file:" << error;
        reply(451, "4.3.0", "Local error in processing, try again later");
        resetTransaction();
        m_state = State::Ready;
        return false;
    }
    // RFC 3848 / RFC 6531 protocol names.
    QByteArray with = m_from.smtpUtf8 ? "UTF8SMTP" : (m_extended ? "ESMTP" : "SMTP");
    if (m_socket->isEncrypted())
        with += 'S';
    if (!m_authUser.isEmpty())
        with += 'A';
    QByteArray header = "Received: from " + m_helo + " ([" + m_peer.toString().toUtf8() + "])\r\n\tby "
        + m_ctx->config->hostname.toUtf8() + " (Postroom) with " + with;
    if (m_socket->isEncrypted())
        header += "\r\n\t(using " + tlsDescription().toUtf8() + ")";
    if (!m_authUser.isEmpty())
        header += "\r\n\t(authenticated as " + m_authUser.toUtf8() + ")";
    header += "\r\n\tid " + m_writer->id().toUtf8();
    if (m_recipients.size() == 1)
        header += "\r\n\tfor <" + m_recipients.first().toUtf8() + ">";
    header += "; " + QDateTime::currentDateTime().toString(Qt::RFC2822Date).toUtf8() + "\r\n";
    if (!m_writer->write(header)) {
        m_problem = Problem::WriteError;
        m_writer.reset();
    }
    return true;
}

void SmtpSession::handleData(const SmtpCommand &command)
{
    if (m_bdatStarted)
        return void(protocolError(503, "5.5.1", "DATA not allowed after BDAT"));
    if (m_state == State::MailGiven)
        return void(protocolError(554, "5.5.1", "No valid recipients"));
    if (m_state != State::RcptGiven)
        return void(protocolError(503, "5.5.1", "Need RCPT command"));
    if (!command.argument.isEmpty())
        return void(protocolError(501, "5.5.4", "Syntax: DATA"));
    if (!beginMessage())
        return;
    m_reader = std::make_unique<SmtpDataReader>(SmtpDataReader::Mode::Data);
    m_state = State::ReceivingData;
    armTimer();
    reply(354, nullptr, "End data with <CR><LF>.<CR><LF>");
}

// Keeps the content in the spool while the message is still acceptable.
void SmtpSession::absorb(const QByteArray &content)
{
    if (m_problem != Problem::None)
        return;
    if (m_reader->messageSize() > m_ctx->config->smtp.maxMessageSize) {
        m_problem = Problem::TooBig;
        m_writer.reset(); // stop writing, drop the tmp file; keep reading to the end
        return;
    }
    if (!content.isEmpty() && !m_writer->write(content)) {
        qCWarning(lcSmtp).noquote() << "spool write failed:" << m_writer->errorString();
        m_problem = Problem::WriteError;
        m_writer.reset();
    }
}

void SmtpSession::consumeData()
{
    QByteArray content;
    const qint64 used = m_reader->feed(m_in, &content);
    m_in.remove(0, int(used));
    absorb(content);
    if (m_reader->isDone())
        finishMessage();
}

// RFC 3030 2: BDAT <size> [LAST]; the octets follow the command line directly.
void SmtpSession::handleBdat(const SmtpCommand &command)
{
    qint64 size = 0;
    bool last = false;
    if (!SmtpCommandParser::parseBdat(command.argument, &size, &last))
        return void(protocolError(501, "5.5.4", "Syntax: BDAT size [LAST]"));
    m_bdatRemaining = size;
    m_bdatLast = last;
    m_bdatDiscard = m_state != State::RcptGiven; // read the chunk anyway, then 503
    m_bdatAnswered = false;
    if (!m_bdatDiscard && !m_bdatStarted) {
        if (!beginMessage()) { // answered 451 already; its octets still have to go
            m_bdatDiscard = true;
            m_bdatAnswered = true;
        } else {
            m_reader = std::make_unique<SmtpDataReader>(SmtpDataReader::Mode::Bdat);
            m_bdatStarted = true;
        }
    }
    m_afterBdat = m_state;
    m_state = State::ReceivingBdat;
    armTimer();
}

void SmtpSession::consumeBdat()
{
    const qint64 take = std::min<qint64>(m_bdatRemaining, m_in.size());
    if (take > 0) {
        if (!m_bdatDiscard) {
            QByteArray content;
            m_reader->feed(m_in.constData(), take, &content);
            absorb(content);
        }
        m_in.remove(0, int(take));
        m_bdatRemaining -= take;
    }
    if (m_bdatRemaining > 0)
        return;
    if (m_bdatDiscard) {
        m_bdatDiscard = false;
        m_state = m_afterBdat;
        if (!m_bdatAnswered)
            protocolError(503, "5.5.1", "Bad sequence of commands");
        return;
    }
    if (m_bdatLast) {
        m_reader->finish();
        return finishMessage();
    }
    if (m_problem == Problem::TooBig) { // RFC 3030 2: refuse now; later BDATs get 503
        logMessage(QString(), QStringLiteral("rejected: too big"));
        resetTransaction();
        m_state = State::Ready;
        return reply(552, "5.3.4", "Message size exceeds fixed maximum message size");
    }
    m_state = State::RcptGiven;
    reply(250, "2.0.0", QByteArray::number(m_reader->messageSize()) + " octets received");
}

void SmtpSession::finishMessage()
{
    if (m_problem == Problem::None && m_reader->sawBareLineEnding())
        m_problem = Problem::BareLineEnding;
    if (m_problem == Problem::None && m_reader->sawLongLine())
        m_problem = Problem::LongLine;
    switch (m_problem) {
    case Problem::None:
        break;
    case Problem::TooBig:
        logMessage(QString(), QStringLiteral("rejected: too big"));
        reply(552, "5.3.4", "Message size exceeds fixed maximum message size");
        break;
    case Problem::BareLineEnding:
        logMessage(QString(), QStringLiteral("rejected: bare CR or LF"));
        reply(550, "5.6.0", "Message refused: bare CR or LF in message data (lines must end with CRLF)");
        break;
    case Problem::LongLine:
        logMessage(QString(), QStringLiteral("rejected: line too long"));
        reply(500, "5.5.2", "Message refused: line longer than 1000 octets");
        break;
    case Problem::WriteError:
        logMessage(QString(), QStringLiteral("failed: spool write error"));
        reply(451, "4.3.0", "Local error in processing, try again later");
        break;
    }
    if (m_problem != Problem::None) {
        resetTransaction();
        m_state = State::Ready;
        return;
    }
    QueueEnvelope envelope;
    envelope.sender = m_from.address;
    envelope.recipients = m_recipients;
    envelope.clientIp = m_peer.toString();
    envelope.heloName = QString::fromUtf8(m_helo);
    envelope.authUser = m_authUser;
    envelope.tls = m_socket->isEncrypted();
    envelope.arrived = QDateTime::currentDateTimeUtc();
    m_state = State::Busy;
    armTimer();
    QPointer<SmtpSession> self(this);
    // The one commit step: data and envelope fsynced and moved into the queue, then 250.
    m_ctx->queue->commit(std::move(m_writer), envelope,
                         [this, self](bool ok, const QString &queueId, const QString &error) {
        if (!self || m_state != State::Busy)
            return;
        if (ok) {
            m_ctx->stats->add(StatName::MessagesReceived);
            logMessage(queueId, QStringLiteral("queued"));
            reply(250, "2.0.0", "Ok: queued as " + queueId.toUtf8());
        } else {
            logMessage(queueId, QStringLiteral("failed: ") + error);
            reply(451, "4.3.0", "Local error in processing, try again later");
        }
        resetTransaction();
        m_state = State::Ready;
        armTimer();
        pump();
    });
}

// One line per message (issue 4 item 11).
void SmtpSession::logMessage(const QString &queueId, const QString &result) const
{
    const QString tls = tlsDescription();
    qCInfo(lcSmtp).noquote() << QStringLiteral("message id=%1 client=%2 helo=%3 from=<%4> rcpts=%5 size=%6 tls=%7 auth=%8 result=%9")
                                    .arg(queueId.isEmpty() ? QStringLiteral("-") : queueId, m_peer.toString(),
                                         QString::fromUtf8(m_helo), m_from.address)
                                    .arg(m_recipients.size())
                                    .arg(m_reader ? m_reader->messageSize() : 0)
                                    .arg(tls.isEmpty() ? QStringLiteral("no") : QString(tls).replace(QLatin1Char(' '), QLatin1Char('/')),
                                         m_authUser.isEmpty() ? QStringLiteral("-") : m_authUser, result);
}
