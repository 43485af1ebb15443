#include "apilistener.h"

#include "apiconnection.h"

#include <QAbstractHttpServer>

ApiListener::ApiListener(const ListenerSpec &spec, TlsContext *tls, ConnectionBudget *budget, QObject *parent)
    : Listener(spec, tls, budget, parent), m_idleMs(ApiConnection::DefaultIdleTimeoutMs)
{
}

void ApiListener::dispatch(QSslSocket *socket)
{
    if (m_admission && !m_admission(socket))
        return;
    // bind() made the HTTP server our parent.
    auto *server = qobject_cast<QAbstractHttpServer *>(parent());
    const qint64 maxBody = m_maxBody ? m_maxBody() : qint64(50) << 20;
    auto *guard = new ApiConnection(socket, maxBody, m_idleMs, server);
    addPendingConnection(socket); // QHttpServer connects its readyRead handler now (after the guard's)
    guard->attached();
}
