// ImapSession: SEARCH and UID SEARCH (RFC 3501 6.4.4), with ESEARCH results when the
// client asks for RETURN (...) (RFC 4731) and the highest MODSEQ (RFC 7162 3.1.5).
#include "imapformat.h"
#include "imapsearchquery.h"
#include "imapselectedview.h"
#include "imapsession.h"
#include "mailbox.h"
#include "mimemessage.h"

void ImapSession::cmdSearch(const ImapCommand &cmd)
{
    int start = 0;
    bool esearch = false;
    bool wantMin = false, wantMax = false, wantCount = false, wantAll = false;
    if (cmd.args.size() >= 2 && cmd.args[0].isAtom("RETURN") && cmd.args[1].isList()) {
        esearch = true;
        for (const ImapArg &o : cmd.args[1].list) {
            if (o.isAtom("MIN")) wantMin = true;
            else if (o.isAtom("MAX")) wantMax = true;
            else if (o.isAtom("COUNT")) wantCount = true;
            else if (o.isAtom("ALL")) wantAll = true;
            else return bad("Unknown RETURN option");
        }
        if (!wantMin && !wantMax && !wantCount)
            wantAll = true;
        start = 2;
    }
    QByteArray error;
    bool charsetProblem = false;
    const std::optional<ImapSearchQuery> query = ImapSearchQuery::parse(cmd.args, start, &error, &charsetProblem);
    if (!query)
        return charsetProblem ? no(error) : bad(error);
    if (query->usesModSeq())
        enableCondstore();

    Mailbox *mailbox = m_view->mailbox();
    const QVector<quint32> &uids = m_view->uids();
    QVector<quint32> hits;
    QVector<quint64> hitModSeqs; // parallel to hits
    quint64 highestModSeq = 0;
    ImapSearchQuery::Message m;
    m.count = quint32(uids.size());
    m.maxUid = uids.isEmpty() ? 0 : uids.last();
    MimeMessage parsed;
    quint32 currentUid = 0;
    m.content = [&]() -> const MimeMessage * {
        std::optional<QByteArray> raw = mailbox->readMessage(currentUid);
        if (!raw)
            return nullptr;
        parsed = MimeMessage::parse(*raw);
        return &parsed;
    };
    for (int i = 0; i < uids.size(); ++i) {
        const MessageInfo *info = mailbox->message(uids[i]);
        if (!info)
            continue; // expunged by someone else, not yet reported
        currentUid = uids[i];
        m.uid = uids[i];
        m.seq = quint32(i + 1);
        m.info = info;
        m.recent = m_view->isRecent(m.uid);
        if (query->matches(m)) {
            hits.append(cmd.uid ? m.uid : m.seq);
            hitModSeqs.append(info->modSeq);
            highestModSeq = std::max(highestModSeq, info->modSeq);
        }
    }
    QByteArray out;
    if (esearch) {
        out = "* ESEARCH (TAG " + ImapFormat::string(m_tag) + ")";
        if (cmd.uid)
            out += " UID";
        if (!hits.isEmpty()) {
            if (wantMin) out += " MIN " + QByteArray::number(hits.first());
            if (wantMax) out += " MAX " + QByteArray::number(hits.last());
            if (wantAll) out += " ALL " + ImapSequenceSet::fromList(hits).toString();
        }
        if (wantCount)
            out += " COUNT " + QByteArray::number(hits.size());
        if (query->usesModSeq() && !hits.isEmpty()) {
            // RFC 4731 3.2 / RFC 7162 3.1.5: the highest MODSEQ of the messages returned;
            // MIN and MAX alone return one message each.
            const quint64 returned = (wantAll || wantCount) ? highestModSeq
                                     : std::max(wantMin ? hitModSeqs.first() : 0, wantMax ? hitModSeqs.last() : 0);
            out += " MODSEQ " + QByteArray::number(returned);
        }
        out += "\r\n";
    } else {
        out = "* SEARCH";
        for (quint32 h : std::as_const(hits))
            out += ' ' + QByteArray::number(h);
        if (query->usesModSeq() && !hits.isEmpty())
            out += " (MODSEQ " + QByteArray::number(highestModSeq) + ')';
        out += "\r\n";
    }
    send(out);
    ok("Search completed.");
}
