// A blocking control-socket client for command-line tools (`postroomd status`,
// `reload`, `queue list`, `diagnose`, ...): connect, send one request, wait for its reply.
#pragma once

#include "controlprotocol.h"

namespace ControlClient {
enum class Result {
    Ok,         // *reply holds the daemon's answer (which may itself be an error reply)
    NotRunning, // nothing answers on the socket
    Failed,     // connected, but the daemon closed the connection or did not answer in time
};
// *error says why in plain words when the result is not Ok.
Result call(const QString &socketPath, const QString &method, const QJsonObject &params,
            ControlProtocol::Reply *reply, QString *error, int timeoutMs = 30000);
}
