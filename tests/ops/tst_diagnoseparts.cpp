// The pure parts of `postroomd diagnose`: the report's text and JSON, reverse-DNS names,
// and how a certificate is judged (hostname, self-signed, expiry) without any network.
#include "certificatecheck.h"
#include "certificategenerator.h"
#include "diagnosereport.h"
#include "dnsprobe.h"

#include <QJsonArray>
#include <QSslCertificate>
#include <QtTest>

class tst_DiagnoseParts : public QObject
{
    Q_OBJECT
private slots:
    void reportTextHasOneLinePerCheckAndASummary()
    {
        DiagnoseReport r;
        r.pass(QStringLiteral("smtp (127.0.0.1:25)"), QStringLiteral("greets"));
        r.warn(QStringLiteral("dns mx example.com"), QStringLiteral("no MX"), QStringLiteral("create it"));
        r.fail(QStringLiteral("imap (127.0.0.1:143)"), QStringLiteral("nothing answers"), QStringLiteral("start it"));
        const QStringList lines = r.toText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines.at(0), QStringLiteral("PASS smtp (127.0.0.1:25): greets"));
        QCOMPARE(lines.at(1), QStringLiteral("WARN dns mx example.com: no MX -- fix: create it"));
        QCOMPARE(lines.at(2), QStringLiteral("FAIL imap (127.0.0.1:143): nothing answers -- fix: start it"));
        QCOMPARE(lines.at(3), QStringLiteral("1 passed, 1 warnings, 1 failed"));
        QVERIFY(r.hasFailures());
        const QJsonArray checks = r.toJson().value("checks").toArray();
        QCOMPARE(checks.size(), 3);
        QCOMPARE(checks.at(2).toObject().value("result").toString(), QStringLiteral("fail"));
        QCOMPARE(checks.at(1).toObject().value("fix").toString(), QStringLiteral("create it"));
    }

    void reverseNames()
    {
        QCOMPARE(DnsProbe::reverseName(QHostAddress(QStringLiteral("203.0.113.10"))), QStringLiteral("10.113.0.203.in-addr.arpa"));
        QCOMPARE(DnsProbe::reverseName(QHostAddress(QStringLiteral("2001:db8::1"))),
                 QStringLiteral("1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa"));
    }

    void generatedCertificateIsSelfSignedButNamesTheHost()
    {
        QByteArray certPem, keyPem;
        QString error;
        QVERIFY2(CertificateGenerator::generate(QStringLiteral("mail.example.com"), &certPem, &keyPem, &error), qPrintable(error));
        const QSslCertificate cert(certPem);
        DiagnoseReport r;
        CertificateCheck::check(cert, {QSslError(QSslError::SelfSignedCertificate, cert)}, QStringLiteral("mail.example.com"),
                                QStringLiteral("imaps"), &r);
        QCOMPARE(r.checks().size(), 1);
        QCOMPARE(r.checks().first().result, DiagnoseCheck::Result::Warn);
        QVERIFY(r.checks().first().detail.contains(QStringLiteral("self-signed")));
        QVERIFY(r.checks().first().detail.contains(QStringLiteral("mail.example.com")));
        QVERIFY(r.checks().first().fix.contains(QStringLiteral("tls.cert_file")));
    }

    void hostnameMismatchFails()
    {
        QByteArray certPem, keyPem;
        QString error;
        QVERIFY(CertificateGenerator::generate(QStringLiteral("other.example.net"), &certPem, &keyPem, &error));
        const QSslCertificate cert(certPem);
        DiagnoseReport r;
        CertificateCheck::check(cert, {QSslError(QSslError::HostNameMismatch, cert)}, QStringLiteral("mail.example.com"),
                                QStringLiteral("smtps"), &r);
        QCOMPARE(r.checks().first().result, DiagnoseCheck::Result::Fail);
        QVERIFY(r.checks().first().detail.contains(QStringLiteral("does not name the hostname mail.example.com")));
    }

    void missingCertificateFails()
    {
        DiagnoseReport r;
        CertificateCheck::check(QSslCertificate(), {}, QStringLiteral("mail.example.com"), QStringLiteral("imaps"), &r);
        QCOMPARE(r.checks().first().result, DiagnoseCheck::Result::Fail);
    }
};

QTEST_GUILESS_MAIN(tst_DiagnoseParts)
#include "tst_diagnoseparts.moc"
