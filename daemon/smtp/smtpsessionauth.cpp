// AUTH PLAIN and LOGIN (RFC 4954, RFC 4616), with or without an initial response.
// The password check runs in the store off the event loop; this session waits in Busy.
// Failures count towards the shared lockout; a locked-out IP gets 454 4.7.0.
#include "smtpsession.h"

#include "accountstore.h"
#include "logging.h"
#include "ratelimiter.h"
#include "servicecontext.h"
#include "smtpsasl.h"
#include "statsregistry.h"

#include <QPointer>

void SmtpSession::handleAuth(const SmtpCommand &command)
{
    if (!authOffered() && !tlsAvailable())
        return void(protocolError(503, "5.5.1", "Authentication not available on this port"));
    if (!authOffered())
        return void(protocolError(530, "5.7.0", "Must issue a STARTTLS command first"));
    if (m_state == State::Greeted)
        return void(protocolError(503, "5.5.1", "Send EHLO first"));
    if (!m_authUser.isEmpty())
        return void(protocolError(503, "5.5.1", "Already authenticated"));
    if (m_state != State::Ready)
        return void(protocolError(503, "5.5.1", "AUTH not allowed during a mail transaction"));
    qint64 secondsLeft = 0;
    if (m_ctx->rateLimiter && m_ctx->rateLimiter->isLockedOut(m_peer, &secondsLeft)) {
        m_ctx->stats->add(StatName::RateLimitRefusals);
        qCWarning(lcSmtp).noquote() << "AUTH refused for locked-out address" << m_peer.toString() << "for another"
                                    << secondsLeft << "s";
        return reply(454, "4.7.0", "Too many authentication failures, try again later");
    }
    const QList<QByteArray> parts = command.argument.split(' ');
    const QByteArray mechanism = parts.value(0).toUpper();
    if (parts.size() > 2 || (mechanism != "PLAIN" && mechanism != "LOGIN"))
        return void(protocolError(504, "5.5.4", "Unrecognized authentication mechanism"));
    m_state = State::AuthExchange;
    if (mechanism == "PLAIN") {
        m_authStep = AuthStep::PlainResponse;
        if (parts.size() == 2)
            return handleAuthResponse(parts.at(1));
        return replyRaw("334 \r\n");
    }
    m_authStep = AuthStep::LoginUser;
    if (parts.size() == 2)
        return handleAuthResponse(parts.at(1));
    replyRaw("334 " + SmtpSasl::loginUserChallenge() + "\r\n");
}

void SmtpSession::handleAuthResponse(const QByteArray &line)
{
    QByteArray decoded;
    const SmtpSasl::Result result = SmtpSasl::decodeResponse(line.trimmed(), &decoded);
    const AuthStep step = m_authStep;
    if (result != SmtpSasl::Result::Ok) {
        m_authStep = AuthStep::None;
        m_authLoginUser.clear();
        m_state = State::Ready;
        if (result == SmtpSasl::Result::Cancelled)
            return reply(501, "5.7.0", "Authentication cancelled");
        return void(protocolError(501, "5.5.2", "Invalid base64 data"));
    }
    switch (step) {
    case AuthStep::PlainResponse: {
        SaslCredentials credentials;
        m_authStep = AuthStep::None;
        if (SmtpSasl::decodePlain(decoded, &credentials) != SmtpSasl::Result::Ok) {
            m_state = State::Ready;
            if (m_ctx->rateLimiter)
                m_ctx->rateLimiter->recordAuthFailure(m_peer);
            m_ctx->stats->add(StatName::AuthFailures);
            return reply(535, "5.7.8", "Authentication credentials invalid");
        }
        return verifyCredentials(credentials.user, credentials.password);
    }
    case AuthStep::LoginUser:
        m_authLoginUser = QString::fromUtf8(decoded);
        m_authStep = AuthStep::LoginPassword;
        return replyRaw("334 " + SmtpSasl::loginPasswordChallenge() + "\r\n");
    case AuthStep::LoginPassword: {
        m_authStep = AuthStep::None;
        const QString user = m_authLoginUser;
        m_authLoginUser.clear();
        return verifyCredentials(user, decoded);
    }
    case AuthStep::None:
        break;
    }
    m_state = State::Ready;
}

void SmtpSession::verifyCredentials(const QString &user, const QByteArray &password)
{
    m_state = State::Busy;
    armTimer();
    QPointer<SmtpSession> self(this);
    m_ctx->accounts->authenticate(user, password, this, [this, self, user](AccountStore::AuthResult result, const QString &address) {
        if (!self || m_state != State::Busy)
            return;
        m_state = State::Ready;
        armTimer();
        if (result == AccountStore::AuthResult::Ok) {
            m_authUser = address;
            if (m_ctx->rateLimiter)
                m_ctx->rateLimiter->recordAuthSuccess(m_peer);
            qCInfo(lcSmtp).noquote() << "authenticated" << address << "from" << m_peer.toString();
            reply(235, "2.7.0", "Authentication successful");
        } else {
            if (m_ctx->rateLimiter)
                m_ctx->rateLimiter->recordAuthFailure(m_peer);
            m_ctx->stats->add(StatName::AuthFailures);
            QString shown = user.left(100);
            for (QChar &ch : shown) {
                if (!ch.isPrint())
                    ch = QLatin1Char('?'); // the name is the client's: keep the log line one line
            }
            qCWarning(lcSmtp).noquote() << "authentication failed for" << shown << "from" << m_peer.toString()
                                        << (result == AccountStore::AuthResult::Disabled ? "(account disabled)" : "");
            reply(535, "5.7.8", "Authentication credentials invalid");
        }
        pump();
    });
}
