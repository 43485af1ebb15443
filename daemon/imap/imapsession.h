// ImapSession: one IMAP4rev1 connection (RFC 3501 with IDLE, UIDPLUS, MOVE, CONDSTORE,
// LITERAL+, SASL-IR, ...). An explicit state machine (not authenticated / authenticated /
// selected / logout); bytes go through the pure ImapCommandReader and ImapParser, and
// ImapCommandTable maps each command to a handler (one file per command group:
// imapcmd*.cpp). Trusts nothing from the client; the store and MIME modules validate names
// and parse mail. Owns its socket and deletes itself after the connection ends.
#pragma once

#include "imapcommandreader.h"
#include "imapparser.h"

#include <QBasicTimer>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <functional>
#include <optional>

class QSslSocket;
class QTcpSocket;
struct ServiceContext;
class ImapSelectedView;
class ImapSequenceSet;
class MimeFetchInfo;
class Mailbox;

class ImapSession : public QObject
{
    Q_OBJECT
public:
    enum class State { NotAuthenticated, Authenticated, Selected, Logout };

    // The session takes ownership of the socket. `admitted`: the rate limiter admitted the
    // connection, so connectionClosed() is owed at the end.
    ImapSession(QSslSocket *socket, const ServiceContext *context, bool admitted, QObject *parent = nullptr);
    ~ImapSession() override;

    // Greets (at once, or after the TLS handshake of an implicit-TLS socket).
    void start();
    // Sends "* BYE <text>" and closes (max_connections, shutdown).
    void refuse(const QByteArray &text);
    State state() const { return m_state; }

    // Tests shorten the autologout (RFC 3501 5.4 asks for at least 30 minutes).
    static void setAutologoutMs(int ms);

signals:
    void closed();

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    friend class ImapCommandTable;
    using Handler = void (ImapSession::*)(const ImapCommand &);

    // I/O and dispatch (imapsession.cpp)
    void onReadyRead();
    void processInput();
    void handleCommand(const ImapRawCommand &raw);
    void send(const QByteArray &data);
    void finish(const QByteArray &status, const QByteArray &text); // tagged reply, command done
    void bad(const QByteArray &text) { finish("BAD", text); }
    void no(const QByteArray &text) { finish("NO", text); }
    void ok(const QByteArray &text) { finish("OK", text); }
    // RFC 7162 3.1: CONDSTORE turned on by a command while a folder is selected announces
    // the folder's HIGHESTMODSEQ (SELECT (CONDSTORE) says it in its own reply).
    void enableCondstore();
    void sendUpdates(bool allowExpunge);
    void closeConnection();
    void restartTimer();
    QByteArray capabilities() const;
    bool tlsRequired() const;  // TLS configured and not yet active
    // Runs `step` until it returns true, pausing while the socket's output backlog is large.
    void runResumable(std::function<bool()> step);
    void onBytesWritten();
    qint64 outputBacklog() const;   // bytes queued for the client, before and after TLS

    // General and authentication (imapcmdgeneral.cpp)
    void cmdCapability(const ImapCommand &cmd);
    void cmdNoop(const ImapCommand &cmd);
    void cmdLogout(const ImapCommand &cmd);
    void cmdId(const ImapCommand &cmd);
    void cmdEnable(const ImapCommand &cmd);
    void cmdNamespace(const ImapCommand &cmd);
    void cmdStartTls(const ImapCommand &cmd);
    void cmdLogin(const ImapCommand &cmd);
    void cmdAuthenticate(const ImapCommand &cmd);
    void authenticateResponse(const QByteArray &line);
    void checkPassword(const QString &user, const QByteArray &password);
    void cmdIdle(const ImapCommand &cmd);
    void idleLine(const QByteArray &line);
    void cmdGetQuota(const ImapCommand &cmd);
    void cmdGetQuotaRoot(const ImapCommand &cmd);
    void cmdSetQuota(const ImapCommand &cmd);
    QByteArray quotaResponse() const;

    // Folders (imapcmdfolders.cpp)
    void cmdSelect(const ImapCommand &cmd);
    void cmdCreate(const ImapCommand &cmd);
    void cmdDelete(const ImapCommand &cmd);
    void cmdRename(const ImapCommand &cmd);
    void cmdSubscribe(const ImapCommand &cmd);
    void cmdList(const ImapCommand &cmd);
    void cmdStatus(const ImapCommand &cmd);
    std::optional<QByteArray> statusItems(const QString &folder, const QVector<ImapArg> &items, QByteArray *error);
    void unselect(bool expungeDeleted);

    // Messages (imapcmdmessages.cpp, imapcmdappend.cpp)
    void cmdAppend(const ImapCommand &cmd);
    void cmdCheck(const ImapCommand &cmd);
    void cmdClose(const ImapCommand &cmd);
    void cmdExpunge(const ImapCommand &cmd);
    void cmdStore(const ImapCommand &cmd);
    void cmdCopy(const ImapCommand &cmd);
    bool resolveSet(const ImapArg &arg, bool uid, QVector<quint32> *uids);

    // FETCH and SEARCH (imapcmdfetch.cpp, imapcmdsearch.cpp)
    void cmdFetch(const ImapCommand &cmd);
    void cmdSearch(const ImapCommand &cmd);
    std::optional<MimeFetchInfo> fetchInfo(quint32 uid, const QByteArray *raw);

    QSslSocket *m_socket;
    QTcpSocket *m_transport = nullptr;  // Qt's TCP socket under the TLS layer (owned by m_socket)
    const ServiceContext *m_ctx;
    ImapCommandReader m_reader;
    State m_state = State::NotAuthenticated;
    QString m_user;
    ImapSelectedView *m_view = nullptr;
    QByteArray m_tag;                   // the command in progress
    QByteArray m_commandName;
    std::function<bool()> m_resume;     // a long FETCH waiting for the socket to drain
    QBasicTimer m_timer;
    QBasicTimer m_releaseTimer;         // quiet for a moment: release idle socket buffers
    QHostAddress m_peer;
    enum class Awaiting : quint8 { Command, AuthResponse, IdleDone };
    Awaiting m_awaiting = Awaiting::Command;
    quint8 m_badCount = 0;
    bool m_busy = false;                // a command is running (maybe waiting for something)
    bool m_inProcess = false;
    bool m_resumeQueued = false;
    bool m_admitted = false;
    bool m_condstore = false;
    bool m_closing = false;
    bool m_greeted = false;
    bool m_closedEmitted = false;
};
