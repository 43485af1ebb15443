// SMTP protocol limits as named constants (RFC 5321 4.5.3 and our own hardening).
// The session, the parser and the data reader read them from here only.
#pragma once

#include <QtGlobal>

namespace SmtpLimits {
constexpr int MaxCommandLine = 512;        // RFC 5321 4.5.3.1.4, CRLF included
constexpr int MaxAuthLine = 12288;         // RFC 4954 4: SASL responses may be longer than a command
constexpr int MaxTextLine = 1000;          // RFC 5321 4.5.3.1.6, CRLF included
constexpr int MaxPath = 256;               // RFC 5321 4.5.3.1.3, brackets included
constexpr int MaxLocalPart = 64;           // RFC 5321 4.5.3.1.1
constexpr int MaxDomain = 255;             // RFC 5321 4.5.3.1.2
constexpr int MaxHeloName = 255;
constexpr int MaxErrors = 10;              // then 421 and close
constexpr int MaxParameters = 10;          // per MAIL/RCPT
constexpr qint64 MaxBdatChunk = qint64(1) << 40; // larger BDAT sizes are a syntax error
constexpr int ReadChunk = 64 * 1024;       // bytes taken from the socket at a time
constexpr int MaxBufferedInput = 64 * 1024; // unprocessed pipelined input kept at most
constexpr qint64 ReplyBacklogHigh = 256 * 1024; // unsent replies above this: stop reading commands
constexpr qint64 ReplyBacklogLow = 64 * 1024;   // ...and read again once below this
// Command and data timeouts are config keys (smtp.command_timeout, smtp.data_timeout).
constexpr int FinalDotTimeoutMs = 10 * 60 * 1000; // 4.5.3.2.6 (server side of the final dot: we wait for the commit)
constexpr int TlsHandshakeTimeoutMs = 60 * 1000;  // capped by smtp.command_timeout
}
