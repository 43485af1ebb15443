#include "smtpsink.h"

#include <QTcpSocket>

namespace {
struct SinkState {
    bool inData = false;
    bool authenticated = false;
    int loginStep = 0;      // AUTH LOGIN: 1 = waiting for the user, 2 = for the password
    QByteArray loginUser;
    SmtpSink::Mail mail;
};
}

SmtpSink::SmtpSink(QObject *parent) : QTcpServer(parent) {}

bool SmtpSink::start() { return listen(QHostAddress::LocalHost, 0); }

void SmtpSink::incomingConnection(qintptr fd)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(fd)) {
        delete socket;
        return;
    }
    ++connections;
    auto *state = new SinkState;
    socket->setProperty("state", QVariant::fromValue(reinterpret_cast<quintptr>(state)));
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { handle(socket); });
    connect(socket, &QTcpSocket::disconnected, this, [socket, state] {
        delete state;
        socket->deleteLater();
    });
    socket->write("220 sink.test ESMTP\r\n");
}

void SmtpSink::handle(QTcpSocket *socket)
{
    auto *state = reinterpret_cast<SinkState *>(socket->property("state").value<quintptr>());
    while (socket->canReadLine()) {
        QByteArray line = socket->readLine();
        if (state->inData) {
            if (line == ".\r\n") {
                state->inData = false;
                mails.append(state->mail);
                socket->write(dataReply + "\r\n");
                emit mailReceived();
                continue;
            }
            if (line.startsWith('.'))
                line.remove(0, 1);
            state->mail.data += line;
            continue;
        }
        line = line.trimmed();
        commands.append(QString::fromUtf8(line));
        if (state->loginStep == 1) {
            state->loginUser = QByteArray::fromBase64(line);
            state->loginStep = 2;
            socket->write("334 UGFzc3dvcmQ6\r\n");
            continue;
        }
        if (state->loginStep == 2) {
            state->loginStep = 0;
            state->authenticated = true;
            authLogins.append(QString::fromUtf8(state->loginUser + ':' + QByteArray::fromBase64(line)));
            socket->write("235 2.7.0 Authentication successful\r\n");
            continue;
        }
        const QByteArray upper = line.toUpper();
        if (upper.startsWith("EHLO")) {
            QByteArray reply = "250-sink.test\r\n";
            if (pipelining)
                reply += "250-PIPELINING\r\n";
            if (!authMechanisms.isEmpty())
                reply += "250-AUTH " + authMechanisms + "\r\n";
            if (sizeLimit > 0)
                reply += "250-SIZE " + QByteArray::number(sizeLimit) + "\r\n";
            reply += "250 8BITMIME\r\n";
            socket->write(reply);
        } else if (upper.startsWith("HELO")) {
            socket->write("250 sink.test\r\n");
        } else if (upper.startsWith("AUTH PLAIN ")) {
            const QList<QByteArray> parts = QByteArray::fromBase64(line.mid(11)).split('\0');
            state->authenticated = parts.size() == 3;
            if (state->authenticated)
                authLogins.append(QString::fromUtf8(parts[1] + ':' + parts[2]));
            socket->write(state->authenticated ? "235 2.7.0 Authentication successful\r\n" : "535 5.7.8 bad credentials\r\n");
        } else if (upper == "AUTH LOGIN") {
            state->loginStep = 1;
            socket->write("334 VXNlcm5hbWU6\r\n");
        } else if (upper.startsWith("MAIL FROM:") && !authMechanisms.isEmpty() && !state->authenticated) {
            socket->write("530 5.7.0 authentication required\r\n");
        } else if (upper.startsWith("MAIL FROM:")) {
            state->mail = Mail();
            const int lt = line.indexOf('<'), gt = line.indexOf('>');
            state->mail.sender = QString::fromUtf8(line.mid(lt + 1, gt - lt - 1));
            socket->write("250 2.1.0 Ok\r\n");
        } else if (upper.startsWith("RCPT TO:")) {
            const int lt = line.indexOf('<'), gt = line.indexOf('>');
            const QString rcpt = QString::fromUtf8(line.mid(lt + 1, gt - lt - 1));
            QByteArray reply = rcptReplies.value(rcpt.toLower(), "250 2.1.5 Ok");
            auto it = rcptFailFirst.find(rcpt.toLower());
            if (it != rcptFailFirst.end() && it->first > 0) {
                --it->first;
                reply = it->second;
            }
            if (reply.startsWith('2'))
                state->mail.recipients.append(rcpt);
            socket->write(reply + "\r\n");
        } else if (upper == "DATA") {
            if (state->mail.recipients.isEmpty()) {
                socket->write("554 5.5.1 no valid recipients\r\n");
            } else {
                state->inData = true;
                socket->write("354 End data with <CR><LF>.<CR><LF>\r\n");
            }
        } else if (upper == "RSET") {
            state->mail = Mail();
            socket->write("250 2.0.0 Ok\r\n");
        } else if (upper == "QUIT") {
            socket->write("221 2.0.0 Bye\r\n");
            socket->disconnectFromHost();
            return;
        } else {
            socket->write("502 5.5.2 unknown command\r\n");
        }
    }
}
