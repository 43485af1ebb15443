#include "certificatecheck.h"

#include "diagnosereport.h"

#include <QDateTime>
#include <QStringList>

namespace CertificateCheck {

namespace {
const QString RealCertificateFix = QStringLiteral(
    "get a certificate for the hostname from a public CA (e.g. `certbot certonly --standalone -d HOSTNAME`), "
    "set tls.cert_file and tls.key_file to it, then run `postroomd reload`");
}

void check(const QSslCertificate &certificate, const QList<QSslError> &errors, const QString &hostname,
           const QString &where, DiagnoseReport *report)
{
    const QString name = QStringLiteral("tls certificate");
    if (certificate.isNull()) {
        report->fail(name, QStringLiteral("%1 presented no certificate").arg(where), RealCertificateFix);
        return;
    }
    QStringList names = certificate.subjectAlternativeNames().values(QSsl::DnsEntry);
    names += certificate.subjectInfo(QSslCertificate::CommonName);
    names.removeDuplicates();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 daysLeft = now.daysTo(certificate.expiryDate());
    const QString summary = QStringLiteral("%1: names %2, valid until %3")
                                .arg(where, names.join(QStringLiteral(", ")),
                                     certificate.expiryDate().toString(Qt::ISODate));
    bool mismatch = false, selfSigned = certificate.isSelfSigned(), untrusted = false;
    for (const QSslError &e : errors) {
        switch (e.error()) {
        case QSslError::HostNameMismatch: mismatch = true; break;
        case QSslError::SelfSignedCertificate:
        case QSslError::SelfSignedCertificateInChain: selfSigned = true; break;
        case QSslError::CertificateExpired:
        case QSslError::CertificateNotYetValid: break; // judged from the dates below
        default: untrusted = true; break;
        }
    }
    if (mismatch) {
        report->fail(name, QStringLiteral("%1 - it does not name the hostname %2, so clients will refuse it")
                               .arg(summary, hostname),
                     QStringLiteral("use a certificate issued for %1, or set hostname to a name the certificate "
                                    "carries; for the generated certificate delete {mail_root}/tls/ and restart")
                         .arg(hostname));
    } else if (daysLeft < 0 || now < certificate.effectiveDate()) {
        report->fail(name, QStringLiteral("%1 - it is not valid now").arg(summary), RealCertificateFix);
    } else if (daysLeft <= ExpiryWarningDays) {
        report->warn(name, QStringLiteral("%1 - it expires in %2 days").arg(summary).arg(daysLeft),
                     QStringLiteral("renew it (`certbot renew`), then run `postroomd reload`"));
    } else if (selfSigned) {
        report->warn(name, QStringLiteral("%1 - it is self-signed: mail clients show a warning and other servers "
                                          "may not trust it").arg(summary),
                     RealCertificateFix);
    } else if (untrusted) {
        report->warn(name, QStringLiteral("%1 - it is not trusted by this system's CA list (%2)")
                               .arg(summary, errors.value(0).errorString()),
                     QStringLiteral("include the intermediate certificates in tls.cert_file (certbot's fullchain.pem)"));
    } else {
        report->pass(name, summary);
    }
}

} // namespace CertificateCheck
