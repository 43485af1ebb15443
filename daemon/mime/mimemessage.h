// MimeMessage: a pure, bounded parser from raw message bytes (CRLF or bare LF) to a
// flat MIME tree (RFC 2045/2046/5322). Tolerant of broken mail, never fails: at worst
// the result is one text/plain leaf. Depth beyond MaxDepth becomes opaque leaves;
// work is linear in the input (no recursion over the input, no quadratic scans).
#pragma once

#include "mimepart.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

class MimeMessage
{
public:
    static constexpr int MaxDepth = 100;         // deeper parts are opaque leaves
    static constexpr int MaxParts = 20000;       // further parts are not split out

    MimeMessage() = default;
    static MimeMessage parse(const QByteArray &raw);

    const QByteArray &raw() const { return m_raw; }
    qint64 size() const { return m_raw.size(); }            // RFC822.SIZE (bytes as stored)
    const QList<MimePart> &parts() const { return m_parts; } // [0] is the root; pre-order
    const MimePart &root() const { return m_parts.first(); }
    const MimePart &part(int index) const { return m_parts.at(index); }

    // Header fields of a part's header block (for a message/rfc822 part the encapsulated
    // message's header is the header of its child). Names compare case-insensitively.
    // Values are unfolded (CR/LF removed, nothing else) with leading blanks of the
    // first line skipped, exactly as ENVELOPE wants them.
    QByteArray headerValue(int partIndex, QByteArrayView name) const;       // last one; null if none
    QByteArray firstHeaderValue(int partIndex, QByteArrayView name) const;  // first one; null if none
    QList<QByteArray> headerValues(int partIndex, QByteArrayView name) const;

    QByteArray headerBytes(int partIndex) const;   // raw header block [headerStart, headerEnd)
    QByteArray bodyBytes(int partIndex) const;     // raw (still transfer-encoded) body

private:
    QByteArray m_raw;
    QList<MimePart> m_parts;
    friend class MimeTreeBuilder;
};
