// ImapCommandReader: splits the client's byte stream into whole commands (RFC 3501 2.2,
// 4.3): CRLF-terminated lines, synchronizing {n} literals (the caller sends "+" when told)
// and non-synchronizing {n+} literals (RFC 7888). Pure: no sockets. Bounded: a long line,
// a large literal or a large command gives an Error naming the tag, after the offending
// bytes were skipped, so the next command parses cleanly. Trusts nothing it is fed.
#pragma once

#include <QByteArray>
#include <QVector>

struct ImapRawCommand {
    // lines[i] (CRLF stripped) ends with "{n}" or "{n+}" for i < literals.size();
    // literals[i] follows that line.
    QVector<QByteArray> lines;
    QVector<QByteArray> literals;
};

class ImapCommandReader
{
public:
    enum class Status {
        NeedMore,          // feed more bytes
        CommandReady,      // takeCommand()
        ContinuationNeeded,// send "+ ..." now (a synchronizing literal), then call next() again
        Error,             // errorTag() BAD errorText(); the command was dropped
    };

    // Limit for the literal of APPEND (max_message_size); others use ImapLimits::MaxSmallLiteral.
    void setMaxAppendLiteral(qint64 bytes) { m_maxAppend = bytes; }

    void feed(QByteArrayView data) { m_buffer.append(data.data(), data.size()); }
    Status next();
    ImapRawCommand takeCommand();
    QByteArray errorTag() const { return m_errorTag; }  // "*" when the tag was unknown
    QByteArray errorText() const { return m_errorText; }
    bool errorIsTooBig() const { return m_errorTooBig; } // a literal over the limit
    // Drops everything buffered (STARTTLS: pipelined plaintext must not run after the handshake).
    void discardBuffered() { m_buffer.clear(); reset(); }
    qsizetype bufferedBytes() const { return m_buffer.size(); }
    // Frees the input buffer's memory when nothing is buffered (idle sessions).
    void releaseMemory() { if (m_buffer.isEmpty()) m_buffer = QByteArray(); }
    // True while in the middle of a command (a literal or continuation line outstanding).
    bool inCommand() const { return !m_current.lines.isEmpty() || m_state != State::Line; }

private:
    enum class State { Line, Literal, SkipLiteral, SkipLine };
    void reset();
    Status fail(const QByteArray &text, bool tooBig = false);
    static bool literalMarker(const QByteArray &line, qint64 *size, bool *sync);
    void learnCommand(const QByteArray &firstLine);

    QByteArray m_buffer;
    State m_state = State::Line;
    ImapRawCommand m_current;
    qint64 m_commandSize = 0;
    qint64 m_literalLeft = 0;
    qint64 m_maxAppend = 50 * 1024 * 1024;
    bool m_isAppend = false;
    QByteArray m_tag;
    QByteArray m_skipTail;   // last bytes of a line being skipped (to spot a literal marker)
    bool m_skipping = false; // the current command is being dropped; report at its end
    QByteArray m_pendingError;
    bool m_pendingTooBig = false;
    QByteArray m_errorTag;
    QByteArray m_errorText;
    bool m_errorTooBig = false;
};
