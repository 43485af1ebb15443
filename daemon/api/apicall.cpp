#include "apicall.h"

#include <QJsonDocument>
#include <QTcpSocket>

ApiResponse ApiResponse::json(int status, const QJsonObject &object)
{
    return bytes(status, "application/json; charset=utf-8", QJsonDocument(object).toJson(QJsonDocument::Compact));
}

ApiResponse ApiResponse::json(int status, const QJsonArray &array)
{
    return bytes(status, "application/json; charset=utf-8", QJsonDocument(array).toJson(QJsonDocument::Compact));
}

ApiResponse ApiResponse::error(int status, const QString &code, const QString &message)
{
    return json(status, QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code},
                                                                           {QStringLiteral("message"), message}}}});
}

ApiResponse ApiResponse::bytes(int status, const QByteArray &contentType, const QByteArray &body)
{
    ApiResponse r;
    r.status = status;
    r.contentType = contentType;
    r.body = body;
    return r;
}

bool ApiCall::isLoopback() const
{
    return peer.isLoopback();
}

static const char *reason(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    case 507: return "Insufficient Storage";
    default: return "Status";
    }
}

void ApiCall::respond(const ApiResponse &response)
{
    if (answered)
        return;
    answered = true;
    if (onAnswered)
        onAnswered(response.status, response.body.size());
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return;
    QByteArray out;
    out.reserve(response.body.size() + 256);
    out += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reason(response.status) + "\r\n";
    if (!response.contentType.isEmpty())
        out += "Content-Type: " + response.contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    out += "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n";
    for (const auto &h : response.headers)
        out += h.first + ": " + h.second + "\r\n";
    if (closeAfter)
        out += "Connection: close\r\n";
    out += "\r\n";
    if (method != "HEAD")
        out += response.body;
    socket->write(out);
    if (closeAfter)
        socket->disconnectFromHost();
}
