// The QtHttpServer front: Qt parses the requests (our ApiConnection guard having checked
// sizes first); every parsed request is copied into an ApiCall and handed to one
// function, which routes it. Bypasses QHttpServer's router (no 405, no async) on purpose.
#pragma once

#include "apicall.h"

#include <QAbstractHttpServer>
#include <functional>

class ApiHttpServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    using Handler = std::function<void(const ApiCallPtr &call)>;
    explicit ApiHttpServer(QObject *parent = nullptr) : QAbstractHttpServer(parent) {}
    void setHandler(Handler handler) { m_handler = std::move(handler); }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Handler m_handler;
};
