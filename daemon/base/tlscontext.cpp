#include "tlscontext.h"

#include "atomicfile.h"
#include "certificategenerator.h"
#include "logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSslCertificateExtension>

#include <openssl/ssl.h>

namespace {
// Qt 6.4 gives no access to the SSL* of a QSslSocket, but OpenSSL calls the "new" callback
// of every registered SSL ex_data index from inside SSL_new() (the Qt TLS plugin uses the
// same libssl). There we set SSL_MODE_RELEASE_BUFFERS: an idle connection then holds no
// 2 x 17 KB record buffers (they come back on the next record). Applies to every TLS
// socket of the process: IMAP, SMTP, the API and outgoing SMTP.
void releaseBuffersOnNewSsl(void *parent, void *, CRYPTO_EX_DATA *, int, long, void *)
{
    if (parent)
        SSL_set_mode(static_cast<SSL *>(parent), SSL_MODE_RELEASE_BUFFERS);
}
}

TlsContext::TlsContext(QObject *parent) : QObject(parent)
{
    static const int registered = SSL_get_ex_new_index(0, nullptr, releaseBuffersOnNewSsl, nullptr, nullptr);
    Q_UNUSED(registered);
}

QSslKey TlsContext::loadPrivateKey(const QByteArray &pem)
{
    // QSslKey needs the right algorithm up front (QT64-NOTES.md 2): try each.
    for (QSsl::KeyAlgorithm alg : {QSsl::Ec, QSsl::Rsa, QSsl::Dsa, QSsl::Dh}) {
        QSslKey key(pem, alg, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return QSslKey();
}

QSslConfiguration TlsContext::opportunisticClientConfiguration()
{
    QSslConfiguration c = QSslConfiguration::defaultConfiguration();
    c.setProtocol(QSsl::TlsV1_2OrLater);
    c.setPeerVerifyMode(QSslSocket::VerifyNone);
    return c;
}

static bool namesHost(const QSslCertificate &cert, const QString &hostname)
{
    const auto sans = cert.subjectAlternativeNames();
    for (auto it = sans.begin(); it != sans.end(); ++it)
        if (it.key() == QSsl::DnsEntry && it.value().compare(hostname, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

bool TlsContext::loadFiles(const QString &certPath, const QString &keyPath, const QString &certKey,
                           const QString &keyKey, QVector<ConfigError> *errors)
{
    QVector<ConfigError> found;
    QFile certFile(certPath);
    QFile keyFile(keyPath);
    QList<QSslCertificate> chain;
    QSslKey key;
    if (!certFile.open(QIODevice::ReadOnly)) {
        found.append({certKey, QStringLiteral("cannot read %1: %2").arg(certPath, certFile.errorString())});
    } else {
        chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
        if (chain.isEmpty() || chain.first().isNull())
            found.append({certKey, QStringLiteral("%1 holds no PEM certificate").arg(certPath)});
    }
    if (!keyFile.open(QIODevice::ReadOnly)) {
        found.append({keyKey, QStringLiteral("cannot read %1: %2").arg(keyPath, keyFile.errorString())});
    } else {
        key = loadPrivateKey(keyFile.readAll());
        if (key.isNull())
            found.append({keyKey, QStringLiteral("%1 holds no usable PEM private key (encrypted keys are not supported)").arg(keyPath)});
    }
    if (found.isEmpty() && !CertificateGenerator::keyMatches(chain.first().toPem(), key.toPem()))
        found.append({keyKey, QStringLiteral("the key in %1 does not match the certificate in %2").arg(keyPath, certPath)});
    if (!found.isEmpty()) {
        if (errors)
            *errors += found;
        return false;
    }
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    conf.setLocalCertificateChain(chain);
    conf.setPrivateKey(key);
    conf.setPeerVerifyMode(QSslSocket::VerifyNone);
    conf.setProtocol(QSsl::TlsV1_2OrLater);
    m_configuration = conf;
    m_certificate = chain.first();
    m_certificatePath = certPath;
    m_selfSigned = chain.first().isSelfSigned();
    m_enabled = true;
    return true;
}

bool TlsContext::configure(const Config &config, QVector<ConfigError> *errors)
{
    if (!config.tls.certFile.isEmpty()) {
        if (!loadFiles(config.tls.certFile, config.tls.keyFile, QStringLiteral("tls.cert_file"),
                       QStringLiteral("tls.key_file"), errors))
            return false;
        if (m_certificate.expiryDate() < QDateTime::currentDateTimeUtc())
            qCWarning(lcTls) << "the certificate" << config.tls.certFile << "expired on" << m_certificate.expiryDate().toString(Qt::ISODate);
        Q_EMIT changed();
        return true;
    }

    const QString dir = QDir(config.mailRoot).filePath(QStringLiteral("tls"));
    const QString certPath = QDir(dir).filePath(QStringLiteral("cert.pem"));
    const QString keyPath = QDir(dir).filePath(QStringLiteral("key.pem"));
    bool reuse = false;
    if (QFileInfo::exists(certPath) && QFileInfo::exists(keyPath)) {
        const QList<QSslCertificate> existing = QSslCertificate::fromPath(certPath, QSsl::Pem);
        if (!existing.isEmpty()) {
            const QSslCertificate &c = existing.first();
            const bool fresh = c.expiryDate() > QDateTime::currentDateTimeUtc().addDays(1);
            reuse = fresh && namesHost(c, config.hostname);
            if (!reuse)
                qCInfo(lcTls) << "regenerating the self-signed certificate:"
                              << (fresh ? "the hostname changed to" : "it expired; hostname") << config.hostname;
        }
    }
    if (!reuse) {
        QByteArray certPem;
        QByteArray keyPem;
        QString problem;
        if (!QDir().mkpath(dir) || !QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner)) {
            problem = QStringLiteral("cannot create %1").arg(dir);
        } else if (CertificateGenerator::generate(config.hostname, &certPem, &keyPem, &problem)) {
            if (!AtomicFile::write(keyPath, keyPem, &problem, 0600) || !AtomicFile::write(certPath, certPem, &problem, 0644))
                ;
            else
                qCInfo(lcTls) << "generated a self-signed certificate for" << config.hostname << "in" << dir;
        }
        if (!problem.isEmpty()) {
            if (errors)
                errors->append({QStringLiteral("tls.cert_file"),
                                QStringLiteral("null, but no self-signed certificate could be made: %1").arg(problem)});
            return false;
        }
    }
    if (!loadFiles(certPath, keyPath, QStringLiteral("tls.cert_file"), QStringLiteral("tls.key_file"), errors))
        return false;
    Q_EMIT changed();
    return true;
}

QJsonObject TlsContext::describe() const
{
    if (!m_enabled)
        return QJsonObject{{"enabled", false}};
    QJsonArray sans;
    const auto names = m_certificate.subjectAlternativeNames();
    for (auto it = names.begin(); it != names.end(); ++it)
        sans.append((it.key() == QSsl::DnsEntry ? QStringLiteral("DNS:") : QStringLiteral("IP:")) + it.value());
    return QJsonObject{{"enabled", true},
                       {"path", m_certificatePath},
                       {"subject", m_certificate.subjectDisplayName()},
                       {"issuer", m_certificate.issuerDisplayName()},
                       {"subject_alt_names", sans},
                       {"not_before", m_certificate.effectiveDate().toString(Qt::ISODate)},
                       {"not_after", m_certificate.expiryDate().toString(Qt::ISODate)},
                       {"self_signed", m_selfSigned}};
}
