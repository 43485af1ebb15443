#include "diagnoser.h"

#include "certificatecheck.h"
#include "diagnoseprotocol.h"
#include "httpprobe.h"
#include "probesocket.h"

#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonArray>

using namespace DiagnoseProtocol;

namespace {
const QString StartFix = QStringLiteral(
    "start the daemon (`systemctl start postroomd`, or `postroomd --config FILE`) and check `postroomd status`; "
    "if it runs, the log says why this port is not bound (`journalctl -u postroomd`)");

QString connectAddress(const QString &host)
{
    if (host.isEmpty() || host == QLatin1String("0.0.0.0") || host == QLatin1String("*"))
        return QStringLiteral("127.0.0.1");
    if (host == QLatin1String("::"))
        return QStringLiteral("::1");
    return host;
}
} // namespace

QString Diagnoser::Endpoint::label() const
{
    const QString host = address.contains(QLatin1Char(':')) ? QLatin1Char('[') + address + QLatin1Char(']') : address;
    return QStringLiteral("%1 (%2:%3)").arg(name, host).arg(port);
}

Diagnoser::Diagnoser(const Config &config, const DiagnoseOptions &options) : m_config(config), m_options(options)
{
}

DiagnoseReport Diagnoser::run()
{
    checkDaemon();
    checkWhitelist();
    m_endpoints = endpoints();
    for (const Endpoint &e : std::as_const(m_endpoints))
        probeListener(e);
    checkMailFlow();
    checkAutoconfig();
    if (!m_options.skipDns)
        checkDns();
    return m_report;
}

void Diagnoser::checkDaemon()
{
    QJsonObject status;
    QString error;
    if (!controlCall(QStringLiteral("status"), {}, &status, &error)) {
        m_report.fail(QStringLiteral("daemon"), error, StartFix);
        const QString cert = m_config.tls.certFile.isEmpty() ? QDir(m_config.mailRoot).filePath(QStringLiteral("tls/cert.pem"))
                                                             : m_config.tls.certFile;
        m_tls = QFileInfo::exists(cert);
        return;
    }
    m_daemonUp = true;
    m_tls = status.value("tls_enabled").toBool();
    for (const QJsonValue &l : status.value("listeners").toArray())
        m_running.insert(l.toObject().value("name").toString(), l.toObject());
    QString detail = QStringLiteral("postroomd %1 runs as pid %2, TLS %3")
                         .arg(status.value("version").toString())
                         .arg(qint64(status.value("pid").toDouble()))
                         .arg(m_tls ? QStringLiteral("on") : QStringLiteral("off"));
    const QString runningConfig = status.value("config_path").toString();
    if (!runningConfig.isEmpty() && !m_config.sourcePath.isEmpty()
        && QFileInfo(runningConfig).canonicalFilePath() != QFileInfo(m_config.sourcePath).canonicalFilePath()) {
        m_report.warn(QStringLiteral("daemon"), detail + QStringLiteral(", but it was started with %1").arg(runningConfig),
                      QStringLiteral("run diagnose with `--config %1`").arg(runningConfig));
        return;
    }
    if (!m_tls)
        m_report.warn(QStringLiteral("daemon"), detail + QStringLiteral(": passwords travel unencrypted"),
                      QStringLiteral("let the daemon generate a certificate (a writable mail_root) or set tls.cert_file "
                                     "and tls.key_file, then restart"));
    else
        m_report.pass(QStringLiteral("daemon"), detail);
}

void Diagnoser::checkWhitelist()
{
    const QString name = QStringLiteral("rate_limit.whitelist");
    if (!m_config.rateLimit.enabled) {
        m_report.pass(name, QStringLiteral("rate limiting is off (rate_limit.enabled is false)"));
        return;
    }
    const QHostAddress loopback(QHostAddress::LocalHost);
    for (const QString &entry : m_config.rateLimit.whitelist) {
        QPair<QHostAddress, int> subnet;
        if (ConfigValues::parseAddressOrCidr(entry, &subnet) && loopback.isInSubnet(subnet.first, subnet.second)) {
            m_report.pass(name, QStringLiteral("127.0.0.1 is whitelisted (%1)").arg(entry));
            return;
        }
    }
    m_report.fail(name,
                  QStringLiteral("127.0.0.1 is not in rate_limit.whitelist: connections from localhost (this diagnose, "
                                 "webmail or scripts on this machine) are rate-limited and can be refused or locked out"),
                  QStringLiteral("add \"127.0.0.1\" (and \"::1\") to rate_limit.whitelist in %1, then run `postroomd reload`")
                      .arg(m_config.sourcePath.isEmpty() ? QStringLiteral("config.json") : m_config.sourcePath));
}

QVector<Diagnoser::Endpoint> Diagnoser::endpoints() const
{
    const QString smtp = connectAddress(m_config.smtp.host);
    const QString imap = connectAddress(m_config.imap.host);
    const QString api = connectAddress(m_config.api.host);
    QVector<Endpoint> list = {
        {QStringLiteral("smtp"), QStringLiteral("smtp"), smtp, m_config.smtp.port, false, m_tls},
        {QStringLiteral("submission"), QStringLiteral("smtp"), smtp, m_config.smtp.submissionPort, false, m_tls},
        {QStringLiteral("imap"), QStringLiteral("imap"), imap, m_config.imap.port, false, m_tls},
        {QStringLiteral("http"), QStringLiteral("api"), api, m_config.api.port, false, false},
    };
    if (m_tls) {
        list.insert(2, {QStringLiteral("smtps"), QStringLiteral("smtp"), smtp, m_config.smtp.smtpsPort, true, false});
        list.insert(4, {QStringLiteral("imaps"), QStringLiteral("imap"), imap, m_config.imap.imapsPort, true, false});
        list.append({QStringLiteral("https"), QStringLiteral("api"), api, m_config.api.securePort, true, false});
    }
    QVector<Endpoint> enabled;
    for (const Endpoint &e : list) {
        if (e.port > 0)
            enabled.append(e);
    }
    return enabled;
}

const Diagnoser::Endpoint *Diagnoser::endpoint(const QString &name) const
{
    for (const Endpoint &e : m_endpoints) {
        if (e.name == name)
            return &e;
    }
    return nullptr;
}

bool Diagnoser::openSocket(ProbeSocket &socket, const Endpoint &e, QString *error)
{
    if (!socket.connectTo(e.address, e.port, e.implicitTls, error))
        return false;
    if (e.implicitTls)
        noteCertificate(socket, e);
    return true;
}

void Diagnoser::noteCertificate(const ProbeSocket &socket, const Endpoint &e)
{
    if (m_certificateChecked)
        return;
    m_certificateChecked = true;
    CertificateCheck::check(socket.peerCertificate(), socket.sslErrors(), m_config.hostname, e.label(), &m_report);
}

void Diagnoser::probeListener(const Endpoint &e)
{
    QString detail, fix;
    bool ok = false;
    if (e.protocol == QLatin1String("smtp"))
        ok = probeSmtp(e, &detail, &fix);
    else if (e.protocol == QLatin1String("imap"))
        ok = probeImap(e, &detail, &fix);
    else
        ok = probeHttp(e, &detail, &fix);
    m_answered.insert(e.name, ok);
    if (ok) {
        m_report.pass(e.label(), detail);
        return;
    }
    // What the daemon itself says about this listener explains most failures.
    const QJsonObject running = m_running.value(e.name);
    if (!running.isEmpty() && running.value("state").toString() == QLatin1String("failed")) {
        detail += QStringLiteral("; the daemon reports: %1").arg(running.value("error").toString());
        fix = QStringLiteral("free the port or change it in config.json, then run `postroomd reload`");
    } else if (!running.isEmpty() && running.value("port").toInt() != e.port) {
        detail += QStringLiteral("; the daemon listens on port %1 instead").arg(running.value("port").toInt());
        fix = QStringLiteral("config.json changed since the daemon loaded it: run `postroomd reload`");
    }
    m_report.fail(e.label(), detail, fix.isEmpty() ? StartFix : fix);
}

bool Diagnoser::probeSmtp(const Endpoint &e, QString *detail, QString *fix)
{
    ProbeSocket s(m_config.hostname);
    QString error;
    int code = 0;
    QStringList lines, keywords;
    if (!openSocket(s, e, &error) || !smtpReply(s, &code, &lines, &error)) {
        *detail = error;
        return false;
    }
    const QString banner = QStringLiteral("%1 %2").arg(code).arg(lines.value(0));
    if (code != 220) {
        *detail = QStringLiteral("the greeting is \"%1\", not 220").arg(banner);
        *fix = QStringLiteral("another program may own this port (`ss -ltnp`); stop it or change the port in config.json");
        return false;
    }
    if (!smtpEhlo(s, &keywords, &error)) {
        *detail = QStringLiteral("greets \"%1\" but %2").arg(banner, error);
        return false;
    }
    *detail = QStringLiteral("greets \"%1\"").arg(banner);
    if (!banner.contains(m_config.hostname, Qt::CaseInsensitive))
        *detail += QStringLiteral(" (without the hostname %1)").arg(m_config.hostname);
    const bool needsAuth = e.name != QLatin1String("smtp");
    if (e.starttls) {
        if (!hasKeyword(keywords, QStringLiteral("STARTTLS"))) {
            *detail += QStringLiteral("; EHLO does not offer STARTTLS");
            *fix = QStringLiteral("check the TLS lines in the log; restart postroomd");
            return false;
        }
        if (!smtpCommand(s, "STARTTLS", &code, &lines, &error) || code != 220 || !s.startTls(&error)) {
            *detail += QStringLiteral("; STARTTLS failed: %1").arg(error.isEmpty() ? lines.join(QLatin1Char(' ')) : error);
            *fix = QStringLiteral("check tls.cert_file and tls.key_file and the TLS lines in the log");
            return false;
        }
        noteCertificate(s, e);
        if (!smtpEhlo(s, &keywords, &error)) {
            *detail += QStringLiteral("; after STARTTLS: %1").arg(error);
            return false;
        }
        *detail += QStringLiteral("; STARTTLS works (%1)").arg(s.protocolName());
    } else if (e.implicitTls) {
        *detail += QStringLiteral(" over %1").arg(s.protocolName());
    }
    *detail += QStringLiteral("; EHLO offers %1").arg(keywords.join(QStringLiteral(", ")));
    if (needsAuth && !hasKeyword(keywords, QStringLiteral("AUTH"))) {
        *detail += QStringLiteral("; no AUTH is offered, so mail clients cannot log in");
        *fix = QStringLiteral("check the SMTP lines in the log");
        return false;
    }
    smtpCommand(s, "QUIT", &code, &lines, &error);
    return true;
}

bool Diagnoser::probeImap(const Endpoint &e, QString *detail, QString *fix)
{
    ProbeSocket s(m_config.hostname);
    QString error;
    QByteArray greeting, status;
    QList<QByteArray> untagged;
    if (!openSocket(s, e, &error) || !s.readLine(&greeting, &error)) {
        *detail = error;
        return false;
    }
    if (!greeting.startsWith("* OK")) {
        *detail = QStringLiteral("the greeting is \"%1\", not \"* OK\"").arg(QString::fromUtf8(greeting.left(200)));
        *fix = QStringLiteral("another program may own this port (`ss -ltnp`); stop it or change imap.port");
        return false;
    }
    *detail = QStringLiteral("greets \"%1\"").arg(QString::fromUtf8(greeting.left(120)));
    auto capability = [&](QByteArray tag, QString *caps) {
        if (!imapCommand(s, tag, "CAPABILITY", &untagged, &status, &error) || !status.startsWith("OK"))
            return false;
        for (const QByteArray &u : std::as_const(untagged)) {
            if (u.startsWith("* CAPABILITY "))
                *caps = QString::fromUtf8(u.mid(13)).toUpper();
        }
        return caps->contains(QLatin1String("IMAP4REV1"));
    };
    QString caps;
    if (!capability("d1", &caps)) {
        *detail += QStringLiteral("; CAPABILITY failed or lacks IMAP4rev1: %1").arg(error.isEmpty() ? QString::fromUtf8(status) : error);
        return false;
    }
    const QStringList words = caps.split(QLatin1Char(' '));
    if (e.starttls) {
        if (!words.contains(QLatin1String("STARTTLS"))) {
            *detail += QStringLiteral("; CAPABILITY does not offer STARTTLS");
            return false;
        }
        if (!imapCommand(s, "d2", "STARTTLS", nullptr, &status, &error) || !status.startsWith("OK") || !s.startTls(&error)) {
            *detail += QStringLiteral("; STARTTLS failed: %1").arg(error.isEmpty() ? QString::fromUtf8(status) : error);
            *fix = QStringLiteral("check tls.cert_file and tls.key_file and the TLS lines in the log");
            return false;
        }
        noteCertificate(s, e);
        if (!capability("d3", &caps)) {
            *detail += QStringLiteral("; CAPABILITY after STARTTLS failed: %1").arg(error);
            return false;
        }
        *detail += QStringLiteral("; STARTTLS works (%1)").arg(s.protocolName());
    } else if (e.implicitTls) {
        *detail += QStringLiteral(" over %1").arg(s.protocolName());
    }
    *detail += QStringLiteral("; CAPABILITY %1").arg(caps);
    if ((e.implicitTls || e.starttls || !m_tls) && caps.contains(QLatin1String("LOGINDISABLED"))) {
        *detail += QStringLiteral("; LOGIN is disabled even over TLS");
        return false;
    }
    imapCommand(s, "d9", "LOGOUT", nullptr, &status, &error);
    return true;
}

bool Diagnoser::probeHttp(const Endpoint &e, QString *detail, QString *fix)
{
    ProbeSocket s(m_config.hostname);
    QString error;
    if (!openSocket(s, e, &error)) {
        *detail = error;
        return false;
    }
    const HttpProbeResult r = HttpProbe::request(s, "GET", "/healthz", m_config.hostname);
    if (r.status != 200 || !r.body.contains("ok")) {
        *detail = r.status == 0 ? r.error
                                : QStringLiteral("GET /healthz answered %1: %2").arg(r.status).arg(QString::fromUtf8(r.body.left(200)));
        *fix = QStringLiteral("another program may own this port (`ss -ltnp`); check the api lines in the log");
        return false;
    }
    *detail = QStringLiteral("GET /healthz answers 200 %1").arg(QString::fromUtf8(r.body.trimmed().left(100)));
    if (e.implicitTls)
        *detail += QStringLiteral(" over %1").arg(s.protocolName());
    return true;
}
