// The files of one Maildir++ folder and its metadata: the UID journal
// (postroom-uidlist, append-only, written under flock(postroom-uidlist.lock)), the
// keyword table (dovecot-keywords), the index cache (postroom-index) and the blob
// cache (postroom-cache). Several instances (threads, processes) may work on one folder
// at once: every UID/MODSEQ is assigned under the lock after catching up with the
// journal, so none is ever reused or goes backwards. One instance is not thread-safe.
// Trusts: nothing in the folder blindly; a bad index is rebuilt, a bad journal is
// replaced with a new UIDVALIDITY.
#pragma once

#include "messageinfo.h"
#include "storeerror.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QVector>

class MaildirFolder
{
public:
    struct Changes {
        QVector<quint32> added, flagsChanged, expunged;
        bool isEmpty() const { return added.isEmpty() && flagsChanged.isEmpty() && expunged.isEmpty(); }
    };
    // A message file to add under the lock (already in new/ or cur/).
    struct NewFile {
        QString sourcePath;     // the complete, fsynced file (in tmp/ or another folder), renamed in
        QString subdir;         // "new" or "cur"
        QString fileName;
        qint64 internalDate = 0;
        qint64 size = 0;
        quint32 uid = 0;        // out
    };

    explicit MaildirFolder(const QString &path);
    ~MaildirFolder();

    QString path() const { return m_path; }
    // Creates cur/new/tmp (and the maildirfolder marker for subfolders). Idempotent.
    static bool create(const QString &path, bool subfolder, StoreError *error);
    static bool exists(const QString &path);

    // Loads the index (or rebuilds it) and syncs. False when the folder is missing.
    bool open(StoreError *error);
    // Catches up with the journal and (when they changed) the directories.
    bool sync(Changes *changes, StoreError *error);
    // Writes the index cache when it changed (also done by the destructor).
    void saveIndex();

    quint32 uidValidity() const { return m_uidValidity; }
    quint32 uidNext() const { return m_uidNext; }
    quint64 highestModSeq() const { return m_highestModSeq; }
    QStringList keywords() const { return m_keywords; }
    const QVector<MessageInfo> &messages() const { return m_infos; }
    int indexOfUid(quint32 uid) const;
    QString filePath(int index) const;

    bool storeFlags(const QVector<quint32> &uids, FlagOperation op, quint8 flags, const QStringList &keywords,
                    quint64 unchangedSince, Changes *changes, QVector<quint32> *failed, StoreError *error);
    bool expunge(const QVector<quint32> &uids, Changes *changes, StoreError *error);

    QByteArray cachedData(quint32 uid) const;
    void setCachedData(quint32 uid, const QByteArray &blob);

    // Renames complete files into this folder and assigns their UIDs (delivery, copy, move):
    // under the lock, rename, fsync the directory, append "A" lines, fdatasync the journal.
    // Meant for an instance that was not open()ed (reads only the journal's tail).
    // A file whose rename fails gets uid 0; returns false only when nothing could be done.
    bool addFiles(QVector<NewFile> *files, StoreError *error);
    // RFC 3501 \Recent, shared by every session and process: UIDs at or above the floor kept
    // in postroom-recent have not yet been announced as recent to a read-write session.
    quint32 recentFloor() const; // reads the file, no lock (1 when there is none)
    // Raises the floor to upTo under the lock. *from is the floor found: the caller owns the
    // UIDs [*from, upTo) as recent (none when *from >= upTo). Losing the file only makes
    // messages recent once more, so it is replaced without fsync.
    bool claimRecent(quint32 upTo, quint32 *from, StoreError *error);
    // Keyword letters for names, adding missing ones to the table (under the lock).
    bool keywordMask(const QStringList &names, quint32 *mask, StoreError *error);

private:
    struct FileMeta {
        QString name;           // file name in cur/ or new/
        bool inNew = false;
        quint32 keywordMask = 0;
        bool dead = false;      // expunged, dropped by compactEntries()
        qint64 blobOffset = -1;
        qint32 blobLength = 0;
    };

    bool readJournal(StoreError *error, Changes *changes);
    bool readTailState(StoreError *error);
    QStringList keywordsFromMask(quint32 mask) const;
    void applyJournalLine(const QByteArray &line, Changes *changes, QSet<quint32> *seen);
    bool loadIndex();
    void compactEntries();
    bool appendJournal(const QByteArray &lines, bool durable, StoreError *error);
    bool startNewJournal(StoreError *error);
    bool scanDirectories(Changes *changes, StoreError *error);
    bool readKeywords();
    bool saveKeywords(StoreError *error);
    void maybeCompactJournal();
    void removeAt(int index);
    void insertSorted(const MessageInfo &info, const FileMeta &meta);
    QString journalPath() const;
    bool renameWithRetry(int index, const QString &newName, StoreError *error);

    QString m_path;
    quint32 m_uidValidity = 0;
    quint32 m_uidNext = 1;
    quint64 m_highestModSeq = 0;
    QStringList m_keywords;
    QVector<MessageInfo> m_infos;     // sorted by uid
    QVector<FileMeta> m_files;        // parallel to m_infos
    struct Pending { quint32 uid; quint64 modSeq; qint64 internalDate; };
    QHash<QString, Pending> m_pending; // journal entries whose file we have not seen yet, by base name
    bool m_needsCompact = false;       // dead entries to drop
    bool m_flagsStale = false;         // journal said flags changed: rescan
    // Journal position: what we have applied.
    qint64 m_journalInode = -1;
    qint64 m_journalOffset = 0;
    int m_journalLines = 0;
    // Directory mtimes of the last full scan (ns); -1 = untrusted, scan again.
    qint64 m_newMtime = -1;
    qint64 m_curMtime = -1;
    bool m_indexDirty = false;
    bool m_opened = false;            // only a full view (open()) may write the index
    bool m_locked = false;            // this instance holds the folder lock (flock is not re-entrant)
    mutable int m_cacheReadFd = -1;   // the blob cache, kept open: FETCH reads one blob per message
};
