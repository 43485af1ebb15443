// A postroomd started by the benchmark itself: temporary mail_root, free loopback
// ports, limits raised so the load is not refused, users added through the CLI.
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

class BenchDaemon
{
public:
    // postroomd: path of the binary. overrides: merged into config.json (sections merged key by key).
    explicit BenchDaemon(const QString &postroomd, const QJsonObject &overrides = {});
    ~BenchDaemon();

    bool start(QString *error);   // prepare() when not done yet, then launch()
    bool prepare(QString *error); // writes config.json (the CLI can then add users offline)
    bool launch(QString *error);  // starts postroomd and waits until it is ready
    void stop();
    bool addUser(const QString &address, const QString &password, QString *error);
    // Writes a message file straight into a user's Maildir new/ (before start, to pre-fill folders).
    bool dropIntoMaildir(const QString &address, const QByteArray &message, int sequence);

    int port(const QString &name) const { return m_ports.value(name); }
    QString mailRoot() const;
    QString maildir(const QString &address) const;
    int countMessages(const QString &address) const; // new/ + cur/ of INBOX
    qint64 rssKiB() const;                           // the daemon's resident memory
    qint64 pid() const { return m_process.processId(); }

    static QString findPostroomd(const QString &argv0);

private:
    QString m_postroomd;
    QTemporaryDir m_dir;
    QJsonObject m_overrides;
    QHash<QString, int> m_ports;
    QProcess m_process;
    bool m_prepared = false;
};
