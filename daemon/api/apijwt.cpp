#include "apijwt.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

static bool fail(QString *error, const char *reason)
{
    if (error)
        *error = QString::fromLatin1(reason);
    return false;
}

QByteArray ApiJwt::encodeBase64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<QByteArray> ApiJwt::decodeBase64Url(QByteArrayView text)
{
    if (text.size() % 4 == 1)
        return std::nullopt;
    for (char c : text) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
            || c == '_';
        if (!ok)
            return std::nullopt;
    }
    const QByteArray input = text.toByteArray();
    auto result = QByteArray::fromBase64Encoding(input, QByteArray::Base64UrlEncoding
                                                     | QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return std::nullopt;
    // Refuse non-canonical encodings (stray low bits), so one token has exactly one spelling.
    if (encodeBase64Url(result.decoded) != input)
        return std::nullopt;
    return result.decoded;
}

bool ApiJwt::constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

static QByteArray sign(QByteArrayView signingInput, const QByteArray &secret)
{
    return QMessageAuthenticationCode::hash(signingInput.toByteArray(), secret, QCryptographicHash::Sha256);
}

QByteArray ApiJwt::issue(const ApiJwtClaims &claims, const QByteArray &secret)
{
    static const QByteArray header = encodeBase64Url(QByteArrayLiteral("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"));
    QString jti = claims.tokenId;
    if (jti.isEmpty()) {
        quint32 words[4];
        QRandomGenerator::system()->fillRange(words);
        jti = QString::fromLatin1(encodeBase64Url(QByteArray(reinterpret_cast<const char *>(words), sizeof words)));
    }
    QJsonObject payload{{QStringLiteral("sub"), claims.subject},
                        {QStringLiteral("scope"), claims.scope},
                        {QStringLiteral("iat"), claims.issuedAt},
                        {QStringLiteral("nbf"), claims.notBefore},
                        {QStringLiteral("exp"), claims.expires},
                        {QStringLiteral("jti"), jti}};
    if (!claims.issuer.isEmpty())
        payload.insert(QStringLiteral("iss"), claims.issuer);
    const QByteArray body = header + '.' + encodeBase64Url(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    return body + '.' + encodeBase64Url(sign(body, secret));
}

static std::optional<qint64> intClaim(const QJsonObject &o, const char *name)
{
    const QJsonValue v = o.value(QLatin1String(name));
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (d < 0 || d > 1e13 || d != double(qint64(d)))
        return std::nullopt;
    return qint64(d);
}

std::optional<ApiJwtClaims> ApiJwt::verify(QByteArrayView token, const QByteArray &secret, qint64 now, QString *error)
{
    if (token.isEmpty() || token.size() > MaxTokenLength)
        return fail(error, "token missing or too long"), std::nullopt;
    if (secret.size() < MinSecretBytes)
        return fail(error, "server secret too short"), std::nullopt;
    const qsizetype dot1 = token.indexOf('.');
    const qsizetype dot2 = dot1 < 0 ? -1 : token.indexOf('.', dot1 + 1);
    if (dot1 <= 0 || dot2 <= dot1 + 1 || token.indexOf('.', dot2 + 1) >= 0 || dot2 == token.size() - 1)
        return fail(error, "not three segments"), std::nullopt;
    const QByteArrayView headerPart = token.first(dot1);
    const QByteArrayView payloadPart = token.sliced(dot1 + 1, dot2 - dot1 - 1);
    const QByteArrayView signaturePart = token.sliced(dot2 + 1);

    // Header first: the algorithm decides how to check everything else (RFC 8725 3.1).
    const auto headerJson = decodeBase64Url(headerPart);
    if (!headerJson || headerJson->size() > MaxHeaderJson)
        return fail(error, "bad header encoding"), std::nullopt;
    QJsonParseError parseError;
    const QJsonDocument headerDoc = QJsonDocument::fromJson(*headerJson, &parseError);
    if (parseError.error != QJsonParseError::NoError || !headerDoc.isObject())
        return fail(error, "bad header JSON"), std::nullopt;
    const QJsonObject header = headerDoc.object();
    if (header.value(QLatin1String("alg")).toString() != QLatin1String("HS256"))
        return fail(error, "algorithm not HS256"), std::nullopt;
    const QJsonValue typ = header.value(QLatin1String("typ"));
    if (!typ.isUndefined() && typ.toString().compare(QLatin1String("JWT"), Qt::CaseInsensitive) != 0)
        return fail(error, "bad typ"), std::nullopt;
    if (header.contains(QLatin1String("crit")))
        return fail(error, "crit header not supported"), std::nullopt;

    const auto signature = decodeBase64Url(signaturePart);
    if (!signature)
        return fail(error, "bad signature encoding"), std::nullopt;
    const QByteArray expected = sign(token.first(dot2), secret);
    if (!constantTimeEquals(*signature, expected))
        return fail(error, "bad signature"), std::nullopt;

    const auto payloadJson = decodeBase64Url(payloadPart);
    if (!payloadJson || payloadJson->size() > MaxPayloadJson)
        return fail(error, "bad payload encoding"), std::nullopt;
    const QJsonDocument payloadDoc = QJsonDocument::fromJson(*payloadJson, &parseError);
    if (parseError.error != QJsonParseError::NoError || !payloadDoc.isObject())
        return fail(error, "bad payload JSON"), std::nullopt;
    const QJsonObject payload = payloadDoc.object();

    ApiJwtClaims claims;
    claims.subject = payload.value(QLatin1String("sub")).toString();
    claims.scope = payload.value(QLatin1String("scope")).toString();
    claims.issuer = payload.value(QLatin1String("iss")).toString();
    claims.tokenId = payload.value(QLatin1String("jti")).toString();
    const auto exp = intClaim(payload, "exp");
    const auto iat = intClaim(payload, "iat");
    const auto nbf = payload.contains(QLatin1String("nbf")) ? intClaim(payload, "nbf") : iat;
    if (claims.subject.isEmpty() || claims.scope.isEmpty())
        return fail(error, "missing sub or scope"), std::nullopt;
    if (!exp || !iat || !nbf)
        return fail(error, "missing or bad exp/iat/nbf"), std::nullopt;
    claims.expires = *exp;
    claims.issuedAt = *iat;
    claims.notBefore = *nbf;
    if (now >= claims.expires)
        return fail(error, "expired"), std::nullopt;
    if (claims.notBefore > now + ClockSkewSeconds)
        return fail(error, "not yet valid"), std::nullopt;
    if (claims.issuedAt > now + ClockSkewSeconds)
        return fail(error, "issued in the future"), std::nullopt;
    if (claims.expires <= claims.issuedAt)
        return fail(error, "expires before issued"), std::nullopt;
    return claims;
}
