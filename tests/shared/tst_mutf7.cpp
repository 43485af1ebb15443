// Modified UTF-7 (shared/mutf7): the one codec of IMAP mailbox names on the wire and of
// Maildir++ folder directories. Round trips, the refusals that keep names unambiguous, and
// the raw UTF-8 that only the IMAP layer accepts.
#include "mutf7.h"

#include <QtTest>

class tst_Mutf7 : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("encoded");
        QTest::newRow("ascii") << QStringLiteral("Sent") << QByteArray("Sent");
        QTest::newRow("empty") << QString() << QByteArray();
        QTest::newRow("ampersand") << QStringLiteral("Tom & Jerry") << QByteArray("Tom &- Jerry");
        QTest::newRow("umlaut") << QString::fromUtf8("Entwürfe") << QByteArray("Entw&APw-rfe");
        QTest::newRow("trailing") << QString::fromUtf8("2026 Ä") << QByteArray("2026 &AMQ-");
        // RFC 3501 5.1.3 example
        QTest::newRow("rfc") << QString::fromUtf8("~peter/mail/台北/日本語") << QByteArray("~peter/mail/&U,BTFw-/&ZeVnLIqe-");
        QTest::newRow("emoji") << QString::fromUtf8("\xf0\x9f\x93\xa7") << QByteArray("&2D3c5w-");
        QTest::newRow("tab") << QStringLiteral("a\tb") << QByteArray("a&AAk-b");
    }
    void roundTrip()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, encoded);
        QCOMPARE(Mutf7::encode(text), encoded);
        QCOMPARE(Mutf7::decode(encoded).value_or(QStringLiteral("<bad>")), text);
        QCOMPARE(Mutf7::decode(encoded, Mutf7::RawUtf8::Accept).value_or(QStringLiteral("<bad>")), text);
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("encoded");
        QTest::newRow("unterminated") << QByteArray("&U,BTFw");
        QTest::newRow("encoded ascii") << QByteArray("&AGE-");
        QTest::newRow("lone high surrogate") << QByteArray("&2D0-");
        QTest::newRow("lone low surrogate") << QByteArray("&3Oc-");
        QTest::newRow("bad base64") << QByteArray("&A*E-");
        QTest::newRow("nonzero padding") << QByteArray("&APx-");
        QTest::newRow("odd length") << QByteArray("&AP-");
        QTest::newRow("control") << QByteArray("a\tb");
        QTest::newRow("raw utf8") << QByteArray("Entw\xc3\xbcrfe");
    }
    void refusals()
    {
        QFETCH(QByteArray, encoded);
        QVERIFY(!Mutf7::decode(encoded).has_value());
    }

    void rawUtf8OnlyWhenAsked()
    {
        QCOMPARE(Mutf7::decode("Entw\xc3\xbcrfe", Mutf7::RawUtf8::Accept).value_or(QString()),
                 QString::fromUtf8("Entwürfe"));
        QVERIFY(!Mutf7::decode("Entw\xfcrfe", Mutf7::RawUtf8::Accept).has_value()); // Latin-1, not UTF-8
        QVERIFY(!Mutf7::decode("&AGE-", Mutf7::RawUtf8::Accept).has_value());      // still strict otherwise
    }

    void everyBmpCharacterRoundTrips()
    {
        QString all;
        for (char16_t u = 1; u < 0xd800; ++u)
            all.append(QChar(u));
        const QByteArray encoded = Mutf7::encode(all);
        for (char c : encoded)
            QVERIFY(uchar(c) >= 0x20 && uchar(c) <= 0x7e);
        QCOMPARE(Mutf7::decode(encoded).value_or(QString()), all);
    }
};

QTEST_GUILESS_MAIN(tst_Mutf7)
#include "tst_mutf7.moc"
