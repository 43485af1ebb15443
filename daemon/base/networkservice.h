// What the server needs from each protocol service (SMTP, IMAP, HTTP API): start its
// listeners, apply a reloaded config, stop accepting at shutdown, report status.
#pragma once

#include "config.h"
#include "controlprotocol.h"

#include <QVector>

class NetworkService
{
public:
    virtual ~NetworkService() = default;
    virtual bool start(QVector<ConfigError> *errors) = 0;
    // Called after the live Config was replaced; `previous` is the old one. Rebind only what changed.
    virtual bool applyConfig(const Config &previous, QVector<ConfigError> *errors) = 0;
    virtual void stopAccepting() = 0;
    virtual QVector<ControlProtocol::ListenerStatus> listenerStatus() const = 0;
    virtual int sessionCount() const = 0;
};
