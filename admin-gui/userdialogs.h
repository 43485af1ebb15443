// Small dialogs of the Users page: a new user (address, name, password twice, quota)
// and a new password. They check what they can locally (address syntax, our domains,
// matching passwords) so the admin sees the problem before the daemon is asked.
#pragma once

#include <QDialog>
#include <QStringList>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

class PasswordFields;

class AddUserDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr int MinPasswordLength = 8;

    AddUserDialog(const QStringList &domains, QWidget *parent = nullptr);
    QString address() const;
    QString displayName() const;
    QString password() const;
    qint64 quotaBytes() const; // -1: no quota

    QLineEdit *addressEdit() const { return m_address; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *passwordEdit() const { return m_password; }
    QLineEdit *repeatEdit() const { return m_repeat; }
    QSpinBox *quotaSpin() const { return m_quota; }
    QString problem() const; // empty when the input is acceptable

private:
    void check();

    QStringList m_domains;
    QLineEdit *m_address;
    QLineEdit *m_name;
    QLineEdit *m_password;
    QLineEdit *m_repeat;
    QSpinBox *m_quota;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

class PasswordDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PasswordDialog(const QString &address, QWidget *parent = nullptr);
    QString password() const;

private:
    void check();

    QLineEdit *m_password;
    QLineEdit *m_repeat;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};
