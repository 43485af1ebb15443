#include "mimeaddress.h"

#include "mimedecoder.h"

#include <vector>

namespace {

struct Token {
    enum Type { Atom, Quoted, Comment, Literal, Special } type;
    QByteArrayView text;   // unescaped content; for Special the one character
};

bool isSpecial(char c)
{
    switch (c) {
    case '<': case '>': case '@': case ',': case ':': case ';': case '.': case '\\':
        return true;
    default:
        return false;
    }
}

// Tokens point into the header value, or into `owned` when unescaping changed them.
struct Tokens {
    QList<Token> list;
    std::vector<QByteArray> owned;   // QByteArray data does not move when the vector grows
};

// A quoted string or comment starting at v[p] (the opening '"' or '('). Escapes are
// removed; nested comments are kept as text. p ends past the closing character.
QByteArrayView readDelimited(QByteArrayView v, qsizetype &p, Tokens &store)
{
    const bool comment = v.at(p) == '(';
    const qsizetype start = ++p;
    bool plain = true;                 // no escapes: the content is a plain slice
    int depth = 1;
    for (; p < v.size(); ++p) {
        const char c = v.at(p);
        if (c == '\\') {
            plain = false;
            ++p;
        } else if (comment && c == '(') {
            ++depth;
        } else if (c == (comment ? ')' : '"') && --depth == 0) {
            break;
        }
    }
    const qsizetype end = qMin(p, v.size());
    if (p < v.size())
        ++p;                           // the closing character
    if (plain)
        return v.sliced(start, end - start);
    QByteArray out;
    out.reserve(end - start);
    for (qsizetype i = start; i < end; ++i) {
        if (v.at(i) == '\\' && i + 1 < end)
            ++i;
        out.append(v.at(i));
    }
    store.owned.push_back(out);
    return QByteArrayView(store.owned.back());
}

void tokenize(QByteArrayView v, Tokens &out)
{
    out.list.reserve(v.size() / 4 + 4);
    qsizetype p = 0;
    while (p < v.size()) {
        const char c = v.at(p);
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            ++p;
        } else if (c == '"') {
            out.list.append({Token::Quoted, readDelimited(v, p, out)});
        } else if (c == '(') {
            out.list.append({Token::Comment, readDelimited(v, p, out)});
        } else if (c == '[') {
            const qsizetype s = p;
            while (p < v.size() && v.at(p) != ']')
                ++p;
            if (p < v.size())
                ++p;
            out.list.append({Token::Literal, v.sliced(s, p - s)});
        } else if (isSpecial(c) || c == ')' || c == ']') {
            out.list.append({Token::Special, v.sliced(p, 1)});
            ++p;
        } else {
            const qsizetype s = p;
            while (p < v.size()) {
                const char d = v.at(p);
                if (d == ' ' || d == '\t' || d == '\r' || d == '\n' || d == '"' || d == '('
                    || d == ')' || d == '[' || d == ']' || isSpecial(d))
                    break;
                ++p;
            }
            out.list.append({Token::Atom, v.sliced(s, p - s)});
        }
    }
}

class Parser
{
public:
    explicit Parser(const QList<Token> &tokens) : m_t(tokens) {}

    QList<MimeAddress::Raw> run()
    {
        while (m_p < m_t.size() && m_out.size() < MimeAddress::MaxAddresses) {
            const qsizetype before = m_p;
            parseAddress(false);
            if (m_p == before)
                ++m_p;                            // never stall on junk
        }
        return m_out;
    }

private:
    bool isSpecial(qsizetype i, char c) const
    {
        return i < m_t.size() && m_t.at(i).type == Token::Special && m_t.at(i).text.at(0) == c;
    }

    // phrase / addr-spec / group / angle-addr, then an optional ','.
    void parseAddress(bool inGroup)
    {
        const qsizetype start = m_p;
        QByteArray phrase;
        QByteArray comment;
        bool havePhrase = false;
        while (m_p < m_t.size()) {
            const Token &t = m_t.at(m_p);
            if (t.type == Token::Comment) {
                if (comment.isNull())
                    comment = t.text.toByteArray();
            } else if (t.type == Token::Atom || t.type == Token::Quoted) {
                if (havePhrase && !phrase.endsWith('.'))
                    phrase.append(' ');
                phrase.append(t.text);
                havePhrase = true;
            } else if (t.type == Token::Special && t.text.at(0) == '.') {
                phrase.append('.');
            } else {
                break;
            }
            ++m_p;
        }
        if (isSpecial(m_p, ':') && !inGroup) {
            ++m_p;
            MimeAddress::Raw g;
            g.mailbox = phrase.isNull() ? QByteArray("") : phrase;
            m_out.append(g);
            while (m_p < m_t.size() && !isSpecial(m_p, ';')) {
                const qsizetype before = m_p;
                parseAddress(true);
                if (m_p == before)
                    ++m_p;
            }
            if (isSpecial(m_p, ';'))
                ++m_p;
            m_out.append(MimeAddress::Raw());
            skipSeparator();
            return;
        }
        if (isSpecial(m_p, '<')) {
            ++m_p;
            MimeAddress::Raw a;
            if (havePhrase && !phrase.isEmpty())
                a.name = phrase;                  // "" <x@y> gives NIL, as in Dovecot
            parseRoute(&a);
            parseAddrSpec(&a, true);
            if (isSpecial(m_p, '>'))
                ++m_p;
            while (m_p < m_t.size() && m_t.at(m_p).type == Token::Comment)
                ++m_p;
            if (!a.mailbox.isEmpty() || !a.host.isEmpty())
                finish(a);                        // "<>" (a null path) is no address
            skipSeparator();
            return;
        }
        // A bare addr-spec: re-read the words as the local part.
        m_p = start;
        MimeAddress::Raw a;
        parseAddrSpec(&a, false);
        QByteArray trailing;
        while (m_p < m_t.size() && m_t.at(m_p).type == Token::Comment) {
            if (trailing.isNull())
                trailing = m_t.at(m_p).text.toByteArray();
            ++m_p;
        }
        if (!trailing.isNull())
            comment = trailing;
        if (!comment.isEmpty())
            a.name = comment;                     // "x@y (Name)": Dovecot's choice
        if (!a.mailbox.isEmpty() || !a.host.isNull())
            finish(a);
        skipSeparator();
    }

    void parseRoute(MimeAddress::Raw *a)
    {
        if (!isSpecial(m_p, '@'))
            return;
        QByteArray route;
        while (isSpecial(m_p, '@') || isSpecial(m_p, ',')) {
            if (isSpecial(m_p, ',')) {
                route.append(',');
                ++m_p;
                continue;
            }
            ++m_p;
            route.append('@').append(readDomain());
        }
        if (isSpecial(m_p, ':')) {
            ++m_p;
            a->adl = route;
        }
    }

    // Comments before the domain are skipped ("x@ (c) y"), and inside <...> all of them; a
    // comment after a bare addr-spec is its display name ("x@y (Name)"), so it stays.
    QByteArray readDomain(bool inAngle = false)
    {
        QByteArray d;
        while (m_p < m_t.size()) {
            const Token &t = m_t.at(m_p);
            if (t.type == Token::Comment && (d.isEmpty() || inAngle)) {
                ++m_p;
                continue;
            }
            if (t.type == Token::Atom || t.type == Token::Literal) {
                d.append(t.text);
            } else if (t.type == Token::Special && t.text.at(0) == '.') {
                d.append('.');
            } else {
                break;
            }
            ++m_p;
        }
        return d;
    }

    void parseAddrSpec(MimeAddress::Raw *a, bool inAngle)
    {
        QByteArray local("");
        while (m_p < m_t.size()) {
            const Token &t = m_t.at(m_p);
            if (t.type == Token::Atom || t.type == Token::Quoted) {
                local.append(t.text);
            } else if (t.type == Token::Special && t.text.at(0) == '.') {
                local.append('.');
            } else if (t.type == Token::Comment && !inAngle) {
                break;
            } else if (t.type != Token::Comment) {
                break;
            }
            ++m_p;
        }
        a->mailbox = local;
        if (isSpecial(m_p, '@')) {
            ++m_p;
            a->host = readDomain(inAngle);
        }
    }

    void finish(MimeAddress::Raw &a)
    {
        if (a.mailbox.isEmpty())
            a.mailbox = "MISSING_MAILBOX";
        if (a.host.isEmpty())
            a.host = MimeAddress::MissingDomain;
        m_out.append(a);
    }

    void skipSeparator()
    {
        while (m_p < m_t.size() && !isSpecial(m_p, ',') && !isSpecial(m_p, ';'))
            ++m_p;                               // junk after an address
        if (isSpecial(m_p, ','))
            ++m_p;
    }

    const QList<Token> &m_t;
    qsizetype m_p = 0;
    QList<MimeAddress::Raw> m_out;
};

} // namespace

QList<MimeAddress::Raw> MimeAddress::parseList(QByteArrayView value)
{
    if (value.isEmpty())
        return {};
    Tokens tokens;
    tokenize(value, tokens);
    return Parser(tokens.list).run();
}

QList<MimeAddress::Mailbox> MimeAddress::parseMailboxes(QByteArrayView value)
{
    QList<Mailbox> out;
    QString group;
    for (const Raw &r : parseList(value)) {
        if (r.isGroupStart()) {
            group = MimeDecoder::decodeWords(r.mailbox);
            continue;
        }
        if (r.isGroupEnd()) {
            group.clear();
            continue;
        }
        Mailbox m;
        m.name = r.name.isNull() ? QString() : MimeDecoder::decodeWords(r.name);
        QByteArray addr = r.mailbox;
        if (r.host != MissingDomain)
            addr += '@' + r.host;
        m.address = QString::fromUtf8(addr);
        m.group = group;
        out.append(m);
    }
    return out;
}
