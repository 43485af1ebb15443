#include "mutf7.h"

#include <QStringDecoder>

namespace Mutf7 {

namespace {
const char Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";

int value(char c)
{
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == ',') return 63;
    return -1;
}

bool printable(char16_t u) { return u >= 0x20 && u <= 0x7e; }

// One "&...-" run: UTF-16 code units as big-endian bits in modified base64.
void appendRun(QByteArray &out, const QChar *units, qsizetype count)
{
    out.append('&');
    quint32 bits = 0;
    int nbits = 0;
    for (qsizetype k = 0; k < count; ++k) {
        bits = (bits << 16) | units[k].unicode();
        nbits += 16;
        while (nbits >= 6) {
            nbits -= 6;
            out.append(Alphabet[(bits >> nbits) & 0x3f]);
        }
    }
    if (nbits > 0)
        out.append(Alphabet[(bits << (6 - nbits)) & 0x3f]);
    out.append('-');
}

bool surrogatesPaired(const QString &s)
{
    for (qsizetype k = 0; k < s.size(); ++k) {
        if (s.at(k).isHighSurrogate()) {
            if (k + 1 >= s.size() || !s.at(k + 1).isLowSurrogate())
                return false;
            ++k;
        } else if (s.at(k).isLowSurrogate()) {
            return false;
        }
    }
    return true;
}
}

QByteArray encode(const QString &text)
{
    QByteArray out;
    out.reserve(text.size());
    qsizetype i = 0;
    while (i < text.size()) {
        const char16_t u = text.at(i).unicode();
        if (printable(u)) {
            out.append(u == '&' ? QByteArray("&-") : QByteArray(1, char(u)));
            ++i;
            continue;
        }
        const qsizetype start = i;
        while (i < text.size() && !printable(text.at(i).unicode()))
            ++i;
        appendRun(out, text.constData() + start, i - start);
    }
    return out;
}

std::optional<QString> decode(const QByteArray &encoded, RawUtf8 rawUtf8)
{
    if (rawUtf8 == RawUtf8::Accept) {
        for (char c : encoded) {
            if (uchar(c) >= 0x80) { // a client sending UTF-8 directly
                QStringDecoder dec(QStringDecoder::Utf8);
                const QString s = dec(encoded);
                if (dec.hasError())
                    return std::nullopt;
                return s;
            }
        }
    }
    QString out;
    qsizetype i = 0;
    while (i < encoded.size()) {
        const char c = encoded.at(i);
        if (!printable(uchar(c)))
            return std::nullopt;
        if (c != '&') {
            out.append(QChar(c));
            ++i;
            continue;
        }
        const qsizetype end = encoded.indexOf('-', i + 1);
        if (end < 0)
            return std::nullopt;
        if (end == i + 1) {
            out.append(QChar('&'));
            i = end + 1;
            continue;
        }
        quint32 bits = 0;
        int nbits = 0;
        QString run;
        for (qsizetype k = i + 1; k < end; ++k) {
            const int v = value(encoded.at(k));
            if (v < 0)
                return std::nullopt;
            bits = (bits << 6) | quint32(v);
            nbits += 6;
            if (nbits >= 16) {
                nbits -= 16;
                run.append(QChar(char16_t((bits >> nbits) & 0xffff)));
            }
        }
        if (nbits >= 6 || (bits & ((1u << nbits) - 1)) != 0 || run.isEmpty())
            return std::nullopt; // leftover bits must be zero padding
        for (QChar ch : std::as_const(run))
            if (printable(ch.unicode()))
                return std::nullopt; // printable ASCII must not be encoded
        out.append(run);
        i = end + 1;
    }
    if (!surrogatesPaired(out))
        return std::nullopt;
    return out;
}

} // namespace Mutf7
