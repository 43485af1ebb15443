// A small SMTP sink for the queue tests, on loopback with a free port: records each
// transaction and answers as scripted (per-recipient replies, temporary failures for
// the first N attempts, a DATA reply). Runs on the test's event loop.
#pragma once

#include <QHash>
#include <QStringList>
#include <QTcpServer>
#include <QVector>

class QTcpSocket;

class SmtpSink : public QTcpServer
{
    Q_OBJECT
public:
    struct Mail {
        QString sender;
        QStringList recipients;
        QByteArray data;  // dot-unstuffed, without the final dot line
    };

    explicit SmtpSink(QObject *parent = nullptr);
    bool start();                       // 127.0.0.1, free port
    quint16 port() const { return serverPort(); }

    // RCPT reply for an address (lower case), e.g. "550 5.1.1 unknown"; default 250.
    QHash<QString, QByteArray> rcptReplies;
    // The first N RCPTs for this address get this reply, later ones 250.
    QHash<QString, QPair<int, QByteArray>> rcptFailFirst;
    QByteArray dataReply = "250 2.0.0 Ok: queued";
    bool pipelining = true;
    qint64 sizeLimit = 0;               // advertised SIZE (0: not advertised)

    QByteArray authMechanisms;          // e.g. "PLAIN LOGIN": advertised and required for MAIL
    QStringList authLogins;             // "user:password" of each successful AUTH

    QVector<Mail> mails;
    int connections = 0;
    QStringList commands;               // every command line received

signals:
    void mailReceived();

protected:
    void incomingConnection(qintptr fd) override;

private:
    void handle(QTcpSocket *socket);
};
