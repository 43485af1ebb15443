// The HMAC key for API tokens: exchange_api.token_secret when set, otherwise a random
// 256-bit secret generated once and kept in {mail_root}/api-token-secret (mode 0600,
// hex), so tokens survive restarts. Trusts mail_root; a too-open file mode is tightened.
#pragma once

#include "config.h"

#include <QByteArray>
#include <QString>

namespace ApiTokenSecret {
inline constexpr const char *FileName = "api-token-secret";
// Fills *secret (at least 32 bytes). False with *error naming the key or the file.
bool load(const Config &config, QByteArray *secret, QString *error);
}
