// SASL PLAIN (RFC 4616) and LOGIN decoding for SMTP AUTH (RFC 4954). Pure functions:
// base64 in, credentials out. Trusts nothing; the password is checked by the store.
#pragma once

#include <QByteArray>
#include <QString>

struct SaslCredentials {
    QString user;
    QByteArray password;
};

namespace SmtpSasl {
enum class Result { Ok, Cancelled, Malformed };

// A client response line: "*" cancels (RFC 4954 4); otherwise strict base64.
Result decodeResponse(const QByteArray &line, QByteArray *decoded);
// PLAIN message: [authzid] NUL authcid NUL passwd. An authzid other than the authcid is
// refused (no proxy authorisation).
Result decodePlain(const QByteArray &message, SaslCredentials *out);
// Server challenges for LOGIN (base64 of "Username:" and "Password:").
QByteArray loginUserChallenge();
QByteArray loginPasswordChallenge();
}
