#include "controlprotocol.h"

namespace ControlProtocol {

// A JSON number as qint64 when it is whole and in range (casting a larger double is
// undefined behaviour: {"id":1e300} must be refused, not converted).
static bool toInt64(const QJsonValue &v, qint64 *out)
{
    const double d = v.toDouble();
    if (!v.isDouble() || !(d >= -9223372036854775808.0 && d < 9223372036854775808.0))
        return false;
    if (double(qint64(d)) != d)
        return false;
    *out = qint64(d);
    return true;
}

static qint64 int64Or0(const QJsonValue &v)
{
    qint64 n = 0;
    return toInt64(v, &n) ? n : 0;
}

QJsonObject Request::toJson() const
{
    QJsonObject o{{"id", id}, {"method", method}};
    if (!params.isEmpty())
        o.insert("params", params);
    return o;
}

bool Request::fromJson(const QJsonObject &o, Request *out, QString *problem)
{
    qint64 id = 0;
    if (!toInt64(o.value("id"), &id)) {
        *problem = QStringLiteral("\"id\" must be an integer");
        return false;
    }
    if (!o.value("method").isString() || o.value("method").toString().isEmpty()) {
        *problem = QStringLiteral("\"method\" must be a non-empty string");
        return false;
    }
    if (o.contains("params") && !o.value("params").isObject()) {
        *problem = QStringLiteral("\"params\" must be an object");
        return false;
    }
    out->id = id;
    out->method = o.value("method").toString();
    out->params = o.value("params").toObject();
    return true;
}

QJsonArray configErrorsToJson(const QVector<ConfigError> &errors)
{
    QJsonArray a;
    for (const ConfigError &e : errors)
        a.append(QJsonObject{{"key", e.key}, {"message", e.message}});
    return a;
}

QVector<ConfigError> configErrorsFromJson(const QJsonArray &a)
{
    QVector<ConfigError> out;
    for (const QJsonValue &v : a)
        out.append({v.toObject().value("key").toString(), v.toObject().value("message").toString()});
    return out;
}

QJsonObject Error::toJson() const
{
    QJsonObject o{{"code", code}, {"message", message}};
    if (!errors.isEmpty())
        o.insert("errors", configErrorsToJson(errors));
    return o;
}

Error Error::fromJson(const QJsonObject &o)
{
    Error e;
    e.code = o.value("code").toString();
    e.message = o.value("message").toString();
    e.errors = configErrorsFromJson(o.value("errors").toArray());
    return e;
}

QJsonObject Reply::toJson() const
{
    QJsonObject o{{"id", id}};
    if (ok)
        o.insert("result", result);
    else
        o.insert("error", error.toJson());
    return o;
}

Reply Reply::fromJson(const QJsonObject &o)
{
    Reply r;
    r.id = int64Or0(o.value("id"));
    r.ok = !o.contains("error");
    r.result = o.value("result").toObject();
    if (!r.ok)
        r.error = Error::fromJson(o.value("error").toObject());
    return r;
}

Reply Reply::success(qint64 id, const QJsonObject &result)
{
    Reply r;
    r.id = id;
    r.result = result;
    return r;
}

Reply Reply::failure(qint64 id, const QString &code, const QString &message, const QVector<ConfigError> &errors)
{
    Reply r;
    r.id = id;
    r.ok = false;
    r.error = {code, message, errors};
    return r;
}

QJsonObject ListenerStatus::toJson() const
{
    return QJsonObject{{"name", name}, {"protocol", protocol}, {"address", address}, {"port", port},
                       {"tls", tls}, {"starttls", starttls}, {"state", state}, {"error", error}};
}

ListenerStatus ListenerStatus::fromJson(const QJsonObject &o)
{
    ListenerStatus l;
    l.name = o.value("name").toString();
    l.protocol = o.value("protocol").toString();
    l.address = o.value("address").toString();
    l.port = o.value("port").toInt();
    l.tls = o.value("tls").toBool();
    l.starttls = o.value("starttls").toBool();
    l.state = o.value("state").toString();
    l.error = o.value("error").toString();
    return l;
}

QJsonObject StatusResult::toJson() const
{
    QJsonArray ls;
    for (const ListenerStatus &l : listeners)
        ls.append(l.toJson());
    return QJsonObject{{"version", version}, {"pid", pid}, {"uptime_seconds", uptimeSeconds},
                       {"config_path", configPath}, {"mail_root", mailRoot}, {"hostname", hostname},
                       {"tls_enabled", tlsEnabled}, {"tls_certificate", tlsCertificate}, {"listeners", ls}};
}

StatusResult StatusResult::fromJson(const QJsonObject &o)
{
    StatusResult s;
    s.version = o.value("version").toString();
    s.pid = int64Or0(o.value("pid"));
    s.uptimeSeconds = int64Or0(o.value("uptime_seconds"));
    s.configPath = o.value("config_path").toString();
    s.mailRoot = o.value("mail_root").toString();
    s.hostname = o.value("hostname").toString();
    s.tlsEnabled = o.value("tls_enabled").toBool();
    s.tlsCertificate = o.value("tls_certificate").toString();
    for (const QJsonValue &v : o.value("listeners").toArray())
        s.listeners.append(ListenerStatus::fromJson(v.toObject()));
    return s;
}

QJsonObject LogRecord::toJson() const
{
    return QJsonObject{{"time", time}, {"level", level}, {"category", category}, {"message", message}};
}

LogRecord LogRecord::fromJson(const QJsonObject &o)
{
    return {o.value("time").toString(), o.value("level").toString(), o.value("category").toString(),
            o.value("message").toString()};
}

QJsonObject event(const QString &name, const QJsonObject &data)
{
    return QJsonObject{{"event", name}, {"data", data}};
}

} // namespace ControlProtocol
