// Mail client autoconfiguration documents built from the hostname, the configured ports
// and whether TLS is on: Thunderbird's config-v1.1.xml, Outlook's POX Autodiscover
// (responseschema 2006a), the Autodiscover v2 JSON redirect and an Apple .mobileconfig
// profile (unsigned). Pure functions; callers check the domain is ours first.
#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

class Config;

struct ApiAutoconfigSettings {
    QString hostname;
    QString domain;          // the mail domain asked about
    QString email;           // may be empty (Thunderbird without ?emailaddress=)
    bool tls = false;
    int imapPort = 143;      // plain / STARTTLS
    int imapsPort = 993;     // implicit TLS
    int submissionPort = 587;
    int smtpsPort = 465;
    int apiPort = 9002;
    int apiSecurePort = 9003;

    static ApiAutoconfigSettings fromConfig(const Config &config, bool tls);
};

namespace ApiAutoconfig {
QByteArray thunderbirdXml(const ApiAutoconfigSettings &s);
QByteArray outlookPoxXml(const ApiAutoconfigSettings &s);
// The error document Outlook expects when the address is not ours.
QByteArray outlookPoxError(int code, const QString &message);
// Autodiscover v2 (GET /autodiscover/autodiscover.json...): for Protocol=AutodiscoverV1 the URL of
// the POX endpoint; nullopt for a protocol we do not serve.
std::optional<QByteArray> autodiscoverV2Json(const ApiAutoconfigSettings &s, const QString &protocol);
QByteArray appleMobileconfig(const ApiAutoconfigSettings &s);
// The email address inside an Outlook POX request body; empty when absent or malformed.
QString poxRequestEmail(const QByteArray &body);
}
