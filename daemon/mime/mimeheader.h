// MimeHeader: splits a header block (RFC 5322 2.2) into fields with byte offsets and
// unfolds values. Linear in the input; lines without a colon are kept as nameless
// fields so HEADER.FIELDS.NOT and byte counts stay exact. Trusts nothing.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

class MimeHeader
{
public:
    struct Field {
        qsizetype start = 0;       // first byte of the name
        qsizetype nameEnd = 0;     // end of the name (before optional blanks and ':')
        qsizetype valueStart = 0;  // just after the ':'
        qsizetype end = 0;         // after the line ending of the last continuation line
    };

    // Scans raw[start, limit). Stops after the empty line (headerEnd then points past
    // it) or at limit (no empty line: headerEnd == limit).
    static QList<Field> scan(const QByteArray &raw, qsizetype start, qsizetype limit, qsizetype *headerEnd);

    // The same scan without building a list (bounded memory for huge headers):
    // calls fn(const Field &) for each complete field. Returns the header end.
    template<typename Fn>
    static qsizetype forEach(const QByteArray &raw, qsizetype start, qsizetype limit, Fn &&fn)
    {
        Field pending;
        bool havePending = false;
        qsizetype pos = start;
        while (pos < limit) {
            Line l = nextLine(raw, pos, limit);
            if (l.empty) {
                pos = l.end;
                break;
            }
            if (l.continuation && havePending) {
                pending.end = l.end;     // continuation line (RFC 5322 2.2.3)
            } else {
                if (havePending)
                    fn(static_cast<const Field &>(pending));
                pending = l.field;
                havePending = true;
            }
            pos = l.end;
        }
        if (havePending)
            fn(static_cast<const Field &>(pending));
        return pos;
    }

    static QByteArrayView name(const QByteArray &raw, const Field &f)
    {
        return QByteArrayView(raw.constData() + f.start, f.nameEnd - f.start);
    }
    // CR and LF removed, leading blanks of the first line skipped, trailing CR/LF gone.
    static QByteArray unfoldedValue(const QByteArray &raw, const Field &f);

    struct Line {
        Field field;
        qsizetype end = 0;
        bool empty = false;
        bool continuation = false;
    };
    static Line nextLine(const QByteArray &raw, qsizetype pos, qsizetype limit);

    // HEADER.FIELDS / HEADER.FIELDS.NOT (RFC 3501 6.4.5): the matching raw field lines
    // followed by CRLF. `names` are compared case-insensitively.
    static QByteArray filter(const QByteArray &raw, qsizetype start, qsizetype limit,
                             const QList<QByteArray> &names, bool exclude);
};
