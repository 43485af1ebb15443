#include "savepreviewdialog.h"

#include "fieldtexts.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

SavePreviewDialog::SavePreviewDialog(const QVector<ConfigFormModel::Change> &changes, bool reload, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(reload ? tr("Save and reload") : tr("Save changes"));
    auto *intro = new QLabel(tr("These settings will be written to config.json:"), this);
    m_table = new QTableWidget(changes.size(), 4, this);
    m_table->setHorizontalHeaderLabels({tr("Setting"), tr("Saved value"), tr("New value"), tr("Takes effect")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    bool restart = false;
    for (int i = 0; i < changes.size(); ++i) {
        const ConfigFormModel::Change &c = changes.at(i);
        restart |= c.needsRestart;
        auto *key = new QTableWidgetItem(FieldTexts::label(c.path));
        key->setToolTip(c.path);
        m_table->setItem(i, 0, key);
        m_table->setItem(i, 1, new QTableWidgetItem(displayValue(c.path, c.before)));
        m_table->setItem(i, 2, new QTableWidgetItem(displayValue(c.path, c.after)));
        const QString when = c.needsRestart ? tr("after a restart") : reload ? tr("now (reload)") : tr("on the next reload");
        m_table->setItem(i, 3, new QTableWidgetItem(when));
        if (c.needsRestart)
            m_table->item(i, 3)->setForeground(QColor(0xb3, 0x59, 0x00));
    }
    m_table->resizeColumnsToContents();
    auto *note = new QLabel(this);
    note->setWordWrap(true);
    if (restart)
        note->setText(tr("Some changes take effect only when the daemon is restarted."));
    note->setVisible(restart);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    if (reload)
        buttons->button(QDialogButtonBox::Save)->setText(tr("Save and reload"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addWidget(note);
    layout->addWidget(buttons);
    resize(760, 360);
}

QString SavePreviewDialog::displayValue(const QString &path, const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return tr("(not set)");
    if ((path.endsWith(QLatin1String("secret")) || path.endsWith(QLatin1String("password"))) && value.isString())
        return tr("(hidden, %n character(s))", nullptr, int(value.toString().size()));
    if (value.isArray()) {
        QStringList parts;
        for (const QJsonValue &v : value.toArray())
            parts << (v.isString() ? v.toString() : ConfigValues::describeJsonValue(v));
        return parts.isEmpty() ? tr("(empty list)") : parts.join(QStringLiteral(", "));
    }
    if (value.isObject()) {
        QStringList parts;
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            parts << it.key() + QStringLiteral(" \u2192 ") + it.value().toString();
        return parts.isEmpty() ? tr("(none)") : parts.join(QStringLiteral(", "));
    }
    if (value.isBool())
        return value.toBool() ? tr("on") : tr("off");
    if (value.isString())
        return value.toString();
    return ConfigValues::describeJsonValue(value);
}
