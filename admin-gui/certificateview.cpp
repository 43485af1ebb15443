#include "certificateview.h"

#include <QDateTime>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QSslCertificate>

namespace {
QLabel *valueLabel(QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

QString nameText(const QSslCertificate &cert, bool issuer)
{
    QStringList parts;
    const QList<QPair<QSslCertificate::SubjectInfo, QString>> fields{
        {QSslCertificate::CommonName, QStringLiteral("CN")},
        {QSslCertificate::Organization, QStringLiteral("O")},
        {QSslCertificate::OrganizationalUnitName, QStringLiteral("OU")},
        {QSslCertificate::CountryName, QStringLiteral("C")}};
    for (const auto &f : fields) {
        const QStringList values = issuer ? cert.issuerInfo(f.first) : cert.subjectInfo(f.first);
        for (const QString &v : values)
            parts << f.second + QLatin1Char('=') + v;
    }
    return parts.join(QStringLiteral(", "));
}
}

CertificateView::CertificateView(QWidget *parent) : QGroupBox(tr("Certificate"), parent)
{
    m_path = valueLabel(this);
    m_subject = valueLabel(this);
    m_names = valueLabel(this);
    m_issuer = valueLabel(this);
    m_validity = valueLabel(this);
    m_selfSigned = valueLabel(this);
    m_fingerprint = valueLabel(this);
    auto *form = new QFormLayout(this);
    form->addRow(tr("File:"), m_path);
    form->addRow(tr("Subject:"), m_subject);
    form->addRow(tr("Names (SAN):"), m_names);
    form->addRow(tr("Issuer:"), m_issuer);
    form->addRow(tr("Valid:"), m_validity);
    form->addRow(tr("Self-signed:"), m_selfSigned);
    form->addRow(tr("SHA-256:"), m_fingerprint);
}

void CertificateView::showFile(const QString &path, const QString &origin)
{
    m_path->setText(path.isEmpty() ? tr("(none)") : QStringLiteral("%1\n(%2)").arg(path, origin));
    for (QLabel *l : {m_subject, m_names, m_issuer, m_validity, m_selfSigned, m_fingerprint})
        l->clear();
    if (path.isEmpty())
        return;
    if (!QFileInfo::exists(path)) {
        m_subject->setText(tr("The file does not exist (yet). The daemon generates a self-signed certificate "
                              "there when it starts, unless you name your own files above."));
        return;
    }
    const QList<QSslCertificate> certs = QSslCertificate::fromPath(path, QSsl::Pem);
    if (certs.isEmpty()) {
        m_subject->setText(tr("<span style=\"color:#c0392b\">Not a readable PEM certificate.</span>"));
        return;
    }
    showCertificate(certs.first());
}

void CertificateView::showCertificate(const QSslCertificate &cert)
{
    m_subject->setText(nameText(cert, false).toHtmlEscaped());
    QStringList names;
    const auto sans = cert.subjectAlternativeNames();
    for (auto it = sans.begin(); it != sans.end(); ++it)
        names << (it.key() == QSsl::IpAddressEntry ? tr("IP %1").arg(it.value()) : it.value());
    m_names->setText(names.isEmpty() ? tr("(none)") : names.join(QStringLiteral(", ")).toHtmlEscaped());
    m_issuer->setText(nameText(cert, true).toHtmlEscaped());

    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 daysLeft = now.daysTo(cert.expiryDate());
    const QLocale locale;
    QString validity = tr("%1 to %2").arg(locale.toString(cert.effectiveDate().toLocalTime(), QLocale::ShortFormat),
                                          locale.toString(cert.expiryDate().toLocalTime(), QLocale::ShortFormat));
    if (cert.expiryDate() < now)
        validity += QStringLiteral(" <b style=\"color:#c0392b\">%1</b>").arg(tr("expired"));
    else if (cert.effectiveDate() > now)
        validity += QStringLiteral(" <b style=\"color:#c0392b\">%1</b>").arg(tr("not valid yet"));
    else if (daysLeft <= ExpiryWarningDays)
        validity += QStringLiteral(" <b style=\"color:#b35900\">%1</b>").arg(tr("expires in %n day(s)", nullptr, int(daysLeft)));
    else
        validity += QStringLiteral(" (%1)").arg(tr("%n day(s) left", nullptr, int(daysLeft)));
    m_validity->setText(validity);
    // Qt's isSelfSigned() also needs the keyCertSign usage, which leaf certificates (like the
    // daemon's generated one) lack; the same subject and issuer name is what admins mean.
    const bool selfSigned = cert.isSelfSigned() || nameText(cert, true) == nameText(cert, false);
    m_selfSigned->setText(selfSigned
                              ? tr("Yes: mail programs will warn about it unless the admin trusts it. Fine for "
                                   "testing and internal use; use a CA-signed certificate in production.")
                              : tr("No (issued by a certificate authority)"));
    m_fingerprint->setText(QString::fromLatin1(cert.digest(QCryptographicHash::Sha256).toHex(':')));
}

QString CertificateView::summary() const
{
    QStringList lines;
    for (QLabel *l : {m_path, m_subject, m_names, m_issuer, m_validity, m_selfSigned, m_fingerprint})
        lines << l->text();
    return lines.join(QLatin1Char('\n'));
}
