#include "apihttpserver.h"

#include <QHttpServerRequest>
#include <QSslSocket>

static QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    case QHttpServerRequest::Method::Connect: return "CONNECT";
    case QHttpServerRequest::Method::Trace: return "TRACE";
    default: return "UNKNOWN";
    }
}

bool ApiHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    auto call = std::make_shared<ApiCall>();
    call->method = methodName(request.method());
    const QUrl url = request.url();
    call->path = url.path(QUrl::FullyDecoded);
    call->query = request.query();
    call->body = request.body();
    for (const auto &h : request.headers())
        call->headers.insert(h.first.toLower(), h.second);
    call->peer = request.remoteAddress();
    auto *ssl = qobject_cast<QSslSocket *>(socket);
    call->secure = ssl && ssl->isEncrypted();
    call->closeAfter = call->header("connection").toLower().contains("close");
    call->socket = socket;
    if (m_handler)
        m_handler(call);
    else
        call->respond(ApiResponse::error(503, QStringLiteral("serviceUnavailable"), QStringLiteral("not ready")));
    return true;
}

void ApiHttpServer::missingHandler(const QHttpServerRequest &, QTcpSocket *)
{
    // handleRequest always handles.
}
