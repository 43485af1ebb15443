// Structure-level tests of postroom_mime: nesting limits, huge headers, bare LF,
// truncated input, the fetch cache format, section specs and the IMAP string writer.
#include "imapbodywriter.h"
#include "imapsection.h"
#include "imapstringwriter.h"
#include "imapvalue.h"
#include "mimeaddress.h"
#include "mimecontent.h"
#include "mimefetchinfo.h"
#include "mimemessage.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

namespace {

QByteArray corpusFile(const char *name)
{
    QFile f(QStringLiteral(POSTROOM_SHARED_DIR "/testdata/mime/") + QLatin1String(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Peak resident set size in KiB (Linux), 0 if unknown.
qint64 peakRssKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return 0;
}

bool validImap(const QByteArray &data)
{
    bool ok = false;
    ImapValue::parse(data, &ok);
    return ok;
}

// Every part's offsets lie inside the message and nest properly.
bool offsetsSane(const MimeMessage &m)
{
    for (const MimePart &p : m.parts()) {
        if (!(0 <= p.headerStart && p.headerStart <= p.headerEnd && p.headerEnd <= p.bodyStart
              && p.bodyStart <= p.bodyEnd && p.bodyEnd <= m.size()))
            return false;
    }
    return true;
}

} // namespace

class tst_MimeParser : public QObject
{
    Q_OBJECT

private slots:
    void deepMultipartNesting();
    void deepMessageNesting();
    void millionHeaderFields();
    void manyPartsCapped();
    void bareLf();
    void structureEdgeCases_data();
    void structureEdgeCases();
    void truncatedInputNeverBreaks();
    void cacheRoundTripAndCorruption();
    void randomHeaderValues();
    void sectionSpec_data();
    void sectionSpec();
    void sectionOnNestedMessage();
    void partialRanges();
    void stringWriter_data();
    void stringWriter();
};

void tst_MimeParser::deepMultipartNesting()
{
    // 1000 nested multiparts: the first MaxDepth levels are parsed, the rest is one
    // opaque leaf; no crash, no stack overflow, and the answer is valid IMAP.
    // (Boundaries end in 'x' so none is a prefix of another, as RFC 2046 requires.)
    const int levels = 1000;
    const auto b = [](int i) { return "b" + QByteArray::number(i) + "x"; };
    QByteArray m = "From: a@b.example\r\nSubject: deep\r\nContent-Type: multipart/mixed; boundary=\"b0x\"\r\n\r\n";
    for (int i = 1; i < levels; ++i)
        m += "--" + b(i - 1) + "\r\nContent-Type: multipart/mixed; boundary=\"" + b(i) + "\"\r\n\r\n";
    m += "--" + b(levels - 1) + "\r\nContent-Type: text/plain\r\n\r\nleaf\r\n";
    for (int i = levels - 1; i >= 0; --i)
        m += "--" + b(i) + "--\r\n";

    QElapsedTimer t;
    t.start();
    const MimeMessage msg = MimeMessage::parse(m);
    int maxDepth = 0;
    for (const MimePart &p : msg.parts())
        maxDepth = qMax(maxDepth, p.depth);
    QCOMPARE(maxDepth, MimeMessage::MaxDepth);
    QVERIFY(offsetsSane(msg));
    const MimeFetchInfo info = MimeFetchInfo::fromMessage(msg);
    QVERIFY(validImap(info.bodyStructure));
    QVERIFY(validImap(info.body));
    QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));

    // The deepest parsed level is reachable by its part path.
    QList<int> path(MimeMessage::MaxDepth, 1);
    const int idx = info.resolvePath(path);
    QVERIFY(idx > 0);
    QCOMPARE(msg.part(idx).depth, MimeMessage::MaxDepth);
    QCOMPARE(msg.part(idx).kind, MimePart::Kind::Leaf);     // opaque past the cap
    QVERIFY(msg.headerBytes(idx).contains("boundary=\"b100x\""));
    QVERIFY(msg.bodyBytes(idx).contains("boundary=\"b101x\""));
}

void tst_MimeParser::deepMessageNesting()
{
    QByteArray m;
    const int levels = 1000;
    for (int i = 0; i < levels; ++i)
        m += "Subject: level " + QByteArray::number(i) + "\r\nContent-Type: message/rfc822\r\n\r\n";
    m += "Subject: innermost\r\n\r\nbody\r\n";
    const MimeMessage msg = MimeMessage::parse(m);
    QVERIFY(offsetsSane(msg));
    QCOMPARE(msg.parts().size(), MimeMessage::MaxDepth + 1);
    const MimeFetchInfo info = MimeFetchInfo::fromMessage(msg);
    QVERIFY(validImap(info.bodyStructure));
    // The envelope of the last parsed message part names level 100; deeper is opaque.
    QVERIFY(info.bodyStructure.contains("\"level 100\""));
    QVERIFY(!info.bodyStructure.contains("\"level 101\""));
    // A big body under 100 levels of message/rfc822 is still read about once, not
    // once per level (line counts are made in one sweep).
    QByteArray big;
    for (int i = 0; i < MimeMessage::MaxDepth; ++i)
        big += "Subject: " + QByteArray::number(i) + "\r\nContent-Type: message/rfc822\r\n\r\n";
    big += "Subject: body\r\n\r\n";
    big += QByteArray(8 * 1024 * 1024, '\n');
    QElapsedTimer t;
    t.start();
    const MimeMessage bigMsg = MimeMessage::parse(big);
    QVERIFY2(t.elapsed() < 2000, qPrintable(QString::number(t.elapsed())));
    QCOMPARE(bigMsg.part(1).lines, big.mid(bigMsg.part(1).bodyStart).count('\n'));
    QCOMPARE(bigMsg.parts().last().lines, 8 * 1024 * 1024);

    // [1.1.HEADER] is the header of the message two levels down.
    const auto sec = ImapSection::parse("1.1.HEADER");
    QVERIFY(sec);
    QCOMPARE(*sec->extract(m, info), QByteArray("Subject: level 2\r\nContent-Type: message/rfc822\r\n\r\n"));
}

void tst_MimeParser::millionHeaderFields()
{
    QByteArray m;
    const int fields = 1000000;
    m.reserve(fields * 16 + 200);
    m += "From: a@b.example\r\nSubject: first\r\n";
    for (int i = 0; i < fields; ++i)
        m += "X-F: " + QByteArray::number(i) + "\r\n";
    m += "Subject: last\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nbody\r\n";
    const qint64 rssBefore = peakRssKiB();

    QElapsedTimer t;
    t.start();
    const MimeMessage msg = MimeMessage::parse(m);
    const MimeFetchInfo info = MimeFetchInfo::fromMessage(msg);
    const qint64 ms = t.elapsed();
    qInfo("1,000,000 header fields (%lld MB): parse + ENVELOPE + BODYSTRUCTURE in %lld ms",
          qint64(m.size() >> 20), ms);
    QVERIFY2(ms < 5000, qPrintable(QString::number(ms)));
    QVERIFY(info.envelope.contains("\"last\""));             // the last Subject wins
    QVERIFY(info.bodyStructure.startsWith("(\"text\" \"plain\" (\"charset\" \"utf-8\")"));
    QCOMPARE(msg.part(0).bodySize(), 6);
    // Bounded memory: no per-field allocations kept (the input itself is ~16 MB).
    const qint64 growthKiB = peakRssKiB() - rssBefore;
    QVERIFY2(rssBefore == 0 || growthKiB < 64 * 1024, qPrintable(QString::number(growthKiB)));
}

void tst_MimeParser::manyPartsCapped()
{
    // 50,000 body parts: the first MaxParts are split out, the rest stay inside the
    // multipart's body; parsing stays linear and the answer stays valid.
    QByteArray m = "Content-Type: multipart/mixed; boundary=p\r\n\r\n";
    for (int i = 0; i < 50000; ++i)
        m += "--p\r\n\r\nx\r\n";
    m += "--p--\r\n";
    QElapsedTimer t;
    t.start();
    const MimeMessage msg = MimeMessage::parse(m);
    QVERIFY(msg.parts().size() <= MimeMessage::MaxParts);
    QVERIFY(msg.parts().size() > MimeMessage::MaxParts - 2);
    QCOMPARE(msg.part(0).bodyEnd, m.size());
    QVERIFY(offsetsSane(msg));
    QVERIFY(validImap(MimeFetchInfo::fromMessage(msg).body));
    QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
}

void tst_MimeParser::bareLf()
{
    // 045 stored as-is (bare LF on some lines): same structure, offsets on the raw bytes.
    const QByteArray raw = corpusFile("045-bare-lf-lines.eml");
    QVERIFY(!raw.isEmpty());
    const MimeMessage msg = MimeMessage::parse(raw);
    QCOMPARE(msg.size(), raw.size());
    QCOMPARE(msg.parts().size(), 1);
    QVERIFY(msg.bodyBytes(0).startsWith("This line ends in CRLF.\r\nThis line ends in a bare LF.\n"));
    QCOMPARE(msg.part(0).lines, 5);
    QCOMPARE(msg.part(0).lines, raw.mid(msg.part(0).bodyStart).count('\n'));
    const QByteArray pureLf = "Subject: lf\nContent-Type: multipart/mixed; boundary=x\n\n--x\nContent-Type: text/html\n\n<p>a</p>\n--x\n\nplain\n--x--\n";
    const MimeMessage lf = MimeMessage::parse(pureLf);
    QCOMPARE(ImapBodyWriter::bodyStructure(lf, false),
             QByteArray("((\"text\" \"html\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 8 0)"
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 5 0) \"mixed\")"));
    QCOMPARE(lf.headerBytes(1), QByteArray("Content-Type: text/html\n\n"));
}

void tst_MimeParser::structureEdgeCases_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("body");          // BODY (non-extensible)
    QTest::addColumn<QByteArray>("part1Mime");     // BODY[1.MIME]
    const QByteArray mp = "Content-Type: multipart/mixed; boundary=b\r\n\r\n";
    // RFC 2046 5.1.1: only the start of the line has to match the boundary.
    QTest::newRow("prefix match") << mp + "--b\r\n\r\none\r\n--b trailing junk\r\n\r\ntwo\r\n--b--\r\n"
        << QByteArray("((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 0)"
                      "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 0) \"mixed\")")
        << QByteArray("\r\n");
    QTest::newRow("first content-type wins")
        << QByteArray("Content-Type: text/html\r\nContent-Type: image/png\r\n\r\nx")
        << QByteArray("(\"text\" \"html\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 1 0)")
        << QByteArray("Content-Type: text/html\r\nContent-Type: image/png\r\n\r\n");
    QTest::newRow("cte junk ignored")
        << QByteArray("Content-Transfer-Encoding: base64 junk\r\n\r\nx")
        << QByteArray("(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 1 0)") << QByteArray();
    QTest::newRow("header runs into delimiter")
        << mp + "--b\r\nContent-Type: text/html\r\n--b--\r\n"
        << QByteArray("((\"text\" \"html\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0) \"mixed\")")
        << QByteArray("Content-Type: text/html");
    QTest::newRow("empty line before delimiter")
        << mp + "--b\r\nContent-Type: text/html\r\n\r\n--b--\r\n"
        << QByteArray("((\"text\" \"html\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0) \"mixed\")")
        << QByteArray("Content-Type: text/html\r\n");
    QTest::newRow("same boundary nested")
        << mp + "--b\r\nContent-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\n\r\nin\r\n--b--\r\n\r\n--b\r\n\r\nout\r\n--b--\r\n"
        << QByteArray("(((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 2 0) \"alternative\")"
                      "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 0) \"mixed\")")
        << QByteArray("Content-Type: multipart/alternative; boundary=b\r\n\r\n");
    QTest::newRow("digest default")
        << QByteArray("Content-Type: multipart/digest; boundary=d\r\n\r\n--d\r\n\r\nSubject: s\r\n\r\nx\r\n--d--\r\n")
        << QByteArray("((\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 15 (NIL \"s\" NIL NIL NIL NIL NIL NIL NIL NIL) "
                      "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 1 0) 2) \"digest\")")
        << QByteArray("\r\n");
    QTest::newRow("multipart without boundary is a leaf")
        << QByteArray("Content-Type: multipart/mixed\r\n\r\nx\r\n")
        << QByteArray("(\"multipart\" \"mixed\" NIL NIL NIL \"7bit\" 3)") << QByteArray();
}

void tst_MimeParser::structureEdgeCases()
{
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, part1Mime);
    const MimeMessage msg = MimeMessage::parse(message);
    QVERIFY(offsetsSane(msg));
    const MimeFetchInfo info = MimeFetchInfo::fromMessage(msg);
    QCOMPARE(info.body, body);
    if (!part1Mime.isNull())
        QCOMPARE(*ImapSection::parse("1.MIME")->extract(message, info), part1Mime);
}

void tst_MimeParser::truncatedInputNeverBreaks()
{
    // Every corpus message cut at many points still yields sane offsets and valid IMAP.
    const QStringList files = QDir(QStringLiteral(POSTROOM_SHARED_DIR "/testdata/mime"))
                                  .entryList({QStringLiteral("*.eml")}, QDir::Files);
    QVERIFY(files.size() >= 50);
    QRandomGenerator rng(42);
    int checked = 0;
    for (const QString &f : files) {
        const QByteArray raw = corpusFile(f.toLatin1().constData());
        for (int cut = 0; cut < 20; ++cut) {
            QByteArray m = raw.left(rng.bounded(int(raw.size()) + 1));
            if (cut % 2 && !m.isEmpty())
                m[rng.bounded(qMax<int>(1, int(m.size())))] = char(rng.bounded(256));
            const MimeMessage msg = MimeMessage::parse(m);
            QVERIFY(offsetsSane(msg));
            const MimeFetchInfo info = MimeFetchInfo::fromMessage(msg);
            QVERIFY2(validImap(info.bodyStructure), qPrintable(f));
            QVERIFY2(validImap(info.envelope), qPrintable(f));
            // The API view copes as well.
            const MimeContent content(msg);
            QVERIFY(content.preview().size() <= 255);
            for (const MimeContent::Attachment &a : content.attachments())
                QVERIFY(a.partIndex >= 0 && a.partIndex < msg.parts().size());
            ++checked;
        }
    }
    QCOMPARE(checked, files.size() * 20);
}

void tst_MimeParser::cacheRoundTripAndCorruption()
{
    const QByteArray raw = corpusFile("012-rfc822-with-multipart.eml");
    const MimeFetchInfo info = MimeFetchInfo::fromMessage(MimeMessage::parse(raw));
    const QByteArray blob = info.serialize();
    const auto back = MimeFetchInfo::deserialize(blob);
    QVERIFY(back);
    QCOMPARE(back->envelope, info.envelope);
    QCOMPARE(back->bodyStructure, info.bodyStructure);
    QCOMPARE(back->body, info.body);
    QCOMPARE(back->size, raw.size());
    QCOMPARE(back->parts.size(), info.parts.size());
    QCOMPARE(back->children, info.children);
    qInfo("cache record: %lld bytes for a %lld-byte message with %lld parts",
          qint64(blob.size()), qint64(raw.size()), qint64(info.parts.size()));

    QVERIFY(!MimeFetchInfo::deserialize(QByteArray()));
    QVERIFY(!MimeFetchInfo::deserialize(blob.left(blob.size() - 1)));
    QVERIFY(!MimeFetchInfo::deserialize(blob + 'x'));
    // Random damage never gives offsets outside the message.
    QRandomGenerator rng(7);
    for (int i = 0; i < 2000; ++i) {
        QByteArray bad = blob;
        for (int k = 0; k < 3; ++k)
            bad[rng.bounded(int(bad.size()))] = char(rng.bounded(256));
        const auto r = MimeFetchInfo::deserialize(bad);
        if (!r)
            continue;
        for (const MimeFetchInfo::Part &p : r->parts)
            QVERIFY(p.bodyEnd <= r->size && p.headerStart >= 0);
    }
}

void tst_MimeParser::randomHeaderValues()
{
    // Random bytes from an alphabet rich in specials, as address lists and content
    // types: no crash, no hang, valid ENVELOPE output.
    QRandomGenerator rng(99);
    const QByteArray alphabet = "\"()<>@,;:\\.[]=?*' \t\r\nabcXYZ019-_%\x80\xc3\xa9";
    for (int i = 0; i < 3000; ++i) {
        QByteArray v;
        const int len = rng.bounded(200);
        for (int k = 0; k < len; ++k)
            v += alphabet.at(rng.bounded(int(alphabet.size())));
        v.replace("\r\n", "\r\n ");           // keep it one folded field
        v.replace('\n', ' ');
        const QByteArray m = "From: " + v + "\r\nTo: " + v + "\r\nSubject: " + v
            + "\r\nContent-Type: multipart/mixed; " + v + "\r\nContent-Disposition: " + v + "\r\n\r\nbody\r\n";
        const MimeMessage msg = MimeMessage::parse(m);
        QVERIFY(offsetsSane(msg));
        const MimeFetchInfo info = MimeFetchInfo::fromMessage(msg);
        QVERIFY2(validImap(info.envelope), info.envelope.constData());
        QVERIFY2(validImap(info.bodyStructure), info.bodyStructure.constData());
        MimeAddress::parseMailboxes(v);
        MimeContent::parseDate(v);
    }
}

void tst_MimeParser::sectionSpec_data()
{
    QTest::addColumn<QByteArray>("spec");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QByteArray>("canonical");
    QTest::newRow("empty") << QByteArray("") << true << QByteArray("");
    QTest::newRow("header") << QByteArray("header") << true << QByteArray("HEADER");
    QTest::newRow("text") << QByteArray("TEXT") << true << QByteArray("TEXT");
    QTest::newRow("fields") << QByteArray("HEADER.FIELDS (From to)") << true << QByteArray("HEADER.FIELDS (FROM TO)");
    QTest::newRow("fields not") << QByteArray("1.HEADER.FIELDS.NOT (X-A \"Subject\")") << true
                                << QByteArray("1.HEADER.FIELDS.NOT (X-A SUBJECT)");
    QTest::newRow("part") << QByteArray("2.1.3") << true << QByteArray("2.1.3");
    QTest::newRow("mime") << QByteArray("2.mime") << true << QByteArray("2.MIME");
    QTest::newRow("mime alone") << QByteArray("MIME") << false << QByteArray();
    QTest::newRow("zero") << QByteArray("0") << false << QByteArray();
    QTest::newRow("trailing dot") << QByteArray("1.") << false << QByteArray();
    QTest::newRow("junk") << QByteArray("1.BODY") << false << QByteArray();
    QTest::newRow("no list") << QByteArray("HEADER.FIELDS") << false << QByteArray();
    QTest::newRow("empty list") << QByteArray("HEADER.FIELDS ()") << false << QByteArray();
    QTest::newRow("unclosed") << QByteArray("HEADER.FIELDS (A") << false << QByteArray();
    QTest::newRow("field with space") << QByteArray("HEADER.FIELDS (\"A B\")") << false << QByteArray();
    QTest::newRow("huge number") << QByteArray("99999999999") << false << QByteArray();
}

void tst_MimeParser::sectionSpec()
{
    QFETCH(QByteArray, spec);
    QFETCH(bool, valid);
    QFETCH(QByteArray, canonical);
    QString error;
    const auto s = ImapSection::parse(spec, &error);
    QCOMPARE(bool(s), valid);
    if (valid)
        QCOMPARE(s->toString(), canonical);
    else
        QVERIFY(!error.isEmpty());
}

void tst_MimeParser::sectionOnNestedMessage()
{
    const QByteArray raw = corpusFile("013-rfc822-in-rfc822.eml");
    const MimeFetchInfo info = MimeFetchInfo::fromMessage(MimeMessage::parse(raw));
    const auto get = [&](const char *spec) { return ImapSection::parse(spec)->extract(raw, info); };
    QVERIFY(get("2.2.HEADER.FIELDS (SUBJECT)")->startsWith("Subject: original\r\n"));
    QVERIFY(!get("2.2.HEADER.FIELDS.NOT (SUBJECT)")->contains("Subject:"));
    QCOMPARE(*get("9"), QByteArray(""));         // no such part: empty (Dovecot)
    QCOMPARE(*get("2.9"), QByteArray(""));
    QCOMPARE(*get("1.HEADER"), QByteArray(""));  // not a message part: empty
    QVERIFY(!ImapSection::parse("1")->extract(raw + "x", info));   // info of other bytes
}

void tst_MimeParser::partialRanges()
{
    QCOMPARE(ImapSection::partial("abcdef", 0, 3), QByteArray("abc"));
    QCOMPARE(ImapSection::partial("abcdef", 4, 10), QByteArray("ef"));
    QCOMPARE(ImapSection::partial("abcdef", 6, 1), QByteArray(""));
    QCOMPARE(ImapSection::partial("abcdef", 100, 1), QByteArray(""));
    QCOMPARE(ImapSection::partial("abcdef", 2, 0), QByteArray(""));
}

void tst_MimeParser::stringWriter_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("human");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << QByteArray("abc") << false << QByteArray("\"abc\"");
    QTest::newRow("empty") << QByteArray("") << false << QByteArray("\"\"");
    QTest::newRow("escapes") << QByteArray("a\"b\\c") << false << QByteArray("\"a\\\"b\\\\c\"");
    QTest::newRow("crlf") << QByteArray("a\r\nb") << false << QByteArray("{4}\r\na\r\nb");
    QTest::newRow("8bit") << QByteArray("J\xc3\xb6rg") << false << QByteArray("{5}\r\nJ\xc3\xb6rg");
    QTest::newRow("long stays quoted") << QByteArray(5000, 'x') << false << "\"" + QByteArray(5000, 'x') + "\"";
    QTest::newRow("4 escapes quoted") << QByteArray("\"a\"\"b\"") << false << QByteArray("\"\\\"a\\\"\\\"b\\\"\"");
    QTest::newRow("5 escapes literal") << QByteArray("\"a\"\"b\"\\") << false << QByteArray("{7}\r\n\"a\"\"b\"\\");
    QTest::newRow("human plain") << QByteArray("Hello") << true << QByteArray("\"Hello\"");
    QTest::newRow("human tab") << QByteArray("a\tb") << true << QByteArray("{3}\r\na b");
    QTest::newRow("human runs") << QByteArray("  a   b  ") << true << QByteArray("{3}\r\na b");
    QTest::newRow("human quote") << QByteArray("Quote \"Q\"") << true << QByteArray("{9}\r\nQuote \"Q\"");
    QTest::newRow("human blank") << QByteArray(" \t ") << true << QByteArray("\"\"");
    QTest::newRow("nul") << QByteArray("a\0b", 3) << false << QByteArray("{3}\r\na\x80" "b");
    QTest::newRow("human nul") << QByteArray("a\0b", 3) << true << QByteArray("{3}\r\na\x80" "b");
    QTest::newRow("human long") << QByteArray(1300, 'y') << true << "\"" + QByteArray(1300, 'y') + "\"";
}

void tst_MimeParser::stringWriter()
{
    QFETCH(QByteArray, value);
    QFETCH(bool, human);
    QFETCH(QByteArray, expected);
    QByteArray out;
    if (human)
        ImapStringWriter::appendHumanString(out, value);
    else
        ImapStringWriter::appendString(out, value);
    QCOMPARE(out, expected);
    QByteArray n;
    ImapStringWriter::appendNString(n, QByteArray());
    QCOMPARE(n, QByteArray("NIL"));
    QByteArray lit = "x ";
    ImapStringWriter::appendLiteral(lit, QByteArray("a\0\r\n", 4));
    QCOMPARE(lit, QByteArray("x {4}\r\na\x80\r\n"));
}

QTEST_GUILESS_MAIN(tst_MimeParser)
#include "tst_mimeparser.moc"
