#include "controlclient.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLocalSocket>

namespace ControlClient {

Result call(const QString &socketPath, const QString &method, const QJsonObject &params,
            ControlProtocol::Reply *reply, QString *error, int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(socketPath);
    if (!socket.waitForConnected(2000)) {
        *error = QStringLiteral("postroomd is not running (nothing answers on %1: %2)").arg(socketPath, socket.errorString());
        return Result::NotRunning;
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
            if (o.contains("event") || o.value("id").toInteger(-1) != request.id)
                continue;
            *reply = ControlProtocol::Reply::fromJson(o);
            return Result::Ok;
        }
        if (socket.state() != QLocalSocket::ConnectedState) {
            *error = QStringLiteral("the daemon closed the connection");
            return Result::Failed;
        }
        socket.waitForReadyRead(200);
    }
    *error = QStringLiteral("no answer from the daemon to %1 within %2 s").arg(method).arg(timeoutMs / 1000);
    return Result::Failed;
}

} // namespace ControlClient
