#include "imapparser.h"

#include "imaplimits.h"

namespace {

// Walks the lines of a raw command; a "{n}" at the end of line i is literal i.
class Cursor
{
public:
    explicit Cursor(const ImapRawCommand &raw) : m_raw(raw) {}

    bool atEnd() const { return m_line >= m_raw.lines.size() || (m_line == m_raw.lines.size() - 1 && m_pos >= cur().size()); }
    bool atLineEnd() const { return m_pos >= cur().size(); }
    char peek() const { return atLineEnd() ? '\0' : cur().at(m_pos); }
    void advance() { ++m_pos; }
    const QByteArray &cur() const { return m_raw.lines.at(m_line); }

    // True when the rest of this line is the literal marker of literal m_line.
    bool atLiteral() const
    {
        return m_line < m_raw.literals.size() && peek() == '{' && cur().lastIndexOf('{') == m_pos;
    }
    QByteArray takeLiteral()
    {
        QByteArray lit = m_raw.literals.at(m_line);
        ++m_line;
        m_pos = 0;
        return lit;
    }

private:
    const ImapRawCommand &m_raw;
    int m_line = 0;
    qsizetype m_pos = 0;
};

bool isAtomEnd(char c)
{
    return c == ' ' || c == '(' || c == ')' || c == '"' || c == '\0' || c == '\r' || c == '\n';
}

// FETCH attributes whose atom goes on through "[section]", spaces and parentheses included
// (BODY[HEADER.FIELDS (A B)]). Elsewhere '[' is an ordinary atom character (a mailbox
// named "a[b").
bool takesSection(const QByteArray &atomSoFar)
{
    const QByteArray a = atomSoFar.toUpper();
    return a == "BODY" || a == "BODY.PEEK" || a == "BINARY" || a == "BINARY.PEEK" || a == "BINARY.SIZE";
}

bool parseAtom(Cursor &c, QByteArray *out, QByteArray *error)
{
    const QByteArray &line = c.cur();
    int bracket = 0;
    QByteArray atom;
    while (!c.atLineEnd()) {
        const char ch = c.peek();
        if (bracket == 0 && isAtomEnd(ch))
            break;
        if (ch == '\0' || ch == '\r' || ch == '\n') {
            *error = "Invalid characters in atom";
            return false;
        }
        if (ch == '[' && (bracket > 0 || takesSection(atom)))
            ++bracket;
        else if (ch == ']' && bracket > 0)
            --bracket;
        atom.append(ch);
        c.advance();
    }
    Q_UNUSED(line);
    if (bracket != 0) {
        *error = "Missing ']'";
        return false;
    }
    if (atom.isEmpty()) {
        *error = "Missing argument";
        return false;
    }
    *out = atom;
    return true;
}

bool parseQuoted(Cursor &c, QByteArray *out, QByteArray *error)
{
    c.advance(); // opening quote
    QByteArray value;
    while (!c.atLineEnd()) {
        char ch = c.peek();
        c.advance();
        if (ch == '"') {
            *out = value;
            return true;
        }
        if (ch == '\\') {
            if (c.atLineEnd()) {
                break;
            }
            ch = c.peek();
            c.advance();
            if (ch != '"' && ch != '\\') {
                *error = "Invalid escape in quoted string";
                return false;
            }
        } else if (ch == '\0') {
            *error = "NUL in quoted string";
            return false;
        }
        value.append(ch);
    }
    *error = "Missing '\"'";
    return false;
}

bool parseList(Cursor &c, QVector<ImapArg> *out, int depth, bool topLevel, QByteArray *error)
{
    if (depth > ImapLimits::MaxListDepth) {
        *error = "Too deeply nested list";
        return false;
    }
    bool first = true;
    for (;;) {
        if (topLevel ? c.atEnd() : false)
            return true;
        if (!topLevel && c.peek() == ')') {
            c.advance();
            return true;
        }
        if (!first) {
            if (c.peek() != ' ') {
                *error = c.atLineEnd() && !topLevel ? QByteArray("Missing ')'") : QByteArray("Expected space between arguments");
                return false;
            }
            c.advance();
            if (topLevel && c.atEnd()) {
                *error = "Trailing space";
                return false;
            }
        }
        first = false;
        ImapArg arg;
        if (c.atLiteral()) {
            arg.type = ImapArg::Type::Literal;
            arg.value = c.takeLiteral();
        } else if (c.atLineEnd()) {
            *error = topLevel ? QByteArray("Missing argument") : QByteArray("Missing ')'");
            return false;
        } else if (c.peek() == '"') {
            arg.type = ImapArg::Type::Quoted;
            if (!parseQuoted(c, &arg.value, error))
                return false;
        } else if (c.peek() == '(') {
            c.advance();
            arg.type = ImapArg::Type::List;
            if (!parseList(c, &arg.list, depth + 1, false, error))
                return false;
        } else if (c.peek() == ')') {
            if (topLevel) {
                *error = "Unexpected ')'";
                return false;
            }
            // "()" handled above; here it is "( )" or "(a )"
            *error = "Unexpected ')'";
            return false;
        } else {
            arg.type = ImapArg::Type::Atom;
            if (!parseAtom(c, &arg.value, error))
                return false;
        }
        out->append(std::move(arg));
    }
}

} // namespace

bool ImapParser::isValidTag(QByteArrayView tag)
{
    if (tag.isEmpty() || tag.size() > 64)
        return false;
    for (char c : tag) {
        const uchar u = uchar(c);
        // tag = 1*<any ASTRING-CHAR except "+">
        if (u <= 0x20 || u >= 0x7f || c == '+' || c == '(' || c == ')' || c == '{' || c == '%' || c == '*'
            || c == '"' || c == '\\')
            return false;
    }
    return true;
}

std::optional<QVector<ImapArg>> ImapParser::parseArguments(const ImapRawCommand &raw, QByteArray *error)
{
    QVector<ImapArg> args;
    if (raw.lines.isEmpty())
        return args;
    Cursor c(raw);
    if (!parseList(c, &args, 0, true, error))
        return std::nullopt;
    return args;
}

std::optional<ImapCommand> ImapParser::parse(const ImapRawCommand &raw, QByteArray *tag, QByteArray *error)
{
    *tag = "*";
    if (raw.lines.isEmpty() || raw.lines.first().isEmpty()) {
        *error = "Empty command line";
        return std::nullopt;
    }
    const QByteArray &first = raw.lines.first();
    const qsizetype sp = first.indexOf(' ');
    const QByteArray t = first.left(sp < 0 ? first.size() : sp);
    if (!isValidTag(t)) {
        *error = "Invalid tag";
        return std::nullopt;
    }
    *tag = t;
    if (sp < 0 || sp + 1 >= first.size()) {
        *error = "Missing command";
        return std::nullopt;
    }
    qsizetype nameEnd = first.indexOf(' ', sp + 1);
    if (nameEnd < 0)
        nameEnd = first.size();
    ImapCommand cmd;
    cmd.tag = t;
    cmd.name = first.mid(sp + 1, nameEnd - sp - 1).toUpper();
    qsizetype argStart = nameEnd;
    if (cmd.name == "UID") {
        if (nameEnd >= first.size()) {
            *error = "Missing command after UID";
            return std::nullopt;
        }
        qsizetype end2 = first.indexOf(' ', nameEnd + 1);
        if (end2 < 0)
            end2 = first.size();
        cmd.uid = true;
        cmd.name = first.mid(nameEnd + 1, end2 - nameEnd - 1).toUpper();
        argStart = end2;
    }
    for (char ch : std::as_const(cmd.name)) {
        if (!((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '.')) {
            *error = "Invalid command name";
            return std::nullopt;
        }
    }
    if (cmd.name.isEmpty()) {
        *error = "Missing command";
        return std::nullopt;
    }
    ImapRawCommand rest = raw;
    if (argStart < first.size()) {
        rest.lines[0] = first.mid(argStart + 1);
        if (rest.lines[0].isEmpty()) {
            *error = "Trailing space";
            return std::nullopt;
        }
    } else {
        rest.lines[0].clear();
    }
    auto args = parseArguments(rest, error);
    if (!args)
        return std::nullopt;
    cmd.args = std::move(*args);
    return cmd;
}
