// Pure API pieces: OData list options, opaque ids, the plaintext-credentials rule and
// the sendMail message builder (header injection, encodings, recipients).
#include "apiauth.h"
#include "apiids.h"
#include "apilistquery.h"
#include "apirouter.h"
#include "apisendmail.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

class tst_ApiPure : public QObject
{
    Q_OBJECT
private:
    static std::optional<ApiListQuery> parse(const QString &query, QString *error = nullptr)
    {
        return ApiListQuery::parse(QUrlQuery(query), error);
    }
    static QJsonObject rcpt(const QString &address, const QString &name = QString())
    {
        return QJsonObject{{"emailAddress", QJsonObject{{"address", address}, {"name", name}}}};
    }

private slots:
    void listDefaults()
    {
        const auto q = parse(QString());
        QVERIFY(q);
        QCOMPARE(q->top, 10);
        QCOMPARE(q->skip, 0);
        QVERIFY(q->descending);
        QCOMPARE(q->order, ApiListQuery::Order::Received);
        QVERIFY(!q->needsContent());
    }
    void listOptions()
    {
        const auto q = parse("$top=50&$skip=100&$count=true&$select=subject,from&$orderby=subject%20asc");
        QVERIFY(q);
        QCOMPARE(q->top, 50);
        QCOMPARE(q->skip, 100);
        QVERIFY(q->count);
        QCOMPARE(q->select, (QStringList{"subject", "from"}));
        QCOMPARE(q->order, ApiListQuery::Order::Subject);
        QVERIFY(!q->descending);
        QVERIFY(q->needsContent());
    }
    void listFilter()
    {
        const auto q = parse("$filter=" + QUrl::toPercentEncoding(
                                              "isRead eq false and receivedDateTime ge 2024-01-02T03:04:05Z and "
                                              "from/emailAddress/address eq 'Bob@Example.com' and flag/flagStatus eq 'flagged'"));
        QVERIFY(q);
        QCOMPARE(q->filter.size(), 4);
        QCOMPARE(q->filter[0].field, ApiListQuery::Field::IsRead);
        QCOMPARE(q->filter[0].flag, false);
        QCOMPARE(q->filter[1].field, ApiListQuery::Field::Received);
        QCOMPARE(q->filter[1].op, ApiListQuery::Op::Ge);
        QCOMPARE(q->filter[1].time, QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5), Qt::UTC).toSecsSinceEpoch());
        QCOMPARE(q->filter[2].text, QString("bob@example.com"));
        QVERIFY(q->filter[3].flag);
        // "and" inside a quoted address is not a separator
        const auto q2 = parse("$filter=" + QUrl::toPercentEncoding("from/emailAddress/address eq 'a and b@x.org'"));
        QVERIFY(q2);
        QCOMPARE(q2->filter.size(), 1);
        QCOMPARE(q2->filter[0].text, QString("a and b@x.org"));
    }
    void listErrors_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("top text") << "$top=ten";
        QTest::newRow("top huge") << "$top=1001";
        QTest::newRow("top negative") << "$top=-1";
        QTest::newRow("skip negative") << "$skip=-5";
        QTest::newRow("count") << "$count=yes";
        QTest::newRow("select junk") << "$select=a;drop";
        QTest::newRow("orderby field") << "$orderby=size";
        QTest::newRow("orderby dir") << "$orderby=subject%20sideways";
        QTest::newRow("filter field") << "$filter=subject%20eq%20'x'";
        QTest::newRow("filter op") << "$filter=isRead%20ne%20true";
        QTest::newRow("filter bool") << "$filter=isRead%20eq%20maybe";
        QTest::newRow("filter date") << "$filter=receivedDateTime%20ge%20yesterday";
        QTest::newRow("filter shape") << "$filter=isRead";
        QTest::newRow("filter unquoted") << "$filter=from/emailAddress/address%20eq%20bob";
    }
    void listErrors()
    {
        QFETCH(QString, query);
        QString error;
        QVERIFY(!parse(query, &error));
        QVERIFY(!error.isEmpty());
    }
    void ids()
    {
        ApiIds ids;
        ids.setSecret(QByteArray(32, 's'));
        const ApiIds::MessageRef ref{QStringLiteral("Archive/2024"), 1234567, 42};
        const QString id = ids.messageId("bob@example.com", ref);
        QCOMPARE(ids.messageId("bob@example.com", ref), id);                 // stable
        const auto back = ids.message("bob@example.com", id);
        QVERIFY(back);
        QCOMPARE(back->folder, ref.folder);
        QCOMPARE(back->uidValidity, ref.uidValidity);
        QCOMPARE(back->uid, ref.uid);
        QVERIFY(!ids.message("alice@example.com", id));                        // another user's id
        QVERIFY(!ids.folderName("bob@example.com", id));                       // a message id is no folder id
        QString flipped = id;
        flipped[3] = flipped[3] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
        QVERIFY(!ids.message("bob@example.com", flipped));
        QVERIFY(!ids.message("bob@example.com", "inbox"));
        QVERIFY(!ids.message("bob@example.com", QString(5000, 'A')));
        const QString fid = ids.folderId("bob@example.com", "INBOX");
        QCOMPARE(ids.folderName("bob@example.com", fid), std::optional<QString>("INBOX"));
        QVERIFY(!ids.folderName("alice@example.com", fid));
        ApiIds other;
        other.setSecret(QByteArray(32, 't'));
        QVERIFY(!other.message("bob@example.com", id));                        // another installation
        for (QChar c : id)
            QVERIFY(c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_'));
    }
    void plaintextRule()
    {
        QVERIFY(ApiAuth::credentialsAllowed(false, false, false)); // no TLS configured
        QVERIFY(ApiAuth::credentialsAllowed(true, true, false));   // HTTPS
        QVERIFY(ApiAuth::credentialsAllowed(true, false, true));   // loopback
        QVERIFY(!ApiAuth::credentialsAllowed(true, false, false)); // plain HTTP from elsewhere
    }
    void router()
    {
        ApiRouter r;
        r.add("GET", "/a/{}/b", ApiRouter::Access::User, [](const ApiCallPtr &) {});
        r.add("PATCH", "/a/{}/b", ApiRouter::Access::User, [](const ApiCallPtr &) {});
        auto m = r.match("GET", "/A/x%2Fy/B");
        QVERIFY(m.route);
        QCOMPARE(m.args, QStringList{"x%2Fy"});
        m = r.match("DELETE", "/a/1/b");
        QVERIFY(!m.route);
        QCOMPARE(m.allow, QByteArray("GET, PATCH"));
        QVERIFY(!r.match("GET", "/a//b").route);
        QVERIFY(r.match("GET", "/a//b").allow.isEmpty());
        QVERIFY(!r.match("GET", "/a/1/b/").route);
        QVERIFY(r.match("HEAD", "/a/1/b").route);
    }
    void composePlain()
    {
        const QJsonObject m{{"subject", "Hello"},
                            {"body", QJsonObject{{"contentType", "text"}, {"content", "Hi there"}}},
                            {"toRecipients", QJsonArray{rcpt("alice@example.com", "Alice")}},
                            {"ccRecipients", QJsonArray{rcpt("carol@example.org")}},
                            {"bccRecipients", QJsonArray{rcpt("dave@example.net"), rcpt("ALICE@example.com")}}};
        const auto c = ApiSendMail::compose(m, "bob@example.com", "Bob B", "mail.example.com", 1700000000);
        QVERIFY2(c.error.isEmpty(), qPrintable(c.error));
        QCOMPARE(c.sender, QString("bob@example.com"));
        QCOMPARE(c.recipients, (QStringList{"alice@example.com", "carol@example.org", "dave@example.net"}));
        QVERIFY(c.data.contains("From: \"Bob B\" <bob@example.com>\r\n"));
        QVERIFY(c.data.contains("To: \"Alice\" <alice@example.com>\r\n"));
        QVERIFY(c.data.contains("Cc: carol@example.org\r\n"));
        QVERIFY(!c.data.contains("dave@example.net"));                     // Bcc stays out of the header
        QVERIFY(c.data.contains("Subject: Hello\r\n"));
        QVERIFY(c.data.contains("Date: Tue, 14 Nov 2023 22:13:20 +0000\r\n"));
        QVERIFY(c.data.contains("Message-ID: <"));
        QVERIFY(c.data.contains("@mail.example.com>\r\n"));
        QVERIFY(c.data.contains("\r\n\r\n" + QByteArray("Hi there").toBase64() + "\r\n"));
        QVERIFY(!c.data.contains("\n\n"));
        for (const QByteArray &line : c.data.split('\n'))
            QVERIFY(line.isEmpty() || line.endsWith('\r'));
    }
    void composeEncodesAndRefuses()
    {
        const QJsonObject m{{"subject", "Grüße\r\nBcc: evil@x.org"},
                            {"toRecipients", QJsonArray{rcpt("alice@example.com", "Ålice \"A\"")}}};
        const auto c = ApiSendMail::compose(m, "bob@example.com", QString(), "h", 0);
        QVERIFY2(c.error.isEmpty(), qPrintable(c.error));
        QVERIFY(!c.data.contains("\nBcc:"));
        QVERIFY(c.data.contains("Subject: =?UTF-8?B?"));
        QVERIFY(c.data.contains("To: =?UTF-8?B?"));
        const auto noRcpt = ApiSendMail::compose(QJsonObject{{"subject", "x"}}, "bob@example.com", QString(), "h", 0);
        QVERIFY(!noRcpt.error.isEmpty());
        const auto badAddr = ApiSendMail::compose(QJsonObject{{"toRecipients", QJsonArray{rcpt("a@b\r\nX: y")}}},
                                                  "bob@example.com", QString(), "h", 0);
        QVERIFY(!badAddr.error.isEmpty());
        const auto badName = ApiSendMail::compose(QJsonObject{{"toRecipients", QJsonArray{rcpt("a@b.org", "x\r\nBcc: y@z")}}},
                                                  "bob@example.com", QString(), "h", 0);
        QVERIFY(!badName.error.isEmpty());
        const auto from = ApiSendMail::compose(QJsonObject{{"toRecipients", QJsonArray{rcpt("a@b.org")}},
                                                           {"from", rcpt("sales@example.com", "Sales")}},
                                               "bob@example.com", QString(), "h", 0);
        QCOMPARE(from.sender, QString("sales@example.com")); // the caller checks ownership
    }
    void draftsKeepBccUntilSent()
    {
        const QJsonObject m{{"subject", "d"}, {"bccRecipients", QJsonArray{rcpt("x@y.org"), rcpt("z@y.org")}}};
        const auto c = ApiSendMail::compose(m, "bob@example.com", QString(), "h", 0, true);
        QVERIFY2(c.error.isEmpty(), qPrintable(c.error));
        QVERIFY(c.data.contains("Bcc: x@y.org,\r\n z@y.org\r\n"));
        const QByteArray sent = ApiSendMail::withoutBcc(c.data);
        QVERIFY(!sent.contains("Bcc:"));
        QVERIFY(!sent.contains("z@y.org"));
        QVERIFY(sent.contains("Subject: d\r\n"));
        QCOMPARE(sent.size(), c.data.size() - qsizetype(strlen("Bcc: x@y.org,\r\n z@y.org\r\n")));
        const auto empty = ApiSendMail::compose(QJsonObject{{"subject", "x"}}, "bob@example.com", QString(), "h", 0, true);
        QVERIFY(empty.error.isEmpty());
    }
    void composeAttachments()
    {
        const QJsonObject m{{"toRecipients", QJsonArray{rcpt("a@b.org")}},
                            {"body", QJsonObject{{"contentType", "html"}, {"content", "<p>x</p>"}}},
                            {"attachments", QJsonArray{QJsonObject{{"name", "r\"e.pdf"}, {"contentType", "application/pdf"},
                                                                   {"contentBytes", "JVBERi0="}}}}};
        const auto c = ApiSendMail::compose(m, "bob@example.com", QString(), "h", 0);
        QVERIFY2(c.error.isEmpty(), qPrintable(c.error));
        QVERIFY(c.data.contains("Content-Type: multipart/mixed; boundary="));
        QVERIFY(c.data.contains("Content-Type: text/html; charset=utf-8"));
        QVERIFY(c.data.contains("Content-Type: application/pdf; name=\"re.pdf\""));
        QVERIFY(c.data.contains("JVBERi0="));
        QJsonObject bad = m;
        bad["attachments"] = QJsonArray{QJsonObject{{"name", "x"}, {"contentBytes", "!!notbase64"}}};
        QVERIFY(!ApiSendMail::compose(bad, "bob@example.com", QString(), "h", 0).error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_ApiPure)
#include "tst_apipure.moc"
