#include "config.h"

#include "atomicfile.h"
#include "configschema.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace ConfigValues {

QJsonValue valueAt(const QJsonObject &document, const QString &path)
{
    const QStringList parts = path.split(QLatin1Char('.'));
    QJsonValue current = document;
    for (const QString &part : parts) {
        if (!current.isObject())
            return QJsonValue(QJsonValue::Undefined);
        current = current.toObject().value(part);
    }
    return current;
}

void setValueAt(QJsonObject &document, const QString &path, const QJsonValue &value)
{
    const int dot = path.indexOf(QLatin1Char('.'));
    if (dot < 0) {
        document.insert(path, value);
        return;
    }
    const QString head = path.left(dot);
    QJsonObject child = document.value(head).toObject();
    setValueAt(child, path.mid(dot + 1), value);
    document.insert(head, child);
}

QString describeJsonValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: return QString::number(value.toDouble(), 'g', 17);
    case QJsonValue::String: {
        QString s = value.toString();
        if (s.size() > 60)
            s = s.left(57) + QStringLiteral("...");
        return QLatin1Char('"') + s + QLatin1Char('"');
    }
    case QJsonValue::Array: return QStringLiteral("a list");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: return QStringLiteral("nothing");
    }
    return QString();
}

bool isValidDomain(const QString &text)
{
    static const QRegularExpression label(QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$"));
    QString t = text;
    if (t.endsWith(QLatin1Char('.')))
        t.chop(1);
    if (t.isEmpty() || t.size() > 253)
        return false;
    const QStringList labels = t.split(QLatin1Char('.'));
    for (const QString &l : labels)
        if (!label.match(l).hasMatch())
            return false;
    return true;
}

bool isValidHostPort(const QString &text)
{
    QString host;
    QString port;
    if (text.startsWith(QLatin1Char('['))) { // [v6]:port
        const int close = text.indexOf(QLatin1String("]:"));
        if (close < 0)
            return false;
        host = text.mid(1, close - 1);
        port = text.mid(close + 2);
        if (QHostAddress(host).protocol() != QAbstractSocket::IPv6Protocol)
            return false;
    } else {
        const int colon = text.lastIndexOf(QLatin1Char(':'));
        if (colon <= 0)
            return false;
        host = text.left(colon);
        port = text.mid(colon + 1);
        if (!isValidDomain(host) && QHostAddress(host).isNull())
            return false;
    }
    bool ok = false;
    const int p = port.toInt(&ok);
    return ok && p >= 1 && p <= 65535;
}

bool parseAddressOrCidr(const QString &text, QPair<QHostAddress, int> *out)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return false;
    if (t.contains(QLatin1Char('/'))) {
        const QPair<QHostAddress, int> subnet = QHostAddress::parseSubnet(t);
        if (subnet.first.isNull() || subnet.second < 0)
            return false;
        if (out)
            *out = subnet;
        return true;
    }
    QHostAddress a(t);
    if (a.isNull())
        return false;
    if (out)
        *out = qMakePair(a, a.protocol() == QAbstractSocket::IPv6Protocol ? 128 : 32);
    return true;
}

static bool isIntegral(const QJsonValue &v, qint64 *out)
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    // Out of qint64's range the cast below would be undefined behaviour (1e300).
    if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0) || d != double(qint64(d)))
        return false;
    *out = qint64(d);
    return true;
}

QString checkValue(const QString &path, const QJsonValue &value)
{
    const ConfigKeyInfo *key = ConfigSchema::find(path);
    if (!key)
        return QStringLiteral("unknown key");
    using K = ConfigValueKind;
    const QString expected = QStringLiteral("expected %1, got %2").arg(ConfigSchema::expectation(*key), describeJsonValue(value));
    switch (key->kind) {
    case K::String:
        return value.isString() && !value.toString().trimmed().isEmpty() ? QString() : expected;
    case K::NullableString:
        if (value.isNull())
            return QString();
        return value.isString() && !value.toString().trimmed().isEmpty() ? QString() : expected;
    case K::NullableSecret:
        if (value.isNull())
            return QString();
        return value.isString() && value.toString().size() >= key->minimum && value.toString().size() <= key->maximum
                   ? QString() : expected;
    case K::Hostname:
        return value.isString() && isValidDomain(value.toString()) ? QString() : expected;
    case K::BindAddress: {
        if (!value.isString())
            return expected;
        const QString s = value.toString();
        if (s == QLatin1String("localhost") || !QHostAddress(s).isNull())
            return QString();
        return expected;
    }
    case K::Port:
    case K::Integer: {
        qint64 n = 0;
        if (!isIntegral(value, &n) || n < key->minimum || n > key->maximum)
            return expected;
        return QString();
    }
    case K::Boolean:
        return value.isBool() ? QString() : expected;
    case K::DomainList: {
        if (!value.isArray())
            return expected;
        const QJsonArray a = value.toArray();
        for (int i = 0; i < a.size(); ++i)
            if (!a.at(i).isString() || !isValidDomain(a.at(i).toString()))
                return QStringLiteral("entry %1: expected a domain name such as example.com, got %2")
                    .arg(i).arg(describeJsonValue(a.at(i)));
        return QString();
    }
    case K::AddressOrCidrList: {
        if (!value.isArray())
            return expected;
        const QJsonArray a = value.toArray();
        for (int i = 0; i < a.size(); ++i)
            if (!a.at(i).isString() || !parseAddressOrCidr(a.at(i).toString(), nullptr))
                return QStringLiteral("entry %1: expected an IP address or CIDR range such as 10.0.0.0/8, got %2")
                    .arg(i).arg(describeJsonValue(a.at(i)));
        return QString();
    }
    case K::Choice:
        if (value.isString())
            for (const QString &c : key->choices)
                if (c.compare(value.toString(), Qt::CaseInsensitive) == 0)
                    return QString();
        return expected;
    case K::NullableHostPort:
        if (value.isNull())
            return QString();
        return value.isString() && isValidHostPort(value.toString()) ? QString() : expected;
    case K::RouteMap: {
        if (!value.isObject())
            return expected;
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!isValidDomain(it.key()))
                return QStringLiteral("route \"%1\": not a domain name").arg(it.key());
            if (!it.value().isString() || !isValidHostPort(it.value().toString()))
                return QStringLiteral("route \"%1\": expected \"host:port\", got %2").arg(it.key(), describeJsonValue(it.value()));
        }
        return QString();
    }
    }
    return QString();
}

} // namespace ConfigValues

using namespace ConfigValues;

bool Config::isLocalDomain(const QString &domain) const
{
    QString d = domain.toLower();
    if (d.endsWith(QLatin1Char('.')))
        d.chop(1);
    return domains.contains(d);
}

QJsonObject Config::defaultDocument()
{
    QJsonObject doc;
    for (const ConfigKeyInfo &k : ConfigSchema::keys())
        setValueAt(doc, k.path, k.defaultValue);
    return doc;
}

QByteArray Config::defaultDocumentBytes()
{
    return QJsonDocument(defaultDocument()).toJson(QJsonDocument::Indented);
}

static void collectUnknown(const QJsonObject &object, const QString &prefix, QStringList *warnings, QVector<ConfigError> *errors)
{
    const QStringList sections = ConfigSchema::sections();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString path = prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key();
        if (ConfigSchema::find(path))
            continue;
        if (prefix.isEmpty() && sections.contains(it.key())) {
            if (!it.value().isObject()) {
                errors->append({path, QStringLiteral("expected an object with the %1 settings, got %2")
                                          .arg(it.key(), describeJsonValue(it.value()))});
                continue;
            }
            collectUnknown(it.value().toObject(), path, warnings, errors);
            continue;
        }
        warnings->append(QStringLiteral("%1: unknown key, kept in the file but ignored").arg(path));
    }
}

bool Config::fromJson(const QJsonObject &object, const QString &baseDir, Config *out, QVector<ConfigError> *errors)
{
    QVector<ConfigError> found;
    Config c;
    collectUnknown(object, QString(), &c.warnings, &found);

    // Merge: the file's values over the defaults, unknown keys kept as they are.
    QJsonObject merged = object;
    for (const ConfigKeyInfo &k : ConfigSchema::keys()) {
        const QJsonValue v = valueAt(object, k.path);
        if (v.isUndefined()) {
            // A section that is not an object was already reported; do not overwrite it.
            const int dot = k.path.indexOf(QLatin1Char('.'));
            if (dot > 0 && object.contains(k.path.left(dot)) && !object.value(k.path.left(dot)).isObject())
                continue;
            setValueAt(merged, k.path, k.defaultValue);
            continue;
        }
        const QString problem = checkValue(k.path, v);
        if (!problem.isEmpty())
            found.append({k.path, problem});
    }
    const QJsonValue cert = valueAt(object, QStringLiteral("tls.cert_file"));
    const QJsonValue keyFile = valueAt(object, QStringLiteral("tls.key_file"));
    if (cert.isString() != keyFile.isString() && found.isEmpty())
        found.append({cert.isString() ? QStringLiteral("tls.key_file") : QStringLiteral("tls.cert_file"),
                      QStringLiteral("tls.cert_file and tls.key_file must be set together (or both null)")});

    if (!found.isEmpty()) {
        if (errors)
            *errors = found;
        return false;
    }

    auto str = [&](const char *p) { return valueAt(merged, QString::fromLatin1(p)).toString(); };
    auto num = [&](const char *p) { return qint64(valueAt(merged, QString::fromLatin1(p)).toDouble()); };
    auto list = [&](const char *p) {
        QStringList l;
        for (const QJsonValue &v : valueAt(merged, QString::fromLatin1(p)).toArray())
            l << v.toString();
        return l;
    };
    auto absolute = [&](const QString &p) {
        if (p.isEmpty())
            return p;
        return QDir::cleanPath(QDir(baseDir).absoluteFilePath(p));
    };

    c.hostname = str("hostname").toLower();
    if (c.hostname.endsWith(QLatin1Char('.')))
        c.hostname.chop(1);
    c.mailRoot = absolute(str("mail_root"));
    for (QString d : list("domains")) {
        d = d.toLower();
        if (d.endsWith(QLatin1Char('.')))
            d.chop(1);
        if (!c.domains.contains(d))
            c.domains << d;
    }
    c.logLevel = str("log_level").toUpper();
    if (c.logLevel == QLatin1String("WARN"))
        c.logLevel = QStringLiteral("WARNING");
    c.controlSocket = str("control_socket").isEmpty() ? QDir(c.mailRoot).filePath(QStringLiteral("control.sock"))
                                                      : absolute(str("control_socket"));
    c.runAs = str("run_as");

    c.smtp.host = str("smtp.host");
    c.smtp.port = int(num("smtp.port"));
    c.smtp.submissionPort = int(num("smtp.submission_port"));
    c.smtp.smtpsPort = int(num("smtp.smtps_port"));
    c.smtp.maxMessageSize = num("smtp.max_message_size");
    c.smtp.maxRecipients = int(num("smtp.max_recipients"));
    c.smtp.maxConnections = int(num("smtp.max_connections"));
    c.smtp.maxMessagesPerConnection = int(num("smtp.max_messages_per_connection"));
    c.smtp.commandTimeout = int(num("smtp.command_timeout"));
    c.smtp.dataTimeout = int(num("smtp.data_timeout"));

    c.imap.host = str("imap.host");
    c.imap.port = int(num("imap.port"));
    c.imap.imapsPort = int(num("imap.imaps_port"));
    c.imap.maxConnections = int(num("imap.max_connections"));
    c.imap.autologoutTimeout = int(num("imap.autologout_timeout"));

    c.api.host = str("exchange_api.host");
    c.api.port = int(num("exchange_api.port"));
    c.api.securePort = int(num("exchange_api.secure_port"));
    c.api.tokenSecret = str("exchange_api.token_secret");
    c.api.idleTimeout = int(num("exchange_api.idle_timeout"));

    c.delivery.workers = int(num("delivery.workers"));
    c.delivery.relayHost = str("delivery.relay_host");
    c.delivery.relaySecurity = str("delivery.relay_security").toLower();
    c.delivery.relayUsername = str("delivery.relay_username");
    c.delivery.relayPassword = str("delivery.relay_password");
    const QJsonObject routes = valueAt(merged, QStringLiteral("delivery.routes")).toObject();
    for (auto it = routes.begin(); it != routes.end(); ++it) {
        QString d = it.key().toLower();
        if (d.endsWith(QLatin1Char('.')))
            d.chop(1);
        c.delivery.routes.insert(d, it.value().toString());
    }
    c.delivery.maxQueueLifetime = num("delivery.max_queue_lifetime");

    c.tls.certFile = absolute(str("tls.cert_file"));
    c.tls.keyFile = absolute(str("tls.key_file"));

    RateLimitConfig &r = c.rateLimit;
    r.enabled = valueAt(merged, QStringLiteral("rate_limit.enabled")).toBool();
    r.connectionRate = int(num("rate_limit.connection_rate"));
    r.connectionPeriod = int(num("rate_limit.connection_period"));
    r.messageRate = int(num("rate_limit.message_rate"));
    r.messagePeriod = int(num("rate_limit.message_period"));
    r.recipientRate = int(num("rate_limit.recipient_rate"));
    r.recipientPeriod = int(num("rate_limit.recipient_period"));
    r.authFailureLimit = int(num("rate_limit.auth_failure_limit"));
    r.authFailureLockout = int(num("rate_limit.auth_failure_lockout"));
    r.maxConcurrentPerIp = int(num("rate_limit.max_concurrent_per_ip"));
    r.whitelist = list("rate_limit.whitelist");
    r.maxTrackedIps = int(num("rate_limit.max_tracked_ips"));
    r.cleanupInterval = int(num("rate_limit.cleanup_interval"));

    c.document = merged;
    *out = c;
    return true;
}

bool Config::fromJsonBytes(const QByteArray &bytes, const QString &baseDir, Config *out, QVector<ConfigError> *errors)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // Point at line and column: admins edit this file by hand.
        const QByteArray before = bytes.left(parseError.offset);
        const int line = before.count('\n') + 1;
        const int column = parseError.offset - (before.lastIndexOf('\n') + 1) + 1;
        if (errors)
            *errors = {{QString(), QStringLiteral("invalid JSON at line %1, column %2: %3")
                                       .arg(line).arg(column).arg(parseError.errorString())}};
        return false;
    }
    if (!doc.isObject()) {
        if (errors)
            *errors = {{QString(), QStringLiteral("expected a JSON object at the top level")}};
        return false;
    }
    return fromJson(doc.object(), baseDir, out, errors);
}

bool Config::loadFile(const QString &path, Config *out, QVector<ConfigError> *errors)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (errors)
            *errors = {{QString(), QStringLiteral("cannot read %1: %2").arg(path, f.errorString())}};
        return false;
    }
    const QByteArray bytes = f.readAll();
    const QFileInfo info(path);
    if (!fromJsonBytes(bytes, info.absolutePath(), out, errors))
        return false;
    out->sourcePath = info.absoluteFilePath();
    return true;
}

bool Config::saveDocument(const QString &path, const QJsonObject &document, QString *error)
{
    return AtomicFile::write(path, QJsonDocument(document).toJson(QJsonDocument::Indented), error);
}
