// Shows a PEM certificate's essentials for the TLS page: subject, alternative names,
// issuer, validity (with days left) and whether it is self-signed. Reads only the
// file it is pointed at; a missing or unreadable file is said so, not guessed.
#pragma once

#include <QGroupBox>

class QLabel;
class QSslCertificate;

class CertificateView : public QGroupBox
{
    Q_OBJECT
public:
    static constexpr int ExpiryWarningDays = 21;

    explicit CertificateView(QWidget *parent = nullptr);
    // origin says where the path came from ("in use by the daemon", "from the form").
    void showFile(const QString &path, const QString &origin);
    QString summary() const; // the shown text, plain (tests)

private:
    void showCertificate(const QSslCertificate &cert);
    QLabel *m_path;
    QLabel *m_subject;
    QLabel *m_names;
    QLabel *m_issuer;
    QLabel *m_validity;
    QLabel *m_selfSigned;
    QLabel *m_fingerprint;
};
