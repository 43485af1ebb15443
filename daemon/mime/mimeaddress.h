// MimeAddress: RFC 5322 3.4 address-list parsing for ENVELOPE (raw tokens, RFC 3501
// 7.4.2 group markers) and for the API (decoded display names). Tolerant: obsolete
// routes, missing domains, comments as names (Dovecot's choices, docs/mime-decisions.md).
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

class MimeAddress
{
public:
    // One ENVELOPE address: (name adl mailbox host). A group start has a null host and
    // the group name in mailbox; a group end has all four null.
    struct Raw {
        QByteArray name;       // display name, quotes removed, encoded words kept; null = NIL
        QByteArray adl;        // source route "@a,@b"; null = NIL
        QByteArray mailbox;
        QByteArray host;
        bool isGroupStart() const { return host.isNull() && !mailbox.isNull(); }
        bool isGroupEnd() const { return mailbox.isNull() && host.isNull(); }
    };
    static constexpr int MaxAddresses = 10000;   // per header value
    static constexpr const char *MissingDomain = "MISSING_DOMAIN";

    static QList<Raw> parseList(QByteArrayView value);

    // For the API: RFC 2047-decoded display name, "local@domain" address, and the
    // group it belongs to (empty if none). Empty groups give no entries.
    struct Mailbox {
        QString name;
        QString address;
        QString group;
    };
    static QList<Mailbox> parseMailboxes(QByteArrayView value);
};
