// ApiJwt: issue/verify round trip and every way a token must be refused.
#include "apijwt.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QtTest>

class tst_ApiJwt : public QObject
{
    Q_OBJECT
private:
    const QByteArray m_secret = QByteArray(32, 'k');
    const qint64 m_now = 1800000000;

    ApiJwtClaims claims() const
    {
        ApiJwtClaims c;
        c.subject = QStringLiteral("bob@example.com");
        c.scope = QStringLiteral("mail");
        c.issuedAt = m_now;
        c.notBefore = m_now;
        c.expires = m_now + 3600;
        return c;
    }
    static QByteArray b64(const QByteArray &d) { return ApiJwt::encodeBase64Url(d); }
    QByteArray forge(const QByteArray &headerJson, const QByteArray &payloadJson, const QByteArray &key) const
    {
        const QByteArray input = b64(headerJson) + '.' + b64(payloadJson);
        return input + '.' + b64(QMessageAuthenticationCode::hash(input, key, QCryptographicHash::Sha256));
    }
    QByteArray payload(qint64 iat, qint64 nbf, qint64 exp) const
    {
        return QJsonDocument(QJsonObject{{"sub", "bob@example.com"}, {"scope", "mail"}, {"iat", iat}, {"nbf", nbf},
                                         {"exp", exp}})
            .toJson(QJsonDocument::Compact);
    }

private slots:
    void roundTrip()
    {
        const QByteArray token = ApiJwt::issue(claims(), m_secret);
        QCOMPARE(token.count('.'), 2);
        QString error;
        const auto c = ApiJwt::verify(token, m_secret, m_now + 10, &error);
        QVERIFY2(c, qPrintable(error));
        QCOMPARE(c->subject, QStringLiteral("bob@example.com"));
        QCOMPARE(c->scope, QStringLiteral("mail"));
        QCOMPARE(c->expires, m_now + 3600);
        QVERIFY(!c->tokenId.isEmpty());
    }
    void matchesReferenceHmac()
    {
        // The jwt.io HS256 sample: the signature must match byte for byte.
        const QByteArray input = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
                                 "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ";
        const QByteArray sig = b64(QMessageAuthenticationCode::hash(input, "your-256-bit-secret",
                                                                    QCryptographicHash::Sha256));
        QCOMPARE(sig, QByteArray("SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"));
    }
    void wrongKey()
    {
        const QByteArray token = ApiJwt::issue(claims(), m_secret);
        QString error;
        QVERIFY(!ApiJwt::verify(token, QByteArray(32, 'x'), m_now, &error));
        QCOMPARE(error, QStringLiteral("bad signature"));
    }
    void algNone()
    {
        const QByteArray token = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + '.' + b64(payload(m_now, m_now, m_now + 60)) + '.';
        QVERIFY(!ApiJwt::verify(token, m_secret, m_now));
        // Also with a (meaningless) signature present.
        QVERIFY(!ApiJwt::verify(token + "abc", m_secret, m_now));
        // "None" spelled differently, HS512 and RS256 are refused as well.
        for (const char *alg : {"None", "HS512", "RS256", "hs256"}) {
            const QByteArray t = forge(QByteArray("{\"alg\":\"") + alg + "\"}", payload(m_now, m_now, m_now + 60), m_secret);
            QString error;
            QVERIFY(!ApiJwt::verify(t, m_secret, m_now, &error));
            QCOMPARE(error, QStringLiteral("algorithm not HS256"));
        }
    }
    void forgedWithRightKeyIsAccepted()
    {
        // Control for the tests above: a hand-made token with the right key and alg passes.
        const QByteArray t = forge("{\"alg\":\"HS256\"}", payload(m_now, m_now, m_now + 60), m_secret);
        QVERIFY(ApiJwt::verify(t, m_secret, m_now));
    }
    void expired()
    {
        const QByteArray token = ApiJwt::issue(claims(), m_secret);
        QString error;
        QVERIFY(!ApiJwt::verify(token, m_secret, m_now + 3600, &error));
        QCOMPARE(error, QStringLiteral("expired"));
        QVERIFY(ApiJwt::verify(token, m_secret, m_now + 3599));
    }
    void notBefore()
    {
        const QByteArray t = forge("{\"alg\":\"HS256\"}", payload(m_now, m_now + 600, m_now + 3600), m_secret);
        QString error;
        QVERIFY(!ApiJwt::verify(t, m_secret, m_now, &error));
        QCOMPARE(error, QStringLiteral("not yet valid"));
        QVERIFY(ApiJwt::verify(t, m_secret, m_now + 600));
        const QByteArray future = forge("{\"alg\":\"HS256\"}", payload(m_now + 600, m_now, m_now + 3600), m_secret);
        QVERIFY(!ApiJwt::verify(future, m_secret, m_now, &error));
        QCOMPARE(error, QStringLiteral("issued in the future"));
    }
    void missingClaims()
    {
        const QByteArray noExp = forge("{\"alg\":\"HS256\"}", "{\"sub\":\"a@b\",\"scope\":\"mail\",\"iat\":1}", m_secret);
        QVERIFY(!ApiJwt::verify(noExp, m_secret, m_now));
        const QByteArray stringExp = forge("{\"alg\":\"HS256\"}",
                                           "{\"sub\":\"a@b\",\"scope\":\"mail\",\"iat\":1,\"exp\":\"9999999999\"}", m_secret);
        QVERIFY(!ApiJwt::verify(stringExp, m_secret, m_now));
    }
    void tampered()
    {
        const QByteArray token = ApiJwt::issue(claims(), m_secret);
        const QList<QByteArray> parts = token.split('.');
        QJsonObject p = QJsonDocument::fromJson(*ApiJwt::decodeBase64Url(parts[1])).object();
        p["sub"] = "alice@example.com";
        const QByteArray evil = parts[0] + '.' + b64(QJsonDocument(p).toJson(QJsonDocument::Compact)) + '.' + parts[2];
        QVERIFY(!ApiJwt::verify(evil, m_secret, m_now));
        // Flip one signature character.
        QByteArray flipped = token;
        flipped[flipped.size() - 2] = flipped[flipped.size() - 2] == 'A' ? 'B' : 'A';
        QVERIFY(!ApiJwt::verify(flipped, m_secret, m_now));
    }
    void truncatedAndMalformed()
    {
        const QByteArray token = ApiJwt::issue(claims(), m_secret);
        for (int cut : {1, 5, 20, int(token.size()) / 2, int(token.size()) - 1})
            QVERIFY(!ApiJwt::verify(token.left(cut), m_secret, m_now));
        QVERIFY(!ApiJwt::verify("", m_secret, m_now));
        QVERIFY(!ApiJwt::verify("a.b", m_secret, m_now));
        QVERIFY(!ApiJwt::verify("a.b.c.d", m_secret, m_now));
        QVERIFY(!ApiJwt::verify(token + ".x", m_secret, m_now));
        QVERIFY(!ApiJwt::verify(token + "=", m_secret, m_now));        // padding
        QVERIFY(!ApiJwt::verify(QByteArray(token).replace('-', '+'), m_secret, m_now) || !token.contains('-'));
        QVERIFY(!ApiJwt::verify(token + " ", m_secret, m_now));
    }
    void huge()
    {
        QByteArray big = ApiJwt::issue(claims(), m_secret);
        big.insert(big.indexOf('.') + 1, QByteArray(ApiJwt::MaxTokenLength, 'A'));
        QString error;
        QVERIFY(!ApiJwt::verify(big, m_secret, m_now, &error));
        QCOMPARE(error, QStringLiteral("token missing or too long"));
        // A big payload within the length cap is still refused by the payload cap.
        QJsonObject p{{"sub", "bob@example.com"}, {"scope", "mail"}, {"iat", m_now}, {"exp", m_now + 60},
                      {"pad", QString(2500, QLatin1Char('x'))}};
        const QByteArray t = forge("{\"alg\":\"HS256\"}", QJsonDocument(p).toJson(QJsonDocument::Compact), m_secret);
        QVERIFY(t.size() < ApiJwt::MaxTokenLength);
        QVERIFY(!ApiJwt::verify(t, m_secret, m_now, &error));
    }
    void strictBase64Url()
    {
        QCOMPARE(ApiJwt::decodeBase64Url("aGk"), std::optional<QByteArray>("hi"));
        QVERIFY(!ApiJwt::decodeBase64Url("aGk="));     // padding
        QVERIFY(!ApiJwt::decodeBase64Url("aGl"));      // stray bits: not canonical
        QVERIFY(!ApiJwt::decodeBase64Url("a+k"));      // standard alphabet
        QVERIFY(!ApiJwt::decodeBase64Url("a"));        // impossible length
    }
    void constantTimeCompare()
    {
        QVERIFY(ApiJwt::constantTimeEquals("abc", "abc"));
        QVERIFY(!ApiJwt::constantTimeEquals("abc", "abd"));
        QVERIFY(!ApiJwt::constantTimeEquals("abc", "ab"));
    }
};

QTEST_GUILESS_MAIN(tst_ApiJwt)
#include "tst_apijwt.moc"
