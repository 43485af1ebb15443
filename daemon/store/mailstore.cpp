#include "mailstore.h"

#include "accountstore.h"
#include "atomicfile.h"
#include "maildirfolder.h"
#include "maildirnames.h"
#include "mailaddress.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>

#include <cerrno>
#include <dirent.h>
#include <sys/stat.h>

namespace {
const char SubscriptionsName[] = "postroom-subscriptions";

QByteArray enc(const QString &s) { return QFile::encodeName(s); }

// One path component from an address part: readable for ordinary names, %XX for
// anything that could mean something to the filesystem ('/', leading '.', controls).
QString pathComponent(const QString &text)
{
    const QByteArray utf8 = text.toLower().toUtf8();
    QString out;
    for (int i = 0; i < utf8.size(); ++i) {
        const uchar c = uchar(utf8.at(i));
        const bool plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '.' && i > 0)
            || (c != 0 && std::strchr("-_+=!#$&'*^`{|}~", c) != nullptr);
        if (plain)
            out += QLatin1Char(char(c));
        else
            out += QStringLiteral("%%1").arg(uint(c), 2, 16, QLatin1Char('0'));
    }
    return out;
}

bool isDir(const QString &path)
{
    struct stat st;
    return ::stat(enc(path).constData(), &st) == 0 && S_ISDIR(st.st_mode);
}

// Maildir++ folder directories under a Maildir root: ".Name" -> IMAP name.
QStringList folderNamesOnDisk(const QString &root)
{
    QStringList names;
    DIR *d = ::opendir(enc(root).constData());
    if (!d)
        return names;
    while (struct dirent *e = ::readdir(d)) {
        const QString dirName = QFile::decodeName(e->d_name);
        const auto name = MaildirNames::dirToFolder(dirName);
        if (name && isDir(root + QLatin1Char('/') + dirName + QLatin1String("/cur")))
            names << *name;
    }
    ::closedir(d);
    return names;
}
}

const QVector<QPair<QString, QString>> &MailStore::defaultFolders()
{
    static const QVector<QPair<QString, QString>> folders = {
        {QStringLiteral("Sent"), QStringLiteral("\\Sent")},    {QStringLiteral("Drafts"), QStringLiteral("\\Drafts")},
        {QStringLiteral("Trash"), QStringLiteral("\\Trash")},  {QStringLiteral("Junk"), QStringLiteral("\\Junk")},
        {QStringLiteral("Archive"), QStringLiteral("\\Archive")},
    };
    return folders;
}

MailStore::MailStore(const QString &mailRoot, AccountStore *accounts, QObject *parent)
    : QObject(parent), m_mailRoot(mailRoot), m_accounts(accounts)
{
}

MailStore::~MailStore()
{
    for (auto it = m_open.cbegin(); it != m_open.cend(); ++it)
        if (auto mb = it.value().toStrongRef())
            mb->m_folder->saveIndex();
}

QString MailStore::mailboxKey(const QString &address, const QString &name)
{
    return address + QLatin1Char('\n') + MaildirNames::canonicalFolderName(name);
}

QString MailStore::maildirPath(const QString &address) const
{
    const MailAddress a = MailAddress::parse(address);
    if (!a.isValid())
        return {};
    return m_mailRoot + QLatin1Char('/') + pathComponent(a.domain()) + QLatin1Char('/') + pathComponent(a.localPart())
        + QLatin1String("/Maildir");
}

QString MailStore::accountAddress(const QString &address, StoreError *error)
{
    const auto user = m_accounts ? m_accounts->user(address) : std::nullopt;
    if (!user) {
        storeFail(error, StoreErrorCode::NotFound, QStringLiteral("no such user: %1").arg(address));
        return {};
    }
    return user->address;
}

QString MailStore::folderPath(const QString &address, const QString &name, bool mustExist, StoreError *error)
{
    QString problem;
    const auto dir = MaildirNames::folderToDir(name, &problem);
    if (!dir) {
        storeFail(error, StoreErrorCode::InvalidName, problem);
        return {};
    }
    const QString root = maildirPath(address);
    if (root.isEmpty()) {
        storeFail(error, StoreErrorCode::InvalidName, QStringLiteral("invalid address"));
        return {};
    }
    if (dir->isEmpty() && mustExist && !MaildirFolder::exists(root) && !ensureMailbox(address, error))
        return {};
    const QString path = dir->isEmpty() ? root : root + QLatin1Char('/') + *dir;
    if (mustExist && !MaildirFolder::exists(path)) {
        storeFail(error, StoreErrorCode::NotFound, QStringLiteral("no such folder: %1").arg(name));
        return {};
    }
    return path;
}

bool MailStore::ensureMailbox(const QString &address, StoreError *error)
{
    const QString root = maildirPath(address);
    if (root.isEmpty())
        return storeFail(error, StoreErrorCode::InvalidName, QStringLiteral("invalid address"));
    if (MaildirFolder::exists(root))
        return true;
    if (!QDir().mkpath(root) || !MaildirFolder::create(root, false, error))
        return storeFail(error, StoreErrorCode::Io, QStringLiteral("cannot create %1").arg(root));
    QFile::setPermissions(QFileInfo(root).absolutePath(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QStringList subscribed{QStringLiteral("INBOX")};
    for (const auto &f : defaultFolders()) {
        if (!MaildirFolder::create(root + QLatin1String("/.") + f.first, true, error))
            return false;
        subscribed << f.first;
    }
    AtomicFile::fsyncDirectory(root);
    return writeSubscriptions(address, subscribed, error);
}

bool MailStore::deleteMailbox(const QString &address, StoreError *error)
{
    const QString root = maildirPath(address);
    if (root.isEmpty())
        return storeFail(error, StoreErrorCode::InvalidName, QStringLiteral("invalid address"));
    const QString userDir = QFileInfo(root).absolutePath();
    if (!isDir(userDir))
        return true;
    // Rename first, so the mailbox vanishes at once even if removal is slow or fails halfway.
    const QString doomed = userDir + QStringLiteral(".deleted-%1").arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    if (::rename(enc(userDir).constData(), enc(doomed).constData()) != 0)
        return storeFail(error, StoreErrorCode::Io, QStringLiteral("cannot remove %1").arg(userDir));
    const QString key = MailAddress::parse(address).normalized() + QLatin1Char('\n');
    for (auto it = m_open.begin(); it != m_open.end(); ++it)
        if (it.key().startsWith(key))
            if (auto mb = it.value().toStrongRef())
                mb->markRemoved();
    adjustUsageUnknown(MailAddress::parse(address).normalized());
    if (!QDir(doomed).removeRecursively())
        return storeFail(error, StoreErrorCode::Io, QStringLiteral("could not remove all of %1").arg(doomed));
    return true;
}

std::optional<QVector<FolderInfo>> MailStore::listFolders(const QString &rawAddress, StoreError *error)
{
    const QString address = accountAddress(rawAddress, error);
    if (address.isEmpty() || !ensureMailbox(address, error))
        return std::nullopt;
    const QString root = maildirPath(address);
    QStringList names = folderNamesOnDisk(root);
    names.sort(Qt::CaseInsensitive);
    const QStringList subs = readSubscriptions(address);
    QSet<QString> all(names.cbegin(), names.cend());
    all.insert(QStringLiteral("INBOX"));
    QVector<FolderInfo> out;
    auto add = [&](const QString &name, bool selectable) {
        FolderInfo f;
        f.name = name;
        f.selectable = selectable;
        f.subscribed = subs.contains(name);
        for (const auto &d : defaultFolders())
            if (d.first == name)
                f.specialUse = d.second;
        const QString prefix = name + QLatin1Char('/');
        for (const QString &other : std::as_const(all))
            if (other.startsWith(prefix)) {
                f.hasChildren = true;
                break;
            }
        out << f;
    };
    add(QStringLiteral("INBOX"), true);
    QSet<QString> listed;
    for (const QString &n : std::as_const(names)) {
        // Maildir++ is flat: ".A.B" may exist without ".A". Report "A" as \Noselect.
        const QStringList parts = n.split(QLatin1Char('/'));
        for (int i = 1; i < parts.size(); ++i) {
            const QString parent = parts.mid(0, i).join(QLatin1Char('/'));
            if (!all.contains(parent) && !listed.contains(parent)) {
                listed.insert(parent);
                all.insert(parent);
                add(parent, false);
            }
        }
        add(n, true);
    }
    return out;
}

bool MailStore::createFolder(const QString &rawAddress, const QString &rawName, StoreError *error)
{
    const QString address = accountAddress(rawAddress, error);
    if (address.isEmpty())
        return false;
    QString name = rawName;
    if (name.endsWith(QLatin1Char('/'))) // RFC 9051 6.3.4: a trailing separator is dropped
        name.chop(1);
    if (MaildirNames::canonicalFolderName(name) == QLatin1String("INBOX"))
        return storeFail(error, StoreErrorCode::AlreadyExists, QStringLiteral("INBOX always exists"));
    const QString path = folderPath(address, name, false, error);
    if (path.isEmpty() || !ensureMailbox(address, error))
        return false;
    if (isDir(path))
        return storeFail(error, StoreErrorCode::AlreadyExists, QStringLiteral("folder exists: %1").arg(name));
    if (!MaildirFolder::create(path, true, error))
        return false;
    AtomicFile::fsyncDirectory(maildirPath(address));
    return true;
}

void MailStore::markRemoved(const QString &address, const QString &name)
{
    const QString exact = mailboxKey(address, name);
    for (auto it = m_open.begin(); it != m_open.end();) {
        if (it.key() == exact || it.key().startsWith(exact + QLatin1Char('/'))) {
            if (auto mb = it.value().toStrongRef())
                mb->markRemoved();
            it = m_open.erase(it);
        } else {
            ++it;
        }
    }
}

bool MailStore::deleteFolder(const QString &rawAddress, const QString &name, StoreError *error)
{
    const QString address = accountAddress(rawAddress, error);
    if (address.isEmpty())
        return false;
    if (MaildirNames::canonicalFolderName(name) == QLatin1String("INBOX"))
        return storeFail(error, StoreErrorCode::NotPermitted, QStringLiteral("INBOX cannot be deleted"));
    const QString path = folderPath(address, name, true, error);
    if (path.isEmpty())
        return false;
    const QString prefix = MaildirNames::canonicalFolderName(name) + QLatin1Char('/');
    for (const QString &other : folderNamesOnDisk(maildirPath(address)))
        if (other.startsWith(prefix))
            return storeFail(error, StoreErrorCode::NotPermitted, QStringLiteral("folder has child folders: %1").arg(name));
    // "..x" is never a folder name, so the folder vanishes atomically before removal.
    const QString doomed = maildirPath(address) + QStringLiteral("/..deleted-%1").arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    if (::rename(enc(path).constData(), enc(doomed).constData()) != 0)
        return storeFail(error, StoreErrorCode::Io, QStringLiteral("cannot delete %1").arg(name));
    markRemoved(address, name);
    adjustUsageUnknown(address);
    QDir(doomed).removeRecursively();
    return true;
}

bool MailStore::renameFolder(const QString &rawAddress, const QString &from, const QString &to, StoreError *error)
{
    const QString address = accountAddress(rawAddress, error);
    if (address.isEmpty())
        return false;
    const QString src = MaildirNames::canonicalFolderName(from);
    const QString dst = MaildirNames::canonicalFolderName(to);
    const QString dstPath = folderPath(address, dst, false, error);
    if (dstPath.isEmpty())
        return false;
    if (dst == QLatin1String("INBOX") || isDir(dstPath))
        return storeFail(error, StoreErrorCode::AlreadyExists, QStringLiteral("folder exists: %1").arg(to));
    if (dst.startsWith(src + QLatin1Char('/')))
        return storeFail(error, StoreErrorCode::NotPermitted, QStringLiteral("cannot move a folder into itself"));
    if (src == QLatin1String("INBOX")) {
        // RFC 9051 6.3.6: move INBOX's messages to the new folder; INBOX stays, empty.
        if (!createFolder(address, dst, error))
            return false;
        auto inbox = openMailbox(address, src, error);
        if (!inbox)
            return false;
        QVector<quint32> uids;
        for (const MessageInfo &m : inbox->messages())
            uids << m.uid;
        return uids.isEmpty() || inbox->moveTo(uids, dst, nullptr, error).has_value();
    }
    const QString srcPath = folderPath(address, src, true, error);
    if (srcPath.isEmpty())
        return false;
    const QString root = maildirPath(address);
    QStringList renames{src};
    for (const QString &other : folderNamesOnDisk(root))
        if (other.startsWith(src + QLatin1Char('/')))
            renames << other;
    for (const QString &old : std::as_const(renames)) {
        const QString newName = dst + old.mid(src.size());
        const auto oldDir = MaildirNames::folderToDir(old);
        const auto newDir = MaildirNames::folderToDir(newName);
        if (!oldDir || !newDir)
            return storeFail(error, StoreErrorCode::InvalidName, QStringLiteral("folder name too long"));
        if (::rename(enc(root + QLatin1Char('/') + *oldDir).constData(), enc(root + QLatin1Char('/') + *newDir).constData()) != 0)
            return storeFail(error, StoreErrorCode::Io, QStringLiteral("cannot rename %1").arg(old));
    }
    AtomicFile::fsyncDirectory(root);
    markRemoved(address, src);
    QStringList subs = readSubscriptions(address);
    for (QString &s : subs)
        if (s == src || s.startsWith(src + QLatin1Char('/')))
            s = dst + s.mid(src.size());
    writeSubscriptions(address, subs, nullptr);
    return true;
}

QStringList MailStore::subscriptions(const QString &rawAddress)
{
    const QString address = accountAddress(rawAddress, nullptr);
    if (address.isEmpty())
        return {};
    QMutexLocker lock(&m_subscriptionMutex);
    return readSubscriptions(address);
}

QStringList MailStore::readSubscriptions(const QString &address) const
{
    QFile f(maildirPath(address) + QLatin1Char('/') + QLatin1String(SubscriptionsName));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QStringList out;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (!line.isEmpty())
            out << QString::fromUtf8(line);
    return out;
}

bool MailStore::writeSubscriptions(const QString &address, const QStringList &names, StoreError *error)
{
    QByteArray out;
    for (const QString &n : names)
        out += n.toUtf8() + '\n';
    QString err;
    if (!AtomicFile::write(maildirPath(address) + QLatin1Char('/') + QLatin1String(SubscriptionsName), out, &err, 0600))
        return storeFail(error, StoreErrorCode::Io, err);
    return true;
}

bool MailStore::setSubscribed(const QString &rawAddress, const QString &rawName, bool subscribed, StoreError *error)
{
    const QString address = accountAddress(rawAddress, error);
    if (address.isEmpty())
        return false;
    const QString name = MaildirNames::canonicalFolderName(rawName);
    if (!MaildirNames::folderToDir(name))
        return storeFail(error, StoreErrorCode::InvalidName, QStringLiteral("invalid folder name"));
    QMutexLocker lock(&m_subscriptionMutex);
    QStringList subs = readSubscriptions(address);
    if (subs.contains(name) == subscribed)
        return true;
    if (subscribed)
        subs << name;
    else
        subs.removeAll(name);
    return writeSubscriptions(address, subs, error);
}

QSharedPointer<Mailbox> MailStore::openMailbox(const QString &rawAddress, const QString &rawName, StoreError *error)
{
    const QString address = accountAddress(rawAddress, error);
    if (address.isEmpty())
        return {};
    const QString name = MaildirNames::canonicalFolderName(rawName);
    const QString key = mailboxKey(address, name);
    if (auto existing = m_open.value(key).toStrongRef()) {
        if (existing->isValid())
            return existing;
    }
    const QString path = folderPath(address, name, true, error);
    if (path.isEmpty())
        return {};
    QSharedPointer<Mailbox> mb(new Mailbox(this, address, name, path));
    if (!mb->open(error))
        return {};
    m_open.insert(key, mb);
    return mb;
}

std::optional<FolderStatus> MailStore::folderStatus(const QString &rawAddress, const QString &rawName, StoreError *error)
{
    const QString address = accountAddress(rawAddress, error);
    if (address.isEmpty())
        return std::nullopt;
    QSharedPointer<Mailbox> mb = m_open.value(mailboxKey(address, rawName)).toStrongRef();
    if (mb && mb->isValid())
        mb->sync();
    else
        mb = openMailbox(address, rawName, error); // closed again when mb goes out of scope
    if (!mb)
        return std::nullopt;
    FolderStatus s;
    s.messages = int(mb->messages().size());
    s.unseen = mb->unseenCount();
    s.recent = mb->recentCount();
    s.uidNext = mb->uidNext();
    s.uidValidity = mb->uidValidity();
    s.highestModSeq = mb->highestModSeq();
    for (const MessageInfo &m : mb->messages())
        s.sizeBytes += m.size;
    return s;
}

void MailStore::notifyFolder(const QString &address, const QString &folder)
{
    QMetaObject::invokeMethod(this, [this, address, folder] {
        if (auto mb = m_open.value(mailboxKey(address, folder)).toStrongRef())
            mb->sync();
        emit folderChanged(address, MaildirNames::canonicalFolderName(folder));
    }, Qt::QueuedConnection);
}

void MailStore::notifyFolderFromMailbox(const QString &address, const QString &folder)
{
    emit folderChanged(address, folder);
}
