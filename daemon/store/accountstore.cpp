#include "accountstore.h"
#include "accountstoredata.h"

#include "atomicfile.h"
#include "mailaddress.h"
#include "passwordhasher.h"

#include <QDir>
#include <QFile>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QtConcurrent/QtConcurrentRun>

#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>


namespace {
constexpr qint64 MaxAccountsFileBytes = 64 * 1024 * 1024;

QString domainOf(const QString &normalized)
{
    return normalized.mid(normalized.lastIndexOf(QLatin1Char('@')) + 1);
}
}

AccountStore::AccountStore(const QString &mailRoot, QObject *parent)
    : QObject(parent), m_mailRoot(mailRoot), m_data(std::make_unique<Data>())
{
}

AccountStore::~AccountStore() = default;

QString AccountStore::accountsPath() const { return m_mailRoot + QLatin1String("/accounts.json"); }

QString AccountStore::normalize(const QString &address, QString *error)
{
    const QString trimmed = address.trimmed();
    if (trimmed.startsWith(QLatin1Char('@'))) { // catch-all
        const MailAddress probe = MailAddress::parse(QStringLiteral("x") + trimmed);
        if (!probe.isValid() || probe.isAddressLiteral()) {
            if (error)
                *error = QStringLiteral("invalid domain: %1").arg(trimmed.mid(1));
            return {};
        }
        return QLatin1Char('@') + probe.domain();
    }
    QString problem;
    const MailAddress a = MailAddress::parse(trimmed, &problem);
    if (!a.isValid()) {
        if (error)
            *error = QStringLiteral("invalid address %1%2").arg(trimmed, problem.isEmpty() ? QString() : QStringLiteral(": ") + problem);
        return {};
    }
    return a.normalized();
}

void AccountStore::setDomains(const QStringList &domains)
{
    QMutexLocker lock(&m_mutex);
    m_domains.clear();
    for (const QString &d : domains)
        m_domains << d.toLower();
}

QStringList AccountStore::domains() const
{
    QMutexLocker lock(&m_mutex);
    return m_domains;
}

bool AccountStore::isLocalDomain(const QString &domain) const
{
    QMutexLocker lock(&m_mutex);
    return m_domains.contains(domain.toLower());
}

QString AccountStore::checkDomain(const QString &address) const
{
    const QString domain = domainOf(address);
    if (!m_domains.contains(domain))
        return QStringLiteral("domain %1 is not in domains").arg(domain);
    return {};
}

bool AccountStore::loadFile(Data *out, QString *error) const
{
    QFile f(accountsPath());
    if (!f.exists())
        return true; // no accounts yet
    if (!f.open(QIODevice::ReadOnly) || f.size() > MaxAccountsFileBytes) {
        if (error)
            *error = QStringLiteral("cannot read %1").arg(accountsPath());
        return false;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (!doc.isObject()) {
        if (error)
            *error = QStringLiteral("%1 is not valid JSON: %2").arg(accountsPath(), pe.errorString());
        return false;
    }
    const QJsonObject root = doc.object();
    for (const QJsonValue &v : root.value(QLatin1String("users")).toArray()) {
        const QJsonObject o = v.toObject();
        UserAccount u;
        u.address = normalize(o.value(QLatin1String("address")).toString());
        if (u.address.isEmpty() || u.address.startsWith(QLatin1Char('@')))
            continue;
        u.passwordHash = o.value(QLatin1String("password_hash")).toString();
        u.displayName = o.value(QLatin1String("display_name")).toString();
        const QJsonValue q = o.value(QLatin1String("quota_bytes"));
        if (q.isDouble() && q.toInteger(-1) >= 0)
            u.quotaBytes = q.toInteger();
        u.enabled = o.value(QLatin1String("enabled")).toBool(true);
        out->users.insert(u.address, u);
    }
    for (const QJsonValue &v : root.value(QLatin1String("aliases")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString alias = normalize(o.value(QLatin1String("alias")).toString());
        QStringList targets;
        for (const QJsonValue &t : o.value(QLatin1String("targets")).toArray()) {
            const QString n = normalize(t.toString());
            if (!n.isEmpty() && !n.startsWith(QLatin1Char('@')))
                targets << n;
        }
        if (!alias.isEmpty() && !targets.isEmpty())
            out->aliases.insert(alias, targets);
    }
    return true;
}

bool AccountStore::saveFile(const Data &data, QString *error) const
{
    QJsonArray users, aliases;
    for (const UserAccount &u : data.users) {
        users.append(QJsonObject{
            {QStringLiteral("address"), u.address},
            {QStringLiteral("password_hash"), u.passwordHash},
            {QStringLiteral("display_name"), u.displayName},
            {QStringLiteral("quota_bytes"), u.quotaBytes ? QJsonValue(double(*u.quotaBytes)) : QJsonValue()},
            {QStringLiteral("enabled"), u.enabled},
        });
    }
    for (auto it = data.aliases.cbegin(); it != data.aliases.cend(); ++it)
        aliases.append(QJsonObject{{QStringLiteral("alias"), it.key()}, {QStringLiteral("targets"), QJsonArray::fromStringList(it.value())}});
    const QJsonObject root{{QStringLiteral("version"), 1}, {QStringLiteral("users"), users}, {QStringLiteral("aliases"), aliases}};
    return AtomicFile::write(accountsPath(), QJsonDocument(root).toJson(QJsonDocument::Indented), error, 0600);
}

bool AccountStore::refreshLocked()
{
    struct stat st;
    FileStamp stamp;
    if (::stat(QFile::encodeName(accountsPath()).constData(), &st) == 0)
        stamp = FileStamp{qint64(st.st_ino), qint64(st.st_size), qint64(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec};
    if (stamp == m_stamp)
        return true;
    auto fresh = std::make_unique<Data>();
    if (!loadFile(fresh.get(), nullptr))
        return false; // keep what we had: a broken file must not lock everyone out
    m_data = std::move(fresh);
    m_stamp = stamp;
    return true;
}

bool AccountStore::modify(const std::function<bool(Data &, QString *)> &change, QString *error)
{
    {
        QMutexLocker lock(&m_mutex);
        QDir().mkpath(m_mailRoot);
        // flock between processes (CLI and daemon): read, change and write as one step.
        const int fd = ::open(QFile::encodeName(m_mailRoot + QLatin1String("/accounts.lock")).constData(),
                              O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (fd < 0) {
            if (error)
                *error = QStringLiteral("cannot lock %1/accounts.lock").arg(m_mailRoot);
            return false;
        }
        while (::flock(fd, LOCK_EX) != 0 && errno == EINTR) {
        }
        Data data;
        bool ok = loadFile(&data, error) && change(data, error) && saveFile(data, error);
        if (ok) {
            m_stamp = FileStamp{};
            refreshLocked();
        }
        ::close(fd);
        if (!ok)
            return false;
    }
    emit accountsChanged();
    return true;
}

std::optional<UserAccount> AccountStore::user(const QString &address)
{
    const QString n = normalize(address);
    QMutexLocker lock(&m_mutex);
    refreshLocked();
    auto it = m_data->users.constFind(n);
    if (it == m_data->users.cend())
        return std::nullopt;
    return it.value();
}

QVector<UserAccount> AccountStore::users()
{
    QMutexLocker lock(&m_mutex);
    refreshLocked();
    return QVector<UserAccount>(m_data->users.cbegin(), m_data->users.cend());
}

QVector<AliasEntry> AccountStore::aliases()
{
    QMutexLocker lock(&m_mutex);
    refreshLocked();
    QVector<AliasEntry> out;
    for (auto it = m_data->aliases.cbegin(); it != m_data->aliases.cend(); ++it)
        out << AliasEntry{it.key(), it.value()};
    return out;
}

RecipientResolution AccountStore::resolveRecipient(const QString &address)
{
    RecipientResolution r;
    const QString start = normalize(address);
    if (start.isEmpty() || start.startsWith(QLatin1Char('@')))
        return r;
    QMutexLocker lock(&m_mutex);
    refreshLocked();
    r.localDomain = m_domains.contains(domainOf(start));
    if (!r.localDomain)
        return r;
    QSet<QString> visited;
    std::function<void(const QString &, int)> expand = [&](const QString &addr, int depth) {
        if (depth > MaxAliasDepth || visited.contains(addr)) {
            r.loopDetected = true;
            return;
        }
        visited.insert(addr);
        const QString domain = domainOf(addr);
        if (!m_domains.contains(domain)) {
            if (depth > 0 && !r.externalTargets.contains(addr))
                r.externalTargets << addr;
            return;
        }
        auto u = m_data->users.constFind(addr);
        if (u != m_data->users.cend()) {
            if (u->enabled && !r.localUsers.contains(addr))
                r.localUsers << addr;
            return;
        }
        auto a = m_data->aliases.constFind(addr);
        if (a == m_data->aliases.cend()) {
            a = m_data->aliases.constFind(QLatin1Char('@') + domain); // catch-all
            if (a == m_data->aliases.cend() || visited.contains(a.key()))
                return;
            visited.insert(a.key());
        }
        for (const QString &t : a.value())
            expand(t, depth + 1);
    };
    expand(start, 0);
    return r;
}

bool AccountStore::ownsAddress(const QString &userAddress, const QString &address)
{
    const QString u = normalize(userAddress);
    const QString a = normalize(address);
    if (u.isEmpty() || a.isEmpty())
        return false;
    if (u == a)
        return true;
    QMutexLocker lock(&m_mutex);
    refreshLocked();
    // Only explicit aliases (followed through other aliases), never a catch-all.
    QSet<QString> visited;
    std::function<bool(const QString &, int)> reaches = [&](const QString &addr, int depth) {
        if (addr == u)
            return true;
        if (depth > MaxAliasDepth || visited.contains(addr))
            return false;
        visited.insert(addr);
        auto it = m_data->aliases.constFind(addr);
        if (it == m_data->aliases.cend())
            return false;
        for (const QString &t : it.value())
            if (reaches(t, depth + 1))
                return true;
        return false;
    };
    return reaches(a, 0);
}

void AccountStore::authenticate(const QString &address, const QByteArray &password, QObject *context,
                                std::function<void(AuthResult, const QString &)> done)
{
    const auto account = user(address);
    const QString phc = account ? account->passwordHash : QString();
    const bool enabled = account && account->enabled;
    const QString normalized = account ? account->address : QString();
    auto *watcher = new QFutureWatcher<AuthResult>(context);
    connect(watcher, &QFutureWatcher<AuthResult>::finished, watcher, [watcher, done, normalized] {
        done(watcher->result(), normalized);
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run([phc, password, enabled] {
        if (phc.isEmpty()) {
            PasswordHasher::dummyVerify(password); // same cost as a real check
            return AuthResult::Failed;
        }
        if (!PasswordHasher::verify(phc, password))
            return AuthResult::Failed;
        return enabled ? AuthResult::Ok : AuthResult::Disabled;
    }));
}
