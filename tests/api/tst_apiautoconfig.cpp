// Autoconfiguration documents: parsed back as XML/JSON and checked field by field.
#include "apiautoconfig.h"

#include <QDomDocument>
#include <QJsonDocument>
#include <QJsonObject>
#include <QXmlStreamReader>
#include <QtTest>

namespace {
// element name -> text, for the first occurrence of each leaf under `root` (namespaces ignored)
struct Leaf {
    QString path;
    QString text;
};
QList<Leaf> leaves(const QByteArray &xml, QString *error)
{
    QList<Leaf> out;
    QXmlStreamReader r(xml);
    QStringList stack;
    QString text;
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement()) {
            stack << r.name().toString();
            text.clear();
        } else if (r.isCharacters()) {
            text += r.text();
        } else if (r.isEndElement()) {
            out.append({stack.join(QLatin1Char('/')), text.trimmed()});
            stack.removeLast();
            text.clear();
        }
    }
    if (r.hasError() && error)
        *error = r.errorString();
    return out;
}
QStringList values(const QList<Leaf> &l, const QString &path)
{
    QStringList v;
    for (const Leaf &x : l)
        if (x.path == path)
            v << x.text;
    return v;
}
ApiAutoconfigSettings settings(bool tls)
{
    ApiAutoconfigSettings s;
    s.hostname = QStringLiteral("mail.example.com");
    s.domain = QStringLiteral("example.com");
    s.email = QStringLiteral("bob@example.com");
    s.tls = tls;
    s.imapPort = 1143;
    s.imapsPort = 1993;
    s.submissionPort = 1587;
    s.smtpsPort = 1465;
    s.apiPort = 9002;
    s.apiSecurePort = 9003;
    return s;
}
}

class tst_ApiAutoconfig : public QObject
{
    Q_OBJECT
private slots:
    void thunderbirdTls()
    {
        QString error;
        const auto l = leaves(ApiAutoconfig::thunderbirdXml(settings(true)), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(values(l, "clientConfig/emailProvider/domain"), QStringList{"example.com"});
        QCOMPARE(values(l, "clientConfig/emailProvider/incomingServer/hostname"),
                 (QStringList{"mail.example.com", "mail.example.com"}));
        QCOMPARE(values(l, "clientConfig/emailProvider/incomingServer/port"), (QStringList{"1993", "1143"}));
        QCOMPARE(values(l, "clientConfig/emailProvider/incomingServer/socketType"), (QStringList{"SSL", "STARTTLS"}));
        QCOMPARE(values(l, "clientConfig/emailProvider/outgoingServer/port"), (QStringList{"1465", "1587"}));
        QCOMPARE(values(l, "clientConfig/emailProvider/outgoingServer/socketType"), (QStringList{"SSL", "STARTTLS"}));
        QCOMPARE(values(l, "clientConfig/emailProvider/incomingServer/username").value(0), QString("%EMAILADDRESS%"));
        QCOMPARE(values(l, "clientConfig/emailProvider/outgoingServer/authentication").value(0),
                 QString("password-cleartext"));
        QDomDocument dom;
        QVERIFY(dom.setContent(ApiAutoconfig::thunderbirdXml(settings(true))));
        QCOMPARE(dom.documentElement().attribute("version"), QString("1.1"));
        QCOMPARE(dom.documentElement().firstChildElement("emailProvider").attribute("id"), QString("example.com"));
        QCOMPARE(dom.documentElement().firstChildElement("emailProvider").firstChildElement("incomingServer")
                     .attribute("type"), QString("imap"));
    }
    void thunderbirdPlain()
    {
        const auto l = leaves(ApiAutoconfig::thunderbirdXml(settings(false)), nullptr);
        QCOMPARE(values(l, "clientConfig/emailProvider/incomingServer/port"), QStringList{"1143"});
        QCOMPARE(values(l, "clientConfig/emailProvider/incomingServer/socketType"), QStringList{"plain"});
        QCOMPARE(values(l, "clientConfig/emailProvider/outgoingServer/port"), QStringList{"1587"});
    }
    void outlookPox()
    {
        const QByteArray xml = ApiAutoconfig::outlookPoxXml(settings(true));
        QDomDocument dom;
        QVERIFY(dom.setContent(xml, true));
        const QDomElement root = dom.documentElement();
        QCOMPARE(root.localName(), QString("Autodiscover"));
        QCOMPARE(root.namespaceURI(), QString("http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006"));
        const QDomElement response = root.firstChildElement("Response");
        QCOMPARE(response.namespaceURI(),
                 QString("http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a"));
        const QDomElement account = response.firstChildElement("Account");
        QCOMPARE(account.namespaceURI(), response.namespaceURI());
        QCOMPARE(account.firstChildElement("AccountType").text(), QString("email"));
        QCOMPARE(account.firstChildElement("Action").text(), QString("settings"));
        QMap<QString, QDomElement> protocols;
        for (QDomElement p = account.firstChildElement("Protocol"); !p.isNull(); p = p.nextSiblingElement("Protocol"))
            protocols.insert(p.firstChildElement("Type").text(), p);
        QCOMPARE(protocols.keys(), (QStringList{"IMAP", "SMTP"}));
        QCOMPARE(protocols["IMAP"].firstChildElement("Server").text(), QString("mail.example.com"));
        QCOMPARE(protocols["IMAP"].firstChildElement("Port").text(), QString("1993"));
        QCOMPARE(protocols["IMAP"].firstChildElement("SSL").text(), QString("on"));
        QCOMPARE(protocols["IMAP"].firstChildElement("SPA").text(), QString("off"));
        QCOMPARE(protocols["IMAP"].firstChildElement("LoginName").text(), QString("bob@example.com"));
        QCOMPARE(protocols["SMTP"].firstChildElement("Port").text(), QString("1465"));
        QCOMPARE(protocols["SMTP"].firstChildElement("SPA").text(), QString("off"));
        QCOMPARE(protocols["SMTP"].firstChildElement("AuthRequired").text(), QString("on"));

        const QByteArray plain = ApiAutoconfig::outlookPoxXml(settings(false));
        QVERIFY(plain.contains("<Port>1143</Port>"));
        QVERIFY(plain.contains("<Port>1587</Port>"));
        QVERIFY(plain.contains("<SSL>off</SSL>"));
    }
    void poxRequest()
    {
        const QByteArray body =
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
            "<Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006\">"
            "<Request><EMailAddress>Bob@Example.com</EMailAddress><AcceptableResponseSchema>"
            "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a"
            "</AcceptableResponseSchema></Request></Autodiscover>";
        QCOMPARE(ApiAutoconfig::poxRequestEmail(body), QString("Bob@Example.com"));
        QCOMPARE(ApiAutoconfig::poxRequestEmail("<not xml"), QString());
        QCOMPARE(ApiAutoconfig::poxRequestEmail("<!DOCTYPE x [<!ENTITY e \"bob@example.com\">]><A><EMailAddress>&e;</EMailAddress></A>"),
                 QString());
        const QByteArray err = ApiAutoconfig::outlookPoxError(600, "Invalid Request");
        QDomDocument dom;
        QVERIFY(dom.setContent(err));
        QCOMPARE(dom.documentElement().firstChildElement("Response").firstChildElement("Error")
                     .firstChildElement("ErrorCode").text(), QString("600"));
    }
    void autodiscoverV2()
    {
        const auto json = ApiAutoconfig::autodiscoverV2Json(settings(true), "autodiscoverv1");
        QVERIFY(json);
        const QJsonObject o = QJsonDocument::fromJson(*json).object();
        QCOMPARE(o["Protocol"].toString(), QString("AutodiscoverV1"));
        QCOMPARE(o["Url"].toString(), QString("https://mail.example.com:9003/autodiscover/autodiscover.xml"));
        QCOMPARE(QJsonDocument::fromJson(*ApiAutoconfig::autodiscoverV2Json(settings(false), "AutodiscoverV1"))
                     .object()["Url"].toString(),
                 QString("http://mail.example.com:9002/autodiscover/autodiscover.xml"));
        QVERIFY(!ApiAutoconfig::autodiscoverV2Json(settings(true), "ActiveSync"));
    }
    void appleProfile()
    {
        const QByteArray plist = ApiAutoconfig::appleMobileconfig(settings(true));
        QDomDocument dom;
        QVERIFY(dom.setContent(plist));
        QCOMPARE(dom.doctype().name(), QString("plist"));
        // plist dict: alternating <key> and value elements.
        auto dictValue = [](const QDomElement &dict, const QString &key) {
            for (QDomElement e = dict.firstChildElement(); !e.isNull(); e = e.nextSiblingElement())
                if (e.tagName() == "key" && e.text() == key)
                    return e.nextSiblingElement();
            return QDomElement();
        };
        const QDomElement top = dom.documentElement().firstChildElement("dict");
        QCOMPARE(dictValue(top, "PayloadType").text(), QString("Configuration"));
        QCOMPARE(dictValue(top, "PayloadVersion").text(), QString("1"));
        const QDomElement account = dictValue(top, "PayloadContent").firstChildElement("dict");
        QCOMPARE(dictValue(account, "PayloadType").text(), QString("com.apple.mail.managed"));
        QCOMPARE(dictValue(account, "EmailAccountType").text(), QString("EmailTypeIMAP"));
        QCOMPARE(dictValue(account, "EmailAddress").text(), QString("bob@example.com"));
        QCOMPARE(dictValue(account, "IncomingMailServerHostName").text(), QString("mail.example.com"));
        QCOMPARE(dictValue(account, "IncomingMailServerPortNumber").text(), QString("1993"));
        QCOMPARE(dictValue(account, "IncomingMailServerUseSSL").tagName(), QString("true"));
        QCOMPARE(dictValue(account, "OutgoingMailServerPortNumber").text(), QString("1465"));
        QCOMPARE(dictValue(account, "OutgoingMailServerUsername").text(), QString("bob@example.com"));
        QVERIFY(!QUuid::fromString(dictValue(account, "PayloadUUID").text()).isNull());
        // Stable: the same account gives the same profile.
        QCOMPARE(ApiAutoconfig::appleMobileconfig(settings(true)), plist);
    }
};

QTEST_GUILESS_MAIN(tst_ApiAutoconfig)
#include "tst_apiautoconfig.moc"
