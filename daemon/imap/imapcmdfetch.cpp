// ImapSession: FETCH and UID FETCH (RFC 3501 6.4.5, 7.4.2; CHANGEDSINCE RFC 7162).
// ENVELOPE/BODYSTRUCTURE/BODY and the part table come from the MIME module's
// MimeFetchInfo, cached in the folder index per message, so repeated FETCHes never
// re-parse; BODY[section] reads the file and cuts the bytes out with that table.
// Long FETCHes run in slices and pause while the client is slow to read.
#include "imapfetchrequest.h"
#include "imapformat.h"
#include "imaplimits.h"
#include "imapselectedview.h"
#include "imapsession.h"
#include "mailbox.h"
#include "maildirnames.h"
#include "mimefetchinfo.h"
#include "mimemessage.h"

#include <QFile>
#include <QHash>
#include <QtConcurrent/QtConcurrentMap>
#include <memory>

std::optional<MimeFetchInfo> ImapSession::fetchInfo(quint32 uid, const QByteArray *raw)
{
    Mailbox *mailbox = m_view->mailbox();
    const QByteArray blob = mailbox->cachedData(uid);
    if (!blob.isEmpty()) {
        if (std::optional<MimeFetchInfo> info = MimeFetchInfo::deserialize(blob))
            return info;
    }
    QByteArray data;
    if (raw) {
        data = *raw;
    } else {
        std::optional<QByteArray> read = mailbox->readMessage(uid);
        if (!read)
            return std::nullopt;
        data = std::move(*read);
    }
    MimeFetchInfo info = MimeFetchInfo::fromMessage(MimeMessage::parse(data));
    mailbox->setCachedData(uid, info.serialize());
    return info;
}

namespace {
// The parse results of one FETCH step: from the folder cache, or, for messages not cached yet
// (the first FETCH after delivery or a rescan), read and parsed on every core at once. The
// parser is pure; the store's index and cache are only touched here, on the event-loop thread.
QHash<quint32, MimeFetchInfo> stepInfos(Mailbox *mailbox, const QVector<quint32> &uids, int from, int to)
{
    struct Parse {
        quint32 uid;
        QString path;
        std::optional<MimeFetchInfo> info; // none when the file could not be read
        QByteArray blob;                   // info, serialized for the folder cache
    };
    QHash<quint32, MimeFetchInfo> infos;
    std::vector<Parse> parses;
    for (int i = from; i < to; ++i) {
        const quint32 uid = uids.at(i);
        const QByteArray blob = mailbox->cachedData(uid);
        if (!blob.isEmpty()) {
            if (std::optional<MimeFetchInfo> info = MimeFetchInfo::deserialize(blob)) {
                infos.insert(uid, std::move(*info));
                continue;
            }
        }
        const QString path = mailbox->messagePath(uid);
        if (!path.isEmpty())
            parses.push_back({uid, path, std::nullopt, QByteArray()});
    }
    if (parses.size() < 2)
        return infos; // nothing to share out: the caller parses serially
    QtConcurrent::blockingMap(parses, [](Parse &p) {
        QFile file(p.path);
        if (!file.open(QIODevice::ReadOnly)) // renamed meanwhile: the caller's path retries
            return;
        p.info = MimeFetchInfo::fromMessage(MimeMessage::parse(MaildirNames::withCrlf(file.readAll())));
        p.blob = p.info->serialize();
    });
    for (Parse &p : parses) {
        if (!p.info)
            continue;
        mailbox->setCachedData(p.uid, p.blob);
        infos.insert(p.uid, std::move(*p.info));
    }
    return infos;
}

void appendLiteral(QByteArray &out, const QByteArray &data)
{
    out.append('{').append(QByteArray::number(data.size())).append("}\r\n").append(data);
}
}

void ImapSession::cmdFetch(const ImapCommand &cmd)
{
    if (cmd.args.size() < 2)
        return bad("FETCH needs a sequence set and data items");
    QByteArray error;
    std::optional<ImapFetchRequest> parsed = ImapFetchRequest::parse(cmd.args.mid(1), &error);
    if (!parsed)
        return bad(error);
    QVector<quint32> uids;
    if (!resolveSet(cmd.args[0], cmd.uid, &uids))
        return;
    if (parsed->changedSince || parsed->has(ImapFetchRequest::Item::Kind::ModSeq))
        enableCondstore();

    struct Job {
        ImapFetchRequest request;
        QVector<quint32> uids;
        int next = 0;
        bool expunged = false;
        bool uidCommand = false;
    };
    auto job = std::make_shared<Job>();
    job->request = std::move(*parsed);
    job->uids = std::move(uids);
    job->uidCommand = cmd.uid;
    using K = ImapFetchRequest::Item::Kind;
    const bool markSeen = job->request.setsSeen() && !m_view->readOnly();

    runResumable([this, job, markSeen]() -> bool {
        if (!m_view)
            return true;
        Mailbox *mailbox = m_view->mailbox();
        const ImapFetchRequest &req = job->request;
        QByteArray out;
        out.reserve(ImapLimits::FetchStepBytes + 64 * 1024); // no regrowth copies while appending
        const int end = std::min<int>(job->uids.size(), job->next + ImapLimits::FetchBatch);
        QHash<quint32, MimeFetchInfo> infos;
        if (req.needsInfo() && !req.needsContent())
            infos = stepInfos(mailbox, job->uids, job->next, end);
        // A step ends after FetchBatch messages or FetchStepBytes of output, so the TLS and
        // socket buffers behind it stay small (cache-warm, no page faults from huge blocks).
        for (; job->next < end && out.size() < ImapLimits::FetchStepBytes; ++job->next) {
            const quint32 uid = job->uids.at(job->next);
            const MessageInfo *info = mailbox->message(uid);
            if (!info) {
                job->expunged = true;
                continue;
            }
            if (req.changedSince && info->modSeq <= req.changedSince)
                continue;
            bool flagsChanged = false;
            if (markSeen && !(info->flags & MessageFlag::Seen)) {
                mailbox->storeFlags({uid}, FlagOperation::Add, MessageFlag::Seen, {});
                m_view->forgetFlagChanges({uid});
                info = mailbox->message(uid);
                if (!info)
                    continue;
                flagsChanged = true;
            }
            std::optional<QByteArray> raw;
            std::optional<MimeFetchInfo> mime;
            if (req.needsContent()) {
                raw = mailbox->readMessage(uid);
                if (!raw) {
                    job->expunged = true;
                    continue;
                }
            }
            if (req.needsInfo()) {
                const auto found = infos.constFind(uid);
                mime = found != infos.cend() ? *found : fetchInfo(uid, raw ? &*raw : nullptr);
                if (!mime) {
                    job->expunged = true;
                    continue;
                }
            }
            QByteArray &line = out; // appended in place: no per-message copy
            line += "* " + QByteArray::number(m_view->seqOfUid(uid)) + " FETCH (";
            bool first = true;
            auto sep = [&] {
                if (!first)
                    line.append(' ');
                first = false;
            };
            if (job->uidCommand || req.has(K::Uid)) {
                sep();
                line += "UID " + QByteArray::number(uid);
            }
            if (flagsChanged && !req.has(K::Flags)) {
                sep();
                line += "FLAGS " + ImapFormat::flags(info->flags, info->keywords, m_view->isRecent(uid));
            }
            for (const ImapFetchRequest::Item &item : req.items) {
                switch (item.kind) {
                case K::Uid:
                    continue;
                case K::Flags:
                    sep();
                    line += "FLAGS " + ImapFormat::flags(info->flags, info->keywords, m_view->isRecent(uid));
                    break;
                case K::InternalDate:
                    sep();
                    line += "INTERNALDATE \"" + ImapFormat::dateTime(info->internalDate) + '"';
                    break;
                case K::Size:
                    sep();
                    line += "RFC822.SIZE " + QByteArray::number(info->size);
                    break;
                case K::ModSeq:
                    sep();
                    line += "MODSEQ (" + QByteArray::number(info->modSeq) + ')';
                    break;
                case K::Envelope:
                    sep();
                    line += "ENVELOPE " + mime->envelope;
                    break;
                case K::BodyStructure:
                    sep();
                    line += "BODYSTRUCTURE " + mime->bodyStructure;
                    break;
                case K::Body:
                    sep();
                    line += "BODY " + mime->body;
                    break;
                case K::Rfc822:
                    sep();
                    line += "RFC822 ";
                    appendLiteral(line, *raw);
                    break;
                case K::Rfc822Header:
                case K::Rfc822Text: {
                    ImapSection s;
                    s.text = item.kind == K::Rfc822Header ? ImapSection::Text::Header : ImapSection::Text::Text;
                    const std::optional<QByteArray> data = s.extract(*raw, *mime);
                    sep();
                    line += item.kind == K::Rfc822Header ? "RFC822.HEADER " : "RFC822.TEXT ";
                    appendLiteral(line, data.value_or(QByteArray()));
                    break;
                }
                case K::Section: {
                    std::optional<QByteArray> data;
                    if (item.section.path.isEmpty() && item.section.text == ImapSection::Text::None)
                        data = *raw;
                    else
                        data = item.section.extract(*raw, *mime);
                    sep();
                    line += "BODY[" + item.section.toString() + ']';
                    if (item.origin >= 0)
                        line += '<' + QByteArray::number(item.origin) + '>';
                    line += ' ';
                    if (!data) {
                        line += "NIL";
                    } else if (item.origin >= 0) {
                        appendLiteral(line, ImapSection::partial(*data, item.origin, item.count));
                    } else {
                        appendLiteral(line, *data);
                    }
                    break;
                }
                }
            }
            line += ")\r\n";
        }
        if (!out.isEmpty())
            send(out);
        if (job->next < job->uids.size())
            return false;
        // OK, not NO: the messages still there were answered, and a client that takes NO as
        // failure would throw them away (RFC 5530 3 shows OK; Dovecot does the same).
        if (job->expunged && !job->uidCommand)
            ok("[EXPUNGEISSUED] Some messages were expunged.");
        else
            ok("Fetch completed.");
        return true;
    });
}
