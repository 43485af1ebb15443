// Tests of the pure IMAP parser: framing (lines, {n} and {n+} literals, limits), the
// argument tree, sequence sets and modified UTF-7, each fed whole and one byte at a time.
#include "imapcommandreader.h"
#include "imaplimits.h"
#include "imapparser.h"
#include "imapsequenceset.h"
#include "mutf7.h"

#include <QTest>

namespace {
QByteArray dump(const QVector<ImapArg> &args)
{
    QByteArray out;
    for (const ImapArg &a : args) {
        if (!out.isEmpty())
            out += ' ';
        switch (a.type) {
        case ImapArg::Type::Atom: out += "A:" + a.value; break;
        case ImapArg::Type::Quoted: out += "Q:" + a.value; break;
        case ImapArg::Type::Literal: out += "L:" + a.value; break;
        case ImapArg::Type::List: out += "(" + dump(a.list) + ")"; break;
        }
    }
    return out;
}

// Runs the reader over input (whole or byte by byte) and records its events.
QByteArray runReader(const QByteArray &input, bool byteByByte, qint64 appendLimit = 1000)
{
    ImapCommandReader reader;
    reader.setMaxAppendLiteral(appendLimit);
    QByteArray events;
    auto drain = [&] {
        for (;;) {
            switch (reader.next()) {
            case ImapCommandReader::Status::NeedMore:
                return;
            case ImapCommandReader::Status::ContinuationNeeded:
                events += "+;";
                break;
            case ImapCommandReader::Status::Error:
                events += "ERR " + reader.errorTag() + " " + reader.errorText() + ";";
                break;
            case ImapCommandReader::Status::CommandReady: {
                const ImapRawCommand raw = reader.takeCommand();
                QByteArray tag, error;
                auto cmd = ImapParser::parse(raw, &tag, &error);
                if (!cmd)
                    events += "BAD " + tag + " " + error + ";";
                else
                    events += "CMD " + cmd->tag + " " + (cmd->uid ? "UID " : "") + cmd->name + " [" + dump(cmd->args) + "];";
                break;
            }
            }
        }
    };
    if (byteByByte) {
        for (char c : input) {
            reader.feed(QByteArrayView(&c, 1));
            drain();
        }
    } else {
        reader.feed(input);
        drain();
    }
    return events;
}
}

class tst_ImapParser : public QObject
{
    Q_OBJECT
private slots:
    void commands_data();
    void commands();
    void limits();
    void sequenceSets_data();
    void sequenceSets();
    void utf7_data();
    void utf7();
};

void tst_ImapParser::commands_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("events");
    QTest::newRow("noop") << QByteArray("a1 NOOP\r\n") << QByteArray("CMD a1 NOOP [];");
    QTest::newRow("lower-case name, bare LF") << QByteArray("a1 noop\n") << QByteArray("CMD a1 NOOP [];");
    QTest::newRow("login atoms") << QByteArray("a LOGIN bob secret\r\n") << QByteArray("CMD a LOGIN [A:bob A:secret];");
    QTest::newRow("quoted with escapes") << QByteArray("a LOGIN \"bob\" \"pa\\\"ss\\\\w\"\r\n")
                                         << QByteArray("CMD a LOGIN [Q:bob Q:pa\"ss\\w];");
    QTest::newRow("empty quoted") << QByteArray("a LOGIN \"\" x\r\n") << QByteArray("CMD a LOGIN [Q: A:x];");
    QTest::newRow("bad escape") << QByteArray("a LOGIN \"a\\b\" x\r\n") << QByteArray("BAD a Invalid escape in quoted string;");
    QTest::newRow("unterminated quote") << QByteArray("a LOGIN \"abc\r\n") << QByteArray("BAD a Missing '\"';");
    QTest::newRow("sync literal") << QByteArray("a LOGIN {3}\r\nbob {6}\r\nsecret\r\n")
                                  << QByteArray("+;+;CMD a LOGIN [L:bob L:secret];");
    QTest::newRow("non-sync literal") << QByteArray("a LOGIN {3+}\r\nbob x\r\n") << QByteArray("CMD a LOGIN [L:bob A:x];");
    QTest::newRow("literal with CRLF and 8-bit")
        << QByteArray("a APPEND INBOX {6+}\r\n\xc3\xa9\r\n{}\r\n") << QByteArray("CMD a APPEND [A:INBOX L:\xc3\xa9\r\n{}];");
    QTest::newRow("empty literal") << QByteArray("a X {0}\r\n\r\n") << QByteArray("+;CMD a X [L:];");
    QTest::newRow("nested lists") << QByteArray("a STORE 1:* +FLAGS (\\Seen (x \"y z\") ())\r\n")
                                  << QByteArray("CMD a STORE [A:1:* A:+FLAGS (A:\\Seen (A:x Q:y z) ())];");
    QTest::newRow("fetch section atom")
        << QByteArray("a UID FETCH 1:* (FLAGS BODY.PEEK[HEADER.FIELDS (From To)]<0.100>)\r\n")
        << QByteArray("CMD a UID FETCH [A:1:* (A:FLAGS A:BODY.PEEK[HEADER.FIELDS (From To)]<0.100>)];");
    QTest::newRow("list in literal lines")
        << QByteArray("a SEARCH (SUBJECT {2+}\r\nhi FROM x)\r\n") << QByteArray("CMD a SEARCH [(A:SUBJECT L:hi A:FROM A:x)];");
    QTest::newRow("8-bit quoted") << QByteArray("a SELECT \"Entw\xc3\xbcrfe\"\r\n") << QByteArray("CMD a SELECT [Q:Entw\xc3\xbcrfe];");
    QTest::newRow("two commands") << QByteArray("a NOOP\r\nb CAPABILITY\r\n") << QByteArray("CMD a NOOP [];CMD b CAPABILITY [];");
    QTest::newRow("empty line") << QByteArray("\r\n") << QByteArray("BAD * Empty command line;");
    QTest::newRow("bad tag") << QByteArray("a+ NOOP\r\n") << QByteArray("BAD * Invalid tag;");
    QTest::newRow("missing command") << QByteArray("abc\r\n") << QByteArray("BAD abc Missing command;");
    QTest::newRow("double space") << QByteArray("a LOGIN  x y\r\n") << QByteArray("BAD a Missing argument;");
    QTest::newRow("trailing space") << QByteArray("a NOOP \r\n") << QByteArray("BAD a Trailing space;");
    QTest::newRow("unbalanced (") << QByteArray("a X (a b\r\n") << QByteArray("BAD a Missing ')';");
    QTest::newRow("unbalanced )") << QByteArray("a X a)\r\n") << QByteArray("BAD a Expected space between arguments;");
    QTest::newRow("unbalanced [") << QByteArray("a FETCH 1 BODY[1\r\n") << QByteArray("BAD a Missing ']';");
    // imaptest "atoms": every ATOM-CHAR, '[' included, in a mailbox name.
    QTest::newRow("[ in a plain atom") << QByteArray("a SELECT !#$&'+,-.0123456789:;<=>?@^_`|[}\r\n")
                                       << QByteArray("CMD a SELECT [A:!#$&'+,-.0123456789:;<=>?@^_`|[}];");
    QTest::newRow("[ and ] in a plain atom") << QByteArray("a LIST x[y z]%\r\n") << QByteArray("CMD a LIST [A:x[y A:z]%];");
    QTest::newRow("lower-case section atom") << QByteArray("a FETCH 1 body.peek[header.fields (a)]\r\n")
                                             << QByteArray("CMD a FETCH [A:1 A:body.peek[header.fields (a)]];");
    QTest::newRow("uid without command") << QByteArray("a UID\r\n") << QByteArray("BAD a Missing command after UID;");
    QTest::newRow("literal marker not at end is an atom") << QByteArray("a X {3} y\r\n") << QByteArray("CMD a X [A:{3} A:y];");
}

void tst_ImapParser::commands()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, events);
    QCOMPARE(runReader(input, false), events);
    QCOMPARE(runReader(input, true), events);
}

void tst_ImapParser::limits()
{
    // A line over the limit: BAD with the tag, the rest of the line skipped, the next command fine.
    const QByteArray longLine = "t1 LOGIN " + QByteArray(ImapLimits::MaxLineLength + 10, 'x') + "\r\nt2 NOOP\r\n";
    QCOMPARE(runReader(longLine, false), QByteArray("ERR t1 Command line too long;CMD t2 NOOP [];"));
    // Synchronizing literal over the limit: refused before the client sends it (no "+").
    const QByteArray bigSync = "t1 LOGIN {" + QByteArray::number(ImapLimits::MaxSmallLiteral + 1) + "}\r\nt2 NOOP\r\n";
    QCOMPARE(runReader(bigSync, false), QByteArray("ERR t1 Literal too large;CMD t2 NOOP [];"));
    QCOMPARE(runReader(bigSync, true), QByteArray("ERR t1 Literal too large;CMD t2 NOOP [];"));
    // Non-synchronizing literal over the limit: its bytes are skipped, then BAD.
    const QByteArray body(ImapLimits::MaxSmallLiteral + 1, 'y');
    const QByteArray bigNonSync = "t1 LOGIN {" + QByteArray::number(body.size()) + "+}\r\n" + body + " x\r\nt2 NOOP\r\n";
    QCOMPARE(runReader(bigNonSync, false), QByteArray("ERR t1 Literal too large;CMD t2 NOOP [];"));
    // APPEND gets the message size limit instead (here 1000).
    QCOMPARE(runReader("t1 APPEND INBOX {1000+}\r\n" + QByteArray(1000, 'm') + "\r\n", false),
             "CMD t1 APPEND [A:INBOX L:" + QByteArray(1000, 'm') + "];");
    QCOMPARE(runReader("t1 APPEND INBOX {1001}\r\nt2 NOOP\r\n", false),
             QByteArray("ERR t1 Message too large;CMD t2 NOOP [];"));
    QCOMPARE(runReader("t1 APPEND INBOX {1001+}\r\n" + QByteArray(1001, 'm') + "\r\nt2 NOOP\r\n", true),
             QByteArray("ERR t1 Message too large;CMD t2 NOOP [];"));
    // Too deeply nested lists.
    const QByteArray deep = "t1 X " + QByteArray(ImapLimits::MaxListDepth + 2, '(') + QByteArray(ImapLimits::MaxListDepth + 2, ')') + "\r\n";
    QCOMPARE(runReader(deep, false), QByteArray("BAD t1 Too deeply nested list;"));
}

void tst_ImapParser::sequenceSets_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<quint32>("star");
    QTest::addColumn<QByteArray>("members"); // which of 1..10 are in the set
    QTest::newRow("single") << QByteArray("3") << true << 10u << QByteArray("3");
    QTest::newRow("range") << QByteArray("2:4") << true << 10u << QByteArray("2,3,4");
    QTest::newRow("reversed range") << QByteArray("4:2") << true << 10u << QByteArray("2,3,4");
    QTest::newRow("star") << QByteArray("8:*") << true << 10u << QByteArray("8,9,10");
    QTest::newRow("star below") << QByteArray("*:8") << true << 9u << QByteArray("8,9");
    QTest::newRow("star alone") << QByteArray("*") << true << 5u << QByteArray("5");
    QTest::newRow("list") << QByteArray("1,3:4,9") << true << 10u << QByteArray("1,3,4,9");
    QTest::newRow("zero") << QByteArray("0") << false << 0u << QByteArray();
    QTest::newRow("leading zero") << QByteArray("01") << false << 0u << QByteArray();
    QTest::newRow("empty item") << QByteArray("1,,2") << false << 0u << QByteArray();
    QTest::newRow("trailing comma") << QByteArray("1,") << false << 0u << QByteArray();
    QTest::newRow("overflow") << QByteArray("4294967296") << false << 0u << QByteArray();
    QTest::newRow("max") << QByteArray("4294967295") << true << 10u << QByteArray();
    QTest::newRow("junk") << QByteArray("1:a") << false << 0u << QByteArray();
    QTest::newRow("triple") << QByteArray("1:2:3") << false << 0u << QByteArray();
}

void tst_ImapParser::sequenceSets()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(quint32, star);
    QFETCH(QByteArray, members);
    auto set = ImapSequenceSet::parse(text);
    QCOMPARE(set.has_value(), valid);
    if (!set)
        return;
    QByteArrayList in;
    for (quint32 v = 1; v <= 10; ++v)
        if (set->contains(v, star))
            in << QByteArray::number(v);
    QCOMPARE(in.join(','), members);
    QCOMPARE(ImapSequenceSet::fromList({1, 2, 3, 5, 7, 8}).toString(), QByteArray("1:3,5,7:8"));
}

void tst_ImapParser::utf7_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("wire");
    QTest::newRow("ascii") << QStringLiteral("Sent") << QByteArray("Sent");
    QTest::newRow("ampersand") << QStringLiteral("A&B") << QByteArray("A&-B");
    QTest::newRow("umlaut") << QStringLiteral("Entwürfe") << QByteArray("Entw&APw-rfe");
    QTest::newRow("rfc example") << QString::fromUtf8("~peter/mail/\xe5\x8f\xb0\xe5\x8c\x97/\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e")
                                 << QByteArray("~peter/mail/&U,BTFw-/&ZeVnLIqe-");
    QTest::newRow("emoji") << QString::fromUtf8("\xf0\x9f\x93\xa7") << QByteArray("&2D3c5w-");
}

void tst_ImapParser::utf7()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, wire);
    QCOMPARE(Mutf7::encode(name), wire);
    QCOMPARE(Mutf7::decode(wire, Mutf7::RawUtf8::Accept).value_or(QStringLiteral("<invalid>")), name);
    QVERIFY(!Mutf7::decode("&U,BTFw", Mutf7::RawUtf8::Accept).has_value());     // unterminated
    QVERIFY(!Mutf7::decode("&AGE-", Mutf7::RawUtf8::Accept).has_value());       // encoded ASCII 'a'
    QVERIFY(!Mutf7::decode("&2D0-", Mutf7::RawUtf8::Accept).has_value());       // lone surrogate
    QCOMPARE(Mutf7::decode("Entw\xc3\xbcrfe", Mutf7::RawUtf8::Accept).value_or(QString()), QStringLiteral("Entwürfe")); // raw UTF-8
}

QTEST_GUILESS_MAIN(tst_ImapParser)
#include "tst_imapparser.moc"
