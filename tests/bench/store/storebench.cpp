#include "storebench.h"

#include "accountstore.h"
#include "maildirnames.h"
#include "mailstore.h"
#include "passwordhasher.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <fcntl.h>
#include <unistd.h>

namespace {

const QString User = QStringLiteral("bench@example.com");

double median(QVector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

QByteArray message(int n, int bytes)
{
    QByteArray m = "From: a@example.net\r\nTo: bench@example.com\r\nSubject: bench " + QByteArray::number(n)
        + "\r\nMessage-ID: <" + QByteArray::number(n) + "@bench>\r\n\r\n";
    m.append(QByteArray(std::max(0, bytes - int(m.size()) - 2), 'x'));
    m.append("\r\n");
    return m;
}

struct Env {
    QTemporaryDir dir;
    std::unique_ptr<AccountStore> accounts;
    std::unique_ptr<MailStore> store;
    explicit Env(const QString &base) : dir(base + QLatin1String("/postroom-bench-XXXXXX"))
    {
        PasswordHasher::setParameters({1, 64, 1});
        accounts = std::make_unique<AccountStore>(dir.path());
        accounts->setDomains({QStringLiteral("example.com")});
        store = std::make_unique<MailStore>(dir.path(), accounts.get());
        UserAccount u;
        u.address = User;
        u.passwordHash = PasswordHasher::hash("x");
        QString error;
        accounts->addUser(u, &error);
        store->ensureMailbox(User);
    }
};

double deliveriesPerSecond(const QString &base, int count, int batch)
{
    Env env(base);
    QElapsedTimer t;
    t.start();
    for (int done = 0; done < count;) {
        QVector<DeliveryRequest> requests;
        for (int k = 0; k < batch && done < count; ++k, ++done) {
            DeliveryRequest r;
            r.address = User;
            r.data = message(done, 2048);
            requests << r;
        }
        for (const auto &result : env.store->deliverBatch(requests))
            if (!result.ok())
                return -1;
    }
    return count / (t.nsecsElapsed() / 1e9);
}

// Fills INBOX with n messages written straight into cur/ (as an import or another MDA
// would): the first open then has to assign every UID.
bool fill(Env &env, int n)
{
    const QString cur = env.store->maildirPath(User) + QLatin1String("/cur/");
    const QByteArray body = message(0, 2048);
    for (int i = 0; i < n; ++i) {
        const QString name = MaildirNames::newBaseName(body.size()) + (i % 3 ? QStringLiteral(":2,S") : QStringLiteral(":2,"));
        const int fd = ::open(QFile::encodeName(cur + name).constData(), O_WRONLY | O_CREAT | O_EXCL, 0600);
        if (fd < 0 || ::write(fd, body.constData(), size_t(body.size())) != body.size())
            return false;
        ::close(fd);
    }
    return true;
}

double openSeconds(Env &env, int *count)
{
    MailStore store(env.dir.path(), env.accounts.get()); // a fresh store: no shared Mailbox reused
    QElapsedTimer t;
    t.start();
    auto mb = store.openMailbox(User, QStringLiteral("INBOX"));
    const double s = t.nsecsElapsed() / 1e9;
    *count = mb ? int(mb->messages().size()) : -1;
    return s;
}

// The disk's own pace: 2 KiB files written and fsynced one after another (the baseline
// the delivery figures should be read against on a shared machine).
double rawFsyncsPerSecond(const QString &base, int count)
{
    QTemporaryDir dir(base + QLatin1String("/postroom-fsync-XXXXXX"));
    const QByteArray data(2048, 'x');
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < count; ++i) {
        const int fd = ::open(QFile::encodeName(dir.filePath(QString::number(i))).constData(), O_WRONLY | O_CREAT | O_EXCL, 0600);
        if (fd < 0 || ::write(fd, data.constData(), size_t(data.size())) != data.size() || ::fsync(fd) != 0)
            return -1;
        ::close(fd);
    }
    return count / (t.nsecsElapsed() / 1e9);
}

} // namespace

int runStoreBenchmark(const QStringList &args)
{
    QTextStream out(stdout);
    int messages = 3000, batch = 32, folderSize = 100000, runs = 3;
    QString base = QDir::currentPath();
    for (int i = 0; i + 1 < args.size(); i += 2) {
        const QString &k = args.at(i);
        if (k == QLatin1String("--messages")) messages = args.at(i + 1).toInt();
        else if (k == QLatin1String("--batch")) batch = args.at(i + 1).toInt();
        else if (k == QLatin1String("--folder-size")) folderSize = args.at(i + 1).toInt();
        else if (k == QLatin1String("--runs")) runs = args.at(i + 1).toInt();
        else if (k == QLatin1String("--dir")) base = args.at(i + 1);
    }
    if (messages <= 0 || batch <= 0 || folderSize <= 0 || runs <= 0) {
        out << "usage: postroom-bench store [--messages N] [--batch B] [--folder-size N] [--runs R] [--dir PATH]\n";
        return 2;
    }
    out << "store benchmark in " << base << " (" << runs << " runs each, median)\n";
    QVector<double> raw, single, batched;
    for (int r = 0; r < runs; ++r) {
        raw << rawFsyncsPerSecond(base, 300);
        single << deliveriesPerSecond(base, std::min(messages, 1000), 1);
        batched << deliveriesPerSecond(base, messages, batch);
    }
    out << QStringLiteral("disk baseline: fsync'd 2 KiB files/s       : %1\n").arg(median(raw), 0, 'f', 0);
    out << QStringLiteral("deliveries/s, one at a time              : %1\n").arg(median(single), 0, 'f', 0);
    out << QStringLiteral("deliveries/s, batches of %1              : %2  (target >= 1500)\n").arg(batch, 2).arg(median(batched), 0, 'f', 0);
    out.flush();

    Env env(base);
    QElapsedTimer t;
    t.start();
    if (!fill(env, folderSize)) {
        out << "cannot fill the folder\n";
        return 1;
    }
    out << QStringLiteral("filled %1 messages in %2 s\n").arg(folderSize).arg(t.nsecsElapsed() / 1e9, 0, 'f', 1);
    int count = 0;
    const double first = openSeconds(env, &count); // assigns 100,000 UIDs, writes journal + index
    out << QStringLiteral("first open (assign all UIDs)              : %1 s (%2 messages)\n").arg(first, 0, 'f', 3).arg(count);
    out.flush();
    // Directory mtimes younger than 2 s are not trusted (coarse timestamps): let them age,
    // then one open records them as trusted in the index.
    QThread::msleep(2100);
    openSeconds(env, &count);
    const QString index = env.store->maildirPath(User) + QLatin1String("/postroom-index");
    QVector<double> cold, warm;
    for (int r = 0; r < runs; ++r) {
        QFile::copy(index, index + QLatin1String(".keep"));
        QFile::remove(index);
        cold << openSeconds(env, &count); // rebuild: journal + readdir, no message read
        QFile::remove(index);
        QFile::rename(index + QLatin1String(".keep"), index);
        warm << openSeconds(env, &count);
        if (count != folderSize) {
            out << "wrong message count " << count << "\n";
            return 1;
        }
    }
    out << QStringLiteral("open %1 messages, no index (rebuild)  : %2 s\n").arg(folderSize).arg(median(cold), 0, 'f', 3);
    out << QStringLiteral("open %1 messages, with index (warm)   : %2 s  (target < 0.2)\n").arg(folderSize).arg(median(warm), 0, 'f', 3);
    out << "(removing the test folder)\n";
    out.flush();
    return 0;
}
