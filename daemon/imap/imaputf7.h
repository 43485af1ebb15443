// ImapUtf7: mailbox names on the wire in modified UTF-7 (RFC 3501 5.1.3) <-> the store's
// UTF-8 names. Pure. decode() refuses malformed input (so a client cannot smuggle names
// that would not round-trip); raw 8-bit UTF-8 from clients is accepted as it is.
#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

class ImapUtf7
{
public:
    static QByteArray encode(const QString &name);
    static std::optional<QString> decode(const QByteArray &wire);
};
