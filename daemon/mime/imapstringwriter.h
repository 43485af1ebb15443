// ImapStringWriter: appends IMAP string forms (RFC 3501 4.3, 9 "string"/"nstring") to a
// response buffer. A quoted string is used when the value allows it; CR, LF, NUL, 8-bit
// bytes or a long value (> LiteralThreshold) give a literal {n}\r\n<bytes>, as Dovecot does.
// NUL bytes (never valid in an IMAP string) are sent as 0x80, as Dovecot does.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

class ImapStringWriter
{
public:
    static constexpr qsizetype LiteralThreshold = 1024;

    // "value" or {n}\r\nvalue.
    static void appendString(QByteArray &out, QByteArrayView value);
    // NIL for a null QByteArray, else appendString().
    static void appendNString(QByteArray &out, const QByteArray &value);
    static void appendNil(QByteArray &out) { out.append("NIL"); }
    // Always a literal: {n}\r\n followed by the bytes (section data, BODY[]).
    static void appendLiteral(QByteArray &out, QByteArrayView value);
    // Dovecot's form for subjects and display names: CR/LF dropped, runs of blanks
    // collapsed to one space, ends trimmed; a literal when anything changed, the value
    // has '"', '\\' or 8-bit bytes, or `wasFolded` (the header line was folded).
    // Long unchanged values stay quoted, as Dovecot sends them.
    static void appendHumanString(QByteArray &out, QByteArrayView value, bool wasFolded = false);
    // True when the value can be sent as a quoted string.
    static bool canQuote(QByteArrayView value);
};
