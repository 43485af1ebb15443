// The pure SMTP command parser and SASL decoding, as QTest data tables.
#include "smtpcommand.h"
#include "smtpsasl.h"

#include <QtTest>

Q_DECLARE_METATYPE(SmtpCommand::Verb)

class tst_SmtpParser : public QObject
{
    Q_OBJECT
private slots:
    void verbs_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<SmtpCommand::Verb>("verb");
        QTest::addColumn<QByteArray>("argument");
        QTest::newRow("ehlo") << QByteArray("EHLO client.example") << SmtpCommand::Verb::Ehlo << QByteArray("client.example");
        QTest::newRow("lower") << QByteArray("ehlo x") << SmtpCommand::Verb::Ehlo << QByteArray("x");
        QTest::newRow("mail") << QByteArray("MAIL FROM:<a@b.c>") << SmtpCommand::Verb::Mail << QByteArray("FROM:<a@b.c>");
        QTest::newRow("data") << QByteArray("DATA") << SmtpCommand::Verb::Data << QByteArray();
        QTest::newRow("trailing space") << QByteArray("QUIT  ") << SmtpCommand::Verb::Quit << QByteArray();
        QTest::newRow("starttls") << QByteArray("StartTLS") << SmtpCommand::Verb::StartTls << QByteArray();
        QTest::newRow("bdat") << QByteArray("BDAT 10 LAST") << SmtpCommand::Verb::Bdat << QByteArray("10 LAST");
        QTest::newRow("unknown") << QByteArray("XYZZY") << SmtpCommand::Verb::Unknown << QByteArray();
        QTest::newRow("empty") << QByteArray() << SmtpCommand::Verb::Unknown << QByteArray();
    }
    void verbs()
    {
        QFETCH(QByteArray, line);
        QFETCH(SmtpCommand::Verb, verb);
        QFETCH(QByteArray, argument);
        const SmtpCommand c = SmtpCommandParser::parseLine(line);
        QCOMPARE(c.verb, verb);
        QCOMPARE(c.argument, argument);
    }

    void mail_data()
    {
        QTest::addColumn<QByteArray>("argument");
        QTest::addColumn<int>("code");     // 0 = accepted
        QTest::addColumn<QString>("address");
        QTest::addColumn<qint64>("size");
        QTest::newRow("plain") << QByteArray("FROM:<alice@example.com>") << 0 << "alice@example.com" << qint64(-1);
        QTest::newRow("space after colon") << QByteArray("FROM: <alice@example.com>") << 0 << "alice@example.com" << qint64(-1);
        QTest::newRow("case") << QByteArray("from:<Alice@Example.COM>") << 0 << "Alice@example.com" << qint64(-1);
        QTest::newRow("null") << QByteArray("FROM:<>") << 0 << "" << qint64(-1);
        QTest::newRow("size") << QByteArray("FROM:<a@b.example> SIZE=12345") << 0 << "a@b.example" << qint64(12345);
        QTest::newRow("body 8bit") << QByteArray("FROM:<a@b.example> BODY=8BITMIME") << 0 << "a@b.example" << qint64(-1);
        QTest::newRow("body 7bit lower") << QByteArray("FROM:<a@b.example> body=7bit") << 0 << "a@b.example" << qint64(-1);
        QTest::newRow("auth param") << QByteArray("FROM:<a@b.example> AUTH=a+2Bb@b.example") << 0 << "a@b.example" << qint64(-1);
        QTest::newRow("auth empty") << QByteArray("FROM:<a@b.example> AUTH=<>") << 0 << "a@b.example" << qint64(-1);
        QTest::newRow("source route") << QByteArray("FROM:<@relay.one,@relay.two:a@b.example>") << 0 << "a@b.example" << qint64(-1);
        QTest::newRow("quoted local") << QByteArray("FROM:<\"john doe\"@b.example>") << 0 << "\"john doe\"@b.example" << qint64(-1);
        QTest::newRow("quoted gt") << QByteArray("FROM:<\"a>b\"@b.example> SIZE=5") << 0 << "\"a>b\"@b.example" << qint64(5);
        QTest::newRow("utf8 with SMTPUTF8") << QByteArray("FROM:<j\xc3\xb6rg@b.example> SMTPUTF8") << 0 << QString::fromUtf8("j\xc3\xb6rg@b.example") << qint64(-1);
        QTest::newRow("utf8 without SMTPUTF8") << QByteArray("FROM:<j\xc3\xb6rg@b.example>") << 553 << "" << qint64(-1);
        QTest::newRow("invalid utf8") << QByteArray("FROM:<j\xff@b.example> SMTPUTF8") << 501 << "" << qint64(-1);
        QTest::newRow("no brackets") << QByteArray("FROM:a@b.example") << 501 << "" << qint64(-1);
        QTest::newRow("no colon") << QByteArray("FROM <a@b.example>") << 501 << "" << qint64(-1);
        QTest::newRow("unclosed") << QByteArray("FROM:<a@b.example") << 501 << "" << qint64(-1);
        QTest::newRow("junk after") << QByteArray("FROM:<a@b.example>x") << 501 << "" << qint64(-1);
        QTest::newRow("no domain") << QByteArray("FROM:<alice>") << 501 << "" << qint64(-1);
        QTest::newRow("bad size") << QByteArray("FROM:<a@b.example> SIZE=12a") << 501 << "" << qint64(-1);
        QTest::newRow("negative size") << QByteArray("FROM:<a@b.example> SIZE=-1") << 501 << "" << qint64(-1);
        QTest::newRow("huge size") << QByteArray("FROM:<a@b.example> SIZE=99999999999999999999") << 501 << "" << qint64(-1);
        QTest::newRow("duplicate size") << QByteArray("FROM:<a@b.example> SIZE=1 SIZE=2") << 501 << "" << qint64(-1);
        QTest::newRow("binarymime") << QByteArray("FROM:<a@b.example> BODY=BINARYMIME") << 501 << "" << qint64(-1);
        QTest::newRow("unknown param") << QByteArray("FROM:<a@b.example> RET=FULL") << 555 << "" << qint64(-1);
        QTest::newRow("smtputf8 value") << QByteArray("FROM:<a@b.example> SMTPUTF8=1") << 501 << "" << qint64(-1);
        QTest::newRow("bad xtext") << QByteArray("FROM:<a@b.example> AUTH=a+zz") << 501 << "" << qint64(-1);
        QTest::newRow("local too long") << QByteArray("FROM:<" + QByteArray(65, 'a') + "@b.example>") << 501 << "" << qint64(-1);
        QTest::newRow("path too long") << QByteArray("FROM:<" + QByteArray(60, 'a') + "@" + QByteArray(200, 'b') + ".example>") << 501 << "" << qint64(-1);
    }
    void mail()
    {
        QFETCH(QByteArray, argument);
        QFETCH(int, code);
        QFETCH(QString, address);
        QFETCH(qint64, size);
        SmtpPath path;
        SmtpParseError error;
        const bool ok = SmtpCommandParser::parseMail(argument, &path, &error);
        QCOMPARE(ok ? 0 : error.code, code);
        if (ok) {
            QCOMPARE(path.address, address);
            QCOMPARE(path.isNull, address.isEmpty());
            QCOMPARE(path.size, size);
        }
    }

    void rcpt_data()
    {
        QTest::addColumn<QByteArray>("argument");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("address");
        QTest::newRow("plain") << QByteArray("TO:<bob@example.com>") << 0 << "bob@example.com";
        QTest::newRow("postmaster") << QByteArray("TO:<Postmaster>") << 0 << "postmaster";
        QTest::newRow("null refused") << QByteArray("TO:<>") << 501 << "";
        QTest::newRow("param refused") << QByteArray("TO:<bob@example.com> NOTIFY=NEVER") << 555 << "";
        QTest::newRow("wrong keyword") << QByteArray("FROM:<bob@example.com>") << 501 << "";
        QTest::newRow("address literal") << QByteArray("TO:<bob@[192.0.2.1]>") << 0 << "bob@[192.0.2.1]";
    }
    void rcpt()
    {
        QFETCH(QByteArray, argument);
        QFETCH(int, code);
        QFETCH(QString, address);
        SmtpPath path;
        SmtpParseError error;
        const bool ok = SmtpCommandParser::parseRcpt(argument, &path, &error);
        QCOMPARE(ok ? 0 : error.code, code);
        if (ok)
            QCOMPARE(path.address, address);
    }

    void bdat()
    {
        qint64 size = 0;
        bool last = false;
        QVERIFY(SmtpCommandParser::parseBdat("100", &size, &last));
        QCOMPARE(size, qint64(100));
        QVERIFY(!last);
        QVERIFY(SmtpCommandParser::parseBdat("0 last", &size, &last));
        QVERIFY(last);
        QCOMPARE(size, qint64(0));
        QVERIFY(!SmtpCommandParser::parseBdat("", &size, &last));
        QVERIFY(!SmtpCommandParser::parseBdat("-5", &size, &last));
        QVERIFY(!SmtpCommandParser::parseBdat("5 FIRST", &size, &last));
        QVERIFY(!SmtpCommandParser::parseBdat("5 LAST x", &size, &last));
        QVERIFY(!SmtpCommandParser::parseBdat("99999999999999", &size, &last));
    }

    void heloNames()
    {
        QVERIFY(SmtpCommandParser::isValidHeloName("mail.example.com"));
        QVERIFY(SmtpCommandParser::isValidHeloName("[192.0.2.1]"));
        QVERIFY(SmtpCommandParser::isValidHeloName("my_host"));
        QVERIFY(!SmtpCommandParser::isValidHeloName(""));
        QVERIFY(!SmtpCommandParser::isValidHeloName("two words"));
        QVERIFY(!SmtpCommandParser::isValidHeloName("evil\rinjection"));
        QVERIFY(!SmtpCommandParser::isValidHeloName("a;b"));
        QVERIFY(!SmtpCommandParser::isValidHeloName("[1.2.3.4\rX]"));
        QVERIFY(!SmtpCommandParser::isValidHeloName("[]"));
        QVERIFY(SmtpCommandParser::isValidHeloName("[IPv6:2001:db8::1]"));
        QVERIFY(!SmtpCommandParser::isValidHeloName(QByteArray(300, 'a')));
    }

    void saslPlain()
    {
        QByteArray decoded;
        QCOMPARE(SmtpSasl::decodeResponse(QByteArray("\0bob@example.com\0secret", 23).toBase64(), &decoded), SmtpSasl::Result::Ok);
        SaslCredentials creds;
        QCOMPARE(SmtpSasl::decodePlain(decoded, &creds), SmtpSasl::Result::Ok);
        QCOMPARE(creds.user, QStringLiteral("bob@example.com"));
        QCOMPARE(creds.password, QByteArray("secret"));
        // authzid equal to authcid is fine; another identity is refused.
        QCOMPARE(SmtpSasl::decodePlain(QByteArray("bob\0bob\0pw", 10), &creds), SmtpSasl::Result::Ok);
        QCOMPARE(SmtpSasl::decodePlain(QByteArray("admin\0bob\0pw", 12), &creds), SmtpSasl::Result::Malformed);
        QCOMPARE(SmtpSasl::decodePlain(QByteArray("bob\0pw", 6), &creds), SmtpSasl::Result::Malformed);
        QCOMPARE(SmtpSasl::decodePlain(QByteArray("\0\0pw", 4), &creds), SmtpSasl::Result::Malformed);
        QCOMPARE(SmtpSasl::decodePlain(QByteArray("\0a\0b\0c", 6), &creds), SmtpSasl::Result::Malformed);
    }

    void saslResponses()
    {
        QByteArray decoded;
        QCOMPARE(SmtpSasl::decodeResponse("*", &decoded), SmtpSasl::Result::Cancelled);
        QCOMPARE(SmtpSasl::decodeResponse("=", &decoded), SmtpSasl::Result::Ok);
        QVERIFY(decoded.isEmpty());
        QCOMPARE(SmtpSasl::decodeResponse("not base64!", &decoded), SmtpSasl::Result::Malformed);
        QCOMPARE(SmtpSasl::decodeResponse("Ym9i", &decoded), SmtpSasl::Result::Ok);
        QCOMPARE(decoded, QByteArray("bob"));
        QCOMPARE(SmtpSasl::decodeResponse("Ym9", &decoded), SmtpSasl::Result::Malformed);
        QCOMPARE(SmtpSasl::loginUserChallenge(), QByteArray("VXNlcm5hbWU6"));
        QCOMPARE(SmtpSasl::loginPasswordChallenge(), QByteArray("UGFzc3dvcmQ6"));
    }
};

QTEST_GUILESS_MAIN(tst_SmtpParser)
#include "tst_smtpparser.moc"
