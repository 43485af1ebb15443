#include "imapfetchrequest.h"

std::optional<ImapFetchRequest> ImapFetchRequest::parse(const QVector<ImapArg> &args, QByteArray *error)
{
    ImapFetchRequest req;
    if (args.isEmpty() || args.size() > 2) {
        *error = "FETCH needs a sequence set and data items";
        return std::nullopt;
    }
    const ImapArg &what = args[0];
    if (what.isAtom()) {
        const QByteArray u = what.value.toUpper();
        // RFC 3501 6.4.5 macros
        QList<QByteArray> expanded;
        if (u == "ALL") expanded = {"FLAGS", "INTERNALDATE", "RFC822.SIZE", "ENVELOPE"};
        else if (u == "FAST") expanded = {"FLAGS", "INTERNALDATE", "RFC822.SIZE"};
        else if (u == "FULL") expanded = {"FLAGS", "INTERNALDATE", "RFC822.SIZE", "ENVELOPE", "BODY"};
        else expanded = {what.value};
        for (const QByteArray &a : expanded)
            if (!parseItem(a, &req.items, error))
                return std::nullopt;
    } else if (what.isList() && !what.list.isEmpty()) {
        for (const ImapArg &a : what.list) {
            if (!a.isAtom()) {
                *error = "Invalid FETCH item";
                return std::nullopt;
            }
            if (!parseItem(a.value, &req.items, error))
                return std::nullopt;
        }
    } else {
        *error = "Invalid FETCH items";
        return std::nullopt;
    }
    if (args.size() == 2) { // fetch-modifiers: (CHANGEDSINCE n)
        const QVector<ImapArg> &mods = args[1].list;
        bool ok = false;
        if (!args[1].isList() || mods.size() != 2 || !mods[0].isAtom("CHANGEDSINCE") || !mods[1].isAtom()
            || (req.changedSince = mods[1].value.toULongLong(&ok), !ok)) {
            *error = "Invalid FETCH modifier";
            return std::nullopt;
        }
        if (!req.has(Item::Kind::ModSeq))
            req.items.append(Item{Item::Kind::ModSeq, {}, false, -1, 0});
    }
    return req;
}

bool ImapFetchRequest::parseItem(const QByteArray &atom, QVector<Item> *out, QByteArray *error)
{
    const QByteArray u = atom.toUpper();
    Item item;
    using K = Item::Kind;
    static const struct { const char *name; K kind; } simple[] = {
        {"FLAGS", K::Flags}, {"INTERNALDATE", K::InternalDate}, {"RFC822.SIZE", K::Size},
        {"ENVELOPE", K::Envelope}, {"BODYSTRUCTURE", K::BodyStructure}, {"BODY", K::Body},
        {"UID", K::Uid}, {"MODSEQ", K::ModSeq}, {"RFC822", K::Rfc822},
        {"RFC822.HEADER", K::Rfc822Header}, {"RFC822.TEXT", K::Rfc822Text},
    };
    for (const auto &s : simple) {
        if (u == s.name) {
            item.kind = s.kind;
            out->append(item);
            return true;
        }
    }
    // "BODY" ["." "PEEK"] section ["<" number "." nz-number ">"]
    qsizetype open = -1;
    if (u.startsWith("BODY[")) {
        open = 4;
    } else if (u.startsWith("BODY.PEEK[")) {
        open = 9;
        item.peek = true;
    } else {
        *error = "Unknown FETCH item " + atom.left(40);
        return false;
    }
    const qsizetype close = atom.indexOf(']', open);
    if (close < 0) {
        *error = "Missing ']'";
        return false;
    }
    QString sectionError;
    const std::optional<ImapSection> section = ImapSection::parse(QByteArrayView(atom).sliced(open + 1, close - open - 1), &sectionError);
    if (!section) {
        *error = "Invalid section: " + sectionError.toUtf8().left(80);
        return false;
    }
    item.kind = K::Section;
    item.section = *section;
    const QByteArray rest = atom.mid(close + 1);
    if (!rest.isEmpty()) {
        const qsizetype dot = rest.indexOf('.');
        bool ok1 = false, ok2 = false;
        if (!rest.startsWith('<') || !rest.endsWith('>') || dot < 0) {
            *error = "Invalid partial";
            return false;
        }
        item.origin = rest.mid(1, dot - 1).toLongLong(&ok1);
        item.count = rest.mid(dot + 1, rest.size() - dot - 2).toLongLong(&ok2);
        if (!ok1 || !ok2 || item.origin < 0 || item.count <= 0) {
            *error = "Invalid partial";
            return false;
        }
    }
    out->append(item);
    return true;
}

bool ImapFetchRequest::has(Item::Kind kind) const
{
    for (const Item &i : items)
        if (i.kind == kind)
            return true;
    return false;
}

bool ImapFetchRequest::setsSeen() const
{
    for (const Item &i : items)
        if ((i.kind == Item::Kind::Section && !i.peek) || i.kind == Item::Kind::Rfc822 || i.kind == Item::Kind::Rfc822Text)
            return true;
    return false;
}

bool ImapFetchRequest::needsInfo() const
{
    for (const Item &i : items) {
        if (i.kind == Item::Kind::Envelope || i.kind == Item::Kind::BodyStructure || i.kind == Item::Kind::Body
            || i.kind == Item::Kind::Rfc822Header || i.kind == Item::Kind::Rfc822Text)
            return true;
        if (i.kind == Item::Kind::Section && !(i.section.path.isEmpty() && i.section.text == ImapSection::Text::None))
            return true;
    }
    return false;
}

bool ImapFetchRequest::needsContent() const
{
    for (const Item &i : items)
        if (i.kind == Item::Kind::Section || i.kind == Item::Kind::Rfc822 || i.kind == Item::Kind::Rfc822Header
            || i.kind == Item::Kind::Rfc822Text)
            return true;
    return false;
}
