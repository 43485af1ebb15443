#include "benchdaemon.h"

#include "config.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

static void merge(QJsonObject &target, const QJsonObject &overrides)
{
    for (auto it = overrides.begin(); it != overrides.end(); ++it) {
        if (it.value().isObject() && target.value(it.key()).isObject()) {
            QJsonObject child = target.value(it.key()).toObject();
            merge(child, it.value().toObject());
            target.insert(it.key(), child);
        } else {
            target.insert(it.key(), it.value());
        }
    }
}

BenchDaemon::BenchDaemon(const QString &postroomd, const QJsonObject &overrides)
    : m_postroomd(postroomd), m_overrides(overrides)
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
}

BenchDaemon::~BenchDaemon()
{
    stop();
}

QString BenchDaemon::findPostroomd(const QString &argv0)
{
    const QString fromEnv = qEnvironmentVariable("POSTROOMD");
    if (!fromEnv.isEmpty())
        return fromEnv;
    const QDir here = QFileInfo(argv0).absoluteDir();
    for (const QString &candidate : {here.filePath("postroomd"), here.filePath("../../daemon/postroomd"),
                                     here.filePath("../daemon/postroomd")})
        if (QFileInfo(candidate).isExecutable())
            return QFileInfo(candidate).canonicalFilePath();
    return QStringLiteral("postroomd");
}

QString BenchDaemon::mailRoot() const { return m_dir.filePath(QStringLiteral("mailstore")); }

QString BenchDaemon::maildir(const QString &address) const
{
    const QString local = address.section(QLatin1Char('@'), 0, 0).toLower();
    const QString domain = address.section(QLatin1Char('@'), 1).toLower();
    return QDir(mailRoot()).filePath(domain + QLatin1Char('/') + local + QStringLiteral("/Maildir"));
}

int BenchDaemon::countMessages(const QString &address) const
{
    const QString base = maildir(address);
    return QDir(base + QStringLiteral("/new")).entryList(QDir::Files).size()
           + QDir(base + QStringLiteral("/cur")).entryList(QDir::Files).size();
}

bool BenchDaemon::dropIntoMaildir(const QString &address, const QByteArray &message, int sequence)
{
    const QString name = QStringLiteral("%1/new/%2.M%3P%4.bench,S=%5")
                             .arg(maildir(address)).arg(1700000000 + sequence).arg(sequence)
                             .arg(QCoreApplication::applicationPid()).arg(message.size());
    QFile f(name);
    return f.open(QIODevice::WriteOnly) && f.write(message) == message.size();
}

qint64 BenchDaemon::rssKiB() const
{
    QFile f(QStringLiteral("/proc/%1/status").arg(m_process.processId()));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return 0;
}

bool BenchDaemon::start(QString *error)
{
    if (!m_prepared && !prepare(error))
        return false;
    return launch(error);
}

bool BenchDaemon::prepare(QString *error)
{
    if (!m_dir.isValid()) {
        *error = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    const QString configPath = m_dir.filePath(QStringLiteral("config.json"));
    QJsonObject config = Config::defaultDocument();
    // Free loopback ports, all chosen while held so they differ.
    QList<QTcpServer *> holders;
    const QStringList names = {"smtp", "submission", "smtps", "imap", "imaps", "http", "https"};
    for (const QString &n : names) {
        auto *s = new QTcpServer;
        s->listen(QHostAddress::LocalHost, 0);
        m_ports.insert(n, s->serverPort());
        holders << s;
    }
    qDeleteAll(holders);
    config.insert("mail_root", mailRoot());
    config.insert("log_level", "WARNING");
    QJsonObject smtp = config.value("smtp").toObject();
    smtp.insert("host", "127.0.0.1");
    smtp.insert("port", m_ports["smtp"]);
    smtp.insert("submission_port", m_ports["submission"]);
    smtp.insert("smtps_port", m_ports["smtps"]);
    smtp.insert("max_connections", 5000);
    smtp.insert("max_messages_per_connection", 1000000);
    config.insert("smtp", smtp);
    QJsonObject imap = config.value("imap").toObject();
    imap.insert("host", "127.0.0.1");
    imap.insert("port", m_ports["imap"]);
    imap.insert("imaps_port", m_ports["imaps"]);
    imap.insert("max_connections", 5000);
    config.insert("imap", imap);
    QJsonObject api = config.value("exchange_api").toObject();
    api.insert("host", "127.0.0.1");
    api.insert("port", m_ports["http"]);
    api.insert("secure_port", m_ports["https"]);
    config.insert("exchange_api", api);
    merge(config, m_overrides);
    QString problem;
    if (!Config::saveDocument(configPath, config, &problem)) {
        *error = problem;
        return false;
    }
    m_prepared = true;
    return true;
}

bool BenchDaemon::launch(QString *error)
{
    const QString configPath = m_dir.filePath(QStringLiteral("config.json"));
    m_process.setWorkingDirectory(m_dir.path());
    m_process.start(m_postroomd, {QStringLiteral("--config"), configPath});
    if (!m_process.waitForStarted(5000)) {
        *error = QStringLiteral("cannot start %1: %2").arg(m_postroomd, m_process.errorString());
        return false;
    }
    // Ready when the control socket answers (the ports are bound before it is announced).
    QByteArray log;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 60000) {
        m_process.waitForReadyRead(50);
        log += m_process.readAll();
        if (m_process.state() != QProcess::Running)
            break;
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, quint16(m_ports.value("imap")));
        if (probe.waitForConnected(200) && QFileInfo::exists(QDir(mailRoot()).filePath("control.sock")))
            return true;
    }
    *error = QStringLiteral("postroomd did not start:\n%1").arg(QString::fromUtf8(log));
    return false;
}

void BenchDaemon::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(15000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool BenchDaemon::addUser(const QString &address, const QString &password, QString *error)
{
    QProcess cli;
    cli.setProcessChannelMode(QProcess::MergedChannels);
    cli.start(m_postroomd, {QStringLiteral("--config"), m_dir.filePath(QStringLiteral("config.json")),
                            QStringLiteral("user"), QStringLiteral("add"), address, QStringLiteral("--password-stdin")});
    cli.write(password.toUtf8() + '\n');
    cli.closeWriteChannel();
    if (!cli.waitForFinished(60000) || cli.exitCode() != 0) {
        *error = QStringLiteral("user add %1 failed: %2").arg(address, QString::fromUtf8(cli.readAll()));
        return false;
    }
    return true;
}
