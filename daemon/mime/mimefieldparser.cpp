#include "mimefieldparser.h"

#include <QHash>
#include <map>

namespace {

constexpr int MaxCommentDepth = 64;

bool isTSpecial(char c)
{
    switch (c) {
    case '(': case ')': case '<': case '>': case '@': case ',': case ';': case ':':
    case '\\': case '"': case '/': case '[': case ']': case '?': case '=':
        return true;
    default:
        return false;
    }
}

bool isTokenChar(char c)
{
    const uchar u = uchar(c);
    return u > 0x20 && u != 0x7f && !isTSpecial(c);
}

// A cursor over a field value that skips CFWS (RFC 5322 3.2.2).
class Cursor
{
public:
    explicit Cursor(QByteArrayView v) : m_v(v) {}

    bool atEnd() const { return m_pos >= m_v.size(); }
    char peek() const { return atEnd() ? '\0' : m_v.at(m_pos); }
    void advance() { ++m_pos; }

    void skipCfws()
    {
        while (!atEnd()) {
            const char c = peek();
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                ++m_pos;
            } else if (c == '(') {
                skipComment();
            } else {
                break;
            }
        }
    }

    QByteArray token()
    {
        const qsizetype s = m_pos;
        while (!atEnd() && isTokenChar(peek()))
            ++m_pos;
        return m_v.sliced(s, m_pos - s).toByteArray();
    }

    QByteArray quotedString()
    {
        QByteArray out("");
        ++m_pos;                                  // opening quote
        while (!atEnd()) {
            const char c = peek();
            ++m_pos;
            if (c == '"')
                return out;
            if (c == '\\' && !atEnd()) {
                out.append(peek());
                ++m_pos;
            } else if (c != '\r' && c != '\n') {
                out.append(c);
            }
        }
        return out;                               // unterminated: take what is there
    }

    // A parameter value: quoted string, or (leniently) anything up to ';', blank or '('.
    QByteArray value()
    {
        if (peek() == '"')
            return quotedString();
        const qsizetype s = m_pos;
        while (!atEnd()) {
            const char c = peek();
            if (c == ';' || c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '(')
                break;
            ++m_pos;
        }
        return m_v.sliced(s, m_pos - s).toByteArray();
    }

    void skipPast(char c)
    {
        while (!atEnd() && peek() != c) {
            if (peek() == '"')
                quotedString();
            else
                ++m_pos;
        }
        if (!atEnd())
            ++m_pos;
    }

private:
    void skipComment()
    {
        int depth = 0;
        while (!atEnd()) {
            const char c = peek();
            ++m_pos;
            if (c == '\\') {
                if (!atEnd())
                    ++m_pos;                  // the escaped character, if any
            } else if (c == '(') {
                ++depth;
            } else if (c == ')') {
                if (--depth <= 0)
                    return;
            }
            if (depth > MaxCommentDepth)
                depth = MaxCommentDepth;          // deep nesting: still ends at the last ')'
        }
    }

    QByteArrayView m_v;
    qsizetype m_pos = 0;
};

void parseParams(Cursor &c, MimeParams *params)
{
    MimeParams raw;
    while (true) {
        c.skipCfws();
        if (c.atEnd())
            break;
        if (c.peek() != ';') {
            c.skipPast(';');                      // junk: resynchronise at the next ';'
            continue;
        }
        c.advance();
        c.skipCfws();
        if (c.atEnd())
            break;
        const QByteArray name = c.token();
        c.skipCfws();
        if (name.isEmpty() || c.peek() != '=')
            continue;                             // junk; the loop skips to the next ';'
        c.advance();
        c.skipCfws();
        QByteArray value = c.value();
        if (value.isNull())
            value = QByteArray("");
        if (raw.size() < MimeFieldParser::MaxParams)
            raw.append(MimeParam{name, value});
    }
    *params = MimeFieldParser::joinContinuations(raw);
}

bool isAttributeChar(uchar c)
{
    return c > 0x20 && c < 0x7f && !isTSpecial(char(c)) && c != '*' && c != '\'' && c != '%';
}

} // namespace

bool MimeFieldParser::parseContentType(QByteArrayView value, QByteArray *type, QByteArray *subtype,
                                       MimeParams *params)
{
    Cursor c(value);
    c.skipCfws();
    QByteArray t = c.token();
    c.skipCfws();
    QByteArray s;
    if (c.peek() == '/') {
        c.advance();
        c.skipCfws();
        s = c.token();
    }
    if (t.isEmpty() || s.isEmpty()) {
        *type = QByteArray("");
        *subtype = QByteArray("");
        params->clear();
        return false;
    }
    *type = t;
    *subtype = s;
    parseParams(c, params);
    return true;
}

bool MimeFieldParser::parseDisposition(QByteArrayView value, QByteArray *type, MimeParams *params)
{
    Cursor c(value);
    c.skipCfws();
    *type = c.token();
    if (type->isEmpty())
        return false;
    parseParams(c, params);
    return true;
}

QList<QByteArray> MimeFieldParser::parseLanguages(QByteArrayView value)
{
    QList<QByteArray> out;
    Cursor c(value);
    while (!c.atEnd() && out.size() < MaxParams) {
        c.skipCfws();
        const QByteArray t = c.token();
        if (!t.isEmpty())
            out.append(t);
        c.skipCfws();
        if (c.atEnd())
            break;
        c.skipPast(',');
    }
    return out;
}

QByteArray MimeFieldParser::parseToken(QByteArrayView value)
{
    Cursor c(value);
    c.skipCfws();
    const QByteArray t = c.token();
    c.skipCfws();
    return c.atEnd() ? t : QByteArray();     // junk after the token: not a valid value
}

MimeParams MimeFieldParser::joinContinuations(const MimeParams &in)
{
    // Find "base*N" and "base*N*" segments; everything else passes through unchanged.
    struct Segment { QByteArray value; bool extended; };
    struct Group { QByteArray base; std::map<int, Segment> segments; int firstPos; };
    QHash<QByteArray, int> groupIndex;            // lower-case base -> index in groups
    QList<Group> groups;
    QList<int> segmentOf(in.size(), -1);          // group index of each input, -1 = plain

    for (int i = 0; i < in.size(); ++i) {
        const QByteArray &name = in.at(i).name;
        const int star = name.indexOf('*');
        if (star <= 0 || star == name.size() - 1)
            continue;                             // no star, or "name*" (single extended value)
        QByteArray num = name.mid(star + 1);
        const bool ext = num.endsWith('*');
        if (ext)
            num.chop(1);
        bool ok = false;
        const int n = num.toInt(&ok);
        if (!ok || n < 0 || n > 999 || num.isEmpty() || (num.size() > 1 && num.startsWith('0')))
            continue;
        const QByteArray base = name.left(star);
        const QByteArray key = base.toLower();
        int g = groupIndex.value(key, -1);
        if (g < 0) {
            g = groups.size();
            groupIndex.insert(key, g);
            groups.append(Group{base, {}, i});
        }
        if (groups[g].segments.count(n))
            continue;                             // duplicate segment: keep the first
        groups[g].segments[n] = {in.at(i).value, ext};
        segmentOf[i] = g;
    }

    MimeParams out;
    for (int i = 0; i < in.size(); ++i) {
        const int g = segmentOf.at(i);
        if (g < 0) {
            out.append(in.at(i));
            continue;
        }
        const Group &grp = groups.at(g);
        if (grp.firstPos != i)
            continue;
        bool anyExt = false;
        for (int n = 0; grp.segments.count(n); ++n)
            anyExt = anyExt || grp.segments.at(n).extended;
        if (!grp.segments.count(0)) {
            continue;                             // no *0: not a valid continuation set
        }
        // Extended values need the charset'lang' prefix; segment 0 normally carries it.
        QByteArray value(anyExt && !grp.segments.at(0).extended ? "''" : "");
        for (int n = 0; grp.segments.count(n); ++n) {
            const Segment &s = grp.segments.at(n);
            if (!anyExt || s.extended) {
                value += s.value;
                continue;
            }
            // A plain segment inside an extended value: %-encode what needs it.
            for (char ch : s.value) {
                const uchar u = uchar(ch);
                if (isAttributeChar(u)) {
                    value.append(ch);
                } else {
                    static const char hex[] = "0123456789ABCDEF";
                    value.append('%').append(hex[u >> 4]).append(hex[u & 15]);
                }
            }
        }
        out.append(MimeParam{anyExt ? grp.base + '*' : grp.base, value});
    }
    return out;
}
