// ImapFormat: small pure helpers that spell values the IMAP way (RFC 3501 9): strings as
// quoted or literal, mailbox names (modified UTF-7), flag lists, date-time, and the
// reverse for flags and dates coming from clients. No I/O.
#pragma once

#include "imapparser.h"
#include "storeerror.h"

#include <QByteArray>
#include <QDate>
#include <QStringList>
#include <optional>

class ImapFormat
{
public:
    static QByteArray string(QByteArrayView value);          // "quoted" or {n}\r\nliteral
    static QByteArray astring(QByteArrayView value);         // atom when safe, else string()
    static QByteArray mailbox(const QString &name);          // astring of the modified UTF-7 name
    static QByteArray flags(quint8 flags, const QStringList &keywords, bool recent = false);
    static QByteArray dateTime(qint64 secsSinceEpoch);       // "17-Jul-1996 02:44:25 +0000"
    // Parses "dd-Mon-yyyy hh:mm:ss +zzzz" (APPEND); nullopt when malformed.
    static std::optional<qint64> parseDateTime(QByteArrayView text);
    // Parses "dd-Mon-yyyy" (SEARCH); nullopt when malformed.
    static std::optional<QDate> parseDate(QByteArrayView text);

    // Client flags: system flags to bits, keywords kept. False on an unknown "\Flag"
    // or an invalid keyword (*error says which). \Recent is dropped when allowRecent.
    static bool parseFlags(const QVector<ImapArg> &args, quint8 *bits, QStringList *keywords, QByteArray *error);
    // A mailbox argument to the store's name: UTF-7 decoded, INBOX case-insensitive.
    static std::optional<QString> mailboxArg(const ImapArg &arg);
    // The text after "NO " for a store failure: a response code and a generic text
    // (store messages may name paths, so they only go to the log).
    static QByteArray storeError(const StoreError &error);
};
