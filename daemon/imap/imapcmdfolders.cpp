// ImapSession: folder commands (RFC 3501 6.3): SELECT/EXAMINE (with CONDSTORE, RFC 7162),
// CREATE, DELETE, RENAME, SUBSCRIBE/UNSUBSCRIBE, LIST/LSUB (LIST-EXTENDED RFC 5258,
// LIST-STATUS RFC 5819, SPECIAL-USE RFC 6154, CHILDREN RFC 3348) and STATUS.
// Folder names are validated by the store; here they are only decoded.
#include "imapformat.h"
#include "imaplistselection.h"
#include "imapselectedview.h"
#include "imapsession.h"
#include "logging.h"
#include "mailstore.h"
#include "servicecontext.h"

void ImapSession::unselect(bool expungeDeleted)
{
    if (!m_view)
        return;
    if (expungeDeleted && !m_view->readOnly()) {
        QVector<quint32> deleted;
        for (const MessageInfo &m : m_view->mailbox()->messages())
            if (m.flags & MessageFlag::Deleted)
                deleted.append(m.uid);
        if (!deleted.isEmpty())
            m_view->mailbox()->expunge(deleted);
    }
    delete m_view;
    m_view = nullptr;
    m_state = State::Authenticated;
}

void ImapSession::cmdSelect(const ImapCommand &cmd)
{
    const bool readOnly = m_commandName == "EXAMINE";
    if (cmd.args.isEmpty() || cmd.args.size() > 2 || !cmd.args[0].isAString())
        return bad("SELECT needs a mailbox name");
    if (cmd.args.size() == 2) { // select-params: (CONDSTORE)
        if (!cmd.args[1].isList())
            return bad("Invalid SELECT parameters");
        for (const ImapArg &p : cmd.args[1].list) {
            if (!p.isAtom("CONDSTORE"))
                return bad("Unknown SELECT parameter");
            m_condstore = true;
        }
    }
    if (m_view) {
        unselect(false);
        send("* OK [CLOSED] Previous mailbox closed.\r\n");
    }
    const std::optional<QString> name = ImapFormat::mailboxArg(cmd.args[0]);
    if (!name)
        return no("[NONEXISTENT] Invalid mailbox name.");
    StoreError error;
    QSharedPointer<Mailbox> mailbox = m_ctx->mailStore->openMailbox(m_user, *name, &error);
    if (!mailbox)
        return no(ImapFormat::storeError(error));
    m_view = new ImapSelectedView(mailbox, readOnly, this);
    m_state = State::Selected;

    int firstUnseen = 0;
    const QVector<MessageInfo> &msgs = mailbox->messages();
    for (int i = 0; i < msgs.size(); ++i) {
        if (!(msgs[i].flags & MessageFlag::Seen)) {
            firstUnseen = i + 1;
            break;
        }
    }
    QByteArray out = m_view->flagsResponse();
    out += "* " + QByteArray::number(m_view->count()) + " EXISTS\r\n* " + QByteArray::number(m_view->recentCount()) + " RECENT\r\n";
    if (firstUnseen)
        out += "* OK [UNSEEN " + QByteArray::number(firstUnseen) + "] First unseen.\r\n";
    out += "* OK [UIDVALIDITY " + QByteArray::number(mailbox->uidValidity()) + "] UIDs valid\r\n";
    out += "* OK [UIDNEXT " + QByteArray::number(mailbox->uidNext()) + "] Predicted next UID\r\n";
    // RFC 7162: a mod-sequence is at least 1, also for an empty folder.
    out += "* OK [HIGHESTMODSEQ " + QByteArray::number(std::max<quint64>(1, mailbox->highestModSeq())) + "] Highest\r\n";
    send(out);
    ok(readOnly ? "[READ-ONLY] Examine completed." : "[READ-WRITE] Select completed.");
}

void ImapSession::cmdCreate(const ImapCommand &cmd)
{
    if (cmd.args.size() != 1 || !cmd.args[0].isAString())
        return bad("CREATE needs a mailbox name");
    std::optional<QString> name = ImapFormat::mailboxArg(cmd.args[0]);
    if (!name)
        return no("[CANNOT] Invalid mailbox name.");
    if (name->endsWith(QLatin1Char('/'))) // RFC 3501 6.3.3: a trailing separator only hints at children
        name->chop(1);
    if (*name == QLatin1String("INBOX"))
        return no("[ALREADYEXISTS] INBOX always exists.");
    StoreError error;
    if (!m_ctx->mailStore->createFolder(m_user, *name, &error))
        return no(ImapFormat::storeError(error));
    ok("Create completed.");
}

void ImapSession::cmdDelete(const ImapCommand &cmd)
{
    if (cmd.args.size() != 1 || !cmd.args[0].isAString())
        return bad("DELETE needs a mailbox name");
    const std::optional<QString> name = ImapFormat::mailboxArg(cmd.args[0]);
    if (!name)
        return no("[NONEXISTENT] Invalid mailbox name.");
    if (*name == QLatin1String("INBOX"))
        return no("[CANNOT] INBOX cannot be deleted.");
    if (m_view && m_view->mailbox()->name() == *name)
        unselect(false); // RFC 9051: deleting the selected mailbox deselects it
    StoreError error;
    if (!m_ctx->mailStore->deleteFolder(m_user, *name, &error))
        return no(error.code == StoreErrorCode::NotPermitted ? QByteArray("[INUSE] Mailbox has children; delete them first.")
                                                           : ImapFormat::storeError(error));
    ok("Delete completed.");
}

void ImapSession::cmdRename(const ImapCommand &cmd)
{
    if (cmd.args.size() != 2 || !cmd.args[0].isAString() || !cmd.args[1].isAString())
        return bad("RENAME needs two mailbox names");
    const std::optional<QString> from = ImapFormat::mailboxArg(cmd.args[0]);
    const std::optional<QString> to = ImapFormat::mailboxArg(cmd.args[1]);
    if (!from || !to)
        return no("[CANNOT] Invalid mailbox name.");
    if (*to == QLatin1String("INBOX"))
        return no("[ALREADYEXISTS] INBOX always exists.");
    StoreError error;
    if (!m_ctx->mailStore->renameFolder(m_user, *from, *to, &error))
        return no(ImapFormat::storeError(error));
    ok("Rename completed.");
}

void ImapSession::cmdSubscribe(const ImapCommand &cmd)
{
    if (cmd.args.size() != 1 || !cmd.args[0].isAString())
        return bad("A mailbox name is needed");
    const std::optional<QString> name = ImapFormat::mailboxArg(cmd.args[0]);
    if (!name)
        return no("[CANNOT] Invalid mailbox name.");
    StoreError error;
    if (!m_ctx->mailStore->setSubscribed(m_user, *name, m_commandName == "SUBSCRIBE", &error))
        return no(ImapFormat::storeError(error));
    ok(m_commandName == "SUBSCRIBE" ? "Subscribe completed." : "Unsubscribe completed.");
}

void ImapSession::cmdList(const ImapCommand &cmd)
{
    const bool lsub = m_commandName == "LSUB";
    // list = "LIST" [SP list-select-opts] SP mailbox SP mbox-or-pat [SP list-return-opts]
    int i = 0;
    ImapListSelection::Options options;
    options.lsub = lsub;
    QVector<ImapArg> statusItems;
    if (!lsub && i < cmd.args.size() && cmd.args[i].isList()) {
        bool selects = false; // RFC 5258 3.1: RECURSIVEMATCH needs another selection option
        for (const ImapArg &o : cmd.args[i].list) {
            if (o.isAtom("SUBSCRIBED")) options.selectSubscribed = selects = true;
            else if (o.isAtom("SPECIAL-USE")) options.selectSpecialUse = selects = true;
            else if (o.isAtom("RECURSIVEMATCH")) options.recursiveMatch = true;
            else if (o.isAtom("REMOTE")) {}
            else return bad("Unknown LIST selection option");
        }
        if (options.recursiveMatch && !selects)
            return bad("RECURSIVEMATCH needs another selection option");
        ++i;
    }
    if (cmd.args.size() < i + 2 || !cmd.args[i].isAString() || !(cmd.args[i + 1].isAString() || (!lsub && cmd.args[i + 1].isList())))
        return bad("LIST needs a reference and a mailbox pattern");
    const QByteArray reference = cmd.args[i].value;
    QVector<QByteArray> patterns;
    if (cmd.args[i + 1].isList()) {
        for (const ImapArg &p : cmd.args[i + 1].list) {
            if (!p.isAString())
                return bad("Invalid pattern");
            patterns.append(p.value);
        }
    } else {
        patterns.append(cmd.args[i + 1].value);
    }
    i += 2;
    if (i < cmd.args.size()) {
        if (lsub || cmd.args.size() != i + 2 || !cmd.args[i].isAtom("RETURN") || !cmd.args[i + 1].isList())
            return bad("Invalid LIST return options");
        const QVector<ImapArg> &opts = cmd.args[i + 1].list;
        for (int k = 0; k < opts.size(); ++k) {
            if (opts[k].isAtom("SUBSCRIBED")) options.returnSubscribed = true;
            else if (opts[k].isAtom("CHILDREN")) {}
            else if (opts[k].isAtom("SPECIAL-USE")) options.returnSpecialUse = true;
            else if (opts[k].isAtom("STATUS") && k + 1 < opts.size() && opts[k + 1].isList()) statusItems = opts[++k].list;
            else return bad("Unknown LIST return option");
        }
    }
    if (patterns.size() == 1 && patterns[0].isEmpty()) {
        send(QByteArray("* ") + (lsub ? "LSUB" : "LIST") + " (\\Noselect) \"/\" \"\"\r\n");
        return ok(lsub ? "Lsub completed." : "List completed.");
    }
    StoreError error;
    const std::optional<QVector<FolderInfo>> folders = m_ctx->mailStore->listFolders(m_user, &error);
    if (!folders)
        return no(ImapFormat::storeError(error));
    QVector<QString> decodedPatterns;
    for (const QByteArray &p : std::as_const(patterns)) {
        const std::optional<QString> ref = ImapFormat::mailboxArg(ImapArg{ImapArg::Type::Quoted, reference, {}});
        const std::optional<QString> pat = ImapFormat::mailboxArg(ImapArg{ImapArg::Type::Quoted, p, {}});
        if (!ref || !pat)
            continue;
        decodedPatterns.append(*ref + *pat);
    }
    const QStringList subscriptions = (lsub || options.selectSubscribed || options.returnSubscribed)
                                          ? m_ctx->mailStore->subscriptions(m_user) : QStringList();
    QByteArray out;
    for (const ImapListSelection::Entry &e : ImapListSelection::select(*folders, subscriptions, decodedPatterns, options)) {
        out += QByteArray("* ") + (lsub ? "LSUB" : "LIST") + " (" + e.attributes.join(' ') + ") \"/\" " + ImapFormat::mailbox(e.name);
        if (e.childInfoSubscribed)
            out += " (CHILDINFO (\"SUBSCRIBED\"))";
        out += "\r\n";
        if (!statusItems.isEmpty() && e.exists && !e.attributes.contains("\\Noselect")) {
            QByteArray statusError;
            const std::optional<QByteArray> status = this->statusItems(e.name, statusItems, &statusError);
            if (!statusError.isEmpty())
                return bad(statusError);
            if (status)
                out += *status;
        }
    }
    send(out);
    ok(lsub ? "Lsub completed." : "List completed.");
}

std::optional<QByteArray> ImapSession::statusItems(const QString &folder, const QVector<ImapArg> &items, QByteArray *error)
{
    StoreError storeError;
    const std::optional<FolderStatus> st = m_ctx->mailStore->folderStatus(m_user, folder, &storeError);
    if (!st)
        return std::nullopt;
    QByteArrayList parts;
    for (const ImapArg &a : items) {
        if (a.isAtom("MESSAGES")) parts << "MESSAGES " + QByteArray::number(st->messages);
        else if (a.isAtom("RECENT")) parts << "RECENT " + QByteArray::number(st->recent);
        else if (a.isAtom("UIDNEXT")) parts << "UIDNEXT " + QByteArray::number(st->uidNext);
        else if (a.isAtom("UIDVALIDITY")) parts << "UIDVALIDITY " + QByteArray::number(st->uidValidity);
        else if (a.isAtom("UNSEEN")) parts << "UNSEEN " + QByteArray::number(st->unseen);
        else if (a.isAtom("HIGHESTMODSEQ")) parts << "HIGHESTMODSEQ " + QByteArray::number(std::max<quint64>(1, st->highestModSeq));
        else if (a.isAtom("SIZE")) parts << "SIZE " + QByteArray::number(st->sizeBytes);
        else {
            *error = "Unknown STATUS item";
            return std::nullopt;
        }
    }
    return "* STATUS " + ImapFormat::mailbox(folder) + " (" + parts.join(' ') + ")\r\n";
}

void ImapSession::cmdStatus(const ImapCommand &cmd)
{
    if (cmd.args.size() != 2 || !cmd.args[0].isAString() || !cmd.args[1].isList() || cmd.args[1].list.isEmpty())
        return bad("STATUS needs a mailbox name and a list of items");
    const std::optional<QString> name = ImapFormat::mailboxArg(cmd.args[0]);
    if (!name)
        return no("[NONEXISTENT] Invalid mailbox name.");
    QByteArray error;
    const std::optional<QByteArray> line = statusItems(*name, cmd.args[1].list, &error);
    if (!error.isEmpty())
        return bad(error);
    if (!line)
        return no("[NONEXISTENT] Mailbox does not exist.");
    send(*line);
    ok("Status completed.");
}
