#include "imapstringwriter.h"

bool ImapStringWriter::canQuote(QByteArrayView value)
{
    int escapes = 0;
    for (char c : value) {
        const uchar u = uchar(c);
        if (u == '\r' || u == '\n' || u == 0 || u >= 0x80)
            return false;
        if ((c == '"' || c == '\\') && ++escapes > MaxQuotedEscapes)
            return false;
    }
    return true;
}

void ImapStringWriter::appendString(QByteArray &out, QByteArrayView value)
{
    if (!canQuote(value)) {
        appendLiteral(out, value);              // also turns NUL into 0x80
        return;
    }
    out.reserve(out.size() + value.size() + 2);
    out.append('"');
    qsizetype from = 0;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char c = value.at(i);
        if (c == '"' || c == '\\') {
            out.append(value.data() + from, i - from).append('\\');
            from = i;
        }
    }
    out.append(value.data() + from, value.size() - from).append('"');
}

void ImapStringWriter::appendNString(QByteArray &out, const QByteArray &value)
{
    if (value.isNull())
        appendNil(out);
    else
        appendString(out, value);
}

void ImapStringWriter::appendLiteral(QByteArray &out, QByteArrayView value)
{
    out.append('{').append(QByteArray::number(value.size())).append("}\r\n");
    const qsizetype start = out.size();
    out.append(value.data(), value.size());
    // IMAP literals must not contain NUL (RFC 3501 4.3); Dovecot sends 0x80 instead.
    if (value.indexOf('\0') >= 0) {
        char *d = out.data() + start;
        for (qsizetype i = 0; i < value.size(); ++i) {
            if (d[i] == '\0')
                d[i] = '\x80';
        }
    }
}

void ImapStringWriter::appendHumanString(QByteArray &out, QByteArrayView value, bool wasFolded)
{
    QByteArray clean(value.size(), Qt::Uninitialized);
    char *o = clean.data();
    bool changed = false;
    bool special = false;
    bool lastBlank = true;                 // true at the start: leading blanks go
    for (char c : value) {
        const uchar u = uchar(c);
        if (c == '\r' || c == '\n') {
            changed = true;
            continue;
        }
        if (c == ' ' || c == '\t') {
            if (lastBlank || c == '\t')
                changed = true;
            if (!lastBlank)
                *o++ = ' ';
            lastBlank = true;
            continue;
        }
        if (c == '"' || c == '\\' || u >= 0x80 || u == 0)
            special = true;
        *o++ = u == 0 ? '\x80' : c;       // no NUL in IMAP strings
        lastBlank = false;
    }
    if (lastBlank && o != clean.constData()) {
        --o;                               // trailing blank
        changed = true;
    }
    clean.truncate(o - clean.constData());
    if (clean.isEmpty()) {
        out.append("\"\"");
        return;
    }
    if (changed || special || wasFolded) {
        appendLiteral(out, clean);
        return;
    }
    out.reserve(out.size() + clean.size() + 2);
    out.append('"').append(clean).append('"');   // nothing left that needs escaping
}
