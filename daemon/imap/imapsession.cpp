#include "imapsession.h"

#include "idlesocketbuffers.h"
#include "imapcommandtable.h"
#include "imaplimits.h"
#include "imapselectedview.h"
#include "logging.h"
#include "mailbox.h"
#include "ratelimiter.h"
#include "servicecontext.h"
#include "statsregistry.h"
#include "tlscontext.h"

#include <QSslSocket>
#include <QTcpSocket>
#include <QTimerEvent>
#include <algorithm>

namespace {
int g_autologoutMs = ImapLimits::AutologoutMs;
}

void ImapSession::setAutologoutMs(int ms)
{
    g_autologoutMs = ms;
}

ImapSession::ImapSession(QSslSocket *socket, const ServiceContext *context, bool admitted, QObject *parent)
    : QObject(parent), m_socket(socket), m_ctx(context), m_admitted(admitted)
{
    socket->setParent(this);
    socket->setReadBufferSize(ImapLimits::SocketReadBuffer);
    m_peer = socket->peerAddress();
    m_reader.setMaxAppendLiteral(m_ctx->config ? m_ctx->config->smtp.maxMessageSize : 50 * 1024 * 1024);
    connect(socket, &QSslSocket::readyRead, this, &ImapSession::onReadyRead);
    connect(socket, &QSslSocket::bytesWritten, this, &ImapSession::onBytesWritten);
    // Qt's TLS transport (a QTcpSocket child of the QSslSocket): its drain resumes FETCHes too.
    m_transport = socket->findChild<QTcpSocket *>(QString(), Qt::FindDirectChildrenOnly);
    if (m_transport)
        connect(m_transport, &QTcpSocket::bytesWritten, this, &ImapSession::onBytesWritten);
    connect(socket, &QSslSocket::disconnected, this, &ImapSession::closeConnection);
    connect(socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error != QAbstractSocket::RemoteHostClosedError)
            qCDebug(lcImap) << "socket error from" << m_peer.toString() << m_socket->errorString();
        closeConnection();
    });
    if (m_ctx->stats) {
        m_ctx->stats->add(StatName::ImapConnectionsTotal);
        m_ctx->stats->adjustGauge(StatName::ImapConnections, +1);
    }
}

ImapSession::~ImapSession()
{
    if (m_ctx->stats)
        m_ctx->stats->adjustGauge(StatName::ImapConnections, -1);
    if (m_admitted && m_ctx->rateLimiter)
        m_ctx->rateLimiter->connectionClosed(m_peer);
}

void ImapSession::start()
{
    auto greet = [this] {
        if (m_greeted || m_closing)
            return;
        m_greeted = true;
        const QString host = m_ctx->config ? m_ctx->config->hostname : QStringLiteral("localhost");
        send("* OK [CAPABILITY " + capabilities() + "] " + host.toUtf8() + " Postroom ready\r\n");
        restartTimer();
        processInput();
    };
    restartTimer(); // also bounds a TLS handshake that never completes
    if (m_socket->isEncrypted() || m_socket->mode() == QSslSocket::UnencryptedMode)
        greet();
    else
        connect(m_socket, &QSslSocket::encrypted, this, greet);
}

void ImapSession::refuse(const QByteArray &text)
{
    if (!m_timer.isActive())
        m_timer.start(10 * 1000, this); // bounds a BYE to a client that never reads or never handshakes
    m_closing = true;
    auto bye = [this, text] {
        m_socket->write("* BYE " + text + "\r\n");
        m_socket->disconnectFromHost();
    };
    if (m_socket->mode() == QSslSocket::UnencryptedMode || m_socket->isEncrypted())
        bye();
    else
        connect(m_socket, &QSslSocket::encrypted, this, bye);
}

QByteArray ImapSession::capabilities() const
{
    QByteArray caps = "IMAP4rev1 SASL-IR LITERAL+ ID ENABLE IDLE NAMESPACE";
    if (m_state == State::NotAuthenticated) {
        const bool tls = m_ctx->tls && m_ctx->tls->isEnabled();
        if (tls && !m_socket->isEncrypted())
            caps += " STARTTLS LOGINDISABLED"; // RFC 3501 6.2.3: no AUTH= until TLS is on
        else
            caps += " AUTH=PLAIN";
        return caps;
    }
    caps += " UNSELECT UIDPLUS MOVE CHILDREN SPECIAL-USE LIST-EXTENDED LIST-STATUS CONDSTORE ESEARCH QUOTA";
    return caps;
}

bool ImapSession::tlsRequired() const
{
    return m_ctx->tls && m_ctx->tls->isEnabled() && !m_socket->isEncrypted();
}

void ImapSession::restartTimer()
{
    m_timer.start(m_state == State::NotAuthenticated ? std::min(g_autologoutMs, ImapLimits::PreAuthTimeoutMs)
                                                     : g_autologoutMs,
                  this);
}

void ImapSession::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_releaseTimer.timerId()) {
        m_releaseTimer.stop();
        if (!m_busy || m_awaiting != Awaiting::Command) { // between commands, or in IDLE
            m_reader.releaseMemory();
            IdleSocketBuffers::release(m_socket);
        }
        return;
    }
    if (event->timerId() != m_timer.timerId())
        return QObject::timerEvent(event);
    m_timer.stop();
    if (!m_greeted || m_closing) { // handshake never finished, or the client does not read our BYE
        m_socket->abort();
        closeConnection();
        return;
    }
    qCInfo(lcImap) << "autologout of" << m_peer.toString() << m_user;
    refuse("Autologout; idle for too long");
    m_timer.start(10 * 1000, this); // then drop it if the BYE cannot be delivered
}

void ImapSession::send(const QByteArray &data)
{
    if (m_closing && m_state == State::Logout && data.isEmpty())
        return;
    m_socket->write(data);
    m_releaseTimer.start(ImapLimits::BufferReleaseDelayMs, this);
    if (m_ctx->stats)
        m_ctx->stats->add(StatName::BytesOut, data.size());
}

void ImapSession::onReadyRead()
{
    processInput(); // only complete commands restart the autologout timer (slow clients)
}

void ImapSession::processInput()
{
    if (m_inProcess || !m_greeted)
        return;
    m_inProcess = true;
    // A command waiting for a client line (AUTHENTICATE, IDLE) still reads input.
    while ((!m_busy || m_awaiting != Awaiting::Command) && !m_closing) {
        if (m_socket->bytesToWrite() > ImapLimits::CommandBacklogHigh)
            break; // the client does not read its responses: resumed from onBytesWritten

        const ImapCommandReader::Status status = m_reader.next();
        if (status == ImapCommandReader::Status::NeedMore) {
            if (m_socket->bytesAvailable() <= 0)
                break;
            // readAll() hands over Qt's buffer block instead of copying out of it, so an
            // idle session keeps no 16 KB read block (the socket's buffer is capped anyway).
            const QByteArray chunk = m_socket->readAll();
            if (m_ctx->stats)
                m_ctx->stats->add(StatName::BytesIn, chunk.size());
            m_reader.feed(chunk);
            continue;
        }
        if (status == ImapCommandReader::Status::ContinuationNeeded) {
            restartTimer();
            send("+ OK\r\n");
            continue;
        }
        if (status == ImapCommandReader::Status::Error) {
            if (m_awaiting != Awaiting::Command) {
                m_awaiting = Awaiting::Command;
                m_tag.clear();
            }
            send(m_reader.errorTag() + " BAD " + m_reader.errorText() + "\r\n");
            if (++m_badCount >= ImapLimits::MaxBadCommands)
                refuse("Too many invalid commands");
            continue;
        }
        handleCommand(m_reader.takeCommand());
    }
    m_inProcess = false;
}

void ImapSession::handleCommand(const ImapRawCommand &raw)
{
    restartTimer();
    if (m_awaiting == Awaiting::AuthResponse) {
        m_awaiting = Awaiting::Command;
        authenticateResponse(raw.lines.isEmpty() ? QByteArray() : raw.lines.first());
        return;
    }
    if (m_awaiting == Awaiting::IdleDone) {
        idleLine(raw.lines.isEmpty() ? QByteArray() : raw.lines.first());
        return;
    }
    QByteArray tag, error;
    std::optional<ImapCommand> cmd = ImapParser::parse(raw, &tag, &error);
    if (!cmd) {
        send(tag + " BAD " + error + "\r\n");
        if (++m_badCount >= ImapLimits::MaxBadCommands)
            refuse("Too many invalid commands");
        return;
    }
    m_tag = cmd->tag;
    m_commandName = cmd->name;
    m_busy = true;
    const ImapCommandTable::Entry *entry = ImapCommandTable::find(cmd->name);
    if (!entry)
        return bad("Unknown command " + cmd->name.left(32));
    if (cmd->uid && !entry->uidAllowed)
        return bad("UID is not allowed with " + cmd->name);
    if (!ImapCommandTable::allowedIn(*entry, m_state)) {
        if (m_state == State::NotAuthenticated)
            return bad("Please log in first");
        if (m_state == State::Selected || entry->states == ImapCommandTable::Selected)
            return bad(entry->states == ImapCommandTable::Selected ? "No mailbox selected" : "Already logged in");
        return bad("Command not valid in this state");
    }
    if (m_view && !m_view->removed()) { // keywords another session added, before any FETCH shows them
        const QByteArray keywords = m_view->takeKeywordUpdate();
        if (!keywords.isEmpty())
            send(keywords);
    }
    (this->*(entry->handler))(*cmd);
}

void ImapSession::enableCondstore()
{
    if (m_condstore)
        return;
    m_condstore = true;
    if (m_view)
        send("* OK [HIGHESTMODSEQ " + QByteArray::number(std::max<quint64>(1, m_view->mailbox()->highestModSeq()))
             + "] Highest\r\n");
}

void ImapSession::sendUpdates(bool allowExpunge)
{
    if (!m_view)
        return;
    if (m_view->removed()) {
        refuse("Selected mailbox was deleted or renamed");
        return;
    }
    const QByteArray updates = m_view->takeUpdates(allowExpunge, m_condstore);
    if (!updates.isEmpty())
        send(updates);
}

void ImapSession::finish(const QByteArray &status, const QByteArray &text)
{
    if (m_tag.isEmpty()) // already finished (never answer twice)
        return;
    if (status == "BAD") {
        if (++m_badCount >= ImapLimits::MaxBadCommands) {
            send(m_tag + " BAD " + text + "\r\n");
            m_tag.clear();
            m_busy = false;
            refuse("Too many invalid commands");
            return;
        }
    } else {
        m_badCount = 0;
    }
    if (m_view && !m_closing) {
        const ImapCommandTable::Entry *entry = ImapCommandTable::find(m_commandName);
        sendUpdates(!(entry && entry->holdsExpunge));
    }
    send(m_tag + ' ' + status + ' ' + text + "\r\n");
    m_tag.clear();
    m_busy = false;
    if (m_state == State::Logout) {
        closeConnection();
        return;
    }
    if (!m_inProcess)
        processInput();
}

void ImapSession::runResumable(std::function<bool()> step)
{
    while (!step()) {
        if (m_closing)
            return;
        if (outputBacklog() > ImapLimits::OutputHighWater) {
            m_resume = std::move(step); // continued from onBytesWritten
            return;
        }
    }
}

qint64 ImapSession::outputBacklog() const
{
    // Over TLS, QSslSocket counts only bytes not yet encrypted; the encrypted ones wait in
    // its inner TCP socket until the event loop writes them to the kernel.
    qint64 backlog = m_socket->bytesToWrite();
    if (m_transport && m_socket->mode() != QSslSocket::UnencryptedMode)
        backlog += m_transport->bytesToWrite();
    return backlog;
}

void ImapSession::onBytesWritten()
{
    if (!m_resume) {
        if (!m_inProcess && m_socket->bytesToWrite() <= ImapLimits::CommandBacklogLow)
            processInput(); // input paused on a reply backlog
        return;
    }
    if (m_resumeQueued || outputBacklog() > ImapLimits::OutputHighWater / 2)
        return;
    // Continue from the event loop, not from inside Qt's TLS write loop (which emits this
    // signal): the socket then writes to the kernel between steps and buffers stay small.
    m_resumeQueued = true;
    QMetaObject::invokeMethod(this, [this] {
        m_resumeQueued = false;
        if (!m_resume || m_closing)
            return;
        std::function<bool()> step = std::move(m_resume);
        m_resume = nullptr;
        runResumable(std::move(step));
    }, Qt::QueuedConnection);
}

void ImapSession::closeConnection()
{
    m_closing = true;
    m_resume = nullptr;
    if (m_socket->state() != QAbstractSocket::UnconnectedState) {
        m_socket->disconnectFromHost();
        if (m_socket->state() != QAbstractSocket::UnconnectedState) {
            // "disconnected" comes back here once the output is flushed; a client that never
            // reads it is dropped by the timer.
            m_timer.start(10 * 1000, this);
            return;
        }
    }
    m_timer.stop();
    if (!m_closedEmitted) {
        m_closedEmitted = true;
        emit closed();
        deleteLater();
    }
}
