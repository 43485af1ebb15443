// One HTTP request as the API's handlers see it (copied out of QHttpServerRequest, which
// Qt reuses for the next request on the connection), and the response they send back.
// A handler may answer later (after hashing a password, after the queue's fsync): it keeps
// the shared ApiCall and calls ApiCall::respond once; a vanished client is harmless.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QStringList>
#include <QUrlQuery>
#include <functional>
#include <memory>

class QTcpSocket;

struct ApiResponse {
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    static ApiResponse json(int status, const QJsonObject &object);
    static ApiResponse json(int status, const QJsonArray &array);
    // {"error":{"code":..,"message":..}} as Graph does it.
    static ApiResponse error(int status, const QString &code, const QString &message);
    static ApiResponse bytes(int status, const QByteArray &contentType, const QByteArray &body);
    static ApiResponse noContent() { return bytes(204, QByteArray(), QByteArray()); }
    ApiResponse &header(const QByteArray &name, const QByteArray &value)
    {
        headers.append({name, value});
        return *this;
    }
};

struct ApiCall {
    QByteArray method;                      // as sent: "GET", "POST", ...
    QString path;                           // percent-decoded
    QUrlQuery query;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers;  // lower-case names
    QHostAddress peer;
    bool secure = false;                    // arrived over TLS
    bool closeAfter = false;                // client asked for Connection: close (or HTTP/1.0)
    QStringList args;                       // path parameters, in order
    QString user;                           // set once a bearer token was accepted
    QString scope;                          // the token's scope ("mail", "admin")
    QPointer<QTcpSocket> socket;
    std::function<void(int status, qint64 bytes)> onAnswered; // stats hook
    bool answered = false;

    QByteArray header(const char *lowerName) const { return headers.value(QByteArray(lowerName)); }
    bool isLoopback() const;
    // Sends the response (once; later calls are ignored) with the common headers.
    void respond(const ApiResponse &response);
};
using ApiCallPtr = std::shared_ptr<ApiCall>;
