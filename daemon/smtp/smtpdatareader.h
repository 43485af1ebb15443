// The pure SMTP message-content reader. In Data mode it removes dot-stuffing and finds
// the end of data, which is CRLF "." CRLF and nothing else (RFC 5321 4.1.1.4); in Bdat
// mode (RFC 3030) it only inspects chunk bytes. Either way it flags a bare CR or bare LF
// and over-long lines, and the session refuses such a message: a lone LF or CR can then
// never end data here nor reach a downstream server that would read it as an end
// (SMTP smuggling). No I/O, no allocation beyond the caller's output; input may arrive cut anywhere.
#pragma once

#include "smtplimits.h"

#include <QByteArray>

class SmtpDataReader
{
public:
    enum class Mode { Data, Bdat };

    explicit SmtpDataReader(Mode mode = Mode::Data) : m_mode(mode) {}

    // Consumes input up to and including the end of data (Data mode) and appends the
    // message bytes (unstuffed, CRLF line ends kept, the final CRLF "." CRLF removed
    // except its first CRLF) to *out. Returns the number of bytes consumed: less than
    // size only when the end of data was found; the rest belongs to the next command.
    qint64 feed(const char *data, qint64 size, QByteArray *out);
    qint64 feed(const QByteArray &data, QByteArray *out) { return feed(data.constData(), data.size(), out); }

    bool isDone() const { return m_state == State::Done; }
    bool sawBareLineEnding() const { return m_bareLineEnding; }
    bool sawLongLine() const { return m_longLine; }
    qint64 messageSize() const { return m_messageSize; } // bytes appended to out so far
    // Bdat mode: call after the LAST chunk; a CR left pending at the very end is bare.
    void finish();

private:
    enum class State { LineStart, Text, Cr, Dot, DotCr, Done };
    void countLine(qint64 bytes);

    Mode m_mode;
    State m_state = State::LineStart;
    qint64 m_lineLength = 0;
    qint64 m_messageSize = 0;
    bool m_bareLineEnding = false;
    bool m_longLine = false;
};
