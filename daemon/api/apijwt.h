// JSON Web Tokens (RFC 7519) for the HTTP API, HS256 only (RFC 7518 3.2). Verification is
// strict: the header must say alg HS256 (none and every other algorithm are refused),
// base64url must be canonical, the signature is compared in constant time, and
// exp/nbf/iat are checked against the caller's clock. Trusts nothing in the token.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <optional>

struct ApiJwtClaims {
    QString subject;        // "sub": the normalised user address
    QString scope;          // "scope": "mail" (a user's token) or "admin" (metrics, issued over the control socket)
    QString issuer;         // "iss": the server's hostname
    QString tokenId;        // "jti": random, for logs
    qint64 issuedAt = 0;    // "iat", seconds since the epoch
    qint64 notBefore = 0;   // "nbf"
    qint64 expires = 0;     // "exp"
};

class ApiJwt
{
public:
    static constexpr int MaxTokenLength = 4096;     // longer bearer tokens are refused unread
    static constexpr int MaxHeaderJson = 256;       // decoded header bytes
    static constexpr int MaxPayloadJson = 2048;     // decoded payload bytes
    static constexpr qint64 ClockSkewSeconds = 60;  // leeway for nbf/iat from another host's clock
    static constexpr int MinSecretBytes = 32;       // 256 bits

    // Signs the claims (iat/nbf/exp as given; jti filled in when empty).
    static QByteArray issue(const ApiJwtClaims &claims, const QByteArray &secret);

    // Checks a token; on failure returns nullopt and a short reason in *error (for logs only:
    // clients get one generic answer).
    static std::optional<ApiJwtClaims> verify(QByteArrayView token, const QByteArray &secret, qint64 now,
                                              QString *error = nullptr);

    // Canonical unpadded base64url only; nullopt for any other character, padding or stray bits.
    static std::optional<QByteArray> decodeBase64Url(QByteArrayView text);
    static QByteArray encodeBase64Url(const QByteArray &data);

    // Same length and same bytes, in time that depends only on the length.
    static bool constantTimeEquals(QByteArrayView a, QByteArrayView b);
};
