// Judges the certificate a listener presented: does it name the configured hostname,
// is it self-signed or untrusted, does it expire soon. Adds one check to the report.
#pragma once

#include <QList>
#include <QSslCertificate>
#include <QSslError>

class DiagnoseReport;

namespace CertificateCheck {
constexpr int ExpiryWarningDays = 30;

void check(const QSslCertificate &certificate, const QList<QSslError> &errors, const QString &hostname,
           const QString &where, DiagnoseReport *report);
}
