// Bearer tokens for the API. POST /api/v1/auth/token checks a password through the
// account store (off the event loop) and returns a JWT; every other /api/v1 route runs
// only after ApiAuth::authorize accepted the bearer token and the account is still there
// and enabled. Failures count in the shared rate limiter; a locked-out IP gets 429.
// Rule: credentials are refused on plain HTTP when TLS is configured, except from loopback.
#pragma once

#include "apicall.h"

class ApiRouter;
struct ApiServices;

namespace ApiAuth {
void registerRoutes(ApiRouter &router, ApiServices *services);
// Checks the bearer token; on success sets call->user/scope and returns true, else answers
// 401 (with WWW-Authenticate) or 429 and returns false. `scope` is the one required.
bool authorize(const ApiCallPtr &call, ApiServices *services, const QString &scope = QStringLiteral("mail"));
// The plaintext rule, separate so it can be tested without sockets.
bool credentialsAllowed(bool tlsEnabled, bool secure, bool loopback);
// A signed token for `user` with `scope` (also used by the control verb api.token).
QByteArray issue(ApiServices *services, const QString &user, const QString &scope, qint64 lifetimeSeconds);
}
