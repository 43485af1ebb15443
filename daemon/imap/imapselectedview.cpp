#include "imapselectedview.h"

#include "imapformat.h"
#include "mailbox.h"

#include <algorithm>

namespace {
// The UID list of one Mailbox, shared (implicitly, copy-on-write) by every view that selects
// it while nothing changes: 1,000 sessions idling on a 10,000-message INBOX hold one 40 KB
// list instead of 1,000. A child of the Mailbox; dropped on any change and rebuilt on demand.
class ImapUidSnapshot : public QObject
{
public:
    explicit ImapUidSnapshot(Mailbox *mailbox) : QObject(mailbox)
    {
        setObjectName(QLatin1String(Name));
        connect(mailbox, &Mailbox::messagesAdded, this, [this] { m_valid = false; });
        connect(mailbox, &Mailbox::messagesExpunged, this, [this] { m_valid = false; });
    }
    static QVector<quint32> uids(Mailbox *mailbox)
    {
        // No Q_OBJECT here (file-local class): found by its name, not by qobject_cast.
        auto *snap = dynamic_cast<ImapUidSnapshot *>(
            mailbox->findChild<QObject *>(QLatin1String(Name), Qt::FindDirectChildrenOnly));
        if (!snap)
            snap = new ImapUidSnapshot(mailbox);
        if (!snap->m_valid) {
            const QVector<MessageInfo> &msgs = mailbox->messages();
            QVector<quint32> list;
            list.reserve(msgs.size());
            for (const MessageInfo &m : msgs)
                list.append(m.uid);
            snap->m_uids = list;
            snap->m_valid = true;
        }
        return snap->m_uids;
    }

private:
    static constexpr const char *Name = "postroom-imap-uid-snapshot";
    QVector<quint32> m_uids;
    bool m_valid = false;
};
}

ImapSelectedView::ImapSelectedView(const QSharedPointer<Mailbox> &mailbox, bool readOnly, QObject *parent)
    : QObject(parent), m_mailbox(mailbox), m_readOnly(readOnly)
{
    m_uids = ImapUidSnapshot::uids(mailbox.data());
    noteRecent(0);
    connect(mailbox.data(), &Mailbox::messagesAdded, this, &ImapSelectedView::onAdded);
    connect(mailbox.data(), &Mailbox::flagsChanged, this, &ImapSelectedView::onFlagsChanged);
    connect(mailbox.data(), &Mailbox::messagesExpunged, this, &ImapSelectedView::onExpunged);
    connect(mailbox.data(), &Mailbox::folderRemoved, this, [this] {
        m_removed = true;
        emit updatesPending();
    });
}

int ImapSelectedView::seqOfUid(quint32 uid) const
{
    auto it = std::lower_bound(m_uids.cbegin(), m_uids.cend(), uid);
    if (it == m_uids.cend() || *it != uid)
        return 0;
    return int(it - m_uids.cbegin()) + 1;
}

bool ImapSelectedView::isRecent(quint32 uid) const
{
    return std::binary_search(m_recent.cbegin(), m_recent.cend(), uid);
}

// The messages from m_uids[firstNewIndex] on are new to this view: claims them (read-write)
// or looks at which ones nobody claimed yet (read-only).
void ImapSelectedView::noteRecent(int firstNewIndex)
{
    if (firstNewIndex >= m_uids.size())
        return;
    const quint32 floor = m_readOnly ? m_mailbox->recentFloor() : m_mailbox->claimRecent(m_uids.constLast() + 1);
    for (auto it = std::lower_bound(m_uids.cbegin() + firstNewIndex, m_uids.cend(), floor); it != m_uids.cend(); ++it)
        m_recent.append(*it);
}

bool ImapSelectedView::resolve(const ImapSequenceSet &set, bool uid, QVector<quint32> *out) const
{
    out->clear();
    const quint32 n = quint32(m_uids.size());
    if (uid) {
        const quint32 star = n ? m_uids.last() : 0;
        for (const auto &r : set.ranges()) {
            quint32 lo = r.first == ImapSequenceSet::Star ? star : r.first;
            quint32 hi = r.second == ImapSequenceSet::Star ? star : r.second;
            if (lo > hi)
                std::swap(lo, hi);
            if (hi == 0)
                continue;
            for (auto it = std::lower_bound(m_uids.cbegin(), m_uids.cend(), lo); it != m_uids.cend() && *it <= hi; ++it)
                out->append(*it);
        }
    } else {
        // "1:*" on an empty folder is common (clients refreshing flags): an empty result, not BAD.
        if (n == 0 && std::all_of(set.ranges().cbegin(), set.ranges().cend(), [](const QPair<quint32, quint32> &r) {
                return r.first == ImapSequenceSet::Star || r.second == ImapSequenceSet::Star;
            }))
            return true;
        for (const auto &r : set.ranges()) {
            quint32 lo = r.first == ImapSequenceSet::Star ? n : r.first;
            quint32 hi = r.second == ImapSequenceSet::Star ? n : r.second;
            if (lo > hi)
                std::swap(lo, hi);
            if (lo == 0 || hi > n)
                return false;
            for (quint32 s = lo; s <= hi; ++s)
                out->append(m_uids.at(int(s) - 1));
        }
    }
    if (set.ranges().size() > 1) {
        std::sort(out->begin(), out->end());
        out->erase(std::unique(out->begin(), out->end()), out->end());
    }
    return true;
}

QByteArray ImapSelectedView::flagsResponse()
{
    QByteArray flags = "\\Answered \\Flagged \\Deleted \\Seen \\Draft";
    const QStringList keywords = m_mailbox->keywords();
    for (const QString &k : keywords)
        flags += ' ' + k.toUtf8();
    m_keywordsSaid = int(keywords.size());
    return "* FLAGS (" + flags + ")\r\n"
        + (m_readOnly ? QByteArray("* OK [PERMANENTFLAGS ()] Read-only mailbox.\r\n")
                      : "* OK [PERMANENTFLAGS (" + flags + " \\*)] Flags permitted.\r\n");
}

QByteArray ImapSelectedView::takeKeywordUpdate()
{
    return m_mailbox->keywords().size() == m_keywordsSaid ? QByteArray() : flagsResponse();
}

QByteArray ImapSelectedView::takeUpdates(bool allowExpunge, bool condstore)
{
    QByteArray out = takeKeywordUpdate();
    if (allowExpunge && !m_expunged.isEmpty()) {
        std::sort(m_expunged.begin(), m_expunged.end());
        // Highest first: each number stays valid for the client as it applies them.
        for (auto it = m_expunged.crbegin(); it != m_expunged.crend(); ++it) {
            const int seq = seqOfUid(*it);
            if (seq > 0)
                out += "* " + QByteArray::number(seq) + " EXPUNGE\r\n";
        }
        const QVector<quint32> gone = m_expunged;
        m_expunged.clear();
        dropUids(gone);
    }
    if (m_added) {
        m_added = false;
        const quint32 last = m_uids.isEmpty() ? 0 : m_uids.constLast();
        const int before = m_uids.size();
        for (const MessageInfo &m : m_mailbox->messages())
            if (m.uid > last)
                m_uids.append(m.uid);
        if (m_uids.size() != before) {
            noteRecent(before);
            out += "* " + QByteArray::number(m_uids.size()) + " EXISTS\r\n* " + QByteArray::number(m_recent.size())
                + " RECENT\r\n";
        }
    }
    if (!m_flagsChanged.isEmpty()) {
        QVector<quint32> changed(m_flagsChanged.cbegin(), m_flagsChanged.cend());
        std::sort(changed.begin(), changed.end());
        m_flagsChanged.clear();
        for (quint32 uid : changed) {
            const int seq = seqOfUid(uid);
            const MessageInfo *info = m_mailbox->message(uid);
            if (seq == 0 || !info)
                continue;
            out += "* " + QByteArray::number(seq) + " FETCH (UID " + QByteArray::number(uid) + " FLAGS "
                + ImapFormat::flags(info->flags, info->keywords, isRecent(uid));
            if (condstore)
                out += " MODSEQ (" + QByteArray::number(info->modSeq) + ")";
            out += ")\r\n";
        }
    }
    return out;
}

void ImapSelectedView::forgetFlagChanges(const QVector<quint32> &uids)
{
    for (quint32 uid : uids)
        m_flagsChanged.remove(uid);
}

void ImapSelectedView::dropUids(const QVector<quint32> &uids)
{
    if (uids.isEmpty())
        return;
    QSet<quint32> gone(uids.cbegin(), uids.cend());
    m_uids.erase(std::remove_if(m_uids.begin(), m_uids.end(), [&](quint32 u) { return gone.contains(u); }), m_uids.end());
    m_recent.erase(std::remove_if(m_recent.begin(), m_recent.end(), [&](quint32 u) { return gone.contains(u); }),
                   m_recent.end());
    m_expunged.erase(std::remove_if(m_expunged.begin(), m_expunged.end(), [&](quint32 u) { return gone.contains(u); }),
                     m_expunged.end());
}

void ImapSelectedView::onAdded(const QVector<quint32> &)
{
    m_added = true;
    emit updatesPending();
}

void ImapSelectedView::onFlagsChanged(const QVector<quint32> &uids)
{
    for (quint32 uid : uids)
        m_flagsChanged.insert(uid);
    emit updatesPending();
}

void ImapSelectedView::onExpunged(const QVector<quint32> &uids)
{
    for (quint32 uid : uids) {
        m_flagsChanged.remove(uid);
        if (seqOfUid(uid) > 0)
            m_expunged.append(uid);
    }
    emit updatesPending();
}
