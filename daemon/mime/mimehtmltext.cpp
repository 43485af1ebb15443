// MimeContent::htmlToText: a small linear HTML-to-text pass for previews and for API
// clients that ask for text when a message only has HTML. Not a validator: it never
// backtracks, so hostile markup (unclosed tags, comments, scripts) costs one pass.
#include "mimecontent.h"

namespace {

bool isBlockTag(const QString &name)
{
    static const char *const blocks[] = {"br", "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6",
                                         "blockquote", "table", "ul", "ol", "hr", "pre"};
    for (const char *b : blocks) {
        if (name == QLatin1String(b))
            return true;
    }
    return false;
}

// Decodes the entity starting at html[i] == '&'; returns its length (0 = not one).
int decodeEntity(const QString &html, qsizetype i, QString &out)
{
    // Look at most 10 characters ahead, so many '&' without ';' stay linear.
    const qsizetype semi = QStringView(html).mid(i, 11).indexOf(QLatin1Char(';')) + i;
    if (semi <= i)
        return 0;
    const QString name = html.mid(i + 1, semi - i - 1);
    static const struct { const char *name; char16_t ch; } table[] = {
        {"nbsp", u' '}, {"lt", u'<'}, {"gt", u'>'}, {"amp", u'&'}, {"quot", u'"'}, {"apos", u'\''},
        {"ndash", 0x2013}, {"mdash", 0x2014}, {"hellip", 0x2026}, {"copy", 0xa9}, {"reg", 0xae},
        {"euro", 0x20ac}, {"laquo", 0xab}, {"raquo", 0xbb}, {"shy", 0}};
    for (const auto &e : table) {
        if (name == QLatin1String(e.name)) {
            if (e.ch)
                out.append(QChar(e.ch));
            return int(semi - i + 1);
        }
    }
    if (name.startsWith(QLatin1Char('#'))) {
        bool ok = false;
        const uint code = name.startsWith(QLatin1String("#x"), Qt::CaseInsensitive)
            ? name.mid(2).toUInt(&ok, 16) : name.mid(1).toUInt(&ok, 10);
        if (ok && code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)) {
            out.append(QString::fromUcs4(reinterpret_cast<const char32_t *>(&code), 1));
            return int(semi - i + 1);
        }
    }
    return 0;
}

} // namespace

QString MimeContent::htmlToText(const QString &html)
{
    QString out;
    out.reserve(html.size() / 2);
    const qsizetype n = html.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = html.at(i);
        if (c == QLatin1Char('<')) {
            if (html.mid(i, 4) == QLatin1String("<!--")) {
                const qsizetype e = html.indexOf(QLatin1String("-->"), i + 4);
                i = e < 0 ? n : e + 3;
                continue;
            }
            const qsizetype close = html.indexOf(QLatin1Char('>'), i + 1);
            if (close < 0)
                break;                               // an unfinished tag ends the text
            qsizetype p = i + 1;
            const bool closing = p < close && html.at(p) == QLatin1Char('/');
            if (closing)
                ++p;
            const qsizetype nameStart = p;
            while (p < close && html.at(p).isLetterOrNumber())
                ++p;
            const QString name = html.mid(nameStart, p - nameStart).toLower();
            i = close + 1;
            if (!closing && (name == QLatin1String("script") || name == QLatin1String("style")
                             || name == QLatin1String("head") || name == QLatin1String("title"))) {
                // Skip to the matching end tag; without one, the rest is not text.
                const qsizetype end = html.indexOf(QLatin1String("</") + name, i, Qt::CaseInsensitive);
                const qsizetype gt = end < 0 ? -1 : html.indexOf(QLatin1Char('>'), end);
                i = gt < 0 ? n : gt + 1;
                continue;
            }
            if (isBlockTag(name))
                out.append(QLatin1Char('\n'));
            continue;
        }
        if (c == QLatin1Char('&')) {
            const int used = decodeEntity(html, i, out);
            if (used > 0) {
                i += used;
                continue;
            }
        }
        out.append(c);
        ++i;
    }
    return out;
}
