// Display-side decoding for the API: RFC 2047 words, address lists (raw for ENVELOPE
// and decoded), RFC 2231 parameters, dates, message ids, and the decoded bodies and
// attachments of corpus messages as a reader would see them.
#include "mimeaddress.h"
#include "mimecontent.h"
#include "mimedecoder.h"
#include "mimefieldparser.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>

namespace {

QByteArray corpusFile(const char *name)
{
    QFile f(QStringLiteral(POSTROOM_SHARED_DIR "/testdata/mime/") + QLatin1String(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// "name|adl|mailbox|host" per address, NIL as "-", joined by ";".
QByteArray describe(const QList<MimeAddress::Raw> &list)
{
    QByteArrayList out;
    const auto s = [](const QByteArray &v) { return v.isNull() ? QByteArray("-") : v; };
    for (const MimeAddress::Raw &a : list)
        out.append(s(a.name) + '|' + s(a.adl) + '|' + s(a.mailbox) + '|' + s(a.host));
    return out.join(';');
}

} // namespace

class tst_MimeDecode : public QObject
{
    Q_OBJECT

private slots:
    void encodedWords_data();
    void encodedWords();
    void encodedWordsLinear();
    void addressList_data();
    void addressList();
    void decodedMailboxes();
    void rfc2231_data();
    void rfc2231();
    void transferDecoding();
    void dates_data();
    void dates();
    void messageIds();
    void contentAlternative();
    void contentAttachments();
    void contentCharsets();
    void htmlToText_data();
    void htmlToText();
};

void tst_MimeDecode::encodedWords_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("decoded");
    QTest::newRow("plain") << QByteArray("Hello world") << QStringLiteral("Hello world");
    QTest::newRow("q utf8") << QByteArray("=?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?=") << QStringLiteral("Jürgen Müller");
    QTest::newRow("b utf8") << QByteArray("=?utf-8?b?5pel5pys6Kqe?=") << QStringLiteral("日本語");
    QTest::newRow("latin1 q") << QByteArray("=?ISO-8859-1?Q?Andr=E9?= Pirard") << QStringLiteral("André Pirard");
    QTest::newRow("latin1 b") << QByteArray("=?ISO-8859-1?B?S2VsZCBK+HJuIFNpbW9uc2Vu?=") << QStringLiteral("Keld Jørn Simonsen");
    QTest::newRow("adjacent words drop blanks")
        << QByteArray("=?UTF-8?Q?Gr=C3=BC=C3=9Fe?= =?UTF-8?B?IGF1cyBLw7ZsbiDwn5mC?= =?ISO-8859-1?Q?_=E0_bient=F4t?= plain tail")
        << QStringLiteral("Grüße aus Köln 🙂 à bientôt plain tail");
    QTest::newRow("split multibyte across words")
        << QByteArray("=?UTF-8?B?w6Q=?= =?UTF-8?Q?=C3?= =?UTF-8?Q?=B6?=") << QStringLiteral("äö");
    QTest::newRow("text between words kept") << QByteArray("=?UTF-8?Q?a?= and =?UTF-8?Q?b?=") << QStringLiteral("a and b");
    QTest::newRow("windows-1252") << QByteArray("=?windows-1252?Q?=80_5?=") << QStringLiteral("€ 5");
    QTest::newRow("iso-8859-2") << QByteArray("=?iso-8859-2?Q?=A3=F3d=BC?=") << QStringLiteral("Łódź");
    QTest::newRow("iso-8859-15") << QByteArray("=?ISO-8859-15?Q?=A4?=") << QStringLiteral("€");
    QTest::newRow("koi8-r") << QByteArray("=?koi8-r?B?8NLJ18XU?=") << QStringLiteral("Привет");
    QTest::newRow("language suffix") << QByteArray("=?US-ASCII*EN?Q?Keith_Moore?=") << QStringLiteral("Keith Moore");
    QTest::newRow("unknown charset utf8 bytes") << QByteArray("=?x-bogus?Q?=C3=A9?=") << QStringLiteral("é");
    QTest::newRow("malformed left alone") << QByteArray("=?UTF-8?X?abc?=") << QStringLiteral("=?UTF-8?X?abc?=");
    QTest::newRow("unterminated") << QByteArray("=?UTF-8?Q?abc") << QStringLiteral("=?UTF-8?Q?abc");
    QTest::newRow("space inside breaks word") << QByteArray("=?UTF-8?Q?a b?=") << QStringLiteral("=?UTF-8?Q?a b?=");
    QTest::newRow("raw utf8 header") << QByteArray("Gr\xc3\xbc\xc3\x9f""e") << QStringLiteral("Grüße");
    QTest::newRow("raw latin1 header") << QByteArray("caf\xe9") << QStringLiteral("café");
}

void tst_MimeDecode::encodedWords()
{
    QFETCH(QByteArray, raw);
    QFETCH(QString, decoded);
    QCOMPARE(MimeDecoder::decodeWords(raw), decoded);
}

void tst_MimeDecode::encodedWordsLinear()
{
    // 1 MB of unterminated encoded-word starts must not take quadratic time.
    QByteArray evil;
    while (evil.size() < 1000000)
        evil += "=?utf-8?q?abc ";
    QElapsedTimer t;
    t.start();
    const QString out = MimeDecoder::decodeWords(evil);
    QCOMPARE(out.size(), evil.size());
    QVERIFY2(t.elapsed() < 3000, qPrintable(QString::number(t.elapsed())));
    QByteArray many;
    for (int i = 0; i < 20000; ++i)
        many += "=?UTF-8?Q?a?= ";
    QCOMPARE(MimeDecoder::decodeWords(many), QString(20000, QLatin1Char('a')) + QLatin1Char(' '));
}

void tst_MimeDecode::addressList_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("simple") << QByteArray("bob@example.net") << QByteArray("-|-|bob|example.net");
    QTest::newRow("name") << QByteArray("Alice Example <alice@example.org>") << QByteArray("Alice Example|-|alice|example.org");
    QTest::newRow("quoted comma") << QByteArray("\"Doe, John\" <john.doe@example.com>") << QByteArray("Doe, John|-|john.doe|example.com");
    QTest::newRow("comment as name") << QByteArray("jane@example.com (Jane Roe)") << QByteArray("Jane Roe|-|jane|example.com");
    QTest::newRow("comment after phrase dropped") << QByteArray("Bob (Comment, with comma) <bob@example.com>")
                                                  << QByteArray("Bob|-|bob|example.com");
    QTest::newRow("empty name is NIL") << QByteArray("\"\" <e@example.com>") << QByteArray("-|-|e|example.com");
    QTest::newRow("escaped quotes") << QByteArray("\"Quote \\\"Q\\\" Person\" <q@example.com>") << QByteArray("Quote \"Q\" Person|-|q|example.com");
    QTest::newRow("route") << QByteArray("<@relay1.example,@relay2.example:route@example.com>")
                           << QByteArray("-|@relay1.example,@relay2.example|route|example.com");
    QTest::newRow("missing domain") << QByteArray("localonly, \"Missing Domain\" <nodomain>")
                                    << QByteArray("-|-|localonly|MISSING_DOMAIN;Missing Domain|-|nodomain|MISSING_DOMAIN");
    QTest::newRow("undisclosed") << QByteArray("undisclosed-recipients:;") << QByteArray("-|-|undisclosed-recipients|-;-|-|-|-");
    QTest::newRow("groups") << QByteArray("Managers: alice@example.org, \"Bob, Jr.\" <bob@example.org>;, carol@example.org")
                            << QByteArray("-|-|Managers|-;-|-|alice|example.org;Bob, Jr.|-|bob|example.org;-|-|-|-;-|-|carol|example.org");
    QTest::newRow("empty group") << QByteArray("Empty Group:;, dave@example.org")
                                 << QByteArray("-|-|Empty Group|-;-|-|-|-;-|-|dave|example.org");
    QTest::newRow("unterminated group") << QByteArray("G: a@b.example") << QByteArray("-|-|G|-;-|-|a|b.example;-|-|-|-");
    QTest::newRow("folded") << QByteArray("first@example.com,\tsecond@example.com,\t        third@example.com")
                            << QByteArray("-|-|first|example.com;-|-|second|example.com;-|-|third|example.com");
    QTest::newRow("encoded word name kept raw") << QByteArray("=?UTF-8?Q?Caf=C3=A9?= Owner <cafe@example.com>")
                                                << QByteArray("=?UTF-8?Q?Caf=C3=A9?= Owner|-|cafe|example.com");
    QTest::newRow("utf8 address") << QByteArray("J\xc3\xb6rg <j\xc3\xb6rg@b\xc3\xbc""cher.example>")
                                  << QByteArray("J\xc3\xb6rg|-|j\xc3\xb6rg|b\xc3\xbc""cher.example");
    QTest::newRow("domain literal") << QByteArray("x@[192.0.2.1]") << QByteArray("-|-|x|[192.0.2.1]");
    QTest::newRow("empty") << QByteArray("") << QByteArray("");
    QTest::newRow("junk") << QByteArray(",,;<>@") << QByteArray("");
}

void tst_MimeDecode::addressList()
{
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, expected);
    QCOMPARE(describe(MimeAddress::parseList(value)), expected);
}

void tst_MimeDecode::decodedMailboxes()
{
    const auto list = MimeAddress::parseMailboxes(
        "=?ISO-8859-1?Q?Andr=E9?= Pirard <andre@example.be>, Team: \"=?UTF-8?Q?=E2=82=AC?=\" <euro@example.eu>;, nodomain");
    QCOMPARE(list.size(), 3);
    QCOMPARE(list.at(0).name, QStringLiteral("André Pirard"));
    QCOMPARE(list.at(0).address, QStringLiteral("andre@example.be"));
    QCOMPARE(list.at(0).group, QString());
    QCOMPARE(list.at(1).name, QStringLiteral("€"));
    QCOMPARE(list.at(1).group, QStringLiteral("Team"));
    QCOMPARE(list.at(2).address, QStringLiteral("nodomain"));
    // 1,000 addresses parse quickly and completely.
    QByteArrayList many;
    for (int i = 0; i < 1000; ++i)
        many.append("u" + QByteArray::number(i) + "@example.com");
    QCOMPARE(MimeAddress::parseMailboxes(many.join(", ")).size(), 1000);
}

void tst_MimeDecode::rfc2231_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("params");   // name=value;...
    QTest::addColumn<QString>("decodedName");  // of the first filename-ish parameter
    QTest::newRow("extended") << QByteArray("text/plain; name*=UTF-8''%E2%82%AC%20rates.txt")
                              << QByteArray("name*=UTF-8''%E2%82%AC%20rates.txt") << QStringLiteral("€ rates.txt");
    QTest::newRow("extended continuations + plain")
        << QByteArray("a/b; filename*0*=UTF-8''Gr%C3%BC%C3%9Fe; filename*1*=%20aus%20K%C3%B6ln; filename*2=\".txt\"")
        << QByteArray("filename*=UTF-8''Gr%C3%BC%C3%9Fe%20aus%20K%C3%B6ln.txt") << QStringLiteral("Grüße aus Köln.txt");
    QTest::newRow("plain continuations")
        << QByteArray("a/b; name*0=\"long-\"; name*1=\"name.txt\"; x=y") << QByteArray("name=long-name.txt;x=y")
        << QStringLiteral("long-name.txt");
    QTest::newRow("out of order") << QByteArray("a/b; n*1=\"b\"; n*0=\"a\"") << QByteArray("n=ab") << QStringLiteral("ab");
    QTest::newRow("language") << QByteArray("a/b; f*=iso-8859-1'fr'r%E9sum%E9.txt")
                              << QByteArray("f*=iso-8859-1'fr'r%E9sum%E9.txt") << QStringLiteral("résumé.txt");
    QTest::newRow("plain first extended later")
        << QByteArray("a/b; f*0=\"a b\"; f*1*=%C3%A9") << QByteArray("f*=''a%20b%C3%A9") << QStringLiteral("a bé");
    QTest::newRow("gap stops") << QByteArray("a/b; f*0=a; f*2=c") << QByteArray("f=a") << QStringLiteral("a");
    QTest::newRow("no zero ignored") << QByteArray("a/b; f*1=a") << QByteArray("") << QString();
}

void tst_MimeDecode::rfc2231()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, params);
    QFETCH(QString, decodedName);
    QByteArray type, subtype;
    MimeParams list;
    QVERIFY(MimeFieldParser::parseContentType(contentType, &type, &subtype, &list));
    QByteArrayList got;
    for (const MimeParam &p : list)
        got.append(p.name + '=' + p.value);
    QCOMPARE(got.join(';'), params);
    if (list.isEmpty())
        return;
    const MimeParam &first = list.first();
    const QString name = first.name.endsWith('*') ? MimeDecoder::decodeRfc2231(first.value)
                                                  : QString::fromUtf8(first.value);
    QCOMPARE(name, decodedName);
}

void tst_MimeDecode::transferDecoding()
{
    QCOMPARE(MimeDecoder::decodeQuotedPrintable("a=3Db=\r\nc=20\r\nd  \r\ne=e2=80=93"),
             QByteArray("a=bc \r\nd\r\ne\xe2\x80\x93"));
    QCOMPARE(MimeDecoder::decodeQuotedPrintable("bad=ZZ end="), QByteArray("bad=ZZ end"));
    QCOMPARE(MimeDecoder::decodeQuotedPrintable("a_b=5F", true), QByteArray("a b_"));
    QCOMPARE(MimeDecoder::decodeBase64("SGVs\r\nbG8=\r\n"), QByteArray("Hello"));
    QCOMPARE(MimeDecoder::decodeBase64("SGVsbG8"), QByteArray("Hello"));       // no padding
    QCOMPARE(MimeDecoder::decodeTransfer("x=41", "QUOTED-PRINTABLE"), QByteArray("xA"));
    QCOMPARE(MimeDecoder::decodeTransfer("x=41", "8bit"), QByteArray("x=41"));
    for (const QByteArray &b64 : {QByteArray("SGVsbG8="), QByteArray("SGVs\r\nbG8"), QByteArray("SGVsbG8h"),
                                  QByteArray("S"), QByteArray(""), QByteArray("SG Vs bG 8=")})
        QCOMPARE(MimeDecoder::decodedSize(b64, "BASE64"), MimeDecoder::decodeBase64(b64).size());
    QCOMPARE(MimeDecoder::decodedSize("a=3Db", "quoted-printable"), 3);
}

void tst_MimeDecode::dates_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("utcIso");       // empty = invalid
    QTest::newRow("rfc5322") << QByteArray("Thu, 6 Mar 2025 12:00:00 -0500") << QStringLiteral("2025-03-06T17:00:00Z");
    QTest::newRow("no weekday") << QByteArray("6 Mar 2025 12:00:00 +0100") << QStringLiteral("2025-03-06T11:00:00Z");
    QTest::newRow("tab folded") << QByteArray("Sat, 22 Mar 2025\t10:00:00 +0000") << QStringLiteral("2025-03-22T10:00:00Z");
    QTest::newRow("no seconds") << QByteArray("Mon, 3 Mar 2025 09:15 GMT") << QStringLiteral("2025-03-03T09:15:00Z");
    QTest::newRow("two-digit year") << QByteArray("1 Jan 99 00:00:00 EST") << QStringLiteral("1999-01-01T05:00:00Z");
    QTest::newRow("comment zone") << QByteArray("Tue, 1 Apr 2025 08:00:00 +0000 (UTC)") << QStringLiteral("2025-04-01T08:00:00Z");
    QTest::newRow("asctime") << QByteArray("Thu Mar  6 12:00:00 2025") << QStringLiteral("2025-03-06T12:00:00Z");
    QTest::newRow("month first with zone") << QByteArray("Mar 6 2025 12:00:00 +0100") << QStringLiteral("2025-03-06T11:00:00Z");
    QTest::newRow("garbage") << QByteArray("yesterday at noon") << QString();
    QTest::newRow("bad day") << QByteArray("31 Feb 2025 10:00:00 +0000") << QString();
    QTest::newRow("empty") << QByteArray("") << QString();
}

void tst_MimeDecode::dates()
{
    QFETCH(QByteArray, value);
    QFETCH(QString, utcIso);
    const auto d = MimeContent::parseDate(value);
    QCOMPARE(d.has_value(), !utcIso.isEmpty());
    if (d)
        QCOMPARE(d->toUTC().toString(Qt::ISODate), utcIso);
}

void tst_MimeDecode::messageIds()
{
    QCOMPARE(MimeContent::parseMessageIds("<a@b> (comment <not@this>)\r\n <c@d>"),
             (QList<QByteArray>{"<a@b>", "<c@d>"}));
    QCOMPARE(MimeContent::parseMessageIds(""), QList<QByteArray>());
    const MimeMessage msg = MimeMessage::parse(corpusFile("011-rfc822-attachment.eml"));
    const MimeContent c(msg);
    QCOMPARE(c.messageId(), QByteArray("<fwd-011@example.com>"));
}

void tst_MimeDecode::contentAlternative()
{
    const MimeMessage msg = MimeMessage::parse(corpusFile("006-alternative.eml"));
    const MimeContent c(msg);
    QCOMPARE(c.subject(), QStringLiteral("multipart/alternative text and html"));
    QCOMPARE(c.date()->toUTC().toString(Qt::ISODate), QStringLiteral("2025-03-06T17:00:00Z"));
    const auto from = c.addresses("From");
    QCOMPARE(from.size(), 1);
    QCOMPARE(from.first().name, QStringLiteral("Newsletter"));
    QCOMPARE(from.first().address, QStringLiteral("news@example.com"));
    const auto text = c.textBody();
    QVERIFY(text);
    QCOMPARE(text->text, QStringLiteral("Hello subscriber,\r\nthis is the plain text version – with an en dash.\r\n"));
    QCOMPARE(text->charset, QByteArray("utf-8"));
    const auto html = c.htmlBody();
    QVERIFY(html);
    QVERIFY(html->text.contains(QLatin1String("<b>subscriber</b>")));
    QCOMPARE(c.preview(30), QStringLiteral("Hello subscriber, this is the "));
    QVERIFY(c.attachments().isEmpty());
}

void tst_MimeDecode::contentAttachments()
{
    const MimeMessage m7 = MimeMessage::parse(corpusFile("007-mixed-attachments.eml"));
    const auto a7 = MimeContent(m7).attachments();
    QCOMPARE(a7.size(), 3);
    QCOMPARE(a7.at(0).name, QStringLiteral("report.pdf"));
    QCOMPARE(a7.at(0).contentType, QByteArray("application/pdf"));
    QVERIFY(MimeContent(m7).decodedPart(a7.at(0).partIndex).startsWith("%PDF-1.4"));
    QCOMPARE(a7.at(0).size, MimeContent(m7).decodedPart(a7.at(0).partIndex).size());
    QCOMPARE(a7.at(1).name, QStringLiteral("chart.png"));
    QCOMPARE(a7.at(2).name, QStringLiteral("data.csv"));
    QCOMPARE(a7.at(2).size, 29);
    QVERIFY(!a7.at(2).isInline);

    const MimeMessage m8 = MimeMessage::parse(corpusFile("008-rfc2231-filenames.eml"));
    QStringList names8;
    for (const auto &a : MimeContent(m8).attachments())
        names8.append(a.name);
    QCOMPARE(names8, (QStringList{QStringLiteral("€ rates 2025.txt"), QStringLiteral("Grüße aus Köln.txt"),
                                  QStringLiteral("a-very-long-file-name-that-is-split-into-two-continuations.txt"),
                                  QStringLiteral("résumé.txt")}));

    const MimeMessage m9 = MimeMessage::parse(corpusFile("009-related-inline-images.eml"));
    const auto a9 = MimeContent(m9).attachments();
    QCOMPARE(a9.size(), 2);
    QCOMPARE(a9.at(0).contentId, QByteArray("logo.png@example.com"));
    QVERIFY(a9.at(0).isInline);
    QVERIFY(a9.at(1).isInline);                        // Content-ID without disposition

    const MimeMessage m22 = MimeMessage::parse(corpusFile("022-encoded-word-filename.eml"));
    const auto a22 = MimeContent(m22).attachments();
    QCOMPARE(a22.size(), 2);
    QCOMPARE(a22.at(0).name, QStringLiteral("Übersicht.pdf"));
    QCOMPARE(a22.at(1).name, QStringLiteral("café.txt"));

    // An attached message is one attachment; its text is not the outer body.
    const MimeMessage m11 = MimeMessage::parse(corpusFile("011-rfc822-attachment.eml"));
    const MimeContent c11(m11);
    QCOMPARE(c11.attachments().size(), 1);
    QCOMPARE(c11.attachments().first().contentType, QByteArray("message/rfc822"));
    QCOMPARE(c11.attachments().first().name, QStringLiteral("Meeting notes.eml"));
    QVERIFY(!c11.textBody()->text.contains(QLatin1String("Meeting")) || c11.textBody()->partIndex == 1);
}

void tst_MimeDecode::contentCharsets()
{
    const MimeMessage m42 = MimeMessage::parse(corpusFile("042-charset-quoted-latin1.eml"));
    const auto t42 = MimeContent(m42).textBody();
    QVERIFY(t42);
    QCOMPARE(t42->charset, QByteArray("iso-8859-1"));
    QVERIFY2(t42->text.contains(QChar(0xe9)), qPrintable(t42->text));

    const MimeMessage m5 = MimeMessage::parse(corpusFile("005-base64-text.eml"));
    const auto t5 = MimeContent(m5).textBody();
    QVERIFY(t5);
    QVERIFY(t5->text.startsWith(QLatin1String("Base64 encoded text/plain body.")));
    QVERIFY(t5->text.contains(QStringLiteral("äöü ÄÖÜ ß")));

    const MimeMessage m21 = MimeMessage::parse(corpusFile("021-encoded-words.eml"));
    const MimeContent c21(m21);
    QCOMPARE(c21.subject(), QStringLiteral("Grüße aus Köln 🙂 à bientôt plain tail"));
    QCOMPARE(c21.addresses("From").first().name, QStringLiteral("André Pirard"));
    QCOMPARE(c21.addresses("Cc").first().name, QStringLiteral("€ quoted encoded word"));

    const MimeMessage m34 = MimeMessage::parse(corpusFile("034-no-mime-version-html.eml"));
    QVERIFY(!MimeContent(m34).textBody());
    QVERIFY(MimeContent(m34).htmlBody());
    QVERIFY(!MimeContent(m34).preview().contains(QLatin1Char('<')));
}

void tst_MimeDecode::htmlToText_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("text");
    QTest::newRow("tags") << QStringLiteral("<p>Hello <b>you</b></p>") << QStringLiteral("\nHello you\n");
    QTest::newRow("br") << QStringLiteral("a<br>b<BR/>c") << QStringLiteral("a\nb\nc");
    QTest::newRow("entities") << QStringLiteral("a &amp; b &lt;c&gt; &ndash; &#233;&#xE9; &bogus; &") << QStringLiteral("a & b <c> \u2013 \u00e9\u00e9 &bogus; &");
    QTest::newRow("script style head") << QStringLiteral("<head><title>T</title></head><style>p{}</style>x<script>if (a<b) {}</script>y")
                                       << QStringLiteral("xy");
    QTest::newRow("comment") << QStringLiteral("a<!-- <p>hidden</p> -->b") << QStringLiteral("ab");
    QTest::newRow("unclosed script") << QStringLiteral("a<script>evil") << QStringLiteral("a");
    QTest::newRow("unclosed tag") << QStringLiteral("a<b") << QStringLiteral("a");
}

void tst_MimeDecode::htmlToText()
{
    QFETCH(QString, html);
    QFETCH(QString, text);
    QCOMPARE(MimeContent::htmlToText(html), text);
    // Hostile input stays linear: 100,000 unclosed script tags.
    if (QTest::currentDataTag() == QLatin1String("tags")) {
        QString evil;
        for (int i = 0; i < 100000; ++i)
            evil += QLatin1String("<script>x<style>");
        QElapsedTimer t;
        t.start();
        MimeContent::htmlToText(evil);
        MimeContent::htmlToText(QString(1000000, QLatin1Char('&')));
        QVERIFY2(t.elapsed() < 3000, qPrintable(QString::number(t.elapsed())));
    }
}

QTEST_GUILESS_MAIN(tst_MimeDecode)
#include "tst_mimedecode.moc"
