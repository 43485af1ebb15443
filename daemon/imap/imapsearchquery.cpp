#include "imapsearchquery.h"

#include "imapformat.h"
#include "imaplimits.h"
#include "mimeaddress.h"
#include "mimecontent.h"
#include "mimedecoder.h"
#include "mimemessage.h"

#include <QDateTime>
#include <QTimeZone>

using Kind = ImapSearchQuery::Node::Kind;

std::optional<ImapSearchQuery> ImapSearchQuery::parse(const QVector<ImapArg> &args, int start, QByteArray *error,
                                                      bool *charsetProblem)
{
    ImapSearchQuery q;
    *charsetProblem = false;
    int i = start;
    if (i + 1 < args.size() && args[i].isAtom("CHARSET")) {
        const QByteArray cs = args[i + 1].value.toUpper();
        if (cs != "UTF-8" && cs != "US-ASCII") {
            *charsetProblem = true;
            *error = "[BADCHARSET (UTF-8 US-ASCII)] Unsupported charset";
            return std::nullopt;
        }
        i += 2;
    }
    q.m_root.kind = Kind::And;
    if (i >= args.size()) {
        *error = "Missing search keys";
        return std::nullopt;
    }
    while (i < args.size()) {
        Node n;
        if (!q.parseKey(args, &i, &n, 0, error))
            return std::nullopt;
        q.m_root.children.append(std::move(n));
    }
    return q;
}

bool ImapSearchQuery::parseKey(const QVector<ImapArg> &args, int *i, Node *out, int depth, QByteArray *error)
{
    if (depth > ImapLimits::MaxSearchDepth) {
        *error = "Search program too deeply nested";
        return false;
    }
    if (*i >= args.size()) {
        *error = "Missing search key";
        return false;
    }
    const ImapArg &a = args[(*i)++];
    if (a.isList()) {
        out->kind = Kind::And;
        if (a.list.isEmpty()) {
            *error = "Empty search group";
            return false;
        }
        int k = 0;
        while (k < a.list.size()) {
            Node n;
            if (!parseKey(a.list, &k, &n, depth + 1, error))
                return false;
            out->children.append(std::move(n));
        }
        return true;
    }
    if (!a.isAtom()) {
        *error = "Invalid search key";
        return false;
    }
    const QByteArray key = a.value.toUpper();
    auto needString = [&](QString *dest) -> bool {
        if (*i >= args.size() || !args[*i].isAString()) {
            *error = "Missing argument for " + key;
            return false;
        }
        *dest = QString::fromUtf8(args[(*i)++].value);
        return true;
    };
    auto needDate = [&]() -> bool {
        if (*i >= args.size() || !args[*i].isAString()) {
            *error = "Missing date for " + key;
            return false;
        }
        const std::optional<QDate> d = ImapFormat::parseDate(args[(*i)++].value);
        if (!d) {
            *error = "Invalid date";
            return false;
        }
        out->date = *d;
        return true;
    };
    auto needNumber = [&]() -> bool {
        bool ok = false;
        if (*i < args.size() && args[*i].isAtom())
            out->number = args[*i].value.toLongLong(&ok);
        ++*i;
        if (!ok || out->number < 0) {
            *error = "Invalid number for " + key;
            return false;
        }
        return true;
    };
    static const struct { const char *name; Kind kind; quint8 flag; } flagKeys[] = {
        {"ANSWERED", Kind::FlagSet, MessageFlag::Answered}, {"DELETED", Kind::FlagSet, MessageFlag::Deleted},
        {"DRAFT", Kind::FlagSet, MessageFlag::Draft}, {"FLAGGED", Kind::FlagSet, MessageFlag::Flagged},
        {"SEEN", Kind::FlagSet, MessageFlag::Seen}, {"UNANSWERED", Kind::FlagUnset, MessageFlag::Answered},
        {"UNDELETED", Kind::FlagUnset, MessageFlag::Deleted}, {"UNDRAFT", Kind::FlagUnset, MessageFlag::Draft},
        {"UNFLAGGED", Kind::FlagUnset, MessageFlag::Flagged}, {"UNSEEN", Kind::FlagUnset, MessageFlag::Seen},
        {"ALL", Kind::All, 0}, {"RECENT", Kind::Recent, 0},
    };
    for (const auto &f : flagKeys) {
        if (key == f.name) {
            out->kind = f.kind;
            out->flag = f.flag;
            return true;
        }
    }
    if (key == "NEW" || key == "OLD") { // RECENT UNSEEN, NOT RECENT
        Node recent;
        recent.kind = Kind::Recent;
        if (key == "OLD") {
            out->kind = Kind::Not;
            out->children.append(recent);
            return true;
        }
        Node unseen;
        unseen.kind = Kind::FlagUnset;
        unseen.flag = MessageFlag::Seen;
        out->kind = Kind::And;
        out->children = {recent, unseen};
        return true;
    }
    if (key == "NOT") {
        out->kind = Kind::Not;
        Node n;
        if (!parseKey(args, i, &n, depth + 1, error))
            return false;
        out->children.append(std::move(n));
        return true;
    }
    if (key == "OR") {
        out->kind = Kind::Or;
        Node a1, a2;
        if (!parseKey(args, i, &a1, depth + 1, error) || !parseKey(args, i, &a2, depth + 1, error))
            return false;
        out->children = {std::move(a1), std::move(a2)};
        return true;
    }
    if (key == "KEYWORD" || key == "UNKEYWORD") {
        out->kind = key == "KEYWORD" ? Kind::Keyword : Kind::Unkeyword;
        return needString(&out->text);
    }
    if (key == "BEFORE") { out->kind = Kind::Before; return needDate(); }
    if (key == "ON") { out->kind = Kind::On; return needDate(); }
    if (key == "SINCE") { out->kind = Kind::Since; return needDate(); }
    if (key == "SENTBEFORE") { out->kind = Kind::SentBefore; m_needsContent = true; return needDate(); }
    if (key == "SENTON") { out->kind = Kind::SentOn; m_needsContent = true; return needDate(); }
    if (key == "SENTSINCE") { out->kind = Kind::SentSince; m_needsContent = true; return needDate(); }
    if (key == "LARGER") { out->kind = Kind::Larger; return needNumber(); }
    if (key == "SMALLER") { out->kind = Kind::Smaller; return needNumber(); }
    static const char *const headerKeys[] = {"BCC", "CC", "FROM", "SUBJECT", "TO"};
    for (const char *h : headerKeys) {
        if (key == h) {
            out->kind = Kind::Header;
            out->header = key;
            m_needsContent = true;
            return needString(&out->text);
        }
    }
    if (key == "HEADER") {
        out->kind = Kind::Header;
        m_needsContent = true;
        if (*i >= args.size() || !args[*i].isAString()) {
            *error = "Missing header name";
            return false;
        }
        out->header = args[(*i)++].value;
        return needString(&out->text);
    }
    if (key == "BODY" || key == "TEXT") {
        out->kind = key == "BODY" ? Kind::Body : Kind::Text;
        m_needsContent = true;
        return needString(&out->text);
    }
    if (key == "UID") {
        out->kind = Kind::UidSet;
        std::optional<ImapSequenceSet> set;
        if (*i < args.size() && args[*i].isAtom())
            set = ImapSequenceSet::parse(args[*i].value);
        ++*i;
        if (!set) {
            *error = "Invalid UID set";
            return false;
        }
        out->set = *set;
        return true;
    }
    if (key == "MODSEQ") { // MODSEQ [entry-name entry-type-req] mod-sequence-valzer
        out->kind = Kind::ModSeq;
        m_usesModSeq = true;
        if (*i + 2 < args.size() + 0 && args[*i].isString())
            *i += 2;
        bool ok = false;
        if (*i < args.size() && args[*i].isAtom())
            out->modSeq = args[*i].value.toULongLong(&ok);
        ++*i;
        if (!ok) {
            *error = "Invalid MODSEQ";
            return false;
        }
        return true;
    }
    if (std::optional<ImapSequenceSet> set = ImapSequenceSet::parse(a.value)) {
        out->kind = Kind::SeqSet;
        out->set = *set;
        return true;
    }
    *error = "Unknown search key " + a.value.left(32);
    return false;
}

bool ImapSearchQuery::matches(const Message &message) const
{
    const MimeMessage *content = nullptr;
    bool loaded = false;
    return match(m_root, message, &content, &loaded);
}

bool ImapSearchQuery::match(const Node &n, const Message &m, const MimeMessage **content, bool *loaded) const
{
    auto msg = [&]() -> const MimeMessage * {
        if (!*loaded) {
            *loaded = true;
            *content = m.content ? m.content() : nullptr;
        }
        return *content;
    };
    auto internalDate = [&] { return QDateTime::fromSecsSinceEpoch(m.info->internalDate, QTimeZone::utc()).date(); };
    auto sentDate = [&]() -> std::optional<QDate> {
        const MimeMessage *c = msg();
        if (!c)
            return std::nullopt;
        const std::optional<QDateTime> d = MimeContent::parseDate(c->headerValue(0, "Date"));
        if (!d)
            return std::nullopt;
        return d->date(); // RFC 3501: disregarding time and timezone
    };
    switch (n.kind) {
    case Kind::And:
        for (const Node &c : n.children)
            if (!match(c, m, content, loaded))
                return false;
        return true;
    case Kind::Or:
        return match(n.children[0], m, content, loaded) || match(n.children[1], m, content, loaded);
    case Kind::Not:
        return !match(n.children[0], m, content, loaded);
    case Kind::All: return true;
    case Kind::Recent: return m.recent;
    case Kind::FlagSet: return m.info->flags & n.flag;
    case Kind::FlagUnset: return !(m.info->flags & n.flag);
    case Kind::Keyword:
    case Kind::Unkeyword: {
        bool has = false;
        for (const QString &k : m.info->keywords)
            has = has || k.compare(n.text, Qt::CaseInsensitive) == 0;
        return n.kind == Kind::Keyword ? has : !has;
    }
    case Kind::SeqSet: return n.set.contains(m.seq, m.count);
    case Kind::UidSet: return n.set.contains(m.uid, m.maxUid);
    case Kind::Before: return internalDate() < n.date;
    case Kind::On: return internalDate() == n.date;
    case Kind::Since: return internalDate() >= n.date;
    case Kind::SentBefore: { const auto d = sentDate(); return d && *d < n.date; }
    case Kind::SentOn: { const auto d = sentDate(); return d && *d == n.date; }
    case Kind::SentSince: { const auto d = sentDate(); return d && *d >= n.date; }
    case Kind::Larger: return m.info->size > n.number;
    case Kind::Smaller: return m.info->size < n.number;
    case Kind::ModSeq: return m.info->modSeq >= n.modSeq;
    case Kind::Header: {
        const MimeMessage *c = msg();
        return c && headerContains(*c, n.header, n.text);
    }
    case Kind::Body: {
        const MimeMessage *c = msg();
        return c && bodyContains(*c, n.text);
    }
    case Kind::Text: {
        const MimeMessage *c = msg();
        if (!c)
            return false;
        return MimeDecoder::decodeWords(c->headerBytes(0)).contains(n.text, Qt::CaseInsensitive) || bodyContains(*c, n.text);
    }
    }
    return false;
}

bool ImapSearchQuery::headerContains(const MimeMessage &msg, const QByteArray &name, const QString &needle)
{
    static const QByteArrayList addressHeaders = {"from", "to", "cc", "bcc", "sender", "reply-to"};
    const bool addresses = addressHeaders.contains(name.toLower());
    const QList<QByteArray> values = msg.headerValues(0, name);
    for (const QByteArray &v : values) {
        if (needle.isEmpty() || MimeDecoder::decodeWords(v).contains(needle, Qt::CaseInsensitive))
            return true;
        // Also the parsed form, as Dovecot does: "<user (c)@ (c) example.org>" is found
        // by FROM user@example.org.
        if (addresses)
            for (const MimeAddress::Mailbox &m : MimeAddress::parseMailboxes(v))
                if ((m.name + QLatin1String(" <") + m.address + QLatin1Char('>')).contains(needle, Qt::CaseInsensitive))
                    return true;
    }
    return false;
}

bool ImapSearchQuery::bodyContains(const MimeMessage &msg, const QString &needle)
{
    MimeContent content(msg);
    const QList<MimePart> &parts = msg.parts();
    for (int i = 0; i < parts.size(); ++i) {
        const MimePart &p = parts[i];
        if (p.kind != MimePart::Kind::Leaf)
            continue;
        if (!(p.type.isEmpty() || p.isType("text") || p.isType("message")))
            continue;
        const QString text = MimeDecoder::toUnicode(content.decodedPart(i), p.param("charset"));
        if (text.contains(needle, Qt::CaseInsensitive))
            return true;
    }
    return false;
}
