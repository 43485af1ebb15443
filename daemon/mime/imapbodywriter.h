// ImapBodyWriter: the FETCH data items ENVELOPE, BODYSTRUCTURE (with extension data)
// and BODY (non-extensible) exactly per RFC 3501 7.4.2, matching Dovecot 2.3 spellings
// (see docs/mime-decisions.md for where and why we differ). Trusts the MimeMessage given.
#pragma once

#include "mimemessage.h"

#include <QByteArray>

class ImapBodyWriter
{
public:
    // ENVELOPE of the message whose header block is part `headerPart`'s header
    // (0 = the message itself; for message/rfc822 parts pass the child index).
    static QByteArray envelope(const MimeMessage &msg, int headerPart = 0);
    // BODYSTRUCTURE (extensible = true) or BODY (false) of part `partIndex` (0 = whole message).
    static QByteArray bodyStructure(const MimeMessage &msg, bool extensible, int partIndex = 0);
};
