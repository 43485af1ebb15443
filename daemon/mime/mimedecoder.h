// MimeDecoder: transfer and character decoding for display (never for IMAP output):
// RFC 2047 encoded words (Q and B), quoted-printable, base64, and charset conversion
// through QStringDecoder (UTF-8, ISO-8859-x, windows-125x ...), Latin-1 as the fallback.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

class MimeDecoder
{
public:
    // Header text with encoded words decoded (RFC 2047 6.2: blanks between adjacent
    // encoded words dropped). Raw 8-bit text is taken as UTF-8 (RFC 6532), else Latin-1.
    static QString decodeWords(QByteArrayView text);
    // Body bytes by Content-Transfer-Encoding (base64, quoted-printable; others as is).
    static QByteArray decodeTransfer(QByteArrayView body, QByteArrayView encoding);
    // The size decodeTransfer() would return, without building the result for base64
    // (attachment lists show sizes of large files).
    static qint64 decodedSize(QByteArrayView body, QByteArrayView encoding);
    static QByteArray decodeQuotedPrintable(QByteArrayView in, bool headerQ = false);
    static QByteArray decodeBase64(QByteArrayView in);   // ignores whitespace and junk
    // Bytes in `charset` to a QString; unknown or empty charset: UTF-8 if valid, else Latin-1.
    static QString toUnicode(QByteArrayView bytes, QByteArrayView charset);
    // RFC 2231 extended value "charset'lang'%xx..." to a QString.
    static QString decodeRfc2231(QByteArrayView value);
};
