// Folder name rules: Maildir++ directory names (the modified UTF-7 codec itself is tested
// in tests/shared), and the refusals that keep client-chosen names inside the user's directory.
#include "maildirnames.h"
#include "messageinfo.h"

#include <QtTest>

class tst_MaildirNames : public QObject
{
    Q_OBJECT
private slots:
    void folderDirs()
    {
        QCOMPARE(*MaildirNames::folderToDir(QStringLiteral("inbox")), QString());
        QCOMPARE(*MaildirNames::folderToDir(QStringLiteral("Sent")), QStringLiteral(".Sent"));
        QCOMPARE(*MaildirNames::folderToDir(QStringLiteral("Archive/2024")), QStringLiteral(".Archive.2024"));
        QCOMPARE(*MaildirNames::folderToDir(QString::fromUtf8("Entwürfe")), QStringLiteral(".Entw&APw-rfe"));
        QCOMPARE(*MaildirNames::dirToFolder(QStringLiteral(".Archive.2024")), QStringLiteral("Archive/2024"));
        QCOMPARE(*MaildirNames::dirToFolder(QStringLiteral(".Entw&APw-rfe")), QString::fromUtf8("Entwürfe"));
        QVERIFY(!MaildirNames::dirToFolder(QStringLiteral("..")));
        QVERIFY(!MaildirNames::dirToFolder(QStringLiteral("..deleted-1")));
        QVERIFY(!MaildirNames::dirToFolder(QStringLiteral("cur")));
        QVERIFY(!MaildirNames::dirToFolder(QString::fromUtf8(".Entwürfe"))); // raw UTF-8: not ours
        QVERIFY(!MaildirNames::dirToFolder(QStringLiteral(".&AGE-")));       // encoded ASCII 'a'
        QVERIFY(!MaildirNames::dirToFolder(QStringLiteral(".&2D0-")));       // lone surrogate
    }

    void escapesRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("dotdot") << "..";
        QTest::newRow("dotdot-child") << "../../etc";
        QTest::newRow("dotdot-middle") << "a/../b";
        QTest::newRow("absolute") << "/etc/passwd";
        QTest::newRow("trailing") << "a/";
        QTest::newRow("empty-level") << "a//b";
        QTest::newRow("nul") << QString(QStringLiteral("a") + QChar(0) + QStringLiteral("b"));
        QTest::newRow("newline") << "a\nb";
        QTest::newRow("tab") << "a\tb";
        QTest::newRow("del") << QString(QStringLiteral("a") + QChar(0x7f));
        QTest::newRow("backslash") << "a\\b";
        QTest::newRow("dot") << "a.b";
        QTest::newRow("hidden") << ".hidden";
        QTest::newRow("empty") << "";
        QTest::newRow("too-long") << QString(300, QLatin1Char('a'));
    }
    void escapesRefused()
    {
        QFETCH(QString, name);
        QString problem;
        QVERIFY(!MaildirNames::folderToDir(name, &problem));
        QVERIFY(!problem.isEmpty());
    }

    void fileNames()
    {
        const auto f = MaildirNames::splitFileName(QStringLiteral("123.M1P2.host,S=42:2,FS"));
        QCOMPARE(f.base, QStringLiteral("123.M1P2.host,S=42"));
        QCOMPARE(f.info, QStringLiteral("FS"));
        QCOMPARE(MaildirNames::sizeFromBase(f.base), 42);
        // Dovecot: S= is the LF file's size, W= the CRLF size IMAP reports.
        QCOMPARE(MaildirNames::sizeFromBase(QStringLiteral("1764.M2P3.host,S=40,W=42")), 42);
        QCOMPARE(MaildirNames::sizeFromBase(QStringLiteral("1764.M2P3.host")), -1);
        QCOMPARE(MaildirNames::withCrlf("a\nb\r\nc\n\n"), QByteArray("a\r\nb\r\nc\r\n\r\n"));
        QCOMPARE(MaildirNames::withCrlf("\na\r\n"), QByteArray("\r\na\r\n"));
        QCOMPARE(MaildirNames::withCrlf("a\r\n"), QByteArray("a\r\n"));
        quint8 flags;
        quint32 mask;
        MaildirNames::infoToFlags(QStringLiteral("DFRSTac"), &flags, &mask);
        QCOMPARE(flags, quint8(MessageFlag::All));
        QCOMPARE(mask, 5u);
        QCOMPARE(MaildirNames::flagsToInfo(MessageFlag::Seen | MessageFlag::Flagged, 2), QStringLiteral("FSb"));
        QVERIFY(MaildirNames::newBaseName(10) != MaildirNames::newBaseName(10));
    }
};

QTEST_GUILESS_MAIN(tst_MaildirNames)
#include "tst_maildirnames.moc"
