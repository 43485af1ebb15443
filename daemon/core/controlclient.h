// A blocking control-socket client for the command line (`postroomd status`,
// `reload`, `queue list`, ...): connect, send one request, wait for its reply.
#pragma once

#include "controlprotocol.h"

namespace ControlClient {
// Returns false when the daemon cannot be reached (error says why, in plain words).
bool call(const QString &socketPath, const QString &method, const QJsonObject &params,
          ControlProtocol::Reply *reply, QString *error, int timeoutMs = 30000);
}
