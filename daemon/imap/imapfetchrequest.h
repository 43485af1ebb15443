// ImapFetchRequest: the parsed data items of FETCH (RFC 3501 6.4.5, 9 "fetch-att";
// MODSEQ and CHANGEDSINCE from RFC 7162): macros expanded, sections parsed by the MIME
// module's ImapSection, partials split out. Pure.
#pragma once

#include "imapparser.h"
#include "imapsection.h"

#include <QVector>
#include <optional>

class ImapFetchRequest
{
public:
    struct Item {
        enum class Kind { Flags, InternalDate, Size, Envelope, BodyStructure, Body, Uid, ModSeq,
                          Section, Rfc822, Rfc822Header, Rfc822Text };
        Kind kind = Kind::Flags;
        ImapSection section;     // Kind::Section
        bool peek = false;
        qint64 origin = -1;      // <origin.count>, -1 when absent
        qint64 count = 0;
    };

    QVector<Item> items;
    quint64 changedSince = 0;    // 0: no CHANGEDSINCE

    // args = the arguments after the sequence set.
    static std::optional<ImapFetchRequest> parse(const QVector<ImapArg> &args, QByteArray *error);

    bool has(Item::Kind kind) const;
    bool setsSeen() const;       // BODY[...] without PEEK, RFC822, RFC822.TEXT
    bool needsInfo() const;      // ENVELOPE, BODYSTRUCTURE, BODY or a section with a part
    bool needsContent() const;   // any section / RFC822*

private:
    static bool parseItem(const QByteArray &atom, QVector<Item> *out, QByteArray *error);
};
