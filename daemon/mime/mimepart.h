// One node of a parsed MIME tree: byte offsets into the raw message plus the
// decoded-as-little-as-possible MIME fields (RFC 2045/2183/3282). Values are kept
// as written (case, quoting removed, no RFC 2047 decoding) because IMAP returns them so.
// Trusts nothing: produced by MimeMessage from arbitrary bytes.
#pragma once

#include <QByteArray>
#include <QList>

struct MimeParam
{
    QByteArray name;    // as written, e.g. "charset", "CHARSET", "filename*"
    QByteArray value;   // unquoted; RFC 2231 continuations joined (see docs/mime-decisions.md)
};
using MimeParams = QList<MimeParam>;

class MimePart
{
public:
    enum class Kind : quint8 {
        Leaf,        // any non-multipart, non-message/rfc822 part (or one past the depth cap)
        Multipart,   // children = the body parts
        Message      // message/rfc822: children = { root part of the encapsulated message }
    };

    Kind kind = Kind::Leaf;
    int parent = -1;            // index in MimeMessage::parts(), -1 for the root
    int depth = 0;              // 0 for the root
    QList<int> children;        // indexes in MimeMessage::parts()

    // Offsets into MimeMessage::raw(). The header block is [headerStart, headerEnd)
    // and includes the empty line that ends it (if there is one). The body is
    // [bodyStart, bodyEnd); the CRLF before a boundary delimiter is not part of it.
    // headerEnd == bodyStart except when the "empty line" was the CRLF of a following
    // boundary delimiter (Dovecot's view, see docs/mime-decisions.md).
    qsizetype headerStart = 0;
    qsizetype headerEnd = 0;
    qsizetype bodyStart = 0;
    qsizetype bodyEnd = 0;
    qint64 lines = 0;           // LF count in the body (RFC 3501 body-fld-lines); text and message only

    // Content-Type. Both empty when the field is present but unparsable (Dovecot
    // answers ("" "" ...) then); defaults ("text"/"plain", message/rfc822 in digests)
    // are filled in when the field is absent.
    QByteArray type;
    QByteArray subtype;
    MimeParams params;          // in the order written; "charset" us-ascii appended for text parts without one
    bool hasContentType = false;

    QByteArray disposition;     // empty: no Content-Disposition
    MimeParams dispositionParams;
    QList<QByteArray> languages;   // Content-Language, each tag as written
    QByteArray location;        // Content-Location, unfolded raw value
    QByteArray md5;             // Content-MD5
    QByteArray contentId;       // Content-ID, raw
    QByteArray description;     // Content-Description, raw (encoded words kept)
    QByteArray encoding;        // Content-Transfer-Encoding as written; "7bit" when absent

    qint64 headerSize() const { return headerEnd - headerStart; }
    qint64 bodySize() const { return bodyEnd - bodyStart; }
    bool isMultipart() const { return kind == Kind::Multipart; }
    bool isMessage() const { return kind == Kind::Message; }
    bool isType(const char *t, const char *sub = nullptr) const
    {
        return type.compare(t, Qt::CaseInsensitive) == 0
            && (!sub || subtype.compare(sub, Qt::CaseInsensitive) == 0);
    }
    // Case-insensitive lookup; returns a null QByteArray when absent.
    QByteArray param(const char *name) const { return find(params, name); }
    QByteArray dispositionParam(const char *name) const { return find(dispositionParams, name); }

    static QByteArray find(const MimeParams &list, const char *name)
    {
        for (const MimeParam &p : list)
            if (p.name.compare(name, Qt::CaseInsensitive) == 0)
                return p.value.isNull() ? QByteArray("") : p.value;
        return QByteArray();
    }
};
