// MimeFieldParser: the structured MIME fields (RFC 2045 5.1 Content-Type, 6.1 CTE,
// RFC 2183 Content-Disposition, RFC 3282 Content-Language) with comments removed and
// RFC 2231 continuations joined. Case is kept as written. Lenient, never fails hard.
#pragma once

#include "mimepart.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

class MimeFieldParser
{
public:
    static constexpr int MaxParams = 256;        // further parameters are ignored

    // "type/subtype; params". Returns false (and empty type/subtype) when the value
    // has no valid type and subtype token.
    static bool parseContentType(QByteArrayView value, QByteArray *type, QByteArray *subtype,
                                 MimeParams *params);
    // "disposition-type; params". Returns false when there is no type token.
    static bool parseDisposition(QByteArrayView value, QByteArray *type, MimeParams *params);
    // Comma-separated language tags.
    static QList<QByteArray> parseLanguages(QByteArrayView value);
    // The only token, comments removed (Content-Transfer-Encoding); empty when
    // anything else follows it.
    static QByteArray parseToken(QByteArrayView value);
    // Joins RFC 2231 continuations: name*0, name*1 ... into "name"; when any segment is
    // extended (name*0*), into "name*" keeping the charset'lang' prefix and %-encoding.
    static MimeParams joinContinuations(const MimeParams &in);
};
