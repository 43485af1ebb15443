// Target smtp_command: each input line goes through the SMTP command parser (verb,
// MAIL/RCPT paths with parameters, BDAT, HELO names), SASL decoding and MailAddress.
#include "fuzztargets.h"

#include "mailaddress.h"
#include "smtpcommand.h"
#include "smtplimits.h"
#include "smtpsasl.h"

#include <QByteArray>
#include <QList>

static void parseOneLine(const QByteArray &line)
{
    const SmtpCommand command = SmtpCommandParser::parseLine(line);
    fuzzCheck(!command.argument.endsWith(' '), "parseLine left a trailing space");

    SmtpPath path;
    SmtpParseError error;
    if (SmtpCommandParser::parseMail(command.argument, &path, &error)) {
        fuzzCheck(!path.isNull || path.address.isEmpty(), "null reverse-path with an address");
        fuzzCheck(path.address.size() <= SmtpLimits::MaxPath, "MAIL path longer than MaxPath");
    }
    SmtpPath rcpt;
    if (SmtpCommandParser::parseRcpt(command.argument, &rcpt, &error)) {
        fuzzCheck(!rcpt.isNull, "RCPT accepted a null path");
        fuzzCheck(MailAddress::parse(rcpt.address).isValid() || rcpt.address.compare(QLatin1String("postmaster"), Qt::CaseInsensitive) == 0,
                  "RCPT accepted an address MailAddress refuses");
    }
    qint64 size = -1;
    bool last = false;
    if (SmtpCommandParser::parseBdat(command.argument, &size, &last))
        fuzzCheck(size >= 0 && size <= SmtpLimits::MaxBdatChunk, "BDAT size out of range");
    SmtpCommandParser::isValidHeloName(command.argument);

    QByteArray decoded;
    if (SmtpSasl::decodeResponse(line, &decoded) == SmtpSasl::Result::Ok) {
        SaslCredentials credentials;
        SmtpSasl::decodePlain(decoded, &credentials);
    }
    SaslCredentials raw;
    SmtpSasl::decodePlain(line, &raw);

    const MailAddress address = MailAddress::parse(QString::fromUtf8(line));
    if (address.isValid()) {
        // Normalising twice changes nothing.
        const MailAddress again = MailAddress::parse(address.toString());
        fuzzCheck(again.isValid() && again.normalized() == address.normalized(), "MailAddress not idempotent");
    }
}

int fuzzSmtpCommand(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    // One command per line, as the session hands them over (CRLF removed).
    const QList<QByteArray> lines = input.split('\n');
    for (QByteArray line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
        parseOneLine(line);
    }
    return 0;
}
