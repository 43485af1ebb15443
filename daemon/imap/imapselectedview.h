// ImapSelectedView: one session's view of its selected folder (RFC 3501 5.5, 7.4.1).
// The session's sequence numbers stay fixed between commands; changes from the shared
// Mailbox (other sessions, deliveries, other processes) are queued here and reported as
// untagged EXPUNGE / EXISTS / FETCH FLAGS only when the session may send them.
// Trusts the Mailbox it observes.
#pragma once

#include "imapsequenceset.h"

#include <QObject>
#include <QSet>
#include <QSharedPointer>
#include <QVector>

class Mailbox;

class ImapSelectedView : public QObject
{
    Q_OBJECT
public:
    ImapSelectedView(const QSharedPointer<Mailbox> &mailbox, bool readOnly, QObject *parent = nullptr);

    Mailbox *mailbox() const { return m_mailbox.data(); }
    bool readOnly() const { return m_readOnly; }
    bool removed() const { return m_removed; }
    int count() const { return int(m_uids.size()); }
    const QVector<quint32> &uids() const { return m_uids; }
    quint32 uidAt(int seq) const { return m_uids.at(seq - 1); } // 1-based
    int seqOfUid(quint32 uid) const;                              // 0 when not in the view
    // RFC 3501 \Recent: the messages this session is the first to be told about (a read-only
    // view shows the unclaimed ones without claiming them).
    bool isRecent(quint32 uid) const;
    int recentCount() const { return int(m_recent.size()); }

    // Resolves a sequence set (message numbers, or UIDs when `uid`) to the UIDs of this
    // view, ascending. False for message numbers beyond the view (the caller answers BAD).
    bool resolve(const ImapSequenceSet &set, bool uid, QVector<quint32> *out) const;

    // "* FLAGS (...)" and "* OK [PERMANENTFLAGS (...)]" with the folder's keywords. The update
    // variant is empty unless a keyword was added since this view last said them: a client
    // must hear of a keyword in FLAGS before it appears in a FETCH (RFC 3501 7.2.6).
    QByteArray flagsResponse();
    QByteArray takeKeywordUpdate();

    // The untagged responses for what changed since the last call. EXPUNGEs only when
    // allowExpunge (not during FETCH, STORE, SEARCH); MODSEQ in FETCH when condstore.
    QByteArray takeUpdates(bool allowExpunge, bool condstore);
    bool hasUpdates() const { return !m_expunged.isEmpty() || m_added || !m_flagsChanged.isEmpty(); }
    bool hasPendingExpunges() const { return !m_expunged.isEmpty(); }
    // STORE already answered for these: no unsolicited FETCH for them.
    void forgetFlagChanges(const QVector<quint32> &uids);
    // CLOSE / MOVE: the session removes these itself (no EXPUNGE response for CLOSE).
    void dropUids(const QVector<quint32> &uids);

signals:
    void updatesPending(); // for IDLE

private:
    void noteRecent(int firstNewIndex);
    void onAdded(const QVector<quint32> &uids);
    void onFlagsChanged(const QVector<quint32> &uids);
    void onExpunged(const QVector<quint32> &uids);

    QSharedPointer<Mailbox> m_mailbox;
    QVector<quint32> m_uids;           // ascending; index + 1 = sequence number
    QVector<quint32> m_recent;         // ascending, a subset of m_uids (usually empty)
    QVector<quint32> m_expunged;       // gone from the mailbox, not yet reported
    QSet<quint32> m_flagsChanged;
    int m_keywordsSaid = 0;            // the folder's keyword table only grows
    bool m_added = false;
    bool m_readOnly = false;
    bool m_removed = false;
};
