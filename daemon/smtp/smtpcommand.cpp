// Grammar (RFC 5321 4.1.2): Mail-parameters = esmtp-param *(SP esmtp-param),
// esmtp-param = esmtp-keyword ["=" esmtp-value]; Path = "<" [ A-d-l ":" ] Mailbox ">".
// We accept a space after "FROM:" (common in the wild) but require the angle brackets.
#include "smtpcommand.h"

#include "mailaddress.h"
#include "smtplimits.h"

#include <QHash>
#include <QList>

namespace {
SmtpParseError makeError(int code, const char *enhanced, const char *text)
{
    SmtpParseError e;
    e.code = code;
    e.enhanced = enhanced;
    e.text = text;
    return e;
}

bool isAscii(const QByteArray &bytes)
{
    for (char c : bytes) {
        if (uchar(c) >= 0x80)
            return false;
    }
    return true;
}

bool isValidUtf8(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes).toUtf8() == bytes;
}

// RFC 3461 4: xtext, "+" followed by two upper-case hex digits encodes one octet.
bool decodeXtext(const QByteArray &in, QByteArray *out)
{
    out->clear();
    for (int i = 0; i < in.size(); ++i) {
        const char c = in.at(i);
        if (c == '+') {
            if (i + 2 >= in.size())
                return false;
            bool ok = false;
            const int v = in.mid(i + 1, 2).toInt(&ok, 16);
            if (!ok)
                return false;
            out->append(char(v));
            i += 2;
        } else if (uchar(c) < 33 || uchar(c) > 126 || c == '=') {
            return false;
        } else {
            out->append(c);
        }
    }
    return true;
}
}

SmtpCommand SmtpCommandParser::parseLine(const QByteArray &line)
{
    static const QHash<QByteArray, SmtpCommand::Verb> verbs = {
        {"HELO", SmtpCommand::Verb::Helo}, {"EHLO", SmtpCommand::Verb::Ehlo}, {"MAIL", SmtpCommand::Verb::Mail},
        {"RCPT", SmtpCommand::Verb::Rcpt}, {"DATA", SmtpCommand::Verb::Data}, {"BDAT", SmtpCommand::Verb::Bdat},
        {"RSET", SmtpCommand::Verb::Rset}, {"NOOP", SmtpCommand::Verb::Noop}, {"QUIT", SmtpCommand::Verb::Quit},
        {"VRFY", SmtpCommand::Verb::Vrfy}, {"EXPN", SmtpCommand::Verb::Expn}, {"HELP", SmtpCommand::Verb::Help},
        {"STARTTLS", SmtpCommand::Verb::StartTls}, {"AUTH", SmtpCommand::Verb::Auth},
    };
    SmtpCommand command;
    const int space = line.indexOf(' ');
    command.verbText = (space < 0 ? line : line.left(space)).toUpper();
    command.argument = space < 0 ? QByteArray() : line.mid(space + 1);
    // Trailing spaces are tolerated (RFC 5321 4.1.1 asks servers to be liberal here).
    while (command.argument.endsWith(' '))
        command.argument.chop(1);
    command.verb = verbs.value(command.verbText, SmtpCommand::Verb::Unknown);
    return command;
}

bool SmtpCommandParser::parsePath(const QByteArray &argument, const char *keyword, bool allowNull, SmtpPath *out,
                                  QByteArray *rest, SmtpParseError *error)
{
    const bool isMail = qstrcmp(keyword, "FROM:") == 0;
    const SmtpParseError badAddress = isMail ? makeError(501, "5.1.7", "Bad sender address syntax")
                                             : makeError(501, "5.1.3", "Bad recipient address syntax");
    const QByteArray key(keyword);
    if (!argument.left(key.size()).toUpper().startsWith(key)) {
        *error = makeError(501, "5.5.4", isMail ? "Syntax: MAIL FROM:<address>" : "Syntax: RCPT TO:<address>");
        return false;
    }
    int pos = key.size();
    while (pos < argument.size() && argument.at(pos) == ' ')
        ++pos;
    if (pos >= argument.size() || argument.at(pos) != '<') {
        *error = makeError(501, "5.5.4", isMail ? "Syntax: MAIL FROM:<address>" : "Syntax: RCPT TO:<address>");
        return false;
    }
    const int open = pos++;
    bool quoted = false;
    int close = -1;
    for (; pos < argument.size(); ++pos) {
        const char c = argument.at(pos);
        if (quoted && c == '\\') {
            ++pos; // quoted-pair
        } else if (c == '"') {
            quoted = !quoted;
        } else if (!quoted && c == '>') {
            close = pos;
            break;
        }
    }
    if (close < 0) {
        *error = badAddress;
        return false;
    }
    if (close - open + 1 > SmtpLimits::MaxPath) {
        *error = makeError(501, isMail ? "5.1.7" : "5.1.3", "Path too long");
        return false;
    }
    QByteArray inner = argument.mid(open + 1, close - open - 1);
    *rest = argument.mid(close + 1);
    if (!rest->isEmpty() && !rest->startsWith(' ')) {
        *error = badAddress;
        return false;
    }
    // RFC 5321 4.1.2: a source route (A-d-l) is accepted and ignored (Appendix C).
    if (inner.startsWith('@')) {
        const int colon = inner.indexOf(':');
        if (colon < 0) {
            *error = badAddress;
            return false;
        }
        inner = inner.mid(colon + 1);
    }
    *out = SmtpPath{};
    if (inner.isEmpty()) {
        if (!allowNull) {
            *error = badAddress;
            return false;
        }
        out->isNull = true;
        return true;
    }
    if (!isValidUtf8(inner)) {
        *error = badAddress;
        return false;
    }
    // RFC 5321 4.5.1: <Postmaster> without a domain must be accepted as a recipient.
    if (!isMail && inner.toLower() == "postmaster") {
        out->address = QStringLiteral("postmaster");
        return true;
    }
    QString problem;
    const MailAddress address = MailAddress::parse(QString::fromUtf8(inner), &problem);
    const int at = inner.lastIndexOf('@');
    if (!address.isValid() || at < 0 || at > SmtpLimits::MaxLocalPart || inner.size() - at - 1 > SmtpLimits::MaxDomain) {
        *error = badAddress;
        return false;
    }
    out->address = address.toString();
    return true;
}

bool SmtpCommandParser::parseMail(const QByteArray &argument, SmtpPath *out, SmtpParseError *error)
{
    QByteArray rest;
    if (!parsePath(argument, "FROM:", true, out, &rest, error))
        return false;
    const QList<QByteArray> params = rest.split(' ');
    int count = 0;
    bool seenSize = false, seenBody = false, seenAuth = false;
    for (const QByteArray &param : params) {
        if (param.isEmpty())
            continue;
        if (++count > SmtpLimits::MaxParameters) {
            *error = makeError(501, "5.5.4", "Too many parameters");
            return false;
        }
        const int eq = param.indexOf('=');
        const QByteArray keyword = (eq < 0 ? param : param.left(eq)).toUpper();
        const QByteArray value = eq < 0 ? QByteArray() : param.mid(eq + 1);
        if (keyword == "SIZE") { // RFC 1870: 1*20DIGIT
            bool ok = false;
            const qint64 size = value.toLongLong(&ok);
            if (seenSize || !ok || size < 0 || value.size() > 18 || value.startsWith('+')) {
                *error = makeError(501, "5.5.4", "Bad SIZE parameter");
                return false;
            }
            seenSize = true;
            out->size = size;
        } else if (keyword == "BODY") { // RFC 6152; BINARYMIME is not offered
            const QByteArray v = value.toUpper();
            if (seenBody || (v != "7BIT" && v != "8BITMIME")) {
                *error = makeError(501, "5.5.4", "Bad BODY parameter");
                return false;
            }
            seenBody = true;
            out->body = v == "7BIT" ? SmtpPath::Body::SevenBit : SmtpPath::Body::EightBitMime;
        } else if (keyword == "SMTPUTF8") { // RFC 6531 3.4: no value
            if (eq >= 0 || out->smtpUtf8) {
                *error = makeError(501, "5.5.4", "Bad SMTPUTF8 parameter");
                return false;
            }
            out->smtpUtf8 = true;
        } else if (keyword == "AUTH") { // RFC 4954 5: xtext or <>
            QByteArray decoded;
            if (seenAuth || value.isEmpty() || (value != "<>" && !decodeXtext(value, &decoded))) {
                *error = makeError(501, "5.5.4", "Bad AUTH parameter");
                return false;
            }
            seenAuth = true;
            out->authParam = value == "<>" ? QString() : QString::fromUtf8(decoded);
        } else {
            *error = makeError(555, "5.5.4", "Unsupported MAIL parameter");
            return false;
        }
    }
    // RFC 6531 3.5: a non-ASCII address needs SMTPUTF8.
    if (!out->smtpUtf8 && !isAscii(out->address.toUtf8())) {
        *error = makeError(553, "5.6.7", "Non-ASCII address requires SMTPUTF8");
        return false;
    }
    return true;
}

bool SmtpCommandParser::parseRcpt(const QByteArray &argument, SmtpPath *out, SmtpParseError *error)
{
    QByteArray rest;
    if (!parsePath(argument, "TO:", false, out, &rest, error))
        return false;
    if (!rest.trimmed().isEmpty()) { // no RCPT parameters are offered (no DSN)
        *error = makeError(555, "5.5.4", "Unsupported RCPT parameter");
        return false;
    }
    return true;
}

bool SmtpCommandParser::parseBdat(const QByteArray &argument, qint64 *size, bool *last)
{
    const QList<QByteArray> parts = argument.split(' ');
    if (parts.isEmpty() || parts.size() > 2 || parts.at(0).isEmpty() || parts.at(0).size() > 13)
        return false;
    for (char c : parts.at(0)) {
        if (c < '0' || c > '9')
            return false;
    }
    *size = parts.at(0).toLongLong();
    if (*size > SmtpLimits::MaxBdatChunk)
        return false;
    *last = parts.size() == 2;
    return !*last || parts.at(1).toUpper() == "LAST";
}

bool SmtpCommandParser::isValidHeloName(const QByteArray &argument)
{
    if (argument.isEmpty() || argument.size() > SmtpLimits::MaxHeloName)
        return false;
    if (argument.startsWith('[')) { // address literal: checked loosely, but it goes into Received:
        if (!argument.endsWith(']') || argument.size() < 3)
            return false;
        for (int i = 1; i + 1 < argument.size(); ++i) {
            const char c = argument.at(i);
            if (uchar(c) < 33 || uchar(c) > 126 || c == '[' || c == ']' || c == '\\')
                return false;
        }
        return true;
    }
    for (char c : argument) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
            || c == '.' || c == '_' || uchar(c) >= 0x80;
        if (!ok)
            return false;
    }
    return isValidUtf8(argument);
}
