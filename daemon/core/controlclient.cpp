#include "controlclient.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLocalSocket>

namespace ControlClient {

bool call(const QString &socketPath, const QString &method, const QJsonObject &params,
          ControlProtocol::Reply *reply, QString *error, int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(socketPath);
    if (!socket.waitForConnected(2000)) {
        *error = QStringLiteral("postroomd is not running (nothing answers on %1: %2)").arg(socketPath, socket.errorString());
        return false;
    }
    ControlProtocol::Request request;
    request.id = 1;
    request.method = method;
    request.params = params;
    socket.write(QJsonDocument(request.toJson()).toJson(QJsonDocument::Compact) + '\n');
    socket.flush();
    QByteArray buffer;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        while (socket.canReadLine()) {
            const QJsonObject o = QJsonDocument::fromJson(socket.readLine()).object();
            if (o.contains("event") || qint64(o.value("id").toDouble()) != request.id)
                continue;
            *reply = ControlProtocol::Reply::fromJson(o);
            return true;
        }
        if (socket.state() != QLocalSocket::ConnectedState) {
            *error = QStringLiteral("the daemon closed the connection");
            return false;
        }
        socket.waitForReadyRead(200);
    }
    *error = QStringLiteral("no answer from the daemon within %1 s").arg(timeoutMs / 1000);
    return false;
}

} // namespace ControlClient
