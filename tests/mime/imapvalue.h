// ImapValue (tests only): parses IMAP response data (lists, NIL, atoms, quoted strings
// and {n} literals) into a tree so answers compare by value: "x" equals {1}\r\nx.
#pragma once

#include <QByteArray>
#include <QList>

struct ImapValue
{
    enum class Type { List, String, Nil, Atom } type = Type::Nil;
    QByteArray text;
    QList<ImapValue> items;

    bool operator==(const ImapValue &o) const
    {
        return type == o.type && text == o.text && items == o.items;
    }
    bool operator!=(const ImapValue &o) const { return !(*this == o); }

    // Canonical text: strings always quoted (bytes escaped), for failure messages.
    QByteArray toText() const
    {
        switch (type) {
        case Type::Nil: return "NIL";
        case Type::Atom: return text;
        case Type::String: {
            QByteArray out = "\"";
            for (char c : text) {
                if (c == '"' || c == '\\')
                    out += '\\';
                if (c == '\r')
                    out += "\\r";
                else if (c == '\n')
                    out += "\\n";
                else
                    out += c;
            }
            return out + '"';
        }
        case Type::List: {
            QByteArray out = "(";
            for (int i = 0; i < items.size(); ++i)
                out += (i ? " " : "") + items.at(i).toText();
            return out + ')';
        }
        }
        return {};
    }

    // Parses one value; sets ok=false on malformed input. Whole input must be consumed.
    static ImapValue parse(const QByteArray &in, bool *ok)
    {
        qsizetype p = 0;
        *ok = true;
        ImapValue v = parseAt(in, p, ok);
        if (p != in.size())
            *ok = false;
        return v;
    }

private:
    static ImapValue parseAt(const QByteArray &in, qsizetype &p, bool *ok)
    {
        ImapValue v;
        if (p >= in.size()) {
            *ok = false;
            return v;
        }
        const char c = in.at(p);
        if (c == '(') {
            v.type = Type::List;
            ++p;
            while (p < in.size() && in.at(p) != ')') {
                if (in.at(p) == ' ') {
                    ++p;
                    continue;
                }
                v.items.append(parseAt(in, p, ok));
                if (!*ok)
                    return v;
            }
            if (p >= in.size())
                *ok = false;
            ++p;
        } else if (c == '"') {
            v.type = Type::String;
            for (++p; p < in.size() && in.at(p) != '"'; ++p) {
                if (in.at(p) == '\\')
                    ++p;
                v.text += in.at(p);
            }
            if (p >= in.size())
                *ok = false;
            ++p;
        } else if (c == '{') {
            const qsizetype close = in.indexOf('}', p);
            const qsizetype n = in.mid(p + 1, close - p - 1).toLongLong();
            if (close < 0 || in.mid(close + 1, 2) != "\r\n") {
                *ok = false;
                return v;
            }
            v.type = Type::String;
            v.text = in.mid(close + 3, n);
            v.text.detach();
            if (v.text.isNull())
                v.text = QByteArray("");
            p = close + 3 + n;
        } else {
            const qsizetype s = p;
            while (p < in.size() && in.at(p) != ' ' && in.at(p) != '(' && in.at(p) != ')')
                ++p;
            v.text = in.mid(s, p - s);
            v.type = v.text == "NIL" ? Type::Nil : Type::Atom;
            if (v.text.isEmpty())
                *ok = false;
        }
        return v;
    }
};
