// Watches the raw bytes of one HTTP/1.1 connection ahead of QtHttpServer, which in Qt 6.4
// buffers any body whole and has no limits (QT64-NOTES.md 3). A pure state machine: fed
// the bytes in arrival order, it finds each request head, refuses oversized heads (431),
// bodies over the limit (413), chunked bodies (411) and broken framing (400), and says
// when to send "100 Continue" (Qt 6.4 never does). Trusts nothing it is fed.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

class ApiRequestGuard
{
public:
    static constexpr int MaxHeadBytes = 8192;        // request line + header fields
    static constexpr int MaxHeaderLines = 100;

    struct Verdict {
        int status = 0;               // 0: carry on; else reject with this status and close
        const char *reason = "";      // short text for the error body
        int continues = 0;            // "Expect: 100-continue" heads completed in this feed
    };

    explicit ApiRequestGuard(qint64 maxBodyBytes) : m_maxBody(maxBodyBytes) {}
    void setMaxBodyBytes(qint64 bytes) { m_maxBody = bytes; }

    Verdict feed(QByteArrayView bytes);
    bool isRejected() const { return m_state == State::Rejected; }
    bool isIdle() const { return m_state == State::Head && m_head.isEmpty(); } // between requests
    qint64 bodyRemaining() const { return m_bodyLeft; }

private:
    enum class State { Head, Body, Rejected };
    Verdict checkHead(const QByteArray &head, bool *expectContinue);

    qint64 m_maxBody;
    State m_state = State::Head;
    QByteArray m_head;
    qint64 m_bodyLeft = 0;
};
