// ImapParser: turns one framed command (ImapCommandReader) into tag, command name and a
// tree of arguments (RFC 3501 9: atoms, quoted strings with \" and \\ escapes, literals,
// parenthesised lists). Pure. An atom may carry a bracketed part with spaces and
// parentheses inside ("BODY[HEADER.FIELDS (To)]<0.10>") so FETCH items stay one token.
// Trusts nothing: structure errors come back as a text for "tag BAD <text>".
#pragma once

#include "imapcommandreader.h"

#include <QByteArray>
#include <QVector>
#include <optional>

struct ImapArg {
    enum class Type { Atom, Quoted, Literal, List };
    Type type = Type::Atom;
    QByteArray value;            // atom text or string bytes (shared with the literal)
    QVector<ImapArg> list;

    bool isAtom() const { return type == Type::Atom; }
    bool isString() const { return type == Type::Quoted || type == Type::Literal; }
    bool isAString() const { return type != Type::List; }  // atom or string
    bool isList() const { return type == Type::List; }
    bool isNil() const { return type == Type::Atom && value.compare("NIL", Qt::CaseInsensitive) == 0; }
    bool isAtom(const char *upper) const { return type == Type::Atom && value.compare(upper, Qt::CaseInsensitive) == 0; }
};

struct ImapCommand {
    QByteArray tag;
    QByteArray name;             // upper case; "UID FETCH" etc. come as name "FETCH", uid = true
    bool uid = false;
    QVector<ImapArg> args;
};

class ImapParser
{
public:
    // Parses a complete command. On failure returns nullopt with *error set, and *tag set
    // to the tag when one could be read ("*" otherwise).
    static std::optional<ImapCommand> parse(const ImapRawCommand &raw, QByteArray *tag, QByteArray *error);
    // Parses only the arguments (tests, and "AUTHENTICATE" continuation lines).
    static std::optional<QVector<ImapArg>> parseArguments(const ImapRawCommand &raw, QByteArray *error);
    static bool isValidTag(QByteArrayView tag);
};
