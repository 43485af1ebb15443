#include "userspage.h"

#include "configformmodel.h"
#include "daemonclient.h"
#include "mailaddress.h"
#include "userdialogs.h"

#include <QCheckBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

using ControlProtocol::Reply;

namespace {
QTableWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    auto *t = new QTableWidget(0, headers.size(), parent);
    t->setHorizontalHeaderLabels(headers);
    t->horizontalHeader()->setStretchLastSection(true);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->setAlternatingRowColors(true);
    t->setSortingEnabled(true);
    return t;
}
}

UsersPage::UsersPage(DaemonClient *client, ConfigFormModel *config, QWidget *parent)
    : QWidget(parent), m_client(client), m_config(config)
{
    auto *heading = new QLabel(tr("Users and aliases"), this);
    heading->setObjectName(QStringLiteral("pageTitle"));
    m_message = new QLabel(this);
    m_message->setWordWrap(true);

    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search users by address or name"));
    m_search->setClearButtonEnabled(true);
    m_add = new QPushButton(tr("&Add user..."), this);
    m_remove = new QPushButton(tr("Remove..."), this);
    m_password = new QPushButton(tr("Reset password..."), this);
    m_quota = new QPushButton(tr("Set quota..."), this);
    m_enable = new QPushButton(tr("Disable"), this);
    auto *tools = new QHBoxLayout;
    tools->addWidget(m_search, 1);
    for (QPushButton *b : {m_add, m_remove, m_password, m_quota, m_enable})
        tools->addWidget(b);

    m_users = makeTable({tr("Address"), tr("Name"), tr("Quota"), tr("Used"), tr("Status")}, this);
    m_users->setObjectName(QStringLiteral("primaryTable"));
    m_detailTitle = new QLabel(tr("Select a user to see their folders."), this);
    m_detailTitle->setWordWrap(true);
    m_folders = makeTable({tr("Folder"), tr("Messages"), tr("Unread")}, this);
    m_folders->setSelectionMode(QAbstractItemView::NoSelection);
    auto *details = new QGroupBox(tr("Folders"), this);
    auto *dl = new QVBoxLayout(details);
    dl->addWidget(m_detailTitle);
    dl->addWidget(m_folders);

    auto *userSplit = new QSplitter(Qt::Horizontal, this);
    userSplit->addWidget(m_users);
    userSplit->addWidget(details);
    userSplit->setStretchFactor(0, 3);
    userSplit->setStretchFactor(1, 2);

    auto *aliasBox = new QGroupBox(tr("Aliases"), this);
    m_aliases = makeTable({tr("Alias"), tr("Delivers to")}, aliasBox);
    m_addAlias = new QPushButton(tr("Add alias..."), aliasBox);
    m_removeAlias = new QPushButton(tr("Remove alias"), aliasBox);
    auto *al = new QGridLayout(aliasBox);
    al->addWidget(m_aliases, 0, 0, 3, 1);
    al->addWidget(m_addAlias, 0, 1);
    al->addWidget(m_removeAlias, 1, 1);
    al->setRowStretch(2, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(m_message);
    layout->addLayout(tools);
    layout->addWidget(userSplit, 3);
    layout->addWidget(aliasBox, 2);

    connect(m_search, &QLineEdit::textChanged, this, &UsersPage::applyFilter);
    connect(m_add, &QPushButton::clicked, this, &UsersPage::addUser);
    connect(m_remove, &QPushButton::clicked, this, &UsersPage::removeUser);
    connect(m_password, &QPushButton::clicked, this, &UsersPage::resetPassword);
    connect(m_quota, &QPushButton::clicked, this, &UsersPage::setQuota);
    connect(m_enable, &QPushButton::clicked, this, &UsersPage::toggleEnabled);
    connect(m_addAlias, &QPushButton::clicked, this, &UsersPage::addAlias);
    connect(m_removeAlias, &QPushButton::clicked, this, &UsersPage::removeAlias);
    connect(m_users, &QTableWidget::itemSelectionChanged, this, [this] {
        updateButtons();
        showDetails();
    });
    connect(m_aliases, &QTableWidget::itemSelectionChanged, this, &UsersPage::updateButtons);
    connect(client, &DaemonClient::stateChanged, this, [this] {
        updateButtons();
        if (m_client->isConnected() && isVisible())
            refresh();
        else if (!m_client->isConnected())
            showMessage(tr("The daemon is not running: users and aliases can only be managed while it runs."), true);
    });
    updateButtons();
}

void UsersPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

QString UsersPage::message() const { return m_message->text(); }

void UsersPage::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setObjectName(error ? QStringLiteral("errorMessage") : QStringLiteral("infoMessage"));
    m_message->style()->unpolish(m_message);
    m_message->style()->polish(m_message);
}

void UsersPage::refresh()
{
    if (!m_client->isConnected()) {
        showMessage(tr("The daemon is not running: users and aliases can only be managed while it runs."), true);
        return;
    }
    m_client->request(QStringLiteral("user.list"), {}, this, [this](const Reply &r) {
        if (!r.ok) {
            showMessage(tr("Users: %1").arg(DaemonClient::describeError(r)), true);
            return;
        }
        if (m_message->objectName() == QLatin1String("errorMessage"))
            showMessage(QString(), false);
        fillUsers(r.result.value(QStringLiteral("users")).toArray());
        Q_EMIT usersLoaded();
    });
    m_client->request(QStringLiteral("alias.list"), {}, this, [this](const Reply &r) {
        if (r.ok)
            fillAliases(r.result.value(QStringLiteral("aliases")).toArray());
        else
            m_aliases->setRowCount(0);
    });
}

QString UsersPage::formatBytes(qint64 bytes)
{
    if (bytes < 0) // the daemon sent no usable size (callers pass toInteger(-1))
        return QStringLiteral("?");
    if (bytes >= 1024LL * 1024 * 1024)
        return tr("%1 GiB").arg(double(bytes) / (1024.0 * 1024 * 1024), 0, 'f', 1);
    if (bytes >= 1024 * 1024)
        return tr("%1 MiB").arg(double(bytes) / (1024.0 * 1024), 0, 'f', 1);
    return tr("%1 KiB").arg(double(bytes) / 1024.0, 0, 'f', 1);
}

void UsersPage::fillUsers(const QJsonArray &users)
{
    const QString keep = selectedAddress();
    m_userData = users;
    m_users->setSortingEnabled(false);
    m_users->setRowCount(users.size());
    for (int i = 0; i < users.size(); ++i) {
        const QJsonObject u = users.at(i).toObject();
        const QJsonValue quota = u.value(QStringLiteral("quota_bytes"));
        const bool enabled = u.value(QStringLiteral("enabled")).toBool(true);
        const QStringList cells{u.value(QStringLiteral("address")).toString(),
                                u.value(QStringLiteral("display_name")).toString(),
                                quota.isDouble() ? formatBytes(quota.toInteger(-1)) : tr("No limit"),
                                formatBytes(u.value(QStringLiteral("used_bytes")).toInteger(-1)),
                                enabled ? tr("enabled") : tr("disabled")};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (!enabled)
                item->setForeground(palette().color(QPalette::PlaceholderText));
            m_users->setItem(i, c, item);
        }
    }
    m_users->setSortingEnabled(true);
    m_users->sortByColumn(0, Qt::AscendingOrder);
    for (int row = 0; row < m_users->rowCount(); ++row)
        if (m_users->item(row, 0)->text() == keep)
            m_users->selectRow(row);
    applyFilter();
    updateButtons();
}

void UsersPage::fillAliases(const QJsonArray &aliases)
{
    m_aliases->setSortingEnabled(false);
    m_aliases->setRowCount(aliases.size());
    for (int i = 0; i < aliases.size(); ++i) {
        const QJsonObject a = aliases.at(i).toObject();
        QStringList targets;
        for (const QJsonValue &t : a.value(QStringLiteral("targets")).toArray())
            targets << t.toString();
        m_aliases->setItem(i, 0, new QTableWidgetItem(a.value(QStringLiteral("alias")).toString()));
        m_aliases->setItem(i, 1, new QTableWidgetItem(targets.join(QStringLiteral(", "))));
    }
    m_aliases->setSortingEnabled(true);
    updateButtons();
}

void UsersPage::applyFilter()
{
    const QString needle = m_search->text().trimmed();
    for (int row = 0; row < m_users->rowCount(); ++row) {
        const bool match = needle.isEmpty() || m_users->item(row, 0)->text().contains(needle, Qt::CaseInsensitive)
                           || m_users->item(row, 1)->text().contains(needle, Qt::CaseInsensitive);
        m_users->setRowHidden(row, !match);
    }
}

QString UsersPage::selectedAddress() const
{
    const QList<QTableWidgetItem *> sel = m_users->selectedItems();
    if (sel.isEmpty())
        return QString();
    return m_users->item(sel.first()->row(), 0)->text();
}

QJsonObject UsersPage::selectedUser() const
{
    const QString address = selectedAddress();
    for (const QJsonValue &v : m_userData)
        if (v.toObject().value(QStringLiteral("address")).toString() == address)
            return v.toObject();
    return {};
}

void UsersPage::showDetails()
{
    const QString address = selectedAddress();
    m_folders->setRowCount(0);
    if (address.isEmpty()) {
        m_detailTitle->setText(tr("Select a user to see their folders."));
        return;
    }
    m_detailTitle->setText(address);
    m_client->request(QStringLiteral("user.show"), {{QStringLiteral("address"), address}}, this,
                      [this, address](const Reply &r) {
        if (selectedAddress() != address)
            return;
        if (!r.ok) {
            m_detailTitle->setText(tr("%1: %2").arg(address, DaemonClient::describeError(r)));
            return;
        }
        const QJsonArray folders = r.result.value(QStringLiteral("user")).toObject().value(QStringLiteral("folders")).toArray();
        m_folders->setSortingEnabled(false);
        m_folders->setRowCount(folders.size());
        for (int i = 0; i < folders.size(); ++i) {
            const QJsonObject f = folders.at(i).toObject();
            m_folders->setItem(i, 0, new QTableWidgetItem(f.value(QStringLiteral("name")).toString()));
            auto *messages = new QTableWidgetItem;
            messages->setData(Qt::DisplayRole, f.value(QStringLiteral("messages")).toInt());
            auto *unseen = new QTableWidgetItem;
            unseen->setData(Qt::DisplayRole, f.value(QStringLiteral("unseen")).toInt());
            m_folders->setItem(i, 1, messages);
            m_folders->setItem(i, 2, unseen);
        }
        m_folders->setSortingEnabled(true);
    });
}

void UsersPage::updateButtons()
{
    const bool online = m_client->isConnected();
    const bool user = online && !selectedAddress().isEmpty();
    m_add->setEnabled(online);
    m_remove->setEnabled(user);
    m_password->setEnabled(user);
    m_quota->setEnabled(user);
    m_enable->setEnabled(user);
    m_enable->setText(user && !selectedUser().value(QStringLiteral("enabled")).toBool(true) ? tr("Enable")
                                                                                            : tr("Disable"));
    m_addAlias->setEnabled(online);
    m_removeAlias->setEnabled(online && !m_aliases->selectedItems().isEmpty());
}

void UsersPage::runAction(const QString &method, const QJsonObject &params, const QString &doneText)
{
    m_client->request(method, params, this, [this, doneText](const Reply &r) {
        if (r.ok)
            showMessage(doneText, false);
        else
            showMessage(DaemonClient::describeError(r), true);
        refresh();
    });
}

void UsersPage::addUser()
{
    AddUserDialog dialog(m_config->value(QStringLiteral("domains")).toVariant().toStringList(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    addUserWith(dialog.address(), dialog.password(), dialog.displayName(), dialog.quotaBytes());
}

void UsersPage::addUserWith(const QString &address, const QString &password, const QString &displayName,
                            qint64 quotaBytes)
{
    QJsonObject params{{QStringLiteral("address"), address}, {QStringLiteral("password"), password}};
    if (!displayName.isEmpty())
        params.insert(QStringLiteral("display_name"), displayName);
    if (quotaBytes >= 0)
        params.insert(QStringLiteral("quota_bytes"), quotaBytes);
    runAction(QStringLiteral("user.add"), params, tr("User %1 added.").arg(address));
}

void UsersPage::removeUser()
{
    const QString address = selectedAddress();
    if (address.isEmpty())
        return;
    QMessageBox box(QMessageBox::Warning, tr("Remove user"),
                    tr("Remove %1? The user can no longer log in or receive mail.").arg(address),
                    QMessageBox::Cancel, this);
    QPushButton *remove = box.addButton(tr("Remove user"), QMessageBox::DestructiveRole);
    auto *deleteMail = new QCheckBox(tr("Also delete all of this user's mail"), &box);
    box.setCheckBox(deleteMail);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != remove)
        return;
    runAction(QStringLiteral("user.remove"),
              {{QStringLiteral("address"), address}, {QStringLiteral("delete_mail"), deleteMail->isChecked()}},
              tr("User %1 removed.").arg(address));
}

void UsersPage::resetPassword()
{
    const QString address = selectedAddress();
    if (address.isEmpty())
        return;
    PasswordDialog dialog(address, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    runAction(QStringLiteral("user.passwd"),
              {{QStringLiteral("address"), address}, {QStringLiteral("password"), dialog.password()}},
              tr("Password of %1 changed.").arg(address));
}

void UsersPage::setQuota()
{
    const QJsonObject user = selectedUser();
    const QString address = selectedAddress();
    if (address.isEmpty())
        return;
    const QJsonValue current = user.value(QStringLiteral("quota_bytes"));
    bool ok = false;
    const int mib = QInputDialog::getInt(this, tr("Set quota"),
                                         tr("Quota of %1 in MiB (0 means no limit):").arg(address),
                                         int(std::clamp<qint64>(current.toInteger(0) / (1024 * 1024), 0, 1024 * 1024)), 0,
                                         1024 * 1024, 100, &ok);
    if (!ok)
        return;
    const QJsonValue quota = mib == 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(qint64(mib) * 1024 * 1024);
    runAction(QStringLiteral("user.quota"), {{QStringLiteral("address"), address}, {QStringLiteral("quota_bytes"), quota}},
              mib == 0 ? tr("%1 has no quota now.").arg(address) : tr("Quota of %1 set to %2 MiB.").arg(address).arg(mib));
}

void UsersPage::toggleEnabled()
{
    const QString address = selectedAddress();
    if (address.isEmpty())
        return;
    const bool enabled = selectedUser().value(QStringLiteral("enabled")).toBool(true);
    runAction(enabled ? QStringLiteral("user.disable") : QStringLiteral("user.enable"),
              {{QStringLiteral("address"), address}},
              enabled ? tr("%1 is disabled and can no longer log in.").arg(address)
                      : tr("%1 is enabled again.").arg(address));
}

void UsersPage::addAlias()
{
    bool ok = false;
    const QString alias = QInputDialog::getText(this, tr("Add alias"), tr("Alias address (e.g. info@example.com):"),
                                                QLineEdit::Normal, QString(), &ok).trimmed();
    if (!ok || alias.isEmpty())
        return;
    QString why;
    if (!MailAddress::parse(alias, &why).isValid()) {
        showMessage(tr("\"%1\" is not a valid mail address: %2").arg(alias, why), true);
        return;
    }
    const QString targetText = QInputDialog::getText(this, tr("Add alias"),
                                                     tr("Deliver mail for %1 to (addresses, separated by commas):").arg(alias),
                                                     QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return;
    QJsonArray targets;
    for (const QString &t : targetText.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!MailAddress::parse(t.trimmed(), &why).isValid()) {
            showMessage(tr("\"%1\" is not a valid mail address: %2").arg(t.trimmed(), why), true);
            return;
        }
        targets.append(t.trimmed());
    }
    if (targets.isEmpty()) {
        showMessage(tr("An alias needs at least one target address."), true);
        return;
    }
    runAction(QStringLiteral("alias.add"), {{QStringLiteral("alias"), alias}, {QStringLiteral("targets"), targets}},
              tr("Alias %1 added.").arg(alias));
}

void UsersPage::removeAlias()
{
    const QList<QTableWidgetItem *> sel = m_aliases->selectedItems();
    if (sel.isEmpty())
        return;
    const QString alias = m_aliases->item(sel.first()->row(), 0)->text();
    if (QMessageBox::question(this, tr("Remove alias"), tr("Remove the alias %1?").arg(alias)) != QMessageBox::Yes)
        return;
    runAction(QStringLiteral("alias.remove"), {{QStringLiteral("alias"), alias}}, tr("Alias %1 removed.").arg(alias));
}
