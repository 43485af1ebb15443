#include "imaputf7.h"

#include <QStringDecoder>
#include <QVector>

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

void flushBase64(QByteArray &out, const QVector<char16_t> &units)
{
    if (units.isEmpty())
        return;
    out.append('&');
    quint32 bits = 0;
    int nbits = 0;
    for (char16_t u : units) {
        bits = (bits << 16) | u;
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
}

QByteArray ImapUtf7::encode(const QString &name)
{
    QByteArray out;
    QVector<char16_t> pending;
    for (QChar ch : name) {
        const char16_t u = ch.unicode();
        if (u >= 0x20 && u <= 0x7e) {
            flushBase64(out, pending);
            pending.clear();
            if (u == '&')
                out.append("&-");
            else
                out.append(char(u));
        } else {
            pending.append(u);
        }
    }
    flushBase64(out, pending);
    return out;
}

std::optional<QString> ImapUtf7::decode(const QByteArray &wire)
{
    for (char c : wire) {
        if (uchar(c) >= 0x80) { // a client sending UTF-8 directly
            QStringDecoder dec(QStringDecoder::Utf8);
            QString s = dec(wire);
            if (dec.hasError())
                return std::nullopt;
            return s;
        }
    }
    QString out;
    qsizetype i = 0;
    while (i < wire.size()) {
        const char c = wire.at(i);
        if (uchar(c) < 0x20 || uchar(c) > 0x7e)
            return std::nullopt;
        if (c != '&') {
            out.append(QChar(c));
            ++i;
            continue;
        }
        const qsizetype end = wire.indexOf('-', i + 1);
        if (end < 0)
            return std::nullopt;
        if (end == i + 1) {
            out.append(QChar('&'));
            i = end + 1;
            continue;
        }
        quint32 bits = 0;
        int nbits = 0;
        QString chunk;
        for (qsizetype k = i + 1; k < end; ++k) {
            const int v = value(wire.at(k));
            if (v < 0)
                return std::nullopt;
            bits = (bits << 6) | quint32(v);
            nbits += 6;
            if (nbits >= 16) {
                nbits -= 16;
                chunk.append(QChar(char16_t((bits >> nbits) & 0xffff)));
            }
        }
        if (nbits >= 6 || (bits & ((1u << nbits) - 1)) != 0 || chunk.isEmpty())
            return std::nullopt; // leftover bits must be zero padding
        for (QChar ch : std::as_const(chunk))
            if (ch.unicode() >= 0x20 && ch.unicode() <= 0x7e)
                return std::nullopt; // printable ASCII must not be encoded
        out.append(chunk);
        i = end + 1;
    }
    // Surrogates must pair up.
    for (qsizetype k = 0; k < out.size(); ++k) {
        if (out.at(k).isHighSurrogate()) {
            if (k + 1 >= out.size() || !out.at(k + 1).isLowSurrogate())
                return std::nullopt;
            ++k;
        } else if (out.at(k).isLowSurrogate()) {
            return std::nullopt;
        }
    }
    return out;
}
