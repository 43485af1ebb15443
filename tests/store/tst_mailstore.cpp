// The Maildir store seen from the protocols: delivery, UIDs, flags/MODSEQ, expunge,
// copy/move, folders, quotas, notifications, and the index never trusted blindly.
#include "storetestutil.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QThread>

#include <algorithm>

class tst_MailStore : public QObject
{
    Q_OBJECT
private:
    static QStringList filesIn(const QString &dir)
    {
        return QDir(dir).entryList(QDir::Files | QDir::NoDotAndDotDot);
    }

private slots:
    void deliverAndRead()
    {
        StoreFixture f;
        QVERIFY(f.addUser(QStringLiteral("Bob@Example.com")));
        const auto u1 = f.deliver(QStringLiteral("bob@example.com"), testMessage(1));
        const auto u2 = f.deliver(QStringLiteral("BOB@example.COM"), testMessage(2));
        QVERIFY(u1 && u2);
        QCOMPARE(*u1, 1u);
        QCOMPARE(*u2, 2u);
        auto inbox = f.store->openMailbox(QStringLiteral("bob@example.com"), QStringLiteral("inbox"));
        QVERIFY(inbox);
        QCOMPARE(inbox->messages().size(), 2);
        QCOMPARE(inbox->messages().at(1).uid, 2u);
        QCOMPARE(inbox->messages().at(1).size, qint64(testMessage(2).size()));
        QCOMPARE(*inbox->readMessage(2), testMessage(2));
        QCOMPARE(inbox->uidNext(), 3u);
        QVERIFY(inbox->uidValidity() > 0);
        // Messages stay in new/ until their flags change, then live in cur/ with ":2,<flags>".
        const QString root = f.store->maildirPath(QStringLiteral("bob@example.com"));
        QVERIFY(root.endsWith(QLatin1String("/example.com/bob/Maildir")));
        QCOMPARE(filesIn(root + QLatin1String("/new")).size(), 2);
        QVERIFY(inbox->storeFlags({1}, FlagOperation::Add, MessageFlag::Seen, {}));
        QCOMPARE(filesIn(root + QLatin1String("/new")).size(), 1);
        QCOMPARE(filesIn(root + QLatin1String("/cur")).size(), 1);
        QVERIFY(filesIn(root + QLatin1String("/cur")).at(0).endsWith(QLatin1String(",S=") + QString::number(testMessage(1).size()) + QLatin1String(":2,S")));
        QCOMPARE(*inbox->readMessage(1), testMessage(1));
        // Unknown users and folders are refused.
        StoreError e;
        QVERIFY(!f.deliver(QStringLiteral("nobody@example.com"), testMessage(3), QStringLiteral("INBOX"), 0, &e));
        QCOMPARE(e.code, StoreErrorCode::NotFound);
        QVERIFY(!f.deliver(QStringLiteral("bob@example.com"), testMessage(3), QStringLiteral("Nope"), 0, &e));
        QCOMPARE(e.code, StoreErrorCode::NotFound);
    }

    void flagsAndModSeq()
    {
        StoreFixture f;
        QVERIFY(f.addUser(QStringLiteral("bob@example.com")));
        for (int i = 0; i < 3; ++i)
            QVERIFY(f.deliver(QStringLiteral("bob@example.com"), testMessage(i)));
        auto mb = f.store->openMailbox(QStringLiteral("bob@example.com"), QStringLiteral("INBOX"));
        const quint64 before = mb->highestModSeq();
        QSignalSpy spy(mb.data(), &Mailbox::flagsChanged);
        QVector<quint32> changed, failed;
        QVERIFY(mb->storeFlags({1, 2}, FlagOperation::Add, MessageFlag::Seen | MessageFlag::Flagged,
                               {QStringLiteral("$Forwarded")}, 0, &changed, &failed));
        QCOMPARE(changed, (QVector<quint32>{1, 2}));
        QCOMPARE(spy.count(), 1);
        QVERIFY(mb->highestModSeq() > before);
        const MessageInfo *m1 = mb->message(1);
        QCOMPARE(m1->flags, quint8(MessageFlag::Seen | MessageFlag::Flagged));
        QCOMPARE(m1->keywords, QStringList{QStringLiteral("$Forwarded")});
        QVERIFY(mb->messagePath(1).endsWith(QLatin1String(":2,FSa")));
        QVERIFY(m1->modSeq > before);
        // UNCHANGEDSINCE: message 1 changed after `before`, so it is reported, 3 is changed.
        QVERIFY(mb->storeFlags({1, 3}, FlagOperation::Add, MessageFlag::Answered, {}, before, &changed, &failed));
        QCOMPARE(failed, QVector<quint32>{1});
        QCOMPARE(changed, QVector<quint32>{3});
        // Remove, and keyword table is Dovecot's format.
        QVERIFY(mb->storeFlags({1}, FlagOperation::Remove, MessageFlag::Flagged, {QStringLiteral("$forwarded")}));
        QCOMPARE(mb->message(1)->flags, quint8(MessageFlag::Seen));
        QVERIFY(mb->message(1)->keywords.isEmpty());
        QFile kw(f.store->maildirPath(QStringLiteral("bob@example.com")) + QLatin1String("/dovecot-keywords"));
        QVERIFY(kw.open(QIODevice::ReadOnly));
        QCOMPARE(kw.readAll(), QByteArray("0 $Forwarded\n"));
        // Persisted: a fresh store (new process) sees the same flags and MODSEQs.
        const quint64 modSeq3 = mb->message(3)->modSeq;
        const quint64 highest = mb->highestModSeq();
        mb.reset();
        f.reopen();
        mb = f.store->openMailbox(QStringLiteral("bob@example.com"), QStringLiteral("INBOX"));
        QCOMPARE(mb->message(3)->flags, quint8(MessageFlag::Answered));
        QCOMPARE(mb->message(3)->modSeq, modSeq3);
        QCOMPARE(mb->highestModSeq(), highest);
    }

    // \Recent: each UID is claimed by exactly one claimant, also between two stores (two
    // daemons) and between threads with their own folder objects; a replaced journal (new
    // UIDVALIDITY) makes everything unclaimed again.
    void recentClaimedOnce()
    {
        StoreFixture f;
        const QString bob = QStringLiteral("bob@example.com");
        QVERIFY(f.addUser(bob));
        for (int i = 0; i < 5; ++i)
            QVERIFY(f.deliver(bob, testMessage(i)));
        AccountStore otherAccounts(f.dir.path());
        otherAccounts.setDomains(f.domains);
        MailStore other(f.dir.path(), &otherAccounts);
        auto a = f.store->openMailbox(bob, QStringLiteral("INBOX"));
        auto b = other.openMailbox(bob, QStringLiteral("INBOX"));
        QVERIFY(a && b);
        QCOMPARE(a->recentCount(), 5);
        QCOMPARE(a->recentFloor(), 1u);
        QCOMPARE(a->claimRecent(6), 1u);   // a takes 1..5
        QCOMPARE(b->claimRecent(6), 6u);   // b gets nothing
        QCOMPARE(b->recentCount(), 0);
        QVERIFY(f.deliver(bob, testMessage(5)));
        QVERIFY(f.deliver(bob, testMessage(6)));
        QVERIFY(a->sync() && b->sync());
        QCOMPARE(b->recentCount(), 2);
        QCOMPARE(b->claimRecent(8), 6u);   // now b is first: 6..7
        QCOMPARE(a->claimRecent(8), 8u);
        QCOMPARE(a->recentFloor(), 8u);

        // Four threads, each with its own MaildirFolder, race for 200 new messages.
        const QString path = f.store->maildirPath(bob);
        for (int i = 0; i < 200; ++i)
            QVERIFY(f.deliver(bob, testMessage(100 + i)));
        QVector<QVector<quint32>> claimed(4);
        QVector<QThread *> threads;
        for (int t = 0; t < 4; ++t) {
            threads << QThread::create([&, t] {
                MaildirFolder folder(path);
                MaildirFolder::Changes changes;
                StoreError error;
                if (!folder.open(&error))
                    return;
                for (quint32 upTo = 9; upTo <= 208; upTo += 1 + t) {
                    quint32 from = 0;
                    if (folder.claimRecent(upTo, &from, &error))
                        for (quint32 uid = from; uid < upTo; ++uid)
                            claimed[t] << uid;
                }
            });
            threads.last()->start();
        }
        QVector<quint32> all;
        for (int t = 0; t < 4; ++t) {
            QVERIFY(threads[t]->wait(30000));
            delete threads[t];
            all += claimed[t];
        }
        std::sort(all.begin(), all.end());
        QVector<quint32> expected;
        for (quint32 uid = 8; uid < 208; ++uid)
            expected << uid;
        QCOMPARE(all, expected);

        // A new journal (UIDVALIDITY) makes the old floor meaningless.
        const quint32 oldValidity = a->uidValidity();
        a.reset();
        b.reset();
        QVERIFY(QFile::remove(path + QLatin1String("/postroom-uidlist")));
        f.reopen();
        auto c = f.store->openMailbox(bob, QStringLiteral("INBOX"));
        QVERIFY(c);
        QVERIFY(c->uidValidity() > oldValidity);
        QCOMPARE(c->recentCount(), int(c->messages().size()));
    }

    void uidsStableAcrossRestartsAndRebuilds()
    {
        StoreFixture f;
        QVERIFY(f.addUser(QStringLiteral("bob@example.com")));
        for (int i = 0; i < 20; ++i)
            QVERIFY(f.deliver(QStringLiteral("bob@example.com"), testMessage(i)));
        auto mb = f.store->openMailbox(QStringLiteral("bob@example.com"), QStringLiteral("INBOX"));
        QVERIFY(mb->expunge({20, 5}));
        mb->setCachedData(7, "ENVELOPE-7");
        QMap<quint32, QByteArray> content;
        for (const MessageInfo &m : mb->messages())
            content.insert(m.uid, *mb->readMessage(m.uid));
        const quint32 validity = mb->uidValidity();
        const QString root = f.store->maildirPath(QStringLiteral("bob@example.com"));
        mb.reset();

        quint32 expectedNext = 21; // 20 was expunged: never reused
        auto check = [&](const char *what) {
            f.reopen();
            auto again = f.store->openMailbox(QStringLiteral("bob@example.com"), QStringLiteral("INBOX"));
            QVERIFY2(again, what);
            QCOMPARE(again->uidValidity(), validity);
            QCOMPARE(again->messages().size(), content.size());
            for (const MessageInfo &m : again->messages())
                QCOMPARE(*again->readMessage(m.uid), content.value(m.uid));
            QCOMPARE(again->uidNext(), expectedNext);
            const auto uid = f.deliver(QStringLiteral("bob@example.com"), testMessage(99));
            QVERIFY(uid);
            QCOMPARE(*uid, expectedNext++);
            QVERIFY(again->sync());
            QVERIFY(again->message(*uid));
            QVERIFY(again->expunge({*uid}));
            content.remove(*uid);
        };
        check("restart");
        QVERIFY(QFile::remove(root + QLatin1String("/postroom-index")));
        check("index missing");
        { // corrupt index: flipped bytes
            QFile idx(root + QLatin1String("/postroom-index"));
            QVERIFY(idx.open(QIODevice::ReadWrite));
            idx.seek(60);
            idx.write("garbagegarbage");
        }
        check("index corrupt");
        // The cached blob survives a restart while the index is good.
        f.reopen();
        auto mb2 = f.store->openMailbox(QStringLiteral("bob@example.com"), QStringLiteral("INBOX"));
        mb2->setCachedData(8, "ENVELOPE-8");
        mb2.reset();
        f.reopen();
        mb2 = f.store->openMailbox(QStringLiteral("bob@example.com"), QStringLiteral("INBOX"));
        QCOMPARE(mb2->cachedData(8), QByteArray("ENVELOPE-8"));
        QCOMPARE(mb2->cachedData(9), QByteArray());
    }

    void externalChangesNoticed()
    {
        // Another program (mutt, Dovecot) works on the Maildir directly.
        StoreFixture f;
        QVERIFY(f.addUser(QStringLiteral("bob@example.com")));
        QVERIFY(f.deliver(QStringLiteral("bob@example.com"), testMessage(1)));
        QVERIFY(f.deliver(QStringLiteral("bob@example.com"), testMessage(2)));
        auto mb = f.store->openMailbox(QStringLiteral("bob@example.com"), QStringLiteral("INBOX"));
        const QString root = f.store->maildirPath(QStringLiteral("bob@example.com"));
        QSignalSpy added(mb.data(), &Mailbox::messagesAdded);
        QSignalSpy flags(mb.data(), &Mailbox::flagsChanged);
        QSignalSpy gone(mb.data(), &Mailbox::messagesExpunged);
        const quint64 modSeq = mb->highestModSeq();
        // Set \Seen by renaming, drop a new file into new/, delete message 1.
        const QString p2 = mb->messagePath(2); // in new/: mutt moves it to cur/ with the flag
        QVERIFY(p2.contains(QLatin1String("/new/")));
        QVERIFY(QFile::rename(p2, root + QLatin1String("/cur/") + p2.section(QLatin1Char('/'), -1) + QLatin1String(":2,S")));
        QFile ext(root + QLatin1String("/new/1700000000.external.host"));
        QVERIFY(ext.open(QIODevice::WriteOnly));
        ext.write(QByteArray(testMessage(3)).replace("\r\n", "\n")); // mutt and Dovecot write LF
        ext.close();
        QVERIFY(QFile::remove(mb->messagePath(1)));
        QVERIFY(mb->sync());
        QCOMPARE(added.count(), 1);
        QCOMPARE(added.at(0).at(0).value<QVector<quint32>>(), QVector<quint32>{3});
        QCOMPARE(flags.count(), 1);
        QCOMPARE(gone.count(), 1);
        QCOMPARE(gone.at(0).at(0).value<QVector<quint32>>(), QVector<quint32>{1});
        QCOMPARE(mb->message(2)->flags, quint8(MessageFlag::Seen));
        QVERIFY(mb->message(2)->modSeq > modSeq);
        QCOMPARE(mb->message(3)->size, qint64(testMessage(3).size())); // as IMAP sees it: CRLF
        QCOMPARE(mb->readMessage(3).value_or(QByteArray()), testMessage(3));
    }

    void bareLfDeliveryServedAsCrlf()
    {
        // An APPEND may carry bare LFs: kept as delivered, served and sized as CRLF (W=).
        StoreFixture f;
        QVERIFY(f.addUser(QStringLiteral("bob@example.com")));
        const QByteArray lf = QByteArray(testMessage(1)).replace("\r\n", "\n");
        const auto uid = f.deliver(QStringLiteral("bob@example.com"), lf);
        QVERIFY(uid);
        auto mb = f.store->openMailbox(QStringLiteral("bob@example.com"), QStringLiteral("INBOX"));
        QCOMPARE(mb->message(*uid)->size, qint64(testMessage(1).size()));
        QCOMPARE(mb->readMessage(*uid).value_or(QByteArray()), testMessage(1));
        QVERIFY(mb->messagePath(*uid).contains(QLatin1String(",W=")));
    }

    void onlyChangedDirectoriesRescanned()
    {
        // Once the directory mtimes are old enough to trust, a sync lists only the directory
        // that changed; nothing in the other may be lost or invented.
        StoreFixture f;
        const QString bob = QStringLiteral("bob@example.com");
        QVERIFY(f.addUser(bob));
        for (int i = 1; i <= 4; ++i)
            QVERIFY(f.deliver(bob, testMessage(i)));
        auto mb = f.store->openMailbox(bob, QStringLiteral("INBOX"));
        QVERIFY(mb->storeFlags({1, 2}, FlagOperation::Add, MessageFlag::Seen, {})); // 1, 2 in cur/; 3, 4 in new/
        QTest::qWait(2100);
        QVERIFY(mb->sync()); // records trusted mtimes
        QSignalSpy gone(mb.data(), &Mailbox::messagesExpunged);
        QVERIFY(f.deliver(bob, testMessage(5)));
        QVERIFY(mb->sync());
        QCOMPARE(mb->messages().size(), 5);
        QCOMPARE(gone.count(), 0);
        QCOMPARE(mb->message(1)->flags, quint8(MessageFlag::Seen));
        // Another program deletes a message from cur/ and one from new/.
        QVERIFY(QFile::remove(mb->messagePath(2)));
        QVERIFY(QFile::remove(mb->messagePath(4)));
        QVERIFY(mb->sync());
        QCOMPARE(gone.count(), 1);
        QCOMPARE(gone.at(0).at(0).value<QVector<quint32>>(), (QVector<quint32>{2, 4}));
        // The index written now still gives the same picture after a restart.
        mb.reset();
        f.reopen();
        mb = f.store->openMailbox(bob, QStringLiteral("INBOX"));
        QCOMPARE(mb->messages().size(), 3);
        QCOMPARE(mb->message(1)->flags, quint8(MessageFlag::Seen));
        QVERIFY(mb->message(5));
    }

    void notificationsFromDeliveryThread()
    {
        StoreFixture f;
        QVERIFY(f.addUser(QStringLiteral("bob@example.com")));
        auto mb = f.store->openMailbox(QStringLiteral("bob@example.com"), QStringLiteral("INBOX"));
        auto mb2 = f.store->openMailbox(QStringLiteral("bob@example.com"), QStringLiteral("INBOX"));
        QCOMPARE(mb.data(), mb2.data()); // one shared object per folder
        QSignalSpy spy(mb.data(), &Mailbox::messagesAdded);
        QThread *t = QThread::create([&] {
            for (int i = 0; i < 5; ++i)
                f.deliver(QStringLiteral("bob@example.com"), testMessage(i));
        });
        t->start();
        QTRY_COMPARE_WITH_TIMEOUT(mb->messages().size(), 5, 5000);
        t->wait();
        delete t;
        int total = 0;
        for (const auto &args : std::as_const(spy))
            total += int(args.at(0).value<QVector<quint32>>().size());
        QCOMPARE(total, 5);
    }

    void copyMoveExpunge()
    {
        StoreFixture f;
        const QString bob = QStringLiteral("bob@example.com");
        QVERIFY(f.addUser(bob));
        for (int i = 1; i <= 4; ++i)
            QVERIFY(f.deliver(bob, testMessage(i), QStringLiteral("INBOX"), i == 1 ? MessageFlag::Flagged : 0));
        auto inbox = f.store->openMailbox(bob, QStringLiteral("INBOX"));
        auto archive = f.store->openMailbox(bob, QStringLiteral("Archive"));
        QVERIFY(inbox->storeFlags({2}, FlagOperation::Add, 0, {QStringLiteral("Work")}));
        QVector<quint32> src;
        const auto copied = inbox->copyTo({1, 2, 77}, QStringLiteral("Archive"), &src);
        QVERIFY(copied);
        QCOMPARE(*copied, (QVector<quint32>{1, 2}));
        QCOMPARE(src, (QVector<quint32>{1, 2}));
        QCOMPARE(inbox->messages().size(), 4);
        archive->sync();
        QCOMPARE(archive->messages().size(), 2);
        QCOMPARE(archive->message(1)->flags, quint8(MessageFlag::Flagged));
        QCOMPARE(archive->message(2)->keywords, QStringList{QStringLiteral("Work")});
        QCOMPARE(*archive->readMessage(2), testMessage(2));
        QCOMPARE(archive->message(2)->internalDate, inbox->message(2)->internalDate);

        QSignalSpy expunged(inbox.data(), &Mailbox::messagesExpunged);
        const auto moved = inbox->moveTo({3, 4}, QStringLiteral("Archive"), &src);
        QVERIFY(moved);
        QCOMPARE(*moved, (QVector<quint32>{3, 4}));
        QCOMPARE(expunged.count(), 1);
        QCOMPARE(inbox->messages().size(), 2);
        archive->sync();
        QCOMPARE(archive->messages().size(), 4);
        QCOMPARE(*archive->readMessage(4), testMessage(4));
        // MOVE into the same folder renumbers and keeps the message.
        const auto renumbered = archive->moveTo({4}, QStringLiteral("Archive"), &src);
        QVERIFY(renumbered);
        QCOMPARE(renumbered->size(), 1);
        QVERIFY(!archive->message(4));
        archive->sync();
        QCOMPARE(*archive->readMessage(renumbered->at(0)), testMessage(4));
        QCOMPARE(archive->messages().size(), 4);
        // Expunge removes files.
        QVERIFY(archive->expunge({1}));
        QCOMPARE(archive->messages().size(), 3);
        QVERIFY(!archive->readMessage(1));
        const auto status = f.store->folderStatus(bob, QStringLiteral("Archive"));
        QCOMPARE(status->messages, 3);
        QCOMPARE(status->uidNext, 6u); // 5 came from the same-folder move
    }

    void folders()
    {
        StoreFixture f;
        const QString bob = QStringLiteral("bob@example.com");
        QVERIFY(f.addUser(bob));
        auto list = f.store->listFolders(bob);
        QVERIFY(list);
        QStringList names;
        QMap<QString, QString> special;
        for (const FolderInfo &fi : *list) {
            names << fi.name;
            special.insert(fi.name, fi.specialUse);
            QVERIFY(fi.subscribed);
        }
        QCOMPARE(names, (QStringList{"INBOX", "Archive", "Drafts", "Junk", "Sent", "Trash"}));
        QCOMPARE(special.value("Sent"), QStringLiteral("\\Sent"));
        QCOMPARE(special.value("Junk"), QStringLiteral("\\Junk"));

        StoreError e;
        QVERIFY(f.store->createFolder(bob, QString::fromUtf8("Projekte/Entwürfe"), &e));
        QVERIFY(QDir(f.store->maildirPath(bob) + QLatin1String("/.Projekte.Entw&APw-rfe/cur")).exists());
        QVERIFY(!f.store->createFolder(bob, QStringLiteral("Sent"), &e));
        QCOMPARE(e.code, StoreErrorCode::AlreadyExists);
        list = f.store->listFolders(bob);
        bool sawParent = false;
        for (const FolderInfo &fi : *list)
            if (fi.name == QLatin1String("Projekte")) {
                sawParent = true;
                QVERIFY(!fi.selectable);
                QVERIFY(fi.hasChildren);
            }
        QVERIFY(sawParent);
        // Deleting: not INBOX, not a folder with children.
        QVERIFY(!f.store->deleteFolder(bob, QStringLiteral("inbox"), &e));
        QCOMPARE(e.code, StoreErrorCode::NotPermitted);
        QVERIFY(f.store->createFolder(bob, QStringLiteral("A"), &e));
        QVERIFY(f.store->createFolder(bob, QStringLiteral("A/B"), &e));
        QVERIFY(!f.store->deleteFolder(bob, QStringLiteral("A"), &e));
        QCOMPARE(e.code, StoreErrorCode::NotPermitted);
        // Rename moves children; an open mailbox of the old name is told.
        QVERIFY(f.deliver(bob, testMessage(1), QStringLiteral("A/B")));
        auto ab = f.store->openMailbox(bob, QStringLiteral("A/B"));
        QSignalSpy removed(ab.data(), &Mailbox::folderRemoved);
        QVERIFY(f.store->renameFolder(bob, QStringLiteral("A"), QStringLiteral("C"), &e));
        QCOMPARE(removed.count(), 1);
        QVERIFY(!ab->isValid());
        auto cb = f.store->openMailbox(bob, QStringLiteral("C/B"));
        QVERIFY(cb);
        QCOMPARE(cb->messages().size(), 1);
        QVERIFY(f.store->deleteFolder(bob, QStringLiteral("C/B"), &e));
        QVERIFY(!f.store->openMailbox(bob, QStringLiteral("C/B"), &e));
        QCOMPARE(e.code, StoreErrorCode::NotFound);
        // Renaming INBOX moves its messages and leaves INBOX empty.
        QVERIFY(f.deliver(bob, testMessage(2)));
        QVERIFY(f.store->renameFolder(bob, QStringLiteral("INBOX"), QStringLiteral("Old"), &e));
        QCOMPARE(f.store->folderStatus(bob, QStringLiteral("INBOX"))->messages, 0);
        QCOMPARE(f.store->folderStatus(bob, QStringLiteral("Old"))->messages, 1);
        // Subscriptions.
        QVERIFY(f.store->setSubscribed(bob, QStringLiteral("Old"), true));
        QVERIFY(f.store->setSubscribed(bob, QStringLiteral("Junk"), false));
        const auto after = f.store->listFolders(bob);
        for (const FolderInfo &fi : *after) {
            if (fi.name == QLatin1String("Old"))
                QVERIFY(fi.subscribed);
            if (fi.name == QLatin1String("Junk"))
                QVERIFY(!fi.subscribed);
        }
    }

    void escapeAttemptsRefused()
    {
        StoreFixture f;
        const QString bob = QStringLiteral("bob@example.com");
        QVERIFY(f.addUser(bob));
        const QStringList bad{"../../escaped", "/tmp/escaped", "a/../../escaped", "..", QString(QStringLiteral("x") + QChar(0) + "y"),
                              "x\ny", "x.y"};
        for (const QString &name : bad) {
            StoreError e;
            QVERIFY2(!f.store->createFolder(bob, name, &e), qPrintable(name));
            QCOMPARE(e.code, StoreErrorCode::InvalidName);
            QVERIFY(!f.store->openMailbox(bob, name, &e));
            QVERIFY(!f.deliver(bob, testMessage(1), name, 0, &e));
            QVERIFY(!f.store->renameFolder(bob, QStringLiteral("Sent"), name, &e));
        }
        // Nothing appeared outside the user's Maildir.
        QDirIterator it(f.dir.path(), QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
        const QString maildir = f.store->maildirPath(bob);
        while (it.hasNext()) {
            const QString p = it.next();
            QVERIFY2(!p.contains(QLatin1String("escaped")), qPrintable(p));
            QVERIFY2(p.startsWith(maildir) || maildir.startsWith(p) || p.endsWith(QLatin1String("accounts.json"))
                         || p.endsWith(QLatin1String("accounts.lock")),
                     qPrintable(p));
        }
        // An address whose local part contains '/' stays inside mail_root.
        QCOMPARE(f.store->maildirPath(QStringLiteral("\"../../x\"@example.com")),
                 f.dir.path() + QLatin1String("/example.com/%22..%2f..%2fx%22/Maildir"));
        QCOMPARE(f.store->maildirPath(QStringLiteral("\".hidden\"@example.com")), f.dir.path() + QLatin1String("/example.com/%22.hidden%22/Maildir"));
        QCOMPARE(f.store->maildirPath(QStringLiteral("not an address")), QString());
    }

    void quotaRefusalLeavesNothing()
    {
        StoreFixture f;
        const QString bob = QStringLiteral("bob@example.com");
        QVERIFY(f.addUser(bob, "pw", 1000));
        QVERIFY(f.deliver(bob, QByteArray(600, 'a')));
        StoreError e;
        QVERIFY(!f.deliver(bob, QByteArray(600, 'b'), QStringLiteral("INBOX"), 0, &e));
        QCOMPARE(e.code, StoreErrorCode::OverQuota);
        auto mb = f.store->openMailbox(bob, QStringLiteral("INBOX"));
        QCOMPARE(mb->messages().size(), 1);
        QVERIFY(!mb->append(QByteArray(500, 'c'), 0, {}, 0, &e));
        QCOMPARE(e.code, StoreErrorCode::OverQuota);
        QVERIFY(!mb->copyTo({1}, QStringLiteral("Archive"), nullptr, &e));
        QCOMPARE(e.code, StoreErrorCode::OverQuota);
        QCOMPARE(mb->messages().size(), 1);
        const QString root = f.store->maildirPath(bob);
        QCOMPARE(filesIn(root + QLatin1String("/tmp")).size(), 0);
        QCOMPARE(filesIn(root + QLatin1String("/new")).size() + filesIn(root + QLatin1String("/cur")).size(), 1);
        QCOMPARE(filesIn(root + QLatin1String("/.Archive/cur")).size(), 0);
        QCOMPARE(f.store->usedBytes(bob), 600);
        // A move does not count; after an expunge there is room again.
        QVERIFY(mb->moveTo({1}, QStringLiteral("Archive")));
        auto archive = f.store->openMailbox(bob, QStringLiteral("Archive"));
        QVERIFY(archive->expunge({1}));
        QVERIFY(f.deliver(bob, QByteArray(900, 'd')));
    }
};

QTEST_GUILESS_MAIN(tst_MailStore)
#include "tst_mailstore.moc"
