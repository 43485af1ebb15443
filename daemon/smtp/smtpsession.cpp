// Connection plumbing: input framing with bounded buffers, replies, the implicit-TLS and
// STARTTLS handshakes (with the plaintext-injection defence), timeouts and teardown.
#include "smtpsession.h"

#include "deliveryqueue.h"
#include "logging.h"
#include "ratelimiter.h"
#include "servicecontext.h"
#include "smtplimits.h"
#include "statsregistry.h"
#include "tlscontext.h"

#include <QSslCipher>
#include <QSslSocket>
#include <QTimerEvent>
#include <algorithm>

SmtpSession::SmtpSession(QSslSocket *socket, Port port, const ServiceContext *context, const QByteArray &refusal)
    : QObject(nullptr), m_socket(socket), m_ctx(context), m_peer(RateLimiter::normalized(socket->peerAddress())), m_port(port),
      m_admitted(refusal.isEmpty()), m_refusal(refusal)
{
    socket->setParent(this);
    // Bounds what Qt buffers for us while we are busy (commit, password check).
    socket->setReadBufferSize(2 * SmtpLimits::ReadChunk);
    if (m_admitted)
        m_ctx->stats->adjustGauge(StatName::SmtpConnections, +1);
    connect(socket, &QSslSocket::readyRead, this, &SmtpSession::pump);
    // A client that pipelines commands but never reads the replies must not grow our write
    // buffer: pump() stops above ReplyBacklogHigh and resumes here once the client caught up.
    connect(socket, &QSslSocket::bytesWritten, this, [this] {
        if (m_socket->bytesToWrite() <= SmtpLimits::ReplyBacklogLow)
            pump();
    });
    connect(socket, &QSslSocket::encrypted, this, &SmtpSession::onEncrypted);
    connect(socket, &QSslSocket::disconnected, this, &SmtpSession::onDisconnected);
    if (port == Port::Smtps) {
        m_state = State::TlsHandshake;
        armTimer();
        if (socket->isEncrypted())
            onEncrypted();
    } else {
        greet();
    }
}

SmtpSession::~SmtpSession()
{
    if (m_admitted) {
        m_ctx->stats->adjustGauge(StatName::SmtpConnections, -1);
        if (m_ctx->rateLimiter)
            m_ctx->rateLimiter->connectionClosed(m_peer);
    }
}

void SmtpSession::sayShuttingDown()
{
    if (m_state == State::Closing || m_state == State::TlsHandshake || m_state == State::StartingTls)
        return;
    reply(421, "4.3.2", m_ctx->config->hostname.toUtf8() + " Service shutting down");
    m_state = State::Closing;
    m_socket->flush();
}

void SmtpSession::greet()
{
    if (!m_refusal.isEmpty()) {
        m_state = State::Closing;
        replyRaw(m_refusal);
        m_socket->disconnectFromHost();
        return;
    }
    m_state = State::Greeted;
    reply(220, nullptr, m_ctx->config->hostname.toUtf8() + " ESMTP Postroom");
    armTimer();
    pump(); // an early talker's bytes are simply processed in order
}

bool SmtpSession::tlsAvailable() const
{
    return m_ctx->tls && m_ctx->tls->isEnabled();
}

// RFC 4954 4 and the spec: with TLS configured, AUTH only over TLS; without TLS, on 587 only.
bool SmtpSession::authOffered() const
{
    if (tlsAvailable())
        return m_socket->isEncrypted();
    return m_port == Port::Submission;
}

QString SmtpSession::tlsDescription() const
{
    if (!m_socket->isEncrypted())
        return QString();
    QString version;
    switch (m_socket->sessionProtocol()) {
    case QSsl::TlsV1_2: version = QStringLiteral("TLSv1.2"); break;
    case QSsl::TlsV1_3: version = QStringLiteral("TLSv1.3"); break;
    default: version = QStringLiteral("TLS"); break;
    }
    return version + QLatin1Char(' ') + m_socket->sessionCipher().name();
}

void SmtpSession::reply(int code, const char *enhanced, const QByteArray &text)
{
    QByteArray line = QByteArray::number(code) + ' ';
    if (enhanced)
        line += QByteArray(enhanced) + ' ';
    replyRaw(line + text + "\r\n");
}

void SmtpSession::replyRaw(const QByteArray &line)
{
    m_ctx->stats->add(StatName::BytesOut, line.size());
    m_socket->write(line);
}

void SmtpSession::closeWithReply(int code, const char *enhanced, const QByteArray &text)
{
    reply(code, enhanced, text);
    m_state = State::Closing;
    m_writer.reset();
    m_timer.stop();
    m_socket->disconnectFromHost(); // flushes the reply first
}

bool SmtpSession::protocolError(int code, const char *enhanced, const QByteArray &text)
{
    if (++m_errors > SmtpLimits::MaxErrors) {
        closeWithReply(421, "4.7.0", m_ctx->config->hostname.toUtf8() + " Too many errors, closing connection");
        return false;
    }
    reply(code, enhanced, text);
    return true;
}

// The command timer is a deadline for one whole command line, not an inactivity timer:
// it starts when we wait for a command and only a complete line restarts it, so a client
// trickling bytes cannot hold a session (see docs/hardening.md, "Slow clients"). During
// DATA/BDAT every chunk restarts it (RFC 5321 4.5.3.2.5 is per data block).
void SmtpSession::armTimer()
{
    if (m_state == State::Closing)
        return;
    const SmtpConfig &c = m_ctx->config->smtp;
    int ms = c.commandTimeout * 1000;
    if (m_state == State::TlsHandshake || m_state == State::StartingTls)
        ms = std::min(SmtpLimits::TlsHandshakeTimeoutMs, ms);
    else if (m_state == State::ReceivingData || m_state == State::ReceivingBdat)
        ms = c.dataTimeout * 1000;
    else if (m_state == State::Busy)
        ms = SmtpLimits::FinalDotTimeoutMs;
    m_timer.start(ms, this);
}

void SmtpSession::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_timer.timerId())
        return QObject::timerEvent(event);
    m_timer.stop();
    if (m_state == State::Busy) {
        // RFC 5321 4.5.3.2.6: the client waits 10 minutes for the reply to the final dot.
        // A late commit callback finds the session gone or Closing and does nothing.
        qCWarning(lcSmtp).noquote() << "no answer from the queue or the store in time for" << m_peer.toString();
        return closeWithReply(451, "4.3.0", "Local error in processing, try again later");
    }
    qCInfo(lcSmtp).noquote() << "timeout, closing connection from" << m_peer.toString();
    if (m_state == State::TlsHandshake || m_state == State::StartingTls) {
        m_state = State::Closing;
        m_socket->abort();
        deleteLater();
        return;
    }
    closeWithReply(421, "4.4.2", m_ctx->config->hostname.toUtf8() + " Error: timeout exceeded");
}

void SmtpSession::onEncrypted()
{
    if (m_state == State::TlsHandshake) {
        greet();
    } else if (m_state == State::StartingTls) {
        // RFC 3207 4.2: forget everything learnt before TLS; the client starts with EHLO.
        resetTransaction();
        m_helo.clear();
        m_extended = false;
        m_authUser.clear();
        m_state = State::Greeted;
        armTimer();
        pump();
    }
}

void SmtpSession::onDisconnected()
{
    m_state = State::Closing;
    m_timer.stop();
    deleteLater();
}

// Takes bytes from the socket into m_in, at most ReadChunk at a time.
bool SmtpSession::readMore()
{
    if (m_socket->bytesAvailable() <= 0)
        return false;
    const QByteArray chunk = m_socket->read(SmtpLimits::ReadChunk);
    if (chunk.isEmpty())
        return false;
    m_ctx->stats->add(StatName::BytesIn, chunk.size());
    m_in += chunk;
    if (m_state == State::ReceivingData || m_state == State::ReceivingBdat)
        armTimer();
    return true;
}

// One command line (LF-terminated; CR before it removed). Over-long lines are answered
// with 500 5.5.2 and their rest is dropped up to the next LF.
bool SmtpSession::takeLine(QByteArray *line)
{
    for (;;) {
        const int lf = m_in.indexOf('\n');
        if (m_discardingLine) {
            if (lf < 0) {
                m_in.clear();
                if (!readMore())
                    return false;
                continue;
            }
            m_in.remove(0, lf + 1);
            m_discardingLine = false;
            if (m_state == State::AuthExchange) { // an over-long SASL response ends the exchange
                m_state = State::Ready;
                m_authStep = AuthStep::None;
                m_authLoginUser.clear();
            }
            if (!protocolError(500, "5.5.2", "Line too long"))
                return false;
            continue;
        }
        const int limit = (m_state == State::AuthExchange || m_in.left(5).toUpper() == "AUTH ")
            ? SmtpLimits::MaxAuthLine : SmtpLimits::MaxCommandLine;
        if (lf >= 0 && lf + 1 <= limit) {
            *line = m_in.left(lf);
            m_in.remove(0, lf + 1);
            if (line->endsWith('\r'))
                line->chop(1);
            return true;
        }
        if (lf >= 0 || m_in.size() > limit) {
            m_discardingLine = true;
            continue;
        }
        if (!readMore())
            return false;
    }
}

// The input loop: runs until the socket has nothing more or the session must wait.
void SmtpSession::pump()
{
    for (;;) {
        if (m_socket->bytesToWrite() > SmtpLimits::ReplyBacklogHigh)
            return; // the client is not reading its replies: let TCP push back on it
        switch (m_state) {
        case State::TlsHandshake:
        case State::StartingTls:
        case State::Busy:
        case State::Closing:
            return;
        case State::ReceivingData:
            if (m_in.isEmpty() && !readMore())
                return;
            consumeData();
            if (m_state != State::ReceivingData)
                armTimer();
            break;
        case State::ReceivingBdat:
            if (m_bdatRemaining > 0 && m_in.isEmpty() && !readMore())
                return;
            consumeBdat();
            if (m_state != State::ReceivingBdat)
                armTimer();
            break;
        default: {
            QByteArray line;
            if (!takeLine(&line))
                return;
            if (m_state == State::AuthExchange)
                handleAuthResponse(line);
            else
                handleLine(line);
            armTimer(); // a complete command: the next one gets a fresh deadline
            break;
        }
        }
    }
}
