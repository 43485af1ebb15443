#include "imapcommandreader.h"

#include "imaplimits.h"

void ImapCommandReader::reset()
{
    m_state = State::Line;
    m_current = ImapRawCommand();
    m_commandSize = 0;
    m_literalLeft = 0;
    m_isAppend = false;
    m_tag.clear();
    m_skipTail.clear();
    m_skipping = false;
    m_pendingError.clear();
    m_pendingTooBig = false;
}

ImapCommandReader::Status ImapCommandReader::fail(const QByteArray &text, bool tooBig)
{
    m_errorTag = m_tag.isEmpty() ? QByteArray("*") : m_tag;
    m_errorText = text;
    m_errorTooBig = tooBig;
    reset();
    return Status::Error;
}

// A line ending in "{digits}" or "{digits+}" announces a literal.
bool ImapCommandReader::literalMarker(const QByteArray &line, qint64 *size, bool *sync)
{
    if (!line.endsWith('}'))
        return false;
    const qsizetype open = line.lastIndexOf('{');
    if (open < 0)
        return false;
    QByteArrayView digits(line.constData() + open + 1, line.size() - open - 2);
    *sync = true;
    if (digits.endsWith('+')) {
        *sync = false;
        digits.chop(1);
    }
    if (digits.isEmpty() || digits.size() > 12)
        return false;
    qint64 v = 0;
    for (char c : digits) {
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    *size = v;
    return true;
}

// Remembers the tag and whether this is APPEND (the one command with a large literal).
void ImapCommandReader::learnCommand(const QByteArray &firstLine)
{
    const qsizetype sp = firstLine.indexOf(' ');
    m_tag = firstLine.left(sp < 0 ? firstLine.size() : sp);
    if (m_tag.isEmpty() || m_tag.size() > 64)
        m_tag = "*";
    if (sp >= 0) {
        qsizetype end = firstLine.indexOf(' ', sp + 1);
        if (end < 0)
            end = firstLine.size();
        m_isAppend = firstLine.mid(sp + 1, end - sp - 1).compare("APPEND", Qt::CaseInsensitive) == 0;
    }
}

ImapCommandReader::Status ImapCommandReader::next()
{
    for (;;) {
        switch (m_state) {
        case State::Literal: {
            const qint64 take = std::min<qint64>(m_literalLeft, m_buffer.size());
            if (take > 0) {
                m_current.literals.last().append(m_buffer.constData(), take);
                m_buffer.remove(0, take);
                m_literalLeft -= take;
            }
            if (m_literalLeft > 0)
                return Status::NeedMore;
            m_state = State::Line;
            continue;
        }
        case State::SkipLiteral: {
            const qint64 take = std::min<qint64>(m_literalLeft, m_buffer.size());
            m_buffer.remove(0, take);
            m_literalLeft -= take;
            if (m_literalLeft > 0)
                return Status::NeedMore;
            m_state = State::Line;
            continue;
        }
        case State::SkipLine: {
            const qsizetype lf = m_buffer.indexOf('\n');
            if (lf < 0) {
                m_skipTail = (m_skipTail + m_buffer).right(24);
                m_buffer.clear();
                return Status::NeedMore;
            }
            QByteArray tail = (m_skipTail + m_buffer.left(lf)).right(24);
            m_buffer.remove(0, lf + 1);
            m_skipTail.clear();
            if (tail.endsWith('\r'))
                tail.chop(1);
            qint64 size = 0;
            bool sync = true;
            if (literalMarker(tail, &size, &sync) && !sync) {
                // The client sends a non-synchronizing literal regardless: skip it too.
                m_literalLeft = size;
                m_state = State::SkipLiteral;
                continue;
            }
            return fail(m_pendingError.isEmpty() ? QByteArray("Command line too long") : m_pendingError,
                        m_pendingTooBig);
        }
        case State::Line:
            break;
        }

        const qsizetype lf = m_buffer.indexOf('\n');
        if (lf < 0) {
            if (m_buffer.size() > ImapLimits::MaxLineLength) {
                if (m_current.lines.isEmpty())
                    learnCommand(m_buffer.left(256));
                m_skipping = true;
                m_pendingError = "Command line too long";
                m_skipTail = m_buffer.right(24);
                m_buffer.clear();
                m_state = State::SkipLine;
            }
            return Status::NeedMore;
        }
        QByteArray line = m_buffer.left(lf);
        m_buffer.remove(0, lf + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.size() > ImapLimits::MaxLineLength && !m_skipping) {
            m_skipping = true;
            m_pendingError = "Command line too long";
        }
        if (m_current.lines.isEmpty() && !m_skipping)
            learnCommand(line);
        else if (m_tag.isEmpty())
            learnCommand(line.left(256));

        qint64 size = 0;
        bool sync = true;
        const bool hasLiteral = literalMarker(line, &size, &sync);
        if (m_skipping) {
            if (hasLiteral && !sync) {
                m_literalLeft = size;
                m_state = State::SkipLiteral;
                continue;
            }
            return fail(m_pendingError, m_pendingTooBig);
        }

        m_commandSize += line.size() + 2;
        const qint64 limit = m_isAppend ? m_maxAppend : ImapLimits::MaxSmallLiteral;
        const qint64 commandLimit = ImapLimits::MaxCommandSize + (m_isAppend ? m_maxAppend : 0);
        if (hasLiteral) {
            QByteArray problem;
            bool tooBig = false;
            if (size > limit || m_commandSize + size > commandLimit) {
                problem = m_isAppend ? "Message too large" : "Literal too large";
                tooBig = true;
            } else if (m_current.literals.size() >= ImapLimits::MaxLiteralsPerCommand) {
                problem = "Too many literals";
            }
            if (!problem.isEmpty()) {
                if (sync) // the client waits for "+": refuse now, it sends nothing more
                    return fail(problem, tooBig);
                m_skipping = true;
                m_pendingError = problem;
                m_pendingTooBig = tooBig;
                m_literalLeft = size;
                m_state = State::SkipLiteral;
                continue;
            }
            m_commandSize += size;
            m_current.lines.append(line);
            m_current.literals.append(QByteArray());
            if (size > 0)
                m_current.literals.last().reserve(size);
            m_literalLeft = size;
            m_state = State::Literal;
            if (sync)
                return Status::ContinuationNeeded;
            continue;
        }
        if (m_commandSize > commandLimit) {
            return fail("Command too long");
        }
        m_current.lines.append(line);
        return Status::CommandReady;
    }
}

ImapRawCommand ImapCommandReader::takeCommand()
{
    ImapRawCommand cmd = std::move(m_current);
    reset();
    return cmd;
}
