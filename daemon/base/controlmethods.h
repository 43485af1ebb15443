// The table of control-socket methods. Subsystems register their handlers here
// (user.*, queue.*, ...); the control server only dispatches. A handler may
// answer later (e.g. after hashing a password off the event loop): it keeps
// `respond` and calls it once. Calling respond after the client left is harmless.
#pragma once

#include "controlprotocol.h"

#include <QHash>
#include <QStringList>
#include <functional>

class ControlMethodTable
{
public:
    using Respond = std::function<void(const ControlProtocol::Reply &)>;
    using Handler = std::function<void(const ControlProtocol::Request &, Respond)>;

    void add(const QString &method, Handler handler) { m_handlers.insert(method, std::move(handler)); }
    const Handler *find(const QString &method) const
    {
        auto it = m_handlers.constFind(method);
        return it == m_handlers.constEnd() ? nullptr : &it.value();
    }
    QStringList methods() const
    {
        QStringList l = m_handlers.keys();
        l.sort();
        return l;
    }

private:
    QHash<QString, Handler> m_handlers;
};
