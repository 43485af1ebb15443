#include "configschema.h"

#include <QJsonArray>
#include <QJsonObject>

namespace {

ConfigKeyInfo key(const char *path, ConfigValueKind kind, QJsonValue def, const char *description,
                  qint64 min = 0, qint64 max = 0)
{
    ConfigKeyInfo k;
    k.path = QString::fromLatin1(path);
    k.kind = kind;
    k.defaultValue = def;
    k.minimum = min;
    k.maximum = max;
    k.description = QString::fromUtf8(description);
    return k;
}

ConfigKeyInfo restartOnly(ConfigKeyInfo k) { k.appliesLive = false; return k; }
ConfigKeyInfo added(ConfigKeyInfo k) { k.fromReference = false; return k; }
ConfigKeyInfo choice(ConfigKeyInfo k, QStringList choices) { k.choices = choices; return k; }

QVector<ConfigKeyInfo> buildKeys()
{
    using K = ConfigValueKind;
    const qint64 maxInt = 2147483647;
    QVector<ConfigKeyInfo> keys;
    keys << key("hostname", K::Hostname, "mail.example.com",
                "Server FQDN, used in SMTP banners, the TLS certificate and autoconfig responses.")
         << restartOnly(key("mail_root", K::String, "./mailstore",
                "Root directory for all user data, the queue and TLS certificates (relative to config.json's folder)."))
         << key("domains", K::DomainList, QJsonArray{"example.com"},
                "Accepted mail domains (case-insensitive).")
         << choice(key("log_level", K::Choice, "INFO",
                "Log level: DEBUG, INFO, WARNING, ERROR or CRITICAL (case-insensitive; WARN means WARNING)."),
                {"DEBUG", "INFO", "WARNING", "WARN", "ERROR", "CRITICAL"})
         << added(restartOnly(key("control_socket", K::NullableString, QJsonValue::Null,
                "Path of the local control socket used by postroom-admin and the postroomd commands; "
                "null means {mail_root}/control.sock.")))
         << added(restartOnly(key("run_as", K::NullableString, QJsonValue::Null,
                "When started as root: the user to switch to after binding the ports; null keeps running as the starting user.")))

         << key("smtp.host", K::BindAddress, "0.0.0.0", "Bind address for all SMTP listeners.")
         << key("smtp.port", K::Port, 25, "SMTP port for inbound mail to our domains (no AUTH, never relays).", 1, 65535)
         << key("smtp.submission_port", K::Port, 587,
                "Authenticated submission port (STARTTLS required for AUTH when TLS is configured).", 1, 65535)
         << key("smtp.smtps_port", K::Port, 465, "Implicit TLS SMTP port (active when TLS is configured).", 1, 65535)
         << key("smtp.max_message_size", K::Integer, 52428800,
                "Maximum message size in bytes, announced with the SIZE extension.", 1024, maxInt)
         << key("smtp.max_recipients", K::Integer, 50,
                "Maximum RCPT TO recipients per message; the excess gets 452.", 1, 100000)
         << key("smtp.max_connections", K::Integer, 100,
                "Maximum simultaneous SMTP connections over all SMTP ports.", 1, 100000)
         << key("smtp.max_messages_per_connection", K::Integer, 50,
                "Maximum messages per SMTP session before the server closes it.", 1, 1000000)
         << added(key("smtp.command_timeout", K::Integer, 300,
                "Seconds a client has to send one complete command line (RFC 5321 4.5.3.2.7 asks for at least 300). A client that trickles a command slower is closed with 421 4.4.2.", 1, 3600))
         << added(key("smtp.data_timeout", K::Integer, 180,
                "Seconds the server waits for more message data during DATA or BDAT (RFC 5321 4.5.3.2.5 asks for at least 180); then 421 4.4.2.", 1, 3600))

         << key("imap.host", K::BindAddress, "0.0.0.0", "Bind address for IMAP listeners.")
         << key("imap.port", K::Port, 143, "IMAP port (STARTTLS available when TLS is configured).", 1, 65535)
         << key("imap.imaps_port", K::Port, 993, "IMAPS implicit TLS port (active when TLS is configured).", 1, 65535)
         << key("imap.max_connections", K::Integer, 100, "Maximum simultaneous IMAP connections.", 1, 100000)
         << added(key("imap.autologout_timeout", K::Integer, 1800,
                "Seconds an IMAP client may go without sending a complete command, IDLE included, before the server says BYE Autologout (RFC 3501 5.4 asks for at least 1800). Before login at most 300.", 1, 86400))

         << key("exchange_api.host", K::BindAddress, "0.0.0.0", "Bind address for the HTTP API listeners.")
         << key("exchange_api.port", K::Port, 9002, "HTTP API port.", 1, 65535)
         << key("exchange_api.secure_port", K::Port, 9003, "HTTPS API port (active when TLS is configured).", 1, 65535)
         << key("exchange_api.token_secret", K::NullableSecret, QJsonValue::Null,
                "HMAC-SHA256 key for signing API tokens (at least 16 characters); null generates a random one "
                "kept in {mail_root}. Set it explicitly when several processes must accept the same tokens.", 16, 4096)
         << added(key("exchange_api.idle_timeout", K::Integer, 60,
                "Seconds an HTTP API connection may stay silent before it is closed; a request head must also arrive complete within this time (and within 30).", 1, 3600))

         << key("delivery.workers", K::Integer, 4, "Number of concurrent delivery workers.", 1, 64)
         << added(key("delivery.relay_host", K::NullableHostPort, QJsonValue::Null,
                "Smarthost as \"host:port\" that receives all outgoing mail (for providers that block port 25); null delivers directly by MX."))
         << added(choice(key("delivery.relay_security", K::Choice, "starttls",
                "How to secure the smarthost connection: starttls, tls or none."), {"starttls", "tls", "none"}))
         << added(key("delivery.relay_username", K::NullableString, QJsonValue::Null,
                "User name for AUTH at the smarthost; null sends without AUTH."))
         << added(key("delivery.relay_password", K::NullableString, QJsonValue::Null,
                "Password for AUTH at the smarthost."))
         << added(key("delivery.routes", K::RouteMap, QJsonObject{},
                "Static routes: destination domain -> \"host:port\", used instead of the MX lookup."))
         << added(key("delivery.max_queue_lifetime", K::Integer, 432000,
                "Seconds a message may wait in the queue before it is bounced (default 5 days).", 60, 31536000))

         << key("tls.cert_file", K::NullableString, QJsonValue::Null,
                "PEM certificate (chain). Null: a self-signed certificate is generated in {mail_root}/tls/cert.pem.")
         << key("tls.key_file", K::NullableString, QJsonValue::Null,
                "PEM private key. Null: generated alongside the self-signed certificate.")

         << key("rate_limit.enabled", K::Boolean, true, "Enable or disable rate limiting globally.")
         << key("rate_limit.connection_rate", K::Integer, 20, "Maximum connections per IP within connection_period.", 1, 1000000)
         << key("rate_limit.connection_period", K::Integer, 60, "Period in seconds for the connection rate window.", 1, 86400)
         << key("rate_limit.message_rate", K::Integer, 30, "Maximum messages per IP within message_period.", 1, 1000000)
         << key("rate_limit.message_period", K::Integer, 60, "Period in seconds for the message rate window.", 1, 86400)
         << key("rate_limit.recipient_rate", K::Integer, 100, "Maximum recipients per IP within recipient_period.", 1, 1000000)
         << key("rate_limit.recipient_period", K::Integer, 60, "Period in seconds for the recipient rate window.", 1, 86400)
         << key("rate_limit.auth_failure_limit", K::Integer, 5, "Authentication failures before the IP is locked out.", 1, 1000000)
         << key("rate_limit.auth_failure_lockout", K::Integer, 600, "Lockout duration in seconds after the failure limit is reached.", 1, 31536000)
         << key("rate_limit.max_concurrent_per_ip", K::Integer, 10, "Maximum simultaneous connections from one IP (SMTP, IMAP and API).", 1, 100000)
         << key("rate_limit.whitelist", K::AddressOrCidrList, QJsonArray{"127.0.0.1", "::1"},
                "IP addresses or CIDR ranges exempt from all rate limiting. Keep 127.0.0.1 here for diagnostics and tests.")
         << key("rate_limit.max_tracked_ips", K::Integer, 10000, "Maximum number of IPs tracked in memory (least recently seen dropped first).", 1, 10000000)
         << key("rate_limit.cleanup_interval", K::Integer, 300, "Seconds between clean-ups of stale IP records.", 1, 86400);
    return keys;
}

} // namespace

namespace ConfigSchema {

const QVector<ConfigKeyInfo> &keys()
{
    static const QVector<ConfigKeyInfo> table = buildKeys();
    return table;
}

const ConfigKeyInfo *find(const QString &path)
{
    for (const ConfigKeyInfo &k : keys())
        if (k.path == path)
            return &k;
    return nullptr;
}

QStringList sections()
{
    QStringList out;
    for (const ConfigKeyInfo &k : keys()) {
        const int dot = k.path.indexOf(QLatin1Char('.'));
        if (dot > 0 && !out.contains(k.path.left(dot)))
            out << k.path.left(dot);
    }
    return out;
}

QString expectation(const ConfigKeyInfo &key)
{
    using K = ConfigValueKind;
    switch (key.kind) {
    case K::String: return QStringLiteral("a non-empty string");
    case K::NullableString: return QStringLiteral("null or a non-empty string");
    case K::Hostname: return QStringLiteral("a host name such as mail.example.com");
    case K::BindAddress: return QStringLiteral("an IP address such as 0.0.0.0, :: or 127.0.0.1");
    case K::Port:
    case K::Integer: return QStringLiteral("an integer %1-%2").arg(key.minimum).arg(key.maximum);
    case K::Boolean: return QStringLiteral("true or false");
    case K::DomainList: return QStringLiteral("a list of domain names such as [\"example.com\"]");
    case K::AddressOrCidrList: return QStringLiteral("a list of IP addresses or CIDR ranges such as [\"127.0.0.1\", \"10.0.0.0/8\"]");
    case K::Choice: return QStringLiteral("one of %1").arg(key.choices.join(QStringLiteral(", ")));
    case K::NullableHostPort: return QStringLiteral("null or \"host:port\"");
    case K::NullableSecret: return QStringLiteral("null or a string of at least %1 characters").arg(key.minimum);
    case K::RouteMap: return QStringLiteral("an object mapping domains to \"host:port\"");
    }
    return QString();
}

} // namespace ConfigSchema
