#include "fieldtexts.h"

#include <QCoreApplication>
#include <QHash>

// The schema's English descriptions, listed here so that lupdate extracts them for
// translation. A description changed in shared/configschema.cpp falls back to English
// (and tst_admingui's translation check names it).
static const char *const SchemaDescriptions[] = {
    QT_TRANSLATE_NOOP("ConfigSchema", "Server FQDN, used in SMTP banners, the TLS certificate and autoconfig responses."),
    QT_TRANSLATE_NOOP("ConfigSchema", "Root directory for all user data, the queue and TLS certificates (relative to config.json's folder)."),
    QT_TRANSLATE_NOOP("ConfigSchema", "Accepted mail domains (case-insensitive)."),
    QT_TRANSLATE_NOOP("ConfigSchema", "Log level: DEBUG, INFO, WARNING, ERROR or CRITICAL (case-insensitive; WARN means WARNING)."),
    QT_TRANSLATE_NOOP("ConfigSchema", "Path of the local control socket used by postroom-admin and the postroomd commands; null means {mail_root}/control.sock."),
    QT_TRANSLATE_NOOP("ConfigSchema", "When started as root: the user to switch to after binding the ports; null keeps running as the starting user."),
    QT_TRANSLATE_NOOP("ConfigSchema", "Bind address for all SMTP listeners."),
    QT_TRANSLATE_NOOP("ConfigSchema", "SMTP port for inbound mail to our domains (no AUTH, never relays)."),
    QT_TRANSLATE_NOOP("ConfigSchema", "Authenticated submission port (STARTTLS required for AUTH when TLS is configured)."),
    QT_TRANSLATE_NOOP("ConfigSchema", "Implicit TLS SMTP port (active when TLS is configured)."),
    QT_TRANSLATE_NOOP("ConfigSchema", "Maximum message size in bytes, announced with the SIZE extension."),
    QT_TRANSLATE_NOOP("ConfigSchema", "Maximum RCPT TO recipients per message; the excess gets 452."),
    QT_TRANSLATE_NOOP("ConfigSchema", "Maximum simultaneous SMTP connections over all SMTP ports."),
    QT_TRANSLATE_NOOP("ConfigSchema", "Maximum messages per SMTP session before the server closes it."),
    QT_TRANSLATE_NOOP("ConfigSchema", "Seconds a client has to send one complete command line (RFC 5321 4.5.3.2.7 asks for at least 300). A client that trickles a command slower is closed with 421 4.4.2."),
    QT_TRANSLATE_NOOP("ConfigSchema", "Seconds the server waits for more message data during DATA or BDAT (RFC 5321 4.5.3.2.5 asks for at least 180); then 421 4.4.2."),
    QT_TRANSLATE_NOOP("ConfigSchema", "Bind address for IMAP listeners."),
    QT_TRANSLATE_NOOP("ConfigSchema", "IMAP port (STARTTLS available when TLS is configured)."),
    QT_TRANSLATE_NOOP("ConfigSchema", "IMAPS implicit TLS port (active when TLS is configured)."),
    QT_TRANSLATE_NOOP("ConfigSchema", "Maximum simultaneous IMAP connections."),
    QT_TRANSLATE_NOOP("ConfigSchema", "Seconds an IMAP client may go without sending a complete command, IDLE included, before the server says BYE Autologout (RFC 3501 5.4 asks for at least 1800). Before login at most 300."),
    QT_TRANSLATE_NOOP("ConfigSchema", "Bind address for the HTTP API listeners."),
    QT_TRANSLATE_NOOP("ConfigSchema", "HTTP API port."),
    QT_TRANSLATE_NOOP("ConfigSchema", "HTTPS API port (active when TLS is configured)."),
    QT_TRANSLATE_NOOP("ConfigSchema", "HMAC-SHA256 key for signing API tokens (at least 16 characters); null generates a random one kept in {mail_root}. Set it explicitly when several processes must accept the same tokens."),
    QT_TRANSLATE_NOOP("ConfigSchema", "Seconds an HTTP API connection may stay silent before it is closed; a request head must also arrive complete within this time (and within 30)."),
    QT_TRANSLATE_NOOP("ConfigSchema", "Number of concurrent delivery workers."),
    QT_TRANSLATE_NOOP("ConfigSchema", "Smarthost as \"host:port\" that receives all outgoing mail (for providers that block port 25); null delivers directly by MX."),
    QT_TRANSLATE_NOOP("ConfigSchema", "How to secure the smarthost connection: starttls, tls or none."),
    QT_TRANSLATE_NOOP("ConfigSchema", "User name for AUTH at the smarthost; null sends without AUTH."),
    QT_TRANSLATE_NOOP("ConfigSchema", "Password for AUTH at the smarthost."),
    QT_TRANSLATE_NOOP("ConfigSchema", "Static routes: destination domain -> \"host:port\", used instead of the MX lookup."),
    QT_TRANSLATE_NOOP("ConfigSchema", "Seconds a message may wait in the queue before it is bounced (default 5 days)."),
    QT_TRANSLATE_NOOP("ConfigSchema", "PEM certificate (chain). Null: a self-signed certificate is generated in {mail_root}/tls/cert.pem."),
    QT_TRANSLATE_NOOP("ConfigSchema", "PEM private key. Null: generated alongside the self-signed certificate."),
    QT_TRANSLATE_NOOP("ConfigSchema", "Enable or disable rate limiting globally."),
    QT_TRANSLATE_NOOP("ConfigSchema", "Maximum connections per IP within connection_period."),
    QT_TRANSLATE_NOOP("ConfigSchema", "Period in seconds for the connection rate window."),
    QT_TRANSLATE_NOOP("ConfigSchema", "Maximum messages per IP within message_period."),
    QT_TRANSLATE_NOOP("ConfigSchema", "Period in seconds for the message rate window."),
    QT_TRANSLATE_NOOP("ConfigSchema", "Maximum recipients per IP within recipient_period."),
    QT_TRANSLATE_NOOP("ConfigSchema", "Period in seconds for the recipient rate window."),
    QT_TRANSLATE_NOOP("ConfigSchema", "Authentication failures before the IP is locked out."),
    QT_TRANSLATE_NOOP("ConfigSchema", "Lockout duration in seconds after the failure limit is reached."),
    QT_TRANSLATE_NOOP("ConfigSchema", "Maximum simultaneous connections from one IP (SMTP, IMAP and API)."),
    QT_TRANSLATE_NOOP("ConfigSchema", "IP addresses or CIDR ranges exempt from all rate limiting. Keep 127.0.0.1 here for diagnostics and tests."),
    QT_TRANSLATE_NOOP("ConfigSchema", "Maximum number of IPs tracked in memory (least recently seen dropped first)."),
    QT_TRANSLATE_NOOP("ConfigSchema", "Seconds between clean-ups of stale IP records."),
};

QString FieldTexts::label(const QString &path)
{
    static const QHash<QString, const char *> labels = {
        {QStringLiteral("hostname"), QT_TRANSLATE_NOOP("FieldTexts", "Host name")},
        {QStringLiteral("mail_root"), QT_TRANSLATE_NOOP("FieldTexts", "Mail folder")},
        {QStringLiteral("domains"), QT_TRANSLATE_NOOP("FieldTexts", "Mail domains")},
        {QStringLiteral("log_level"), QT_TRANSLATE_NOOP("FieldTexts", "Log level")},
        {QStringLiteral("control_socket"), QT_TRANSLATE_NOOP("FieldTexts", "Control socket")},
        {QStringLiteral("run_as"), QT_TRANSLATE_NOOP("FieldTexts", "Run as user")},
        {QStringLiteral("smtp.host"), QT_TRANSLATE_NOOP("FieldTexts", "Listen address")},
        {QStringLiteral("smtp.port"), QT_TRANSLATE_NOOP("FieldTexts", "Inbound port (SMTP)")},
        {QStringLiteral("smtp.submission_port"), QT_TRANSLATE_NOOP("FieldTexts", "Submission port")},
        {QStringLiteral("smtp.smtps_port"), QT_TRANSLATE_NOOP("FieldTexts", "Implicit TLS port (SMTPS)")},
        {QStringLiteral("smtp.max_message_size"), QT_TRANSLATE_NOOP("FieldTexts", "Maximum message size")},
        {QStringLiteral("smtp.max_recipients"), QT_TRANSLATE_NOOP("FieldTexts", "Maximum recipients per message")},
        {QStringLiteral("smtp.max_connections"), QT_TRANSLATE_NOOP("FieldTexts", "Maximum connections")},
        {QStringLiteral("smtp.max_messages_per_connection"), QT_TRANSLATE_NOOP("FieldTexts", "Maximum messages per connection")},
        {QStringLiteral("smtp.command_timeout"), QT_TRANSLATE_NOOP("FieldTexts", "Command timeout")},
        {QStringLiteral("smtp.data_timeout"), QT_TRANSLATE_NOOP("FieldTexts", "Data timeout")},
        {QStringLiteral("imap.host"), QT_TRANSLATE_NOOP("FieldTexts", "Listen address")},
        {QStringLiteral("imap.port"), QT_TRANSLATE_NOOP("FieldTexts", "IMAP port")},
        {QStringLiteral("imap.imaps_port"), QT_TRANSLATE_NOOP("FieldTexts", "Implicit TLS port (IMAPS)")},
        {QStringLiteral("imap.max_connections"), QT_TRANSLATE_NOOP("FieldTexts", "Maximum connections")},
        {QStringLiteral("imap.autologout_timeout"), QT_TRANSLATE_NOOP("FieldTexts", "Autologout timeout")},
        {QStringLiteral("exchange_api.host"), QT_TRANSLATE_NOOP("FieldTexts", "Listen address")},
        {QStringLiteral("exchange_api.port"), QT_TRANSLATE_NOOP("FieldTexts", "HTTP port")},
        {QStringLiteral("exchange_api.secure_port"), QT_TRANSLATE_NOOP("FieldTexts", "HTTPS port")},
        {QStringLiteral("exchange_api.token_secret"), QT_TRANSLATE_NOOP("FieldTexts", "Token signing secret")},
        {QStringLiteral("exchange_api.idle_timeout"), QT_TRANSLATE_NOOP("FieldTexts", "Idle timeout")},
        {QStringLiteral("delivery.workers"), QT_TRANSLATE_NOOP("FieldTexts", "Delivery workers")},
        {QStringLiteral("delivery.relay_host"), QT_TRANSLATE_NOOP("FieldTexts", "Smarthost")},
        {QStringLiteral("delivery.relay_security"), QT_TRANSLATE_NOOP("FieldTexts", "Smarthost security")},
        {QStringLiteral("delivery.relay_username"), QT_TRANSLATE_NOOP("FieldTexts", "Smarthost user name")},
        {QStringLiteral("delivery.relay_password"), QT_TRANSLATE_NOOP("FieldTexts", "Smarthost password")},
        {QStringLiteral("delivery.routes"), QT_TRANSLATE_NOOP("FieldTexts", "Static routes")},
        {QStringLiteral("delivery.max_queue_lifetime"), QT_TRANSLATE_NOOP("FieldTexts", "Maximum time in queue")},
        {QStringLiteral("tls.cert_file"), QT_TRANSLATE_NOOP("FieldTexts", "Certificate file")},
        {QStringLiteral("tls.key_file"), QT_TRANSLATE_NOOP("FieldTexts", "Private key file")},
        {QStringLiteral("rate_limit.enabled"), QT_TRANSLATE_NOOP("FieldTexts", "Rate limiting enabled")},
        {QStringLiteral("rate_limit.connection_rate"), QT_TRANSLATE_NOOP("FieldTexts", "Connections per IP")},
        {QStringLiteral("rate_limit.connection_period"), QT_TRANSLATE_NOOP("FieldTexts", "Connection window")},
        {QStringLiteral("rate_limit.message_rate"), QT_TRANSLATE_NOOP("FieldTexts", "Messages per IP")},
        {QStringLiteral("rate_limit.message_period"), QT_TRANSLATE_NOOP("FieldTexts", "Message window")},
        {QStringLiteral("rate_limit.recipient_rate"), QT_TRANSLATE_NOOP("FieldTexts", "Recipients per IP")},
        {QStringLiteral("rate_limit.recipient_period"), QT_TRANSLATE_NOOP("FieldTexts", "Recipient window")},
        {QStringLiteral("rate_limit.auth_failure_limit"), QT_TRANSLATE_NOOP("FieldTexts", "Failed logins before lockout")},
        {QStringLiteral("rate_limit.auth_failure_lockout"), QT_TRANSLATE_NOOP("FieldTexts", "Lockout duration")},
        {QStringLiteral("rate_limit.max_concurrent_per_ip"), QT_TRANSLATE_NOOP("FieldTexts", "Simultaneous connections per IP")},
        {QStringLiteral("rate_limit.whitelist"), QT_TRANSLATE_NOOP("FieldTexts", "Exempt addresses")},
        {QStringLiteral("rate_limit.max_tracked_ips"), QT_TRANSLATE_NOOP("FieldTexts", "Tracked IPs (maximum)")},
        {QStringLiteral("rate_limit.cleanup_interval"), QT_TRANSLATE_NOOP("FieldTexts", "Clean-up interval")},
    };
    const char *text = labels.value(path);
    return text ? QCoreApplication::translate("FieldTexts", text) : path;
}

QString FieldTexts::description(const ConfigKeyInfo &key)
{
    return QCoreApplication::translate("ConfigSchema", key.description.toUtf8().constData());
}

int FieldTexts::descriptionCount()
{
    return int(sizeof(SchemaDescriptions) / sizeof(SchemaDescriptions[0]));
}
