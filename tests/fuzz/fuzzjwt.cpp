// Target jwt: the API's bearer-token verifier. Mode byte 0: the input is the token as
// sent. Otherwise the input is "header.payload" and is signed with the server secret
// first, so the fuzzer also reaches the claim checks behind the signature.
#include "fuzztargets.h"

#include "apijwt.h"

#include <QList>
#include <QMessageAuthenticationCode>

int fuzzJwt(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const QByteArray secret("fuzz-secret-0123456789abcdef-0123456789abcdef");
    constexpr qint64 now = 1800000000; // fixed clock: runs must be reproducible
    QByteArray token(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    if (data[0] & 1) {
        const QByteArray mac = QMessageAuthenticationCode::hash(token, secret, QCryptographicHash::Sha256);
        token += '.' + ApiJwt::encodeBase64Url(mac);
    }
    QString error;
    const auto claims = ApiJwt::verify(token, secret, now, &error);
    if (claims) {
        fuzzCheck(!claims->subject.isEmpty() && !claims->scope.isEmpty(), "claims without sub or scope");
        fuzzCheck(claims->expires >= now - ApiJwt::ClockSkewSeconds,
                  "expired token accepted");
        fuzzCheck(claims->notBefore <= now + ApiJwt::ClockSkewSeconds, "token accepted before nbf");
        // Any change to the signature must break it.
        QByteArray tampered = token;
        tampered[tampered.size() - 1] = tampered.at(tampered.size() - 1) == 'A' ? 'B' : 'A';
        fuzzCheck(!ApiJwt::verify(tampered, secret, now), "tampered signature accepted");
        fuzzCheck(!ApiJwt::verify(token, secret + "x", now), "token accepted under another secret");
    } else {
        fuzzCheck(!error.isEmpty(), "token refused without a reason");
    }
    const QList<QByteArray> segments = token.split('.');
    for (const QByteArray &segment : segments) {
        if (const auto decoded = ApiJwt::decodeBase64Url(segment))
            fuzzCheck(ApiJwt::encodeBase64Url(*decoded) == segment, "base64url not canonical");
    }
    ApiJwt::constantTimeEquals(token, token);
    return 0;
}
