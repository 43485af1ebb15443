// The mail-flow part of diagnose: AUTH on submission, a message to the account itself,
// read back over IMAP and the API, then the throwaway account is removed.
#include "diagnoser.h"

#include "controlclient.h"
#include "controlprotocol.h"
#include "diagnoseprotocol.h"
#include "httpprobe.h"
#include "probesocket.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QThread>

using namespace DiagnoseProtocol;

namespace {
constexpr int ControlTimeoutMs = 30000;

QString randomHex(int bytes)
{
    QByteArray b(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(b.data()), bytes / 4);
    return QString::fromLatin1(b.toHex());
}
} // namespace

bool Diagnoser::controlCall(const QString &method, const QJsonObject &params, QJsonObject *result, QString *error)
{
    ControlProtocol::Reply reply;
    if (ControlClient::call(m_config.controlSocket, method, params, &reply, error, ControlTimeoutMs)
        != ControlClient::Result::Ok)
        return false;
    if (!reply.ok) {
        *error = reply.error.message;
        return false;
    }
    *result = reply.result;
    return true;
}

bool Diagnoser::createAccount(QString *address, QString *password)
{
    const QString name = QStringLiteral("account");
    if (!m_options.user.isEmpty()) {
        *address = m_options.user;
        *password = m_options.password;
        m_report.pass(name, QStringLiteral("using the account %1 given on the command line").arg(*address));
        return true;
    }
    if (m_config.domains.isEmpty()) {
        m_report.fail(name, QStringLiteral("no domains are configured, so no mailbox can be tested"),
                      QStringLiteral("add your mail domain to `domains` in config.json and run `postroomd reload`"));
        return false;
    }
    *address = QStringLiteral("postroom-diagnose-%1@%2").arg(randomHex(4), m_config.domains.first());
    *password = randomHex(16);
    QJsonObject result;
    QString error;
    if (!controlCall(QStringLiteral("user.add"),
                     QJsonObject{{"address", *address}, {"password", *password}, {"display_name", "postroomd diagnose"}},
                     &result, &error)) {
        m_report.fail(name, QStringLiteral("cannot create the throwaway account %1: %2").arg(*address, error),
                      QStringLiteral("start postroomd, or run diagnose with `--user ADDRESS --password-stdin`"));
        return false;
    }
    m_report.pass(name, QStringLiteral("created the throwaway account %1 (removed at the end)").arg(*address));
    return true;
}

void Diagnoser::removeAccount(const QString &address)
{
    QJsonObject result;
    QString error;
    if (!controlCall(QStringLiteral("user.remove"), QJsonObject{{"address", address}, {"delete_mail", true}}, &result, &error))
        m_report.warn(QStringLiteral("cleanup"), QStringLiteral("could not remove %1: %2").arg(address, error),
                      QStringLiteral("remove it with `postroomd user remove %1 --delete-mail`").arg(address));
}

void Diagnoser::checkMailFlow()
{
    const Endpoint *submission = m_answered.value(QStringLiteral("submission")) ? endpoint(QStringLiteral("submission")) : nullptr;
    if (!submission && m_answered.value(QStringLiteral("smtps")))
        submission = endpoint(QStringLiteral("smtps"));
    if (!submission || !(m_answered.value(QStringLiteral("imap")) || m_answered.value(QStringLiteral("imaps")))) {
        m_report.fail(QStringLiteral("mail flow"),
                      QStringLiteral("skipped: the submission and IMAP listeners must answer first"),
                      QStringLiteral("fix the listener checks above"));
        return;
    }
    QString address, password;
    if (!createAccount(&address, &password))
        return;
    const QByteArray token = "postroom-diagnose-" + randomHex(8).toLatin1();
    if (submitMessage(*submission, address, password, token))
        readBackOverImapAndApi(address, password, token);
    if (m_options.user.isEmpty())
        removeAccount(address);
}

bool Diagnoser::submitMessage(const Endpoint &e, const QString &address, const QString &password, const QByteArray &token)
{
    ProbeSocket s(m_config.hostname);
    QString error;
    int code = 0;
    QStringList lines, keywords;
    const QString authName = QStringLiteral("auth %1").arg(e.name);
    auto failed = [&](const QString &name, const QString &what, const QString &fix) {
        m_report.fail(name, what, fix);
        return false;
    };
    if (!s.connectTo(e.address, e.port, e.implicitTls, &error) || !smtpReply(s, &code, &lines, &error)
        || !smtpEhlo(s, &keywords, &error))
        return failed(authName, error, QStringLiteral("see the listener checks above"));
    if (e.starttls && (!smtpCommand(s, "STARTTLS", &code, &lines, &error) || code != 220 || !s.startTls(&error)
                       || !smtpEhlo(s, &keywords, &error)))
        return failed(authName, QStringLiteral("STARTTLS failed: %1").arg(error), QStringLiteral("see the TLS checks above"));
    const QByteArray plain = QByteArray("\0", 1) + address.toUtf8() + QByteArray("\0", 1) + password.toUtf8();
    if (!smtpCommand(s, "AUTH PLAIN " + plain.toBase64(), &code, &lines, &error) || code != 235) {
        return failed(authName,
                      QStringLiteral("AUTH PLAIN for %1 was refused: %2 %3").arg(address).arg(code).arg(error.isEmpty() ? lines.join(QLatin1Char(' ')) : error),
                      QStringLiteral("check the password (`postroomd user passwd %1`) and that the account is enabled "
                                     "(`postroomd user show %1`); after rate_limit.auth_failure_limit failures an address "
                                     "is locked out for rate_limit.auth_failure_lockout seconds").arg(address));
    }
    m_report.pass(authName, QStringLiteral("AUTH PLAIN accepted for %1 on %2").arg(address, e.label()));

    const QString name = QStringLiteral("submission");
    const QByteArray from = address.toUtf8();
    if (!smtpCommand(s, "MAIL FROM:<" + from + ">", &code, &lines, &error) || code != 250
        || !smtpCommand(s, "RCPT TO:<" + from + ">", &code, &lines, &error) || code != 250
        || !smtpCommand(s, "DATA", &code, &lines, &error) || code != 354)
        return failed(name, QStringLiteral("the message was refused: %1 %2").arg(code).arg(error.isEmpty() ? lines.join(QLatin1Char(' ')) : error),
                      QStringLiteral("read the smtp lines of the log for this time"));
    const QByteArray message = "From: <" + from + ">\r\nTo: <" + from + ">\r\nSubject: " + token
                               + "\r\nDate: " + QDateTime::currentDateTime().toString(Qt::RFC2822Date).toLatin1()
                               + "\r\nMessage-ID: <" + token + "@diagnose.invalid>\r\n"
                               + "\r\nThis message was sent by `postroomd diagnose`. You may delete it.\r\n"
                               + token + "\r\n.\r\n";
    if (!s.write(message) || !smtpReply(s, &code, &lines, &error) || code != 250)
        return failed(name, QStringLiteral("the message was not accepted: %1 %2").arg(code).arg(error.isEmpty() ? lines.join(QLatin1Char(' ')) : error),
                      QStringLiteral("check free disk space under mail_root and the queue lines in the log"));
    m_report.pass(name, QStringLiteral("a test message was accepted: %1").arg(lines.join(QLatin1Char(' '))));
    smtpCommand(s, "QUIT", &code, &lines, &error);
    return true;
}

void Diagnoser::readBackOverImapAndApi(const QString &address, const QString &password, const QByteArray &token)
{
    const bool useImaps = m_answered.value(QStringLiteral("imaps"));
    const Endpoint *e = endpoint(useImaps ? QStringLiteral("imaps") : QStringLiteral("imap"));
    ProbeSocket s(m_config.hostname);
    QString error;
    QByteArray greeting, status;
    QList<QByteArray> untagged;
    const QString authName = QStringLiteral("auth %1").arg(e->name);
    if (!s.connectTo(e->address, e->port, e->implicitTls, &error) || !s.readLine(&greeting, &error)
        || (e->starttls && (!imapCommand(s, "t1", "STARTTLS", nullptr, &status, &error) || !s.startTls(&error)))) {
        m_report.fail(authName, error, QStringLiteral("see the listener checks above"));
        return;
    }
    if (!imapCommand(s, "t2", "LOGIN " + imapQuoted(address) + ' ' + imapQuoted(password), nullptr, &status, &error)
        || !status.startsWith("OK")) {
        m_report.fail(authName, QStringLiteral("LOGIN for %1 failed: %2").arg(address, error.isEmpty() ? QString::fromUtf8(status) : error),
                      QStringLiteral("check the password (`postroomd user passwd %1`) and the imap lines in the log").arg(address));
        return;
    }
    m_report.pass(authName, QStringLiteral("LOGIN accepted for %1 on %2").arg(address, e->label()));

    // Poll until the queue has delivered it (bounded by DeliveryTimeoutMs).
    const QString name = QStringLiteral("delivery");
    QElapsedTimer timer;
    timer.start();
    QByteArray uid;
    int round = 0;
    while (uid.isEmpty() && timer.elapsed() < DeliveryTimeoutMs) {
        const QByteArray tag = "s" + QByteArray::number(++round);
        if (!imapCommand(s, tag, "EXAMINE INBOX", nullptr, &status, &error)
            || !imapCommand(s, tag + "x", "UID SEARCH SUBJECT " + token, &untagged, &status, &error)) {
            m_report.fail(name, QStringLiteral("IMAP stopped answering: %1").arg(error), QStringLiteral("read the imap lines in the log"));
            return;
        }
        for (const QByteArray &u : std::as_const(untagged)) {
            if (u.startsWith("* SEARCH "))
                uid = u.mid(9).split(' ').value(0).trimmed();
        }
        if (uid.isEmpty())
            QThread::msleep(PollIntervalMs);
    }
    const double seconds = timer.elapsed() / 1000.0;
    if (uid.isEmpty()) {
        m_report.fail(name, QStringLiteral("the test message did not arrive in %1's INBOX within %2 s").arg(address).arg(DeliveryTimeoutMs / 1000),
                      QStringLiteral("look at `postroomd queue list` and the queue lines in the log"));
        return;
    }
    if (!imapCommand(s, "f1", "UID FETCH " + uid + " BODY.PEEK[]", &untagged, &status, &error) || !status.startsWith("OK")
        || !untagged.join('\n').contains("This message was sent by `postroomd diagnose`")) {
        m_report.fail(name, QStringLiteral("the message arrived but could not be read back: %1").arg(error.isEmpty() ? QString::fromUtf8(status) : error),
                      QStringLiteral("read the imap and store lines in the log"));
        return;
    }
    m_report.pass(name, QStringLiteral("the message arrived in INBOX after %1 s and was read back over IMAP").arg(seconds, 0, 'f', 1));
    readBackOverApi(address, password, token);
    // With the admin's own account, take the test message out again (only it: UID EXPUNGE).
    if (!m_options.user.isEmpty() && imapCommand(s, "c1", "SELECT INBOX", nullptr, &status, &error)) {
        imapCommand(s, "c2", "UID STORE " + uid + " +FLAGS.SILENT (\\Deleted)", nullptr, &status, &error);
        imapCommand(s, "c3", "UID EXPUNGE " + uid, nullptr, &status, &error);
    }
    imapCommand(s, "z", "LOGOUT", nullptr, &status, &error);
}

void Diagnoser::readBackOverApi(const QString &address, const QString &password, const QByteArray &token)
{
    const QString name = QStringLiteral("api");
    const Endpoint *e = endpoint(QStringLiteral("http"));
    if (!m_answered.value(QStringLiteral("http")) || !e) {
        m_report.warn(name, QStringLiteral("skipped: the HTTP API listener does not answer"),
                      QStringLiteral("fix the http listener check above"));
        return;
    }
    QString error;
    ProbeSocket s1(m_config.hostname);
    if (!s1.connectTo(e->address, e->port, false, &error)) {
        m_report.fail(name, error, QStringLiteral("see the http listener check"));
        return;
    }
    const QByteArray login = QJsonDocument(QJsonObject{{"username", address}, {"password", password}}).toJson(QJsonDocument::Compact);
    const HttpProbeResult t = HttpProbe::request(s1, "POST", "/api/v1/auth/token", m_config.hostname,
                                                 {{"Content-Type", "application/json"}}, login);
    const QString accessToken = QJsonDocument::fromJson(t.body).object().value("access_token").toString();
    if (t.status != 200 || accessToken.isEmpty()) {
        m_report.fail(name, QStringLiteral("POST /api/v1/auth/token answered %1 %2").arg(t.status).arg(t.error.isEmpty() ? QString::fromUtf8(t.body.left(200)) : t.error),
                      QStringLiteral("read the api lines in the log"));
        return;
    }
    ProbeSocket s2(m_config.hostname);
    if (!s2.connectTo(e->address, e->port, false, &error)) {
        m_report.fail(name, error, QStringLiteral("see the http listener check"));
        return;
    }
    const HttpProbeResult m = HttpProbe::request(s2, "GET", "/api/v1/me/messages?$select=subject&$top=100", m_config.hostname,
                                                 {{"Authorization", "Bearer " + accessToken.toLatin1()}});
    bool found = false;
    for (const QJsonValue &v : QJsonDocument::fromJson(m.body).object().value("value").toArray())
        found = found || v.toObject().value("subject").toString().toLatin1() == token;
    if (m.status != 200 || !found) {
        m_report.fail(name, QStringLiteral("GET /api/v1/me/messages answered %1 without the test message").arg(m.status),
                      QStringLiteral("read the api lines in the log"));
        return;
    }
    m_report.pass(name, QStringLiteral("a token was issued and GET /api/v1/me/messages lists the test message"));
}
