#include "apiautoconfig.h"

#include "config.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

ApiAutoconfigSettings ApiAutoconfigSettings::fromConfig(const Config &config, bool tls)
{
    ApiAutoconfigSettings s;
    s.hostname = config.hostname;
    s.tls = tls;
    s.imapPort = config.imap.port;
    s.imapsPort = config.imap.imapsPort;
    s.submissionPort = config.smtp.submissionPort;
    s.smtpsPort = config.smtp.smtpsPort;
    s.apiPort = config.api.port;
    s.apiSecurePort = config.api.securePort;
    return s;
}

namespace {
void thunderbirdServer(QXmlStreamWriter &w, const char *element, const char *type, const ApiAutoconfigSettings &s,
                       int port, const char *socketType)
{
    w.writeStartElement(QLatin1String(element));
    w.writeAttribute(QStringLiteral("type"), QLatin1String(type));
    w.writeTextElement(QStringLiteral("hostname"), s.hostname);
    w.writeTextElement(QStringLiteral("port"), QString::number(port));
    w.writeTextElement(QStringLiteral("socketType"), QLatin1String(socketType));
    // %EMAILADDRESS% is Thunderbird's placeholder: our logins are full addresses.
    w.writeTextElement(QStringLiteral("username"), QStringLiteral("%EMAILADDRESS%"));
    w.writeTextElement(QStringLiteral("authentication"), QStringLiteral("password-cleartext"));
    w.writeEndElement();
}
}

QByteArray ApiAutoconfig::thunderbirdXml(const ApiAutoconfigSettings &s)
{
    QByteArray out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.writeStartDocument();
    w.writeStartElement(QStringLiteral("clientConfig"));
    w.writeAttribute(QStringLiteral("version"), QStringLiteral("1.1"));
    w.writeStartElement(QStringLiteral("emailProvider"));
    w.writeAttribute(QStringLiteral("id"), s.domain);
    w.writeTextElement(QStringLiteral("domain"), s.domain);
    w.writeTextElement(QStringLiteral("displayName"), QStringLiteral("%1 mail").arg(s.domain));
    w.writeTextElement(QStringLiteral("displayShortName"), s.domain);
    // Preferred first: implicit TLS, then STARTTLS; plain only when the server has no TLS.
    if (s.tls) {
        thunderbirdServer(w, "incomingServer", "imap", s, s.imapsPort, "SSL");
        thunderbirdServer(w, "incomingServer", "imap", s, s.imapPort, "STARTTLS");
        thunderbirdServer(w, "outgoingServer", "smtp", s, s.smtpsPort, "SSL");
        thunderbirdServer(w, "outgoingServer", "smtp", s, s.submissionPort, "STARTTLS");
    } else {
        thunderbirdServer(w, "incomingServer", "imap", s, s.imapPort, "plain");
        thunderbirdServer(w, "outgoingServer", "smtp", s, s.submissionPort, "plain");
    }
    w.writeEndElement(); // emailProvider
    w.writeEndElement(); // clientConfig
    w.writeEndDocument();
    return out;
}

namespace {
void poxProtocol(QXmlStreamWriter &w, const char *type, const ApiAutoconfigSettings &s, int port, bool ssl)
{
    w.writeStartElement(QStringLiteral("Protocol"));
    w.writeTextElement(QStringLiteral("Type"), QLatin1String(type));
    w.writeTextElement(QStringLiteral("Server"), s.hostname);
    w.writeTextElement(QStringLiteral("Port"), QString::number(port));
    w.writeTextElement(QStringLiteral("DomainRequired"), QStringLiteral("off"));
    if (!s.email.isEmpty())
        w.writeTextElement(QStringLiteral("LoginName"), s.email);
    w.writeTextElement(QStringLiteral("SPA"), QStringLiteral("off"));
    w.writeTextElement(QStringLiteral("SSL"), ssl ? QStringLiteral("on") : QStringLiteral("off"));
    w.writeTextElement(QStringLiteral("AuthRequired"), QStringLiteral("on"));
    if (QLatin1String(type) == QLatin1String("SMTP"))
        w.writeTextElement(QStringLiteral("UsePOPAuth"), QStringLiteral("on"));
    w.writeEndElement();
}

const QString PoxResponseNs = QStringLiteral("http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006");
const QString PoxOutlookNs =
    QStringLiteral("http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a");
}

QByteArray ApiAutoconfig::outlookPoxXml(const ApiAutoconfigSettings &s)
{
    QByteArray out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.writeStartDocument();
    // Plain xmlns attributes: the stream writer's namespace tracking would merge the two defaults.
    w.writeStartElement(QStringLiteral("Autodiscover"));
    w.writeAttribute(QStringLiteral("xmlns"), PoxResponseNs);
    w.writeStartElement(QStringLiteral("Response"));
    w.writeAttribute(QStringLiteral("xmlns"), PoxOutlookNs);
    w.writeStartElement(QStringLiteral("Account"));
    w.writeTextElement(QStringLiteral("AccountType"), QStringLiteral("email"));
    w.writeTextElement(QStringLiteral("Action"), QStringLiteral("settings"));
    poxProtocol(w, "IMAP", s, s.tls ? s.imapsPort : s.imapPort, s.tls);
    poxProtocol(w, "SMTP", s, s.tls ? s.smtpsPort : s.submissionPort, s.tls);
    w.writeEndElement(); // Account
    w.writeEndElement(); // Response
    w.writeEndElement(); // Autodiscover
    w.writeEndDocument();
    return out;
}

QByteArray ApiAutoconfig::outlookPoxError(int code, const QString &message)
{
    QByteArray out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.writeStartDocument();
    w.writeStartElement(QStringLiteral("Autodiscover"));
    w.writeAttribute(QStringLiteral("xmlns"), PoxResponseNs);
    w.writeStartElement(QStringLiteral("Response"));
    w.writeStartElement(QStringLiteral("Error"));
    w.writeTextElement(QStringLiteral("ErrorCode"), QString::number(code));
    w.writeTextElement(QStringLiteral("Message"), message);
    w.writeEndElement();
    w.writeEndElement();
    w.writeEndElement();
    w.writeEndDocument();
    return out;
}

std::optional<QByteArray> ApiAutoconfig::autodiscoverV2Json(const ApiAutoconfigSettings &s, const QString &protocol)
{
    if (protocol.compare(QLatin1String("AutodiscoverV1"), Qt::CaseInsensitive) != 0)
        return std::nullopt;
    const QString url = s.tls ? QStringLiteral("https://%1:%2/autodiscover/autodiscover.xml").arg(s.hostname).arg(s.apiSecurePort)
                              : QStringLiteral("http://%1:%2/autodiscover/autodiscover.xml").arg(s.hostname).arg(s.apiPort);
    return QJsonDocument(QJsonObject{{QStringLiteral("Protocol"), QStringLiteral("AutodiscoverV1")},
                                     {QStringLiteral("Url"), url}})
        .toJson(QJsonDocument::Compact);
}

namespace {
void plistKey(QXmlStreamWriter &w, const QString &key, const QString &value)
{
    w.writeTextElement(QStringLiteral("key"), key);
    w.writeTextElement(QStringLiteral("string"), value);
}
void plistInt(QXmlStreamWriter &w, const QString &key, int value)
{
    w.writeTextElement(QStringLiteral("key"), key);
    w.writeTextElement(QStringLiteral("integer"), QString::number(value));
}
void plistBool(QXmlStreamWriter &w, const QString &key, bool value)
{
    w.writeTextElement(QStringLiteral("key"), key);
    w.writeEmptyElement(value ? QStringLiteral("true") : QStringLiteral("false"));
}
QString stableUuid(const QString &what)
{
    // Name-based (v5) so the same account always yields the same profile identifiers.
    static const QUuid ns(QStringLiteral("{6ba7b811-9dad-11d1-80b4-00c04fd430c8}")); // RFC 4122 URL namespace
    return QUuid::createUuidV5(ns, what).toString(QUuid::WithoutBraces).toUpper();
}
}

QByteArray ApiAutoconfig::appleMobileconfig(const ApiAutoconfigSettings &s)
{
    const QString email = s.email;
    QStringList labels = s.hostname.split(QLatin1Char('.'));
    std::reverse(labels.begin(), labels.end());
    const QString reverseHost = labels.join(QLatin1Char('.'));
    QByteArray out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.writeStartDocument();
    w.writeDTD(QStringLiteral("<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
                              "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">"));
    w.writeStartElement(QStringLiteral("plist"));
    w.writeAttribute(QStringLiteral("version"), QStringLiteral("1.0"));
    w.writeStartElement(QStringLiteral("dict"));
    w.writeTextElement(QStringLiteral("key"), QStringLiteral("PayloadContent"));
    w.writeStartElement(QStringLiteral("array"));
    w.writeStartElement(QStringLiteral("dict"));
    plistKey(w, QStringLiteral("EmailAccountDescription"), email.isEmpty() ? s.domain : email);
    plistKey(w, QStringLiteral("EmailAccountType"), QStringLiteral("EmailTypeIMAP"));
    if (!email.isEmpty())
        plistKey(w, QStringLiteral("EmailAddress"), email);
    plistKey(w, QStringLiteral("IncomingMailServerAuthentication"), QStringLiteral("EmailAuthPassword"));
    plistKey(w, QStringLiteral("IncomingMailServerHostName"), s.hostname);
    plistInt(w, QStringLiteral("IncomingMailServerPortNumber"), s.tls ? s.imapsPort : s.imapPort);
    plistBool(w, QStringLiteral("IncomingMailServerUseSSL"), s.tls);
    if (!email.isEmpty())
        plistKey(w, QStringLiteral("IncomingMailServerUsername"), email);
    plistKey(w, QStringLiteral("OutgoingMailServerAuthentication"), QStringLiteral("EmailAuthPassword"));
    plistKey(w, QStringLiteral("OutgoingMailServerHostName"), s.hostname);
    plistInt(w, QStringLiteral("OutgoingMailServerPortNumber"), s.tls ? s.smtpsPort : s.submissionPort);
    plistBool(w, QStringLiteral("OutgoingMailServerUseSSL"), s.tls);
    if (!email.isEmpty())
        plistKey(w, QStringLiteral("OutgoingMailServerUsername"), email);
    plistBool(w, QStringLiteral("OutgoingPasswordSameAsIncomingPassword"), true);
    plistKey(w, QStringLiteral("PayloadDescription"), QStringLiteral("Email account %1").arg(email));
    plistKey(w, QStringLiteral("PayloadDisplayName"), email.isEmpty() ? s.domain : email);
    plistKey(w, QStringLiteral("PayloadIdentifier"), reverseHost + QStringLiteral(".mail.account"));
    plistKey(w, QStringLiteral("PayloadType"), QStringLiteral("com.apple.mail.managed"));
    plistKey(w, QStringLiteral("PayloadUUID"), stableUuid(QStringLiteral("mail:") + email + QLatin1Char('@') + s.domain));
    plistInt(w, QStringLiteral("PayloadVersion"), 1);
    w.writeEndElement(); // dict
    w.writeEndElement(); // array
    plistKey(w, QStringLiteral("PayloadDescription"), QStringLiteral("Mail settings for %1").arg(s.domain));
    plistKey(w, QStringLiteral("PayloadDisplayName"), QStringLiteral("%1 mail").arg(s.domain));
    plistKey(w, QStringLiteral("PayloadIdentifier"), reverseHost + QStringLiteral(".mail"));
    plistBool(w, QStringLiteral("PayloadRemovalDisallowed"), false);
    plistKey(w, QStringLiteral("PayloadType"), QStringLiteral("Configuration"));
    plistKey(w, QStringLiteral("PayloadUUID"), stableUuid(QStringLiteral("profile:") + email + QLatin1Char('@') + s.domain));
    plistInt(w, QStringLiteral("PayloadVersion"), 1);
    w.writeEndElement(); // dict
    w.writeEndElement(); // plist
    w.writeEndDocument();
    return out;
}

QString ApiAutoconfig::poxRequestEmail(const QByteArray &body)
{
    QXmlStreamReader r(body);
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement() && r.name() == QLatin1String("EMailAddress"))
            return r.readElementText().trimmed();
        if (r.isDTD() || r.tokenType() == QXmlStreamReader::EntityReference)
            return QString(); // no DTDs or entities from clients
    }
    return QString();
}
