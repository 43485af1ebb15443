// Named limits of the IMAP server (issue 6 item 4 and 7). Every oversize input gets a
// protocol error (BAD, or BYE and close), never a crash or silent truncation.
#pragma once

#include <QtGlobal>

namespace ImapLimits {
constexpr qsizetype MaxLineLength = 64 * 1024;        // one command line, without literals
constexpr qint64 MaxSmallLiteral = 64 * 1024;         // literals of every command but APPEND
constexpr qint64 MaxCommandSize = 1024 * 1024;        // all lines + small literals of one command
constexpr int MaxLiteralsPerCommand = 64;
constexpr int MaxListDepth = 32;                      // nested parentheses
constexpr int MaxSearchDepth = 32;                    // nested SEARCH keys
constexpr int MaxBadCommands = 20;                    // BADs in a row before BYE
constexpr int AutologoutMs = 30 * 60 * 1000;          // RFC 3501 5.4: at least 30 minutes
constexpr int PreAuthTimeoutMs = 60 * 1000 * 5;       // unauthenticated idle time
constexpr int IdleReportDelayMs = 100;                // coalesce mailbox events during IDLE
constexpr int BufferReleaseDelayMs = 1000;            // quiet this long: give socket buffers back
constexpr qint64 OutputHighWater = 512 * 1024;       // pause long FETCHes above this backlog (TLS + TCP)
constexpr qsizetype FetchStepBytes = 256 * 1024;      // output of one FETCH step
constexpr qint64 CommandBacklogHigh = 256 * 1024;     // unsent responses above this: stop reading commands
constexpr qint64 CommandBacklogLow = 64 * 1024;       // ...and read again once below this
constexpr qint64 SocketReadBuffer = 256 * 1024;       // Qt read buffer cap (backpressure)
constexpr int FetchBatch = 256;                       // messages per FETCH slice
}
