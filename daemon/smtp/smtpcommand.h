// The pure SMTP command parser: one command line (CRLF removed) in, a verb and its
// argument out; MAIL FROM / RCPT TO paths with their ESMTP parameters (RFC 5321 4.1.2,
// RFC 1870 SIZE, RFC 6152 8BITMIME, RFC 6531 SMTPUTF8, RFC 4954 AUTH=). No I/O; trusts nothing.
#pragma once

#include <QByteArray>
#include <QString>

struct SmtpCommand {
    enum class Verb { Unknown, Helo, Ehlo, Mail, Rcpt, Data, Bdat, Rset, Noop, Quit, Vrfy, Expn, Help, StartTls, Auth };
    Verb verb = Verb::Unknown;
    QByteArray verbText;  // as sent, upper-cased
    QByteArray argument;  // the rest after one space (may be empty)
};

// A parsed reverse-path or forward-path with its parameters.
struct SmtpPath {
    enum class Body { Default, SevenBit, EightBitMime };
    QString address;      // "" for the null path <>; source route removed
    bool isNull = false;
    qint64 size = -1;     // SIZE=, -1 when absent
    Body body = Body::Default;
    bool smtpUtf8 = false;
    QString authParam;    // AUTH= (xtext decoded), informational only
};

// A refusal the session turns into a reply: code, enhanced code and text.
struct SmtpParseError {
    int code = 501;
    QByteArray enhanced = "5.5.4";
    QByteArray text = "Syntax error";
};

class SmtpCommandParser
{
public:
    static SmtpCommand parseLine(const QByteArray &line);

    // `argument` is everything after "MAIL " / "RCPT ": "FROM:<a@b> SIZE=10".
    static bool parseMail(const QByteArray &argument, SmtpPath *out, SmtpParseError *error);
    static bool parseRcpt(const QByteArray &argument, SmtpPath *out, SmtpParseError *error);
    // BDAT <size> [LAST] (RFC 3030).
    static bool parseBdat(const QByteArray &argument, qint64 *size, bool *last);
    // A HELO/EHLO argument: a domain or an address literal.
    static bool isValidHeloName(const QByteArray &argument);

private:
    static bool parsePath(const QByteArray &argument, const char *keyword, bool allowNull, SmtpPath *out,
                          QByteArray *rest, SmtpParseError *error);
};
