// A byte state machine; runs of ordinary text are copied in one append, so the cost is
// one comparison per byte. Line length counts the CRLF (RFC 5321 4.5.3.1.6).
#include "smtpdatareader.h"

void SmtpDataReader::countLine(qint64 bytes)
{
    m_lineLength += bytes;
    if (m_lineLength > SmtpLimits::MaxTextLine)
        m_longLine = true;
}

void SmtpDataReader::finish()
{
    if (m_state == State::Cr)
        m_bareLineEnding = true;
    m_state = State::Done;
}

qint64 SmtpDataReader::feed(const char *data, qint64 size, QByteArray *out)
{
    const qint64 before = out->size();
    qint64 runStart = 0; // start of the not yet copied text run
    qint64 i = 0;
    auto flush = [&](qint64 end) {
        if (end > runStart)
            out->append(data + runStart, end - runStart);
        runStart = end;
    };
    for (; i < size && m_state != State::Done; ++i) {
        const char c = data[i];
        switch (m_state) {
        case State::LineStart:
            if (c == '.' && m_mode == Mode::Data) {
                flush(i);
                runStart = i + 1; // drop the stuffing dot (or the dot of the end marker)
                countLine(1);
                m_state = State::Dot;
                continue;
            }
            m_state = State::Text;
            [[fallthrough]];
        case State::Text:
        text:
            if (c == '\r') {
                m_state = State::Cr;
            } else if (c == '\n') {
                m_bareLineEnding = true; // bare LF: never a line end here
                m_state = State::Text;
            }
            countLine(1);
            break;
        case State::Cr:
            if (c == '\n') {
                countLine(1);
                m_lineLength = 0;
                m_state = State::LineStart;
                break;
            }
            m_bareLineEnding = true; // bare CR
            m_state = State::Text;
            goto text;
        case State::Dot:
            if (c == '\r') {
                flush(i);
                runStart = i + 1; // hold the CR back: it may belong to the end marker
                countLine(1);
                m_state = State::DotCr;
                break;
            }
            m_state = State::Text;
            goto text;
        case State::DotCr:
            if (c == '\n') {
                runStart = i + 1; // "." CR LF is the end, not content
                m_state = State::Done;
                break;
            }
            // "." CR x: the held-back CR is content, and it is bare.
            out->append('\r');
            m_bareLineEnding = true;
            m_state = State::Text;
            goto text;
        case State::Done:
            break;
        }
    }
    flush(i);
    m_messageSize += out->size() - before;
    return i;
}
