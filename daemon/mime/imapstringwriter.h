// ImapStringWriter: appends IMAP string forms (RFC 3501 4.3, 9 "string"/"nstring") to a
// response buffer, spelled as Dovecot 2.3 spells them: quoted with escapes, or a literal
// {n}\r\n<bytes> for CR, LF, 8-bit bytes or more than MaxQuotedEscapes '"'/'\\'.
// NUL bytes (never valid in an IMAP string) are sent as 0x80, as Dovecot does.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

class ImapStringWriter
{
public:
    // Past this many quoted-specials a literal is shorter (Dovecot's rule).
    static constexpr int MaxQuotedEscapes = 4;

    // "value" or {n}\r\nvalue.
    static void appendString(QByteArray &out, QByteArrayView value);
    // NIL for a null QByteArray, else appendString().
    static void appendNString(QByteArray &out, const QByteArray &value);
    static void appendNil(QByteArray &out) { out.append("NIL"); }
    // Always a literal: {n}\r\n followed by the bytes (section data, BODY[]); NUL
    // bytes are sent as 0x80 (no NUL in IMAP literals; use this for section data).
    static void appendLiteral(QByteArray &out, QByteArrayView value);
    // Dovecot's form for subjects and display names: CR/LF dropped, runs of blanks
    // collapsed to one space, ends trimmed; a literal when anything changed, the value
    // has '"', '\\' or 8-bit bytes, or `wasFolded` (the header line was folded).
    static void appendHumanString(QByteArray &out, QByteArrayView value, bool wasFolded = false);
    // True when the value can be sent as a quoted string.
    static bool canQuote(QByteArrayView value);
};
