// The admin verbs: `postroomd user|alias ...` through runStoreCommand, and the control
// methods (user.*, alias.*) through the method table, as the GUI calls them.
#include "controlmethods.h"
#include "storecli.h"
#include "storecontrol.h"
#include "storetestutil.h"

#include <QDir>
#include <QJsonArray>

class tst_StoreAdmin : public QObject
{
    Q_OBJECT

    struct Run { int code; QString out, err; };
    static Run run(const Config &config, const QStringList &args, const QString &input = QString())
    {
        QString in = input, out, err;
        QTextStream i(&in), o(&out), e(&err);
        const int code = runStoreCommand(args, config, i, o, e);
        o.flush();
        e.flush();
        return {code, out, err};
    }

    static ControlProtocol::Reply call(ControlMethodTable &table, const QString &method, const QJsonObject &params)
    {
        static qint64 id = 0;
        ControlProtocol::Request req;
        req.id = ++id;
        req.method = method;
        req.params = params;
        const ControlMethodTable::Handler *h = table.find(method);
        if (!h)
            return ControlProtocol::Reply::failure(req.id, QStringLiteral("unknown_method"), method);
        std::optional<ControlProtocol::Reply> reply;
        (*h)(req, [&](const ControlProtocol::Reply &r) { reply = r; });
        QElapsedTimer t;
        t.start();
        while (!reply && t.elapsed() < 10000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        return reply.value_or(ControlProtocol::Reply::failure(req.id, QStringLiteral("timeout"), method));
    }

private slots:
    void initTestCase() { PasswordHasher::setParameters({1, 64, 1}); }

    void cliVerbs()
    {
        QTemporaryDir dir;
        Config config;
        config.mailRoot = dir.path();
        config.domains = {QStringLiteral("example.com")};

        Run r = run(config, {"user", "add", "bob@example.com"});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QLatin1String("--password-stdin")));
        r = run(config, {"user", "add", "Bob@Example.com", "--password-stdin", "--name", "Bob B", "--quota", "5000"}, "s3cret\n");
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("user bob@example.com added")));
        QVERIFY(QDir(dir.path() + QLatin1String("/example.com/bob/Maildir/.Sent/cur")).exists());
        r = run(config, {"user", "add", "x@nothere.net", "--password-stdin"}, "pw\n");
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QLatin1String("domain nothere.net is not in domains")));

        AccountStore accounts(dir.path());
        const auto bob = accounts.user(QStringLiteral("bob@example.com"));
        QVERIFY(bob);
        QVERIFY(PasswordHasher::verify(bob->passwordHash, "s3cret"));
        QCOMPARE(bob->displayName, QStringLiteral("Bob B"));
        QCOMPARE(*bob->quotaBytes, 5000);

        r = run(config, {"user", "passwd", "bob@example.com", "--password-stdin"}, "n3w\n");
        QCOMPARE(r.code, 0);
        QVERIFY(PasswordHasher::verify(accounts.user(QStringLiteral("bob@example.com"))->passwordHash, "n3w"));
        QCOMPARE(run(config, {"user", "quota", "bob@example.com", "none"}).code, 0);
        QVERIFY(!accounts.user(QStringLiteral("bob@example.com"))->quotaBytes);
        QCOMPARE(run(config, {"user", "quota", "bob@example.com", "lots"}).code, 2);
        QCOMPARE(run(config, {"user", "disable", "bob@example.com"}).code, 0);
        QVERIFY(!accounts.user(QStringLiteral("bob@example.com"))->enabled);
        QCOMPARE(run(config, {"user", "enable", "bob@example.com"}).code, 0);
        r = run(config, {"user", "list"});
        QVERIFY(r.out.contains(QLatin1String("bob@example.com  enabled  quota=none")));
        r = run(config, {"user", "show", "bob@example.com"});
        QVERIFY(r.out.contains(QLatin1String("  Sent  messages=0  unseen=0")));

        QCOMPARE(run(config, {"alias", "add", "info@example.com", "bob@example.com", "ext@other.net"}).code, 0);
        r = run(config, {"alias", "list"});
        QCOMPARE(r.out, QStringLiteral("info@example.com -> bob@example.com, ext@other.net\n"));
        QCOMPARE(run(config, {"alias", "remove", "info@example.com"}).code, 0);
        QCOMPARE(run(config, {"alias", "remove", "info@example.com"}).code, 1);
        QCOMPARE(run(config, {"alias", "frob"}).code, 2);

        // Remove keeps the mail unless --delete-mail.
        r = run(config, {"user", "remove", "bob@example.com"});
        QCOMPARE(r.code, 0);
        QVERIFY(QDir(dir.path() + QLatin1String("/example.com/bob/Maildir")).exists());
        QVERIFY(!accounts.user(QStringLiteral("bob@example.com")));
        QCOMPARE(run(config, {"user", "add", "bob@example.com", "--password-stdin"}, "pw\n").code, 0);
        QCOMPARE(run(config, {"user", "remove", "bob@example.com", "--delete-mail"}).code, 0);
        QVERIFY(!QDir(dir.path() + QLatin1String("/example.com/bob")).exists());
    }

    void controlMethods()
    {
        StoreFixture f;
        ControlMethodTable table;
        registerStoreControlMethods(table, f.accounts.get(), f.store.get());
        for (const char *m : {"user.list", "user.show", "user.add", "user.remove", "user.passwd", "user.enable", "user.disable",
                              "user.quota", "alias.list", "alias.add", "alias.remove"})
            QVERIFY2(table.find(QString::fromLatin1(m)), m);

        auto r = call(table, "user.add", {{"address", "Carol@example.com"}, {"password", "pw1"}, {"display_name", "Carol"}, {"quota_bytes", 1000000}});
        QVERIFY2(r.ok, qPrintable(r.error.message));
        const QJsonObject user = r.result.value("user").toObject();
        QCOMPARE(user.value("address").toString(), QStringLiteral("carol@example.com"));
        QCOMPARE(user.value("quota_bytes").toInteger(), 1000000);
        QCOMPARE(user.value("used_bytes").toInteger(), 0);
        QCOMPARE(user.value("enabled").toBool(), true);
        r = call(table, "user.add", {{"address", "dan@nothere.net"}, {"password", "pw"}});
        QVERIFY(!r.ok);
        QCOMPARE(r.error.message, QStringLiteral("domain nothere.net is not in domains"));
        r = call(table, "user.add", {{"address", "dan@example.com"}});
        QVERIFY(!r.ok);
        QCOMPARE(r.error.code, QStringLiteral("bad_request"));

        QVERIFY(f.deliver(QStringLiteral("carol@example.com"), testMessage(1)));
        r = call(table, "user.show", {{"address", "carol@example.com"}});
        QVERIFY(r.ok);
        const QJsonObject shown = r.result.value("user").toObject();
        QCOMPARE(shown.value("used_bytes").toInteger(), testMessage(1).size());
        const QJsonArray folders = shown.value("folders").toArray();
        QCOMPARE(folders.size(), 6);
        QCOMPARE(folders.at(0).toObject().value("name").toString(), QStringLiteral("INBOX"));
        QCOMPARE(folders.at(0).toObject().value("messages").toInt(), 1);
        QCOMPARE(folders.at(0).toObject().value("unseen").toInt(), 1);
        r = call(table, "user.show", {{"address", "nobody@example.com"}});
        QCOMPARE(r.error.code, QStringLiteral("not_found"));

        r = call(table, "user.list", {});
        QCOMPARE(r.result.value("users").toArray().size(), 1);

        QVERIFY(call(table, "user.passwd", {{"address", "carol@example.com"}, {"password", "pw2"}}).ok);
        QVERIFY(PasswordHasher::verify(f.accounts->user("carol@example.com")->passwordHash, "pw2"));
        QVERIFY(call(table, "user.disable", {{"address", "carol@example.com"}}).ok);
        QVERIFY(!f.accounts->user("carol@example.com")->enabled);
        QVERIFY(call(table, "user.enable", {{"address", "carol@example.com"}}).ok);
        QVERIFY(call(table, "user.quota", {{"address", "carol@example.com"}, {"quota_bytes", QJsonValue()}}).ok);
        QVERIFY(!f.accounts->user("carol@example.com")->quotaBytes);
        QVERIFY(!call(table, "user.quota", {{"address", "carol@example.com"}, {"quota_bytes", -5}}).ok);

        QVERIFY(call(table, "alias.add", {{"alias", "info@example.com"}, {"targets", QJsonArray{"carol@example.com"}}}).ok);
        r = call(table, "alias.list", {});
        const QJsonArray aliases = r.result.value("aliases").toArray();
        QCOMPARE(aliases.size(), 1);
        QCOMPARE(aliases.at(0).toObject().value("alias").toString(), QStringLiteral("info@example.com"));
        QCOMPARE(aliases.at(0).toObject().value("targets").toArray().at(0).toString(), QStringLiteral("carol@example.com"));
        QVERIFY(!call(table, "alias.add", {{"alias", "info@example.com"}, {"targets", QJsonArray{}}}).ok);
        QVERIFY(call(table, "alias.remove", {{"alias", "info@example.com"}}).ok);
        QCOMPARE(call(table, "alias.remove", {{"alias", "info@example.com"}}).error.code, QStringLiteral("not_found"));

        QVERIFY(call(table, "user.remove", {{"address", "carol@example.com"}, {"delete_mail", true}}).ok);
        QVERIFY(!f.accounts->user("carol@example.com"));
        QVERIFY(!QDir(f.store->maildirPath("carol@example.com")).exists());
    }
};

QTEST_GUILESS_MAIN(tst_StoreAdmin)
#include "tst_storeadmin.moc"
