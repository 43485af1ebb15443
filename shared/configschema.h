// The table of every config.json key: type, default, valid range and meaning.
// One source of truth for the loader (validation and defaults), `postroomd init`,
// the docs and the admin GUI (widgets, ranges, tooltips). Trusts nothing it is given.
#pragma once

#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QVector>

enum class ConfigValueKind {
    String,          // any non-empty string
    NullableString,  // null or a non-empty string
    Hostname,        // a DNS name (FQDN)
    BindAddress,     // an IPv4/IPv6 literal or "localhost"
    Port,            // 1-65535
    Integer,         // integral number within [minimum, maximum]
    Boolean,
    DomainList,      // array of DNS domain names
    AddressOrCidrList, // array of IP addresses or CIDR ranges
    Choice,          // string out of `choices` (case-insensitive)
    NullableHostPort,// null or "host:port"
    NullableSecret,  // null or a string of at least `minimum` characters
    RouteMap,        // object: domain -> "host:port"
};

struct ConfigKeyInfo {
    QString path;            // dotted path, e.g. "smtp.port"
    ConfigValueKind kind;
    QJsonValue defaultValue;
    qint64 minimum = 0;
    qint64 maximum = 0;
    QStringList choices;     // for Choice
    QString description;
    bool appliesLive = true; // false: needs a restart of the daemon to take effect
    bool fromReference = true; // false: a key Postroom adds beyond SPEC-config.md
};

namespace ConfigSchema {
const QVector<ConfigKeyInfo> &keys();
const ConfigKeyInfo *find(const QString &path);
// The top-level sections that hold nested keys ("smtp", "imap", ...).
QStringList sections();
// Human text for what a key expects, used in error messages: "an integer 1-65535".
QString expectation(const ConfigKeyInfo &key);
}
