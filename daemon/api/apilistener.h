// An API port: the shared Listener (TLS, fd budget) handing each socket to QtHttpServer
// through addPendingConnection(), with an ApiConnection guard attached first so body and
// header limits hold before Qt buffers anything. An admission hook (rate limiter) may
// refuse the connection before any byte is read.
#pragma once

#include "listener.h"

#include <functional>

class QAbstractHttpServer;

class ApiListener : public Listener
{
    Q_OBJECT
public:
    // Returns false to refuse (the hook has answered and closed the socket).
    using Admission = std::function<bool(QSslSocket *socket)>;

    ApiListener(const ListenerSpec &spec, TlsContext *tls, ConnectionBudget *budget, QObject *parent = nullptr);
    void setAdmission(Admission admission) { m_admission = std::move(admission); }
    void setMaxBodyBytes(std::function<qint64()> limit) { m_maxBody = std::move(limit); }
    void setIdleTimeoutMs(int ms) { m_idleMs = ms; }

protected:
    void dispatch(QSslSocket *socket) override;

private:
    Admission m_admission;
    std::function<qint64()> m_maxBody;
    int m_idleMs;
};
