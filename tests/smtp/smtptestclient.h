// A small SMTP client for in-process session tests: non-blocking socket, waits by
// spinning the event loop (the server runs in the same thread), bounded by a timeout.
#pragma once

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QSslConfiguration>
#include <QSslSocket>

class SmtpTestClient
{
public:
    QSslSocket socket;
    QByteArray buffer;

    bool connectTo(quint16 port, bool implicitTls = false)
    {
        if (implicitTls) {
            socket.setPeerVerifyMode(QSslSocket::VerifyNone);
            socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
            return waitFor([this] { return socket.isEncrypted(); });
        }
        socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        return waitFor([this] { return socket.state() == QAbstractSocket::ConnectedState; });
    }

    template <typename F> static bool waitFor(F condition, int ms = 10000)
    {
        QDeadlineTimer deadline(ms);
        while (!condition()) {
            if (deadline.hasExpired())
                return false;
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        }
        return true;
    }

    // One complete reply (all lines of a multi-line reply), or "" on timeout/close.
    QByteArray reply(int ms = 10000)
    {
        QByteArray result;
        QDeadlineTimer deadline(ms);
        for (;;) {
            buffer += socket.readAll();
            int lf;
            while ((lf = buffer.indexOf('\n')) >= 0) {
                const QByteArray line = buffer.left(lf + 1);
                buffer.remove(0, lf + 1);
                result += line;
                if (line.size() >= 4 && line.at(3) == ' ')
                    return result;
            }
            if (deadline.hasExpired() || (socket.state() == QAbstractSocket::UnconnectedState && socket.bytesAvailable() == 0))
                return result;
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        }
    }

    QByteArray command(const QByteArray &line)
    {
        socket.write(line + "\r\n");
        return reply();
    }

    bool startTls()
    {
        if (!command("STARTTLS").startsWith("220 2.0.0"))
            return false;
        socket.setPeerVerifyMode(QSslSocket::VerifyNone);
        socket.startClientEncryption();
        return waitFor([this] { return socket.isEncrypted(); });
    }

    bool isClosed(int ms = 5000)
    {
        return waitFor([this] { return socket.state() == QAbstractSocket::UnconnectedState; }, ms);
    }
};
