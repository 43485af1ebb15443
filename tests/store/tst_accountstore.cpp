// Accounts: Argon2id hashes, asynchronous authentication, aliases and catch-alls with loop
// protection, the sender check, and changes made by another process.
#include "storetestutil.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>

#include <sys/stat.h>

class tst_AccountStore : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { PasswordHasher::setParameters({1, 64, 1}); }

    void hashRoundTrip()
    {
        const QString phc = PasswordHasher::hash("correct horse");
        QVERIFY(phc.startsWith(QLatin1String("$argon2id$v=19$m=64,t=1,p=1$")));
        QVERIFY(PasswordHasher::verify(phc, "correct horse"));
        QVERIFY(!PasswordHasher::verify(phc, "correct horsE"));
        QVERIFY(!PasswordHasher::verify(phc, ""));
        QVERIFY(PasswordHasher::hash("correct horse") != phc); // salted
        QVERIFY(!PasswordHasher::verify(QStringLiteral("$2y$10$notargon"), "x"));
        QVERIFY(!PasswordHasher::verify(QStringLiteral("$argon2id$garbage"), "x"));
        // The production defaults.
        const PasswordHasher::Parameters defaults;
        QCOMPARE(defaults.memoryKiB, 19456u);
        QCOMPARE(defaults.timeCost, 2u);
    }

    void addUserRules()
    {
        StoreFixture f;
        QString error;
        UserAccount u;
        u.address = QStringLiteral("Alice@Example.ORG");
        u.passwordHash = PasswordHasher::hash("pw");
        QVERIFY(f.accounts->addUser(u, &error));
        QCOMPARE(f.accounts->user(QStringLiteral("ALICE@example.org"))->address, QStringLiteral("alice@example.org"));
        QVERIFY(!f.accounts->addUser(u, &error));
        QCOMPARE(error, QStringLiteral("user alice@example.org exists"));
        u.address = QStringLiteral("carol@elsewhere.net");
        QVERIFY(!f.accounts->addUser(u, &error));
        QCOMPARE(error, QStringLiteral("domain elsewhere.net is not in domains"));
        u.address = QStringLiteral("not an address");
        QVERIFY(!f.accounts->addUser(u, &error));
        u.address = QStringLiteral("dave@example.org");
        u.passwordHash = QStringLiteral("plain");
        QVERIFY(!f.accounts->addUser(u, &error));
        // The file is private and valid JSON, and no plain password is in it.
        struct stat st;
        QVERIFY(::stat(QFile::encodeName(f.accounts->accountsPath()).constData(), &st) == 0);
        QCOMPARE(int(st.st_mode & 0777), 0600);
        QFile file(f.accounts->accountsPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray json = file.readAll();
        QVERIFY(json.contains("$argon2id$"));
        // Removing a domain from the config keeps the account (and its mail).
        f.accounts->setDomains({QStringLiteral("example.com")});
        QVERIFY(f.accounts->user(QStringLiteral("alice@example.org")));
        QVERIFY(!f.accounts->resolveRecipient(QStringLiteral("alice@example.org")).found());
    }

    void authenticate()
    {
        StoreFixture f;
        QVERIFY(f.addUser(QStringLiteral("bob@example.com"), "hunter2"));
        QVERIFY(f.addUser(QStringLiteral("eve@example.com"), "pw"));
        QString error;
        QVERIFY(f.accounts->setEnabled(QStringLiteral("eve@example.com"), false, &error));
        struct Case { QString user; QByteArray pw; AccountStore::AuthResult expected; };
        const QVector<Case> cases{
            {QStringLiteral("BOB@example.com"), "hunter2", AccountStore::AuthResult::Ok},
            {QStringLiteral("bob@example.com"), "hunter3", AccountStore::AuthResult::Failed},
            {QStringLiteral("nobody@example.com"), "hunter2", AccountStore::AuthResult::Failed},
            {QStringLiteral("eve@example.com"), "pw", AccountStore::AuthResult::Disabled},
            {QStringLiteral("eve@example.com"), "wrong", AccountStore::AuthResult::Failed},
        };
        for (const Case &c : cases) {
            bool called = false;
            AccountStore::AuthResult result = AccountStore::AuthResult::Ok;
            QString address;
            QObject context;
            f.accounts->authenticate(c.user, c.pw, &context, [&](AccountStore::AuthResult r, const QString &a) {
                called = true;
                result = r;
                address = a;
            });
            QVERIFY(!called); // never synchronous: the event loop keeps running meanwhile
            QTRY_VERIFY_WITH_TIMEOUT(called, 10000);
            QCOMPARE(int(result), int(c.expected));
            if (c.expected == AccountStore::AuthResult::Ok)
                QCOMPARE(address, QStringLiteral("bob@example.com"));
        }
        // A context destroyed first means no callback (the session went away).
        bool called = false;
        {
            QObject context;
            f.accounts->authenticate(QStringLiteral("bob@example.com"), "hunter2", &context,
                                     [&](AccountStore::AuthResult, const QString &) { called = true; });
        }
        QTest::qWait(200);
        QVERIFY(!called);
    }

    void unknownUserCostsTheSame()
    {
        // With real parameters an unknown user must not answer much faster than a known one.
        StoreFixture f;
        PasswordHasher::setParameters({2, 8192, 1});
        QVERIFY(f.addUser(QStringLiteral("bob@example.com"), "pw"));
        auto timeIt = [&](const QString &user) {
            QElapsedTimer t;
            t.start();
            bool done = false;
            QObject context;
            f.accounts->authenticate(user, "wrong", &context, [&](AccountStore::AuthResult, const QString &) { done = true; });
            while (!done)
                QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            return t.nsecsElapsed();
        };
        timeIt(QStringLiteral("nobody@example.com")); // makes the dummy hash
        qint64 known = 0, unknown = 0;
        for (int i = 0; i < 5; ++i) {
            known += timeIt(QStringLiteral("bob@example.com"));
            unknown += timeIt(QStringLiteral("nobody@example.com"));
        }
        PasswordHasher::setParameters({1, 64, 1});
        QVERIFY2(unknown > known / 2, qPrintable(QStringLiteral("known %1 ns, unknown %2 ns").arg(known).arg(unknown)));
    }

    void aliasesAndCatchAll()
    {
        StoreFixture f;
        QVERIFY(f.addUser(QStringLiteral("bob@example.com")));
        QVERIFY(f.addUser(QStringLiteral("alice@example.com")));
        QVERIFY(f.addUser(QStringLiteral("off@example.com")));
        QString error;
        QVERIFY(f.accounts->setEnabled(QStringLiteral("off@example.com"), false, &error));
        QVERIFY(f.accounts->addAlias(QStringLiteral("Sales@example.com"),
                                     {QStringLiteral("bob@example.com"), QStringLiteral("partner@other.net")}, &error));
        QVERIFY(f.accounts->addAlias(QStringLiteral("team@example.com"),
                                     {QStringLiteral("sales@example.com"), QStringLiteral("alice@example.com"), QStringLiteral("off@example.com")}, &error));
        QVERIFY(f.accounts->addAlias(QStringLiteral("@example.org"), {QStringLiteral("alice@example.com")}, &error));
        // A loop: x -> y -> x, plus one real target.
        QVERIFY(f.accounts->addAlias(QStringLiteral("x@example.com"), {QStringLiteral("y@example.com")}, &error));
        QVERIFY(f.accounts->addAlias(QStringLiteral("y@example.com"), {QStringLiteral("x@example.com"), QStringLiteral("bob@example.com")}, &error));

        RecipientResolution r = f.accounts->resolveRecipient(QStringLiteral("TEAM@example.com"));
        QCOMPARE(r.localUsers, (QStringList{"bob@example.com", "alice@example.com"})); // disabled off@ dropped
        QCOMPARE(r.externalTargets, QStringList{"partner@other.net"});
        r = f.accounts->resolveRecipient(QStringLiteral("anything@example.org"));
        QCOMPARE(r.localUsers, QStringList{"alice@example.com"});
        r = f.accounts->resolveRecipient(QStringLiteral("nobody@example.com"));
        QVERIFY(!r.found());
        QVERIFY(r.localDomain);
        r = f.accounts->resolveRecipient(QStringLiteral("someone@other.net"));
        QVERIFY(!r.found());
        QVERIFY(!r.localDomain);
        r = f.accounts->resolveRecipient(QStringLiteral("x@example.com"));
        QCOMPARE(r.localUsers, QStringList{"bob@example.com"});
        QVERIFY(r.loopDetected);
        QVERIFY(!f.accounts->resolveRecipient(QStringLiteral("off@example.com")).found());

        QVERIFY(f.accounts->ownsAddress(QStringLiteral("bob@example.com"), QStringLiteral("BOB@example.com")));
        QVERIFY(f.accounts->ownsAddress(QStringLiteral("bob@example.com"), QStringLiteral("sales@example.com")));
        QVERIFY(f.accounts->ownsAddress(QStringLiteral("bob@example.com"), QStringLiteral("team@example.com")));
        QVERIFY(!f.accounts->ownsAddress(QStringLiteral("bob@example.com"), QStringLiteral("alice@example.com")));
        QVERIFY(!f.accounts->ownsAddress(QStringLiteral("alice@example.com"), QStringLiteral("random@example.org"))); // catch-all
        // Refusals.
        QVERIFY(!f.accounts->addAlias(QStringLiteral("bob@example.com"), {QStringLiteral("alice@example.com")}, &error));
        QVERIFY(!f.accounts->addAlias(QStringLiteral("z@nothere.net"), {QStringLiteral("alice@example.com")}, &error));
        QCOMPARE(error, QStringLiteral("domain nothere.net is not in domains"));
        QVERIFY(!f.accounts->addAlias(QStringLiteral("z@example.com"), {QStringLiteral("z@example.com")}, &error));
        QVERIFY(f.accounts->removeAlias(QStringLiteral("x@example.com"), &error));
        QVERIFY(!f.accounts->removeAlias(QStringLiteral("x@example.com"), &error));
        QCOMPARE(f.accounts->aliases().size(), 4);
    }

    void changesFromAnotherProcessNoticed()
    {
        StoreFixture f;
        QVERIFY(f.addUser(QStringLiteral("bob@example.com")));
        // A second AccountStore on the same mail_root = the CLI in another process.
        AccountStore cli(f.dir.path());
        cli.setDomains({QStringLiteral("example.com")});
        UserAccount u;
        u.address = QStringLiteral("new@example.com");
        u.passwordHash = PasswordHasher::hash("pw");
        QString error;
        QVERIFY(cli.addUser(u, &error));
        QVERIFY(cli.setQuota(QStringLiteral("bob@example.com"), 12345, &error));
        QVERIFY(f.accounts->user(QStringLiteral("new@example.com")));
        QCOMPARE(*f.accounts->user(QStringLiteral("bob@example.com"))->quotaBytes, 12345);
        // Both edit: neither change is lost (read-modify-write under the lock).
        QVERIFY(f.accounts->setDisplayName(QStringLiteral("new@example.com"), QStringLiteral("New"), &error));
        QVERIFY(cli.setEnabled(QStringLiteral("bob@example.com"), false, &error));
        QCOMPARE(cli.user(QStringLiteral("new@example.com"))->displayName, QStringLiteral("New"));
        QVERIFY(!f.accounts->user(QStringLiteral("bob@example.com"))->enabled);
    }
};

QTEST_GUILESS_MAIN(tst_AccountStore)
#include "tst_accountstore.moc"
