#include "mimedecoder.h"

#include <QStringDecoder>

#include <array>

namespace {

constexpr qsizetype MaxEncodedWordLength = 1024;   // lenient: RFC 2047 says 75

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

bool isValidUtf8(QByteArrayView bytes)
{
    QStringDecoder d(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString s = d.decode(bytes);
    return !d.hasError();
}

// One RFC 2047 encoded word starting at text[pos] ("=?"), or false.
bool readEncodedWord(QByteArrayView text, qsizetype pos, qsizetype *end, QByteArray *charset,
                     QByteArray *bytes)
{
    // Searches stay inside a window of MaxEncodedWordLength, so a header full of
    // unterminated "=?" starts is still decoded in linear time.
    const QByteArrayView window = text.sliced(pos, qMin(text.size() - pos, MaxEncodedWordLength));
    const qsizetype q1 = window.indexOf('?', 2);
    if (q1 < 0 || q1 + 2 >= window.size() || window.at(q1 + 2) != '?')
        return false;
    const char enc = window.at(q1 + 1);
    const qsizetype closeRel = window.indexOf("?=", q1 + 3);
    if (closeRel < 0)
        return false;
    const qsizetype close = pos + closeRel;
    const QByteArrayView payload = window.sliced(q1 + 3, closeRel - q1 - 3);
    for (char c : payload) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            return false;
    }
    QByteArray cs = window.sliced(2, q1 - 2).toByteArray();
    const qsizetype star = cs.indexOf('*');           // RFC 2231 language suffix
    if (star >= 0)
        cs.truncate(star);
    if (cs.isEmpty())
        return false;
    if (enc == 'Q' || enc == 'q')
        *bytes = MimeDecoder::decodeQuotedPrintable(payload, true);
    else if (enc == 'B' || enc == 'b')
        *bytes = MimeDecoder::decodeBase64(payload);
    else
        return false;
    *charset = cs;
    *end = close + 2;
    return true;
}

} // namespace

QString MimeDecoder::toUnicode(QByteArrayView bytes, QByteArrayView charset)
{
    QByteArray cs = charset.toByteArray().trimmed().toLower();
    if (cs.isEmpty() || cs == "us-ascii" || cs == "ascii" || cs == "unknown-8bit" || cs == "x-unknown") {
        return isValidUtf8(bytes) ? QString::fromUtf8(bytes) : QString::fromLatin1(bytes);
    }
    if (cs == "utf8")
        cs = "utf-8";
    QStringDecoder d(cs.constData());
    if (!d.isValid())
        return isValidUtf8(bytes) ? QString::fromUtf8(bytes) : QString::fromLatin1(bytes);
    return d.decode(bytes);
}

QString MimeDecoder::decodeWords(QByteArrayView text)
{
    QString out;
    // Adjacent words in one charset are decoded together, so a character split
    // across two B words survives.
    QByteArray wordCharset, wordBytes;
    QByteArray gap;                        // raw text since the last encoded word
    bool wordSeen = false;
    const auto flushWord = [&]() {
        if (!wordCharset.isEmpty())
            out += toUnicode(wordBytes, wordCharset);
        wordCharset.clear();
        wordBytes.clear();
    };
    const auto flushGap = [&]() {
        flushWord();
        if (!gap.isEmpty())
            out += isValidUtf8(gap) ? QString::fromUtf8(gap) : QString::fromLatin1(gap);
        gap.clear();
    };
    qsizetype pos = 0;
    while (pos < text.size()) {
        qsizetype end = 0;
        QByteArray cs, bytes;
        if (text.at(pos) == '=' && pos + 1 < text.size() && text.at(pos + 1) == '?'
            && readEncodedWord(text, pos, &end, &cs, &bytes)) {
            bool blanks = true;
            for (char c : gap)
                blanks = blanks && (c == ' ' || c == '\t' || c == '\r' || c == '\n');
            if (wordSeen && blanks)
                gap.clear();               // RFC 2047 6.2: blanks between words vanish
            else if (!gap.isEmpty())
                flushGap();
            if (cs.compare(wordCharset, Qt::CaseInsensitive) != 0)
                flushWord();
            wordCharset = cs;
            wordBytes += bytes;
            wordSeen = true;
            pos = end;
            continue;
        }
        gap.append(text.at(pos++));
    }
    flushGap();
    return out;
}

QByteArray MimeDecoder::decodeQuotedPrintable(QByteArrayView in, bool headerQ)
{
    QByteArray out;
    out.reserve(in.size());
    const qsizetype n = in.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char c = in.at(i);
        if (headerQ && c == '_') {
            out.append(' ');
        } else if (c == '=') {
            if (i + 2 < n && hexValue(in.at(i + 1)) >= 0 && hexValue(in.at(i + 2)) >= 0) {
                out.append(char(hexValue(in.at(i + 1)) * 16 + hexValue(in.at(i + 2))));
                i += 2;
                continue;
            }
            // Soft line break: '=' then optional blanks then (CR)LF or the end.
            qsizetype j = i + 1;
            while (j < n && (in.at(j) == ' ' || in.at(j) == '\t'))
                ++j;
            if (j == n) {
                i = j;
            } else if (in.at(j) == '\n') {
                i = j;
            } else if (in.at(j) == '\r' && j + 1 < n && in.at(j + 1) == '\n') {
                i = j + 1;
            } else {
                out.append('=');                        // broken escape: keep it as is
            }
        } else if ((c == ' ' || c == '\t') && !headerQ) {
            // Trailing blanks before a line break are transport padding (RFC 2045 6.7).
            qsizetype j = i;
            while (j < n && (in.at(j) == ' ' || in.at(j) == '\t'))
                ++j;
            if (j < n && (in.at(j) == '\r' || in.at(j) == '\n')) {
                i = j - 1;
            } else {
                out.append(in.data() + i, j - i);
                i = j - 1;
            }
        } else {
            out.append(c);
        }
    }
    return out;
}

namespace {
const std::array<qint8, 256> &base64Table()
{
    static const auto table = [] {
        std::array<qint8, 256> t{};
        t.fill(-1);
        const char *alpha = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < 64; ++i)
            t[uchar(alpha[i])] = qint8(i);
        t[uchar('-')] = 62;                       // base64url, seen in the wild
        t[uchar('_')] = 63;
        return t;
    }();
    return table;
}
} // namespace

qint64 MimeDecoder::decodedSize(QByteArrayView body, QByteArrayView encoding)
{
    if (encoding.compare(QByteArrayView("base64"), Qt::CaseInsensitive) != 0)
        return decodeTransfer(body, encoding).size();
    const std::array<qint8, 256> &table = base64Table();
    qint64 sextets = 0;
    for (char c : body) {
        if (c == '=')
            break;
        sextets += table[uchar(c)] >= 0;
    }
    return sextets * 6 / 8;                    // the same rounding as decodeBase64()
}

QByteArray MimeDecoder::decodeBase64(QByteArrayView in)
{
    const std::array<qint8, 256> &table = base64Table();
    QByteArray out;
    out.reserve(in.size() * 3 / 4);
    quint32 acc = 0;
    int bits = 0;
    for (char c : in) {
        if (c == '=')
            break;
        const qint8 v = table[uchar(c)];
        if (v < 0)
            continue;                             // whitespace and junk
        acc = (acc << 6) | quint32(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.append(char((acc >> bits) & 0xff));
        }
    }
    return out;
}

QByteArray MimeDecoder::decodeTransfer(QByteArrayView body, QByteArrayView encoding)
{
    if (encoding.compare(QByteArrayView("base64"), Qt::CaseInsensitive) == 0)
        return decodeBase64(body);
    if (encoding.compare(QByteArrayView("quoted-printable"), Qt::CaseInsensitive) == 0)
        return decodeQuotedPrintable(body);
    return body.toByteArray();
}

QString MimeDecoder::decodeRfc2231(QByteArrayView value)
{
    const qsizetype q1 = value.indexOf('\'');
    const qsizetype q2 = q1 < 0 ? -1 : value.indexOf('\'', q1 + 1);
    if (q2 < 0)
        return toUnicode(value, "");
    QByteArray bytes;
    const QByteArrayView enc = value.sliced(q2 + 1);
    for (qsizetype i = 0; i < enc.size(); ++i) {
        if (enc.at(i) == '%' && i + 2 < enc.size()
            && hexValue(enc.at(i + 1)) >= 0 && hexValue(enc.at(i + 2)) >= 0) {
            bytes.append(char(hexValue(enc.at(i + 1)) * 16 + hexValue(enc.at(i + 2))));
            i += 2;
        } else {
            bytes.append(enc.at(i));
        }
    }
    return toUnicode(bytes, value.first(q1));
}
