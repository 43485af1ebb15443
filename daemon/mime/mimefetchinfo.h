// MimeFetchInfo: everything IMAP FETCH needs from a parsed message, in a compact form the
// store's per-folder index caches (serialize/deserialize), so FETCH of ENVELOPE or
// BODYSTRUCTURE never re-parses, and BODY[section] only reads the raw bytes it returns.
// deserialize() trusts nothing: a corrupt or old cache record yields std::nullopt (re-parse).
#pragma once

#include <QByteArray>
#include <QList>
#include <optional>

class MimeMessage;

class MimeFetchInfo
{
public:
    // One MIME part: offsets into the raw message plus the tree links.
    struct Part {
        qint64 headerStart = 0;
        qint64 headerEnd = 0;
        qint64 bodyStart = 0;
        qint64 bodyEnd = 0;
        qint32 parent = -1;        // -1 for the root
        quint8 kind = 0;           // MimePart::Kind
    };

    // Bump whenever the record layout or the parser's answers change: older records
    // then fail deserialize() and are rebuilt from the message.
    static constexpr quint8 FormatVersion = 1;

    qint64 size = 0;               // RFC822.SIZE
    QByteArray envelope;           // ENVELOPE data, ready to send
    QByteArray bodyStructure;      // BODYSTRUCTURE data, ready to send
    QByteArray body;               // BODY data, ready to send
    QList<Part> parts;             // [0] = root, same order as MimeMessage::parts()
    QList<QList<qint32>> children; // children[i] = child indexes of parts[i] (derived from parent)

    static MimeFetchInfo fromMessage(const MimeMessage &msg);
    QByteArray serialize() const;
    static std::optional<MimeFetchInfo> deserialize(const QByteArray &data);

    // Resolves an IMAP part path (1-based numbers) to a part index, -1 if none.
    int resolvePath(const QList<int> &path) const;
};
