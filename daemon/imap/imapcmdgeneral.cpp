// ImapSession: commands valid in any state, authentication (RFC 3501 6.1, 6.2; SASL PLAIN
// RFC 4616 with SASL-IR RFC 4959), IDLE (RFC 2177), ENABLE (RFC 5161), ID (RFC 2971),
// NAMESPACE (RFC 2342) and QUOTA (RFC 2087).
#include "accountstore.h"
#include "imapformat.h"
#include "imapselectedview.h"
#include "imapsession.h"
#include "logging.h"
#include "mailstore.h"
#include "ratelimiter.h"
#include "servicecontext.h"
#include "statsregistry.h"
#include "tlscontext.h"

#include <QSslSocket>

void ImapSession::cmdCapability(const ImapCommand &cmd)
{
    if (!cmd.args.isEmpty())
        return bad("CAPABILITY takes no arguments");
    send("* CAPABILITY " + capabilities() + "\r\n");
    ok("Capability completed.");
}

void ImapSession::cmdNoop(const ImapCommand &cmd)
{
    if (!cmd.args.isEmpty())
        return bad("NOOP takes no arguments");
    if (m_view)
        m_view->mailbox()->sync();
    ok("NOOP completed.");
}

void ImapSession::cmdLogout(const ImapCommand &cmd)
{
    if (!cmd.args.isEmpty())
        return bad("LOGOUT takes no arguments");
    send("* BYE Logging out\r\n");
    m_state = State::Logout;
    delete m_view;
    m_view = nullptr;
    ok("Logout completed.");
}

void ImapSession::cmdId(const ImapCommand &cmd)
{
    // id ("name" "x" ...) / NIL: the client's data is only logged.
    if (cmd.args.size() != 1 || !(cmd.args[0].isNil() || cmd.args[0].isList()))
        return bad("Invalid ID arguments");
    send("* ID (\"name\" \"Postroom\" \"vendor\" \"Postroom\")\r\n");
    ok("ID completed.");
}

void ImapSession::cmdEnable(const ImapCommand &cmd)
{
    if (cmd.args.isEmpty())
        return bad("ENABLE needs capability names");
    QByteArray enabled;
    for (const ImapArg &a : cmd.args) {
        if (!a.isAtom())
            return bad("Invalid ENABLE argument");
        if (a.isAtom("CONDSTORE") && !m_condstore)
            enabled += " CONDSTORE";
    }
    send("* ENABLED" + enabled + "\r\n");
    if (enabled.contains("CONDSTORE"))
        enableCondstore();
    ok("ENABLE completed.");
}

void ImapSession::cmdNamespace(const ImapCommand &cmd)
{
    if (!cmd.args.isEmpty())
        return bad("NAMESPACE takes no arguments");
    send("* NAMESPACE ((\"\" \"/\")) NIL NIL\r\n");
    ok("NAMESPACE completed.");
}

void ImapSession::cmdStartTls(const ImapCommand &cmd)
{
    if (!cmd.args.isEmpty())
        return bad("STARTTLS takes no arguments");
    if (!m_ctx->tls || !m_ctx->tls->isEnabled())
        return bad("TLS is not available");
    if (m_socket->isEncrypted())
        return bad("TLS is already active");
    send(m_tag + " OK Begin TLS negotiation now.\r\n");
    m_tag.clear();
    // QT64-NOTES.md 1: anything pipelined after STARTTLS is plaintext and must not run.
    m_reader.discardBuffered();
    if (m_socket->bytesAvailable())
        m_socket->readAll();
    m_busy = true; // no input until the handshake is done
    connect(m_socket, &QSslSocket::encrypted, this, [this] {
        m_busy = false;
        processInput();
    }, Qt::SingleShotConnection);
    m_socket->setSslConfiguration(m_ctx->tls->serverConfiguration());
    m_socket->startServerEncryption();
}

void ImapSession::cmdLogin(const ImapCommand &cmd)
{
    if (cmd.args.size() != 2 || !cmd.args[0].isAString() || !cmd.args[1].isAString())
        return bad("LOGIN needs a user name and a password");
    if (tlsRequired())
        return no("[PRIVACYREQUIRED] Use STARTTLS first.");
    checkPassword(QString::fromUtf8(cmd.args[0].value), cmd.args[1].value);
}

void ImapSession::cmdAuthenticate(const ImapCommand &cmd)
{
    if (cmd.args.isEmpty() || cmd.args.size() > 2 || !cmd.args[0].isAtom())
        return bad("AUTHENTICATE needs a mechanism");
    if (!cmd.args[0].isAtom("PLAIN"))
        return no("Unsupported authentication mechanism.");
    if (tlsRequired())
        return no("[PRIVACYREQUIRED] Use STARTTLS first.");
    if (cmd.args.size() == 2) { // RFC 4959 initial response; "=" is an empty one
        if (!cmd.args[1].isAtom())
            return bad("Invalid initial response");
        return authenticateResponse(cmd.args[1].value == "=" ? QByteArray() : cmd.args[1].value);
    }
    m_awaiting = Awaiting::AuthResponse;
    send("+ \r\n");
}

void ImapSession::authenticateResponse(const QByteArray &line)
{
    if (line == "*")
        return bad("Authentication cancelled.");
    const auto decoded = QByteArray::fromBase64Encoding(line, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return bad("Invalid base64 data.");
    // authzid NUL authcid NUL passwd (RFC 4616)
    const QList<QByteArray> parts = decoded.decoded.split('\0');
    if (parts.size() != 3 || parts[1].isEmpty())
        return bad("Invalid PLAIN response.");
    if (!parts[0].isEmpty() && AccountStore::normalize(QString::fromUtf8(parts[0]))
                                   != AccountStore::normalize(QString::fromUtf8(parts[1])))
        return no("[AUTHORIZATIONFAILED] Cannot act as another user.");
    checkPassword(QString::fromUtf8(parts[1]), parts[2]);
}

void ImapSession::checkPassword(const QString &user, const QByteArray &password)
{
    qint64 secondsLeft = 0;
    if (m_ctx->rateLimiter && m_ctx->rateLimiter->isLockedOut(m_peer, &secondsLeft)) {
        if (m_ctx->stats)
            m_ctx->stats->add(StatName::RateLimitRefusals);
        return no("[UNAVAILABLE] Too many failed logins; try again later.");
    }
    if (!m_ctx->accounts)
        return no("[UNAVAILABLE] Authentication is not available.");
    // The hash check runs off the event loop; the command stays busy until it answers.
    m_ctx->accounts->authenticate(user, password, this,
                                  [this, user](AccountStore::AuthResult result, const QString &address) {
        if (m_closing)
            return;
        if (result == AccountStore::AuthResult::Ok) {
            if (m_ctx->rateLimiter)
                m_ctx->rateLimiter->recordAuthSuccess(m_peer);
            m_user = address;
            m_state = State::Authenticated;
            if (m_ctx->mailStore)
                m_ctx->mailStore->ensureMailbox(m_user);
            qCInfo(lcImap).noquote() << "login" << m_user << "from" << m_peer.toString();
            restartTimer();
            return ok("[CAPABILITY " + capabilities() + "] Logged in.");
        }
        if (m_ctx->rateLimiter)
            m_ctx->rateLimiter->recordAuthFailure(m_peer);
        if (m_ctx->stats)
            m_ctx->stats->add(StatName::AuthFailures);
        qCInfo(lcImap).noquote() << "failed login for" << user.left(100) << "from" << m_peer.toString();
        no("[AUTHENTICATIONFAILED] Authentication failed.");
    });
}

void ImapSession::cmdIdle(const ImapCommand &cmd)
{
    if (!cmd.args.isEmpty())
        return bad("IDLE takes no arguments");
    m_awaiting = Awaiting::IdleDone;
    sendUpdates(true);
    send("+ idling\r\n");
    if (m_view)
        connect(m_view, &ImapSelectedView::updatesPending, this, [this] {
            if (m_awaiting == Awaiting::IdleDone && !m_closing)
                sendUpdates(true);
        });
}

void ImapSession::idleLine(const QByteArray &line)
{
    m_awaiting = Awaiting::Command;
    if (m_view)
        disconnect(m_view, &ImapSelectedView::updatesPending, this, nullptr);
    if (line.compare("DONE", Qt::CaseInsensitive) != 0)
        return bad("Expected DONE.");
    ok("IDLE terminated.");
}

QByteArray ImapSession::quotaResponse() const
{
    if (!m_ctx->mailStore)
        return QByteArray();
    const std::optional<qint64> limit = m_ctx->mailStore->quotaBytes(m_user);
    if (!limit)
        return "* QUOTA \"\" ()\r\n";
    const qint64 used = m_ctx->mailStore->usedBytes(m_user);
    return "* QUOTA \"\" (STORAGE " + QByteArray::number((used + 1023) / 1024) + ' '
        + QByteArray::number(*limit / 1024) + ")\r\n";
}

void ImapSession::cmdGetQuota(const ImapCommand &cmd)
{
    if (cmd.args.size() != 1 || !cmd.args[0].isAString())
        return bad("GETQUOTA needs a quota root");
    if (!cmd.args[0].value.isEmpty())
        return no("No such quota root.");
    send(quotaResponse());
    ok("GETQUOTA completed.");
}

void ImapSession::cmdGetQuotaRoot(const ImapCommand &cmd)
{
    if (cmd.args.size() != 1 || !cmd.args[0].isAString())
        return bad("GETQUOTAROOT needs a mailbox name");
    const std::optional<QString> name = ImapFormat::mailboxArg(cmd.args[0]);
    if (!name)
        return no("Invalid mailbox name.");
    send("* QUOTAROOT " + ImapFormat::mailbox(*name) + " \"\"\r\n");
    send(quotaResponse());
    ok("GETQUOTAROOT completed.");
}

void ImapSession::cmdSetQuota(const ImapCommand &)
{
    no("[NOPERM] Quotas are set by the administrator.");
}
