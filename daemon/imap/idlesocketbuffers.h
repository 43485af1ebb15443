// IdleSocketBuffers: gives back the I/O buffer blocks Qt 6.4 keeps in a quiet socket.
// Each QIODevice ring buffer keeps one emptied block (16 or 32 KB) for reuse; a TLS
// QSslSocket has four (its own read/write buffers and those of its inner QTcpSocket), about
// 96 KB per idle connection. Trusts nothing but Qt's public headers; touches only a socket
// whose buffers are all empty, so no byte is ever lost.
#pragma once

class QSslSocket;

namespace IdleSocketBuffers {
// True when the socket was quiet and its buffers were released.
bool release(QSslSocket *socket);
}
