// ImapSession: commands on the selected folder's messages (RFC 3501 6.4): CHECK, CLOSE,
// UNSELECT (RFC 3691), EXPUNGE and UID EXPUNGE (RFC 4315), STORE (with UNCHANGEDSINCE,
// RFC 7162), COPY and MOVE (RFC 6851) with COPYUID (RFC 4315).
#include "imapformat.h"
#include "imapselectedview.h"
#include "imapsession.h"
#include "maildirnames.h"
#include "mailstore.h"
#include "servicecontext.h"

#include <algorithm>

bool ImapSession::resolveSet(const ImapArg &arg, bool uid, QVector<quint32> *uids)
{
    if (!arg.isAtom()) {
        bad("Invalid sequence set");
        return false;
    }
    const std::optional<ImapSequenceSet> set = ImapSequenceSet::parse(arg.value);
    if (!set) {
        bad("Invalid sequence set");
        return false;
    }
    if (!m_view->resolve(*set, uid, uids)) {
        bad("Invalid message sequence number");
        return false;
    }
    return true;
}

void ImapSession::cmdCheck(const ImapCommand &cmd)
{
    if (!cmd.args.isEmpty())
        return bad("CHECK takes no arguments");
    m_view->mailbox()->sync();
    ok("Check completed.");
}

void ImapSession::cmdClose(const ImapCommand &cmd)
{
    if (!cmd.args.isEmpty())
        return bad("No arguments allowed");
    // CLOSE expunges silently (RFC 3501 6.4.2); UNSELECT does not expunge.
    unselect(m_commandName == "CLOSE");
    ok(m_commandName == "CLOSE" ? "Close completed." : "Unselect completed.");
}

void ImapSession::cmdExpunge(const ImapCommand &cmd)
{
    if (cmd.args.size() != (cmd.uid ? 1 : 0))
        return bad(cmd.uid ? "UID EXPUNGE needs a UID set" : "EXPUNGE takes no arguments");
    if (m_view->readOnly())
        return no("[READ-ONLY] Mailbox is read-only.");
    QVector<quint32> candidates;
    if (cmd.uid && !resolveSet(cmd.args[0], true, &candidates))
        return;
    if (!cmd.uid)
        candidates = m_view->uids();
    QVector<quint32> deleted;
    Mailbox *mailbox = m_view->mailbox();
    for (quint32 uid : std::as_const(candidates)) {
        const MessageInfo *m = mailbox->message(uid);
        if (m && (m->flags & MessageFlag::Deleted))
            deleted.append(uid);
    }
    StoreError error;
    if (!deleted.isEmpty() && !mailbox->expunge(deleted, &error))
        return no(ImapFormat::storeError(error));
    ok("Expunge completed.");
}

void ImapSession::cmdStore(const ImapCommand &cmd)
{
    // store = "STORE" SP sequence-set [SP "(" "UNCHANGEDSINCE" SP mod-sequence ")"] SP store-att-flags
    int i = 1;
    quint64 unchangedSince = 0;
    if (cmd.args.size() >= 2 && cmd.args[1].isList()) {
        const QVector<ImapArg> &mods = cmd.args[1].list;
        bool okNumber = false;
        if (mods.size() != 2 || !mods[0].isAtom("UNCHANGEDSINCE") || !mods[1].isAtom()
            || (unchangedSince = mods[1].value.toULongLong(&okNumber), !okNumber))
            return bad("Invalid STORE modifier");
        enableCondstore();
        i = 2; // UNCHANGEDSINCE 0 fails every message (handled below)
    }
    if (cmd.args.size() < i + 2 || !cmd.args[i].isAtom())
        return bad("STORE needs a sequence set, an item and flags");
    QByteArray item = cmd.args[i].value.toUpper();
    const bool silent = item.endsWith(".SILENT");
    if (silent)
        item.chop(7);
    FlagOperation op;
    if (item == "FLAGS") op = FlagOperation::Replace;
    else if (item == "+FLAGS") op = FlagOperation::Add;
    else if (item == "-FLAGS") op = FlagOperation::Remove;
    else return bad("Unknown STORE item");
    QVector<ImapArg> flagArgs;
    if (cmd.args.size() == i + 2 && cmd.args[i + 1].isList())
        flagArgs = cmd.args[i + 1].list;
    else
        flagArgs = cmd.args.mid(i + 1);
    quint8 bits = 0;
    QStringList keywords;
    QByteArray error;
    if (!ImapFormat::parseFlags(flagArgs, &bits, &keywords, &error))
        return bad(error);
    QVector<quint32> uids;
    if (!resolveSet(cmd.args[0], cmd.uid, &uids))
        return;
    if (m_view->readOnly())
        return no("[READ-ONLY] Mailbox is read-only.");
    Mailbox *mailbox = m_view->mailbox();
    QVector<quint32> present, failed;
    for (quint32 uid : std::as_const(uids))
        if (mailbox->message(uid))
            present.append(uid);
    QVector<quint32> changed;
    StoreError storeError;
    const bool zeroFailsAll = cmd.args[1].isList() && unchangedSince == 0;
    if (zeroFailsAll) {
        failed = present;
    } else if (!present.isEmpty()
               && !mailbox->storeFlags(present, op, bits, keywords, unchangedSince, &changed, &failed, &storeError)) {
        return no(ImapFormat::storeError(storeError));
    }
    // Every message in the set gets its FETCH (unless .SILENT), and no second one later.
    const QSet<quint32> failedSet(failed.cbegin(), failed.cend());
    m_view->forgetFlagChanges(present);
    QByteArray out = m_view->takeKeywordUpdate(); // a keyword new to the folder: FLAGS first
    for (quint32 uid : std::as_const(present)) {
        if (failedSet.contains(uid))
            continue;
        const bool wasChanged = changed.contains(uid);
        if (silent && !(m_condstore && unchangedSince && wasChanged))
            continue;
        const MessageInfo *m = mailbox->message(uid);
        if (!m)
            continue;
        out += "* " + QByteArray::number(m_view->seqOfUid(uid)) + " FETCH (";
        if (cmd.uid)
            out += "UID " + QByteArray::number(uid) + ' ';
        if (!silent)
            out += "FLAGS " + ImapFormat::flags(m->flags, m->keywords, m_view->isRecent(uid));
        if (m_condstore)
            out += QByteArray(silent ? "" : " ") + "MODSEQ (" + QByteArray::number(m->modSeq) + ")";
        out += ")\r\n";
    }
    send(out);
    if (!failed.isEmpty()) {
        QVector<quint32> numbers;
        for (quint32 uid : std::as_const(failed))
            numbers.append(cmd.uid ? uid : quint32(m_view->seqOfUid(uid)));
        std::sort(numbers.begin(), numbers.end());
        return ok("[MODIFIED " + ImapSequenceSet::fromList(numbers).toString() + "] Conditional STORE failed.");
    }
    if (present.size() < uids.size()) // the others were changed: OK, as for FETCH
        return ok("[EXPUNGEISSUED] Some messages were expunged.");
    ok("Store completed.");
}

void ImapSession::cmdCopy(const ImapCommand &cmd)
{
    const bool move = m_commandName == "MOVE";
    if (cmd.args.size() != 2 || !cmd.args[1].isAString())
        return bad("COPY needs a sequence set and a mailbox");
    QVector<quint32> uids;
    if (!resolveSet(cmd.args[0], cmd.uid, &uids))
        return;
    const std::optional<QString> target = ImapFormat::mailboxArg(cmd.args[1]);
    if (!target)
        return no("[TRYCREATE] Invalid mailbox name.");
    if (move && m_view->readOnly())
        return no("[READ-ONLY] Mailbox is read-only.");
    StoreError error;
    const std::optional<FolderStatus> targetStatus = m_ctx->mailStore->folderStatus(m_user, *target, &error);
    if (!targetStatus)
        return no(error.code == StoreErrorCode::NotFound ? QByteArray("[TRYCREATE] Mailbox does not exist.")
                                                         : ImapFormat::storeError(error));
    if (uids.isEmpty())
        return ok(move ? "Move completed." : "Copy completed.");
    Mailbox *mailbox = m_view->mailbox();
    // By message number, a message another session expunged fails the whole command before
    // anything is copied (RFC 3501 6.4.7: all or nothing); UID COPY/MOVE skip it.
    if (!cmd.uid && std::any_of(uids.cbegin(), uids.cend(), [mailbox](quint32 uid) { return !mailbox->message(uid); }))
        return no("[EXPUNGEISSUED] Some messages were expunged.");
    QVector<quint32> sources;
    const std::optional<QVector<quint32>> newUids = move ? mailbox->moveTo(uids, *target, &sources, &error)
                                                         : mailbox->copyTo(uids, *target, &sources, &error);
    if (!newUids)
        return no(ImapFormat::storeError(error));
    // Into the selected folder itself: its EXISTS belongs before the tagged reply.
    if (MaildirNames::canonicalFolderName(*target) == MaildirNames::canonicalFolderName(mailbox->name()))
        mailbox->sync();
    QByteArray code;
    if (!newUids->isEmpty()) {
        // COPYUID lists source and destination UIDs in matching order.
        QVector<quint32> src = sources.mid(0, newUids->size());
        auto ascending = [](const QVector<quint32> &v) { return std::is_sorted(v.cbegin(), v.cend()); };
        QByteArray srcText, dstText;
        if (ascending(src) && ascending(*newUids)) { // the usual case: compact ranges
            srcText = ImapSequenceSet::fromList(src).toString();
            dstText = ImapSequenceSet::fromList(*newUids).toString();
        } else {
            QByteArrayList a, b;
            for (int k = 0; k < newUids->size(); ++k) {
                a << QByteArray::number(src.value(k));
                b << QByteArray::number(newUids->at(k));
            }
            srcText = a.join(',');
            dstText = b.join(',');
        }
        code = "[COPYUID " + QByteArray::number(targetStatus->uidValidity) + ' ' + srcText + ' ' + dstText + "] ";
    }
    if (move) {
        // RFC 6851: COPYUID goes in an untagged OK before the EXPUNGEs.
        if (!code.isEmpty())
            send("* OK " + code + "Moved.\r\n");
        return ok("Move completed.");
    }
    ok(code + "Copy completed.");
}
