// The typed configuration: loaded from config.json, validated key by key against
// ConfigSchema (every error names its key path), with defaults for missing keys.
// Unknown keys are kept (and warned about) so that saving never drops them.
#pragma once

#include <QHostAddress>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

struct SmtpConfig {
    QString host;
    int port = 25;
    int submissionPort = 587;
    int smtpsPort = 465;
    qint64 maxMessageSize = 52428800;
    int maxRecipients = 50;
    int maxConnections = 100;
    int maxMessagesPerConnection = 50;
    int commandTimeout = 300; // seconds for one complete command line (RFC 5321 4.5.3.2.7)
    int dataTimeout = 180;    // seconds without message data (RFC 5321 4.5.3.2.5)
};

struct ImapConfig {
    QString host;
    int port = 143;
    int imapsPort = 993;
    int maxConnections = 100;
    int autologoutTimeout = 1800; // seconds without a complete command (RFC 3501 5.4)
};

struct ExchangeApiConfig {
    QString host;
    int port = 9002;
    int securePort = 9003;
    QString tokenSecret; // empty: generate and keep one in mail_root
    int idleTimeout = 60;  // seconds of silence before a connection is closed
};

struct DeliveryConfig {
    int workers = 4;
    QString relayHost;      // "host:port" or empty
    QString relaySecurity;  // starttls | tls | none
    QString relayUsername;
    QString relayPassword;
    QMap<QString, QString> routes; // lower-case domain -> "host:port"
    qint64 maxQueueLifetime = 432000;
};

struct TlsFilesConfig {
    QString certFile; // empty: self-signed under {mail_root}/tls
    QString keyFile;
};

struct RateLimitConfig {
    bool enabled = true;
    int connectionRate = 20;
    int connectionPeriod = 60;
    int messageRate = 30;
    int messagePeriod = 60;
    int recipientRate = 100;
    int recipientPeriod = 60;
    int authFailureLimit = 5;
    int authFailureLockout = 600;
    int maxConcurrentPerIp = 10;
    QStringList whitelist;
    int maxTrackedIps = 10000;
    int cleanupInterval = 300;
};

struct ConfigError {
    QString key;     // dotted path, "" for the whole file
    QString message; // what is wrong
    QString toString() const { return key.isEmpty() ? message : key + QStringLiteral(": ") + message; }
};

class Config
{
public:
    QString hostname;
    QString mailRoot;        // absolute, resolved against the config file's folder
    QStringList domains;     // lower-case
    QString logLevel;        // DEBUG INFO WARNING ERROR CRITICAL (normalised)
    QString controlSocket;   // absolute path
    QString runAs;
    SmtpConfig smtp;
    ImapConfig imap;
    ExchangeApiConfig api;
    DeliveryConfig delivery;
    TlsFilesConfig tls;
    RateLimitConfig rateLimit;

    QString sourcePath;      // the config.json this came from (absolute), if any
    QJsonObject document;    // the file as read, defaults merged in, unknown keys kept
    QStringList warnings;    // unknown keys and other non-fatal remarks

    // Domains compare case-insensitively.
    bool isLocalDomain(const QString &domain) const;

    // Parses and validates; on failure returns false and fills errors (all of them, not only the first).
    static bool fromJson(const QJsonObject &object, const QString &baseDir, Config *out, QVector<ConfigError> *errors);
    static bool fromJsonBytes(const QByteArray &bytes, const QString &baseDir, Config *out, QVector<ConfigError> *errors);
    static bool loadFile(const QString &path, Config *out, QVector<ConfigError> *errors);

    // The default document: every key of the schema with its default, nested by section.
    static QJsonObject defaultDocument();
    static QByteArray defaultDocumentBytes(); // indented JSON, ends with a newline

    // Atomic write (temp file, fsync, rename, fsync dir) that keeps the file's mode.
    static bool saveDocument(const QString &path, const QJsonObject &document, QString *error);
};

namespace ConfigValues {
// Reads a value at a dotted path ("smtp.port") of a nested document; undefined when absent.
QJsonValue valueAt(const QJsonObject &document, const QString &path);
void setValueAt(QJsonObject &document, const QString &path, const QJsonValue &value);
// Validators shared with the GUI's forms. Return an empty string when valid, else the problem.
QString checkValue(const QString &path, const QJsonValue &value);
bool isValidDomain(const QString &text);
bool isValidHostPort(const QString &text);
bool parseAddressOrCidr(const QString &text, QPair<QHostAddress, int> *out);
QString describeJsonValue(const QJsonValue &value);
}
