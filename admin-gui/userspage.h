// Users and aliases, managed over the control socket (user.* and alias.*): list with
// search, add, remove, reset password, quota, enable/disable, folder details of the
// selected user, and the alias table. Every action reloads the list afterwards.
#pragma once

#include <QJsonArray>
#include <QWidget>

class ConfigFormModel;
class DaemonClient;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace ControlProtocol { struct Reply; }

class UsersPage : public QWidget
{
    Q_OBJECT
public:
    UsersPage(DaemonClient *client, ConfigFormModel *config, QWidget *parent = nullptr);
    QString title() const { return tr("Users and aliases"); }

    void refresh();
    QTableWidget *usersTable() const { return m_users; }
    QTableWidget *aliasTable() const { return m_aliases; }
    QLineEdit *searchEdit() const { return m_search; }
    QString message() const;

    // Actions, public so that tests and menus can call them.
    void addUser();
    void addUserWith(const QString &address, const QString &password, const QString &displayName, qint64 quotaBytes);
    void removeUser();
    void resetPassword();
    void setQuota();
    void toggleEnabled();
    void addAlias();
    void removeAlias();

    static QString formatBytes(qint64 bytes); // negative (no usable size from the daemon): "?"

Q_SIGNALS:
    void usersLoaded();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QString selectedAddress() const;
    QJsonObject selectedUser() const;
    void applyFilter();
    void fillUsers(const QJsonArray &users);
    void fillAliases(const QJsonArray &aliases);
    void showDetails();
    void updateButtons();
    void showMessage(const QString &text, bool error);
    void runAction(const QString &method, const QJsonObject &params, const QString &doneText);

    DaemonClient *m_client;
    ConfigFormModel *m_config;
    QJsonArray m_userData;
    QLineEdit *m_search;
    QTableWidget *m_users;
    QTableWidget *m_aliases;
    QTableWidget *m_folders;
    QLabel *m_detailTitle;
    QLabel *m_message;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_password;
    QPushButton *m_quota;
    QPushButton *m_enable;
    QPushButton *m_addAlias;
    QPushButton *m_removeAlias;
};
