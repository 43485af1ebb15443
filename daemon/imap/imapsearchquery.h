// ImapSearchQuery: the search program of SEARCH (RFC 3501 6.4.4: every key, OR, NOT,
// parenthesised groups, sequence and UID sets; MODSEQ from RFC 7162), parsed into a
// tree and evaluated per message. Keys on flags, sizes and dates use the index only;
// header, body and text keys ask for the parsed message (loaded lazily, once).
// Pure apart from that callback. Strings are compared case-insensitively after RFC 2047
// and transfer/charset decoding.
#pragma once

#include "imapparser.h"
#include "imapsequenceset.h"
#include "messageinfo.h"

#include <QDate>
#include <QString>
#include <QVector>
#include <functional>
#include <optional>

class MimeMessage;

class ImapSearchQuery
{
public:
    struct Node {
        enum class Kind { And, Or, Not, All, FlagSet, FlagUnset, Keyword, Unkeyword, SeqSet, UidSet,
                          Before, On, Since, SentBefore, SentOn, SentSince, Larger, Smaller,
                          Header, Body, Text, ModSeq, Recent };
        Kind kind = Kind::All;
        QVector<Node> children;
        quint8 flag = 0;
        QString text;        // keyword, header value, body/text needle
        QByteArray header;   // header name
        QDate date;
        qint64 number = 0;
        quint64 modSeq = 0;
        ImapSequenceSet set;
    };

    // What SEARCH evaluates against: index data plus the message on demand.
    struct Message {
        quint32 uid = 0;
        quint32 seq = 0;
        quint32 maxUid = 0;  // for '*' in UID sets
        quint32 count = 0;   // for '*' in sequence sets
        const MessageInfo *info = nullptr;
        bool recent = false; // \Recent in this session
        std::function<const MimeMessage *()> content; // nullptr result: unreadable (no match)
    };

    // Parses args[start..]; *charsetProblem is set for an unsupported CHARSET (NO [BADCHARSET]).
    static std::optional<ImapSearchQuery> parse(const QVector<ImapArg> &args, int start, QByteArray *error,
                                                bool *charsetProblem);
    bool matches(const Message &message) const;
    bool needsContent() const { return m_needsContent; }
    bool usesModSeq() const { return m_usesModSeq; }

private:
    bool parseKey(const QVector<ImapArg> &args, int *i, Node *out, int depth, QByteArray *error);
    bool match(const Node &node, const Message &m, const MimeMessage **content, bool *loaded) const;
    static bool headerContains(const MimeMessage &msg, const QByteArray &name, const QString &needle);
    static bool bodyContains(const MimeMessage &msg, const QString &needle);

    Node m_root;
    bool m_needsContent = false;
    bool m_usesModSeq = false;
};
