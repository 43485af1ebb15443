// The TLS material every listener uses: the configured certificate and key, or a
// self-signed pair generated once under {mail_root}/tls/ (regenerated when expired
// or when the hostname changes). A reload with broken files keeps the last good
// configuration. Trusts only files named in the config or written by itself.
#pragma once

#include "config.h"

#include <QObject>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>

class TlsContext : public QObject
{
    Q_OBJECT
public:
    explicit TlsContext(QObject *parent = nullptr);

    // Loads (or generates) the certificate for this config. On failure keeps the previous
    // good material, returns false and fills errors naming the key (tls.cert_file, ...).
    bool configure(const Config &config, QVector<ConfigError> *errors);

    bool isEnabled() const { return m_enabled; }
    // A server-side configuration: TLS 1.2 or later, no client certificates.
    QSslConfiguration serverConfiguration() const { return m_configuration; }
    // Client side (outgoing SMTP): TLS 1.2+, no verification (opportunistic, like other MTAs).
    static QSslConfiguration opportunisticClientConfiguration();

    QSslCertificate certificate() const { return m_certificate; }
    QString certificatePath() const { return m_certificatePath; }
    bool isSelfSigned() const { return m_selfSigned; }
    QJsonObject describe() const; // subject, SANs, issuer, expiry, self-signed, path

    // Loads a PEM private key whatever its algorithm (EC, RSA, ...).
    static QSslKey loadPrivateKey(const QByteArray &pem);

Q_SIGNALS:
    void changed();

private:
    bool loadFiles(const QString &certPath, const QString &keyPath, const QString &certKey, const QString &keyKey,
                   QVector<ConfigError> *errors);

    bool m_enabled = false;
    bool m_selfSigned = false;
    QString m_certificatePath;
    QSslCertificate m_certificate;
    QSslConfiguration m_configuration;
};
