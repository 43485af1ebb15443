#include "mailbox.h"

#include "maildirfolder.h"
#include "maildirnames.h"
#include "mailstore.h"

#include <algorithm>

#include <QCoreApplication>
#include <QtGlobal>
#include <QFile>
#include <QFileSystemWatcher>
#include <QTimer>

namespace {
constexpr int IndexSaveEveryChanges = 2000;
}

Mailbox::Mailbox(MailStore *store, const QString &owner, const QString &name, const QString &dirPath)
    : m_store(store), m_owner(owner), m_name(name), m_folder(std::make_unique<MaildirFolder>(dirPath))
{
}

Mailbox::~Mailbox()
{
    if (m_folder && m_valid)
        m_folder->saveIndex();
}

bool Mailbox::open(StoreError *error)
{
    if (!m_folder->open(error))
        return false;
    // Other processes (a second daemon, mutt, Dovecot) change files behind our back:
    // watch the directories and sync shortly after (IMAP IDLE wants it promptly).
    m_syncTimer = new QTimer(this);
    m_syncTimer->setSingleShot(true);
    m_syncTimer->setInterval(SyncDelayMs);
    connect(m_syncTimer, &QTimer::timeout, this, [this] { sync(); });
    if (!QCoreApplication::instance())
        return true; // no event loop (a command-line tool): syncs happen on demand only
    m_watcher = new QFileSystemWatcher(this);
    m_watcher->addPaths({m_folder->path() + QLatin1String("/new"), m_folder->path() + QLatin1String("/cur")});
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &Mailbox::scheduleSync);
    return true;
}

void Mailbox::scheduleSync()
{
    if (m_valid && !m_syncTimer->isActive())
        m_syncTimer->start();
}

void Mailbox::markRemoved()
{
    if (!m_valid)
        return;
    m_valid = false;
    if (m_watcher)
        m_watcher->removePaths(m_watcher->directories());
    emit folderRemoved();
}

quint32 Mailbox::uidValidity() const { return m_folder->uidValidity(); }
quint32 Mailbox::uidNext() const { return m_folder->uidNext(); }
quint64 Mailbox::highestModSeq() const { return m_folder->highestModSeq(); }
QStringList Mailbox::keywords() const { return m_folder->keywords(); }

const QVector<MessageInfo> &Mailbox::messages() const { return m_folder->messages(); }
int Mailbox::indexOfUid(quint32 uid) const { return m_folder->indexOfUid(uid); }

const MessageInfo *Mailbox::message(quint32 uid) const
{
    const int i = m_folder->indexOfUid(uid);
    return i < 0 ? nullptr : &m_folder->messages().at(i);
}

int Mailbox::unseenCount() const
{
    int n = 0;
    for (const MessageInfo &m : m_folder->messages())
        if (!(m.flags & MessageFlag::Seen))
            ++n;
    return n;
}

quint32 Mailbox::recentFloor() const
{
    return m_folder->recentFloor();
}

quint32 Mailbox::claimRecent(quint32 upTo)
{
    // The floor only rises (for one UIDVALIDITY): below what we claimed, nobody can claim.
    if (m_claimedValidity == uidValidity() && upTo <= m_claimedUpTo)
        return upTo;
    quint32 from = upTo;
    StoreError error;
    if (!m_folder->claimRecent(upTo, &from, &error)) {
        qWarning("%s", qPrintable(error.message));
        return upTo; // nothing recent rather than the same message recent everywhere
    }
    m_claimedUpTo = m_claimedValidity == uidValidity() ? std::max(m_claimedUpTo, upTo) : upTo;
    m_claimedValidity = uidValidity();
    return from;
}

int Mailbox::recentCount() const
{
    const QVector<MessageInfo> &msgs = m_folder->messages();
    const quint32 floor = recentFloor();
    const auto first = std::lower_bound(msgs.cbegin(), msgs.cend(), floor,
                                        [](const MessageInfo &m, quint32 uid) { return m.uid < uid; });
    return int(msgs.cend() - first);
}

QString Mailbox::messagePath(quint32 uid) const
{
    const int i = m_folder->indexOfUid(uid);
    return i < 0 ? QString() : m_folder->filePath(i);
}

std::unique_ptr<QFile> Mailbox::openMessage(quint32 uid, StoreError *error)
{
    for (int attempt = 0; attempt < 2; ++attempt) {
        const QString path = messagePath(uid);
        if (path.isEmpty())
            break;
        auto file = std::make_unique<QFile>(path);
        if (file->open(QIODevice::ReadOnly))
            return file;
        sync(); // renamed by someone else (flags, new/ -> cur/): pick up the new name
    }
    storeFail(error, StoreErrorCode::NotFound, QStringLiteral("no such message"));
    return nullptr;
}

std::optional<QByteArray> Mailbox::readMessage(quint32 uid, StoreError *error)
{
    auto file = openMessage(uid, error);
    if (!file)
        return std::nullopt;
    return MaildirNames::withCrlf(file->readAll()); // files from Dovecot or mutt have LF
}

QByteArray Mailbox::cachedData(quint32 uid) const { return m_folder->cachedData(uid); }
void Mailbox::setCachedData(quint32 uid, const QByteArray &blob) { m_folder->setCachedData(uid, blob); }

void Mailbox::report(const MaildirFolder::Changes &changes)
{
    if (!changes.expunged.isEmpty()) {
        m_store->adjustUsageUnknown(m_owner);
        emit messagesExpunged(changes.expunged);
    }
    if (!changes.added.isEmpty())
        emit messagesAdded(changes.added);
    if (!changes.flagsChanged.isEmpty())
        emit flagsChanged(changes.flagsChanged);
    m_changesSinceSave += int(changes.added.size() + changes.expunged.size() + changes.flagsChanged.size());
    if (m_changesSinceSave >= IndexSaveEveryChanges) {
        m_folder->saveIndex();
        m_changesSinceSave = 0;
    }
}

bool Mailbox::sync(StoreError *error)
{
    if (!m_valid)
        return storeFail(error, StoreErrorCode::NotFound, QStringLiteral("the folder was removed"));
    MaildirFolder::Changes changes;
    const bool ok = m_folder->sync(&changes, error);
    report(changes);
    if (!ok && !MaildirFolder::exists(m_folder->path()))
        markRemoved();
    return ok;
}

bool Mailbox::storeFlags(const QVector<quint32> &uids, FlagOperation op, quint8 flags, const QStringList &keywords,
                         quint64 unchangedSince, QVector<quint32> *changed, QVector<quint32> *failed, StoreError *error)
{
    if (!m_valid)
        return storeFail(error, StoreErrorCode::NotFound, QStringLiteral("the folder was removed"));
    MaildirFolder::Changes changes;
    const bool ok = m_folder->storeFlags(uids, op, flags, keywords, unchangedSince, &changes, failed, error);
    if (changed)
        *changed = changes.flagsChanged;
    report(changes);
    if (!changes.isEmpty())
        m_store->notifyFolderFromMailbox(m_owner, m_name);
    return ok;
}

bool Mailbox::expunge(const QVector<quint32> &uids, StoreError *error)
{
    if (!m_valid)
        return storeFail(error, StoreErrorCode::NotFound, QStringLiteral("the folder was removed"));
    MaildirFolder::Changes changes;
    const bool ok = m_folder->expunge(uids, &changes, error);
    report(changes);
    if (!changes.isEmpty())
        m_store->notifyFolderFromMailbox(m_owner, m_name);
    return ok;
}

std::optional<quint32> Mailbox::append(const QByteArray &data, quint8 flags, const QStringList &keywords,
                                       qint64 internalDate, StoreError *error)
{
    DeliveryRequest r;
    r.address = m_owner;
    r.folder = m_name;
    r.data = data;
    r.flags = flags;
    r.keywords = keywords;
    r.internalDate = internalDate;
    const auto uid = m_store->deliver(r, error);
    if (uid)
        sync();
    return uid;
}

std::optional<QVector<quint32>> Mailbox::copyTo(const QVector<quint32> &uids, const QString &targetFolder,
                                                QVector<quint32> *sourceUids, StoreError *error)
{
    return m_store->transfer(this, uids, targetFolder, false, sourceUids, error);
}

std::optional<QVector<quint32>> Mailbox::moveTo(const QVector<quint32> &uids, const QString &targetFolder,
                                                QVector<quint32> *sourceUids, StoreError *error)
{
    return m_store->transfer(this, uids, targetFolder, true, sourceUids, error);
}
