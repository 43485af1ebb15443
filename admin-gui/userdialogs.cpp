#include "userdialogs.h"

#include "mailaddress.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace {
constexpr int MaxQuotaMiB = 1024 * 1024; // 1 TiB

QLabel *problemLabel(QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setObjectName(QStringLiteral("fieldError"));
    l->setWordWrap(true);
    return l;
}
}

AddUserDialog::AddUserDialog(const QStringList &domains, QWidget *parent) : QDialog(parent), m_domains(domains)
{
    setWindowTitle(tr("Add user"));
    m_address = new QLineEdit(this);
    m_address->setPlaceholderText(domains.isEmpty() ? tr("name@example.com") : tr("name@%1").arg(domains.first()));
    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("Optional, e.g. Anna Schmidt"));
    m_password = new QLineEdit(this);
    m_password->setEchoMode(QLineEdit::Password);
    m_repeat = new QLineEdit(this);
    m_repeat->setEchoMode(QLineEdit::Password);
    m_quota = new QSpinBox(this);
    m_quota->setRange(0, MaxQuotaMiB);
    m_quota->setSuffix(tr(" MiB"));
    m_quota->setSpecialValueText(tr("No limit"));
    m_quota->setGroupSeparatorShown(true);
    m_problem = problemLabel(this);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Add user"));

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Address:"), m_address);
    form->addRow(tr("&Display name:"), m_name);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(tr("&Repeat password:"), m_repeat);
    form->addRow(tr("&Quota:"), m_quota);
    form->addRow(m_problem);
    form->addRow(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *e : {m_address, m_password, m_repeat})
        connect(e, &QLineEdit::textChanged, this, &AddUserDialog::check);
    check();
    m_problem->clear(); // no complaints before the admin typed anything
    resize(440, sizeHint().height());
}

QString AddUserDialog::address() const { return m_address->text().trimmed(); }
QString AddUserDialog::displayName() const { return m_name->text().trimmed(); }
QString AddUserDialog::password() const { return m_password->text(); }
qint64 AddUserDialog::quotaBytes() const { return m_quota->value() == 0 ? -1 : qint64(m_quota->value()) * 1024 * 1024; }

QString AddUserDialog::problem() const
{
    QString why;
    const MailAddress a = MailAddress::parse(address(), &why);
    if (address().isEmpty())
        return tr("Enter the user's mail address.");
    if (!a.isValid())
        return tr("\"%1\" is not a valid mail address: %2").arg(address(), why);
    if (!m_domains.isEmpty() && !m_domains.contains(a.domain(), Qt::CaseInsensitive))
        return tr("%1 is not one of this server's mail domains (%2). Add the domain on the General page first.")
            .arg(a.domain(), m_domains.join(QStringLiteral(", ")));
    if (password().size() < MinPasswordLength)
        return tr("The password needs at least %1 characters.").arg(MinPasswordLength);
    if (password() != m_repeat->text())
        return tr("The two passwords differ.");
    return QString();
}

void AddUserDialog::check()
{
    const QString p = problem();
    m_problem->setText(p);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(p.isEmpty());
}

PasswordDialog::PasswordDialog(const QString &address, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("New password for %1").arg(address));
    m_password = new QLineEdit(this);
    m_password->setEchoMode(QLineEdit::Password);
    m_repeat = new QLineEdit(this);
    m_repeat->setEchoMode(QLineEdit::Password);
    m_problem = problemLabel(this);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Set password"));
    auto *form = new QFormLayout(this);
    form->addRow(tr("&New password:"), m_password);
    form->addRow(tr("&Repeat password:"), m_repeat);
    form->addRow(m_problem);
    form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_password, &QLineEdit::textChanged, this, &PasswordDialog::check);
    connect(m_repeat, &QLineEdit::textChanged, this, &PasswordDialog::check);
    check();
    m_problem->clear();
    resize(400, sizeHint().height());
}

QString PasswordDialog::password() const { return m_password->text(); }

void PasswordDialog::check()
{
    QString p;
    if (m_password->text().size() < AddUserDialog::MinPasswordLength)
        p = tr("The password needs at least %1 characters.").arg(AddUserDialog::MinPasswordLength);
    else if (m_password->text() != m_repeat->text())
        p = tr("The two passwords differ.");
    m_problem->setText(p);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(p.isEmpty());
}
