// Mutf7: modified UTF-7 (RFC 3501 5.1.3), the form of mailbox names on the IMAP wire and of
// Maildir++ folder directories on disk. Pure. decode() is strict (bad base64, encoded
// printable ASCII, non-zero padding, unpaired surrogates are refused), so every name it
// accepts round-trips; the IMAP layer alone also takes raw UTF-8 from clients.
#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace Mutf7 {

enum class RawUtf8 { Refuse, Accept };

QByteArray encode(const QString &text);
// nullopt when malformed. With RawUtf8::Accept, input holding any byte >= 0x80 is read as
// UTF-8 instead (valid UTF-8 required).
std::optional<QString> decode(const QByteArray &encoded, RawUtf8 rawUtf8 = RawUtf8::Refuse);

} // namespace Mutf7
