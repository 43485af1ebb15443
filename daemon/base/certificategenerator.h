// Generates a self-signed server certificate with OpenSSL 3: EC P-256, SHA-256,
// SAN with the hostname, localhost, 127.0.0.1 and ::1, valid for two years.
#pragma once

#include <QByteArray>
#include <QString>

namespace CertificateGenerator {
// Fills PEM certificate and PKCS#8 PEM key; false with error on failure.
bool generate(const QString &hostname, QByteArray *certificatePem, QByteArray *keyPem, QString *error);
// True when the PEM private key belongs to the PEM certificate.
bool keyMatches(const QByteArray &certificatePem, const QByteArray &keyPem);
}
