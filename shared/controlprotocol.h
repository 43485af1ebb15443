// The control-socket protocol between postroomd and its clients (postroom-admin,
// `postroomd status|reload|...`): one JSON object per line. Plain structs with
// to/from JSON so both ends share one definition. See docs/control-protocol.md.
//
//   request: {"id": 7, "method": "status", "params": {...}}
//   reply:   {"id": 7, "result": {...}}  or  {"id": 7, "error": {"code": "...", "message": "...", "errors": [...]}}
//   event:   {"event": "log", "data": {...}}     (after log.subscribe)
#pragma once

#include "config.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QVector>

namespace ControlProtocol {

constexpr qint64 MaxMessageBytes = 4 * 1024 * 1024;

namespace Method {
inline const QString Status = QStringLiteral("status");
inline const QString Stats = QStringLiteral("stats");
inline const QString Reload = QStringLiteral("reload");
inline const QString ConfigGet = QStringLiteral("config.get");
inline const QString ConfigValidate = QStringLiteral("config.validate");
inline const QString LogSubscribe = QStringLiteral("log.subscribe");
inline const QString LogUnsubscribe = QStringLiteral("log.unsubscribe");
}

namespace ErrorCode {
inline const QString BadRequest = QStringLiteral("bad_request");
inline const QString UnknownMethod = QStringLiteral("unknown_method");
inline const QString InvalidConfig = QStringLiteral("invalid_config");
inline const QString NotFound = QStringLiteral("not_found");
inline const QString Failed = QStringLiteral("failed");
}

struct Request {
    qint64 id = 0;
    QString method;
    QJsonObject params;

    QJsonObject toJson() const;
    // False (with the problem) when the object is not a well-formed request.
    static bool fromJson(const QJsonObject &o, Request *out, QString *problem);
};

struct Error {
    QString code;
    QString message;
    QVector<ConfigError> errors; // per-key errors, for invalid_config

    QJsonObject toJson() const;
    static Error fromJson(const QJsonObject &o);
};

struct Reply {
    qint64 id = 0;
    bool ok = true;
    QJsonObject result;
    Error error;

    QJsonObject toJson() const;
    static Reply fromJson(const QJsonObject &o);
    static Reply success(qint64 id, const QJsonObject &result);
    static Reply failure(qint64 id, const QString &code, const QString &message, const QVector<ConfigError> &errors = {});
};

struct ListenerStatus {
    QString name;      // "smtp", "submission", "smtps", "imap", "imaps", "http", "https"
    QString protocol;  // "smtp", "imap", "api"
    QString address;
    int port = 0;
    bool tls = false;  // implicit TLS
    bool starttls = false;
    QString state;     // "listening", "failed", "disabled"
    QString error;

    QJsonObject toJson() const;
    static ListenerStatus fromJson(const QJsonObject &o);
};

struct StatusResult {
    QString version;
    qint64 pid = 0;
    qint64 uptimeSeconds = 0;
    QString configPath;
    QString mailRoot;
    QString hostname;
    bool tlsEnabled = false;
    QString tlsCertificate; // path of the certificate in use
    QVector<ListenerStatus> listeners;

    QJsonObject toJson() const;
    static StatusResult fromJson(const QJsonObject &o);
};

struct LogRecord {
    QString time;     // ISO 8601 with milliseconds, UTC
    QString level;    // DEBUG INFO WARNING ERROR CRITICAL
    QString category; // config tls smtp imap api queue store control ...
    QString message;

    QJsonObject toJson() const;
    static LogRecord fromJson(const QJsonObject &o);
};

QJsonArray configErrorsToJson(const QVector<ConfigError> &errors);
QVector<ConfigError> configErrorsFromJson(const QJsonArray &a);
QJsonObject event(const QString &name, const QJsonObject &data);

} // namespace ControlProtocol
