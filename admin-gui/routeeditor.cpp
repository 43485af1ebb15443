#include "routeeditor.h"

#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

RouteEditor::RouteEditor(QWidget *parent) : QWidget(parent)
{
    m_table = new QTableWidget(0, 2, this);
    m_table->setHorizontalHeaderLabels({tr("Destination domain"), tr("Deliver to (host:port)")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setMaximumHeight(m_table->fontMetrics().height() * 7);
    m_add = new QPushButton(tr("Add route"), this);
    m_remove = new QPushButton(tr("Remove route"), this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    layout->addLayout(buttons);

    connect(m_add, &QPushButton::clicked, this, &RouteEditor::addRow);
    connect(m_remove, &QPushButton::clicked, this, &RouteEditor::removeRow);
    connect(m_table, &QTableWidget::itemChanged, this, [this] {
        if (!m_updating)
            Q_EMIT routesEdited(routes());
    });
}

void RouteEditor::setRoutes(const QJsonObject &routes)
{
    m_updating = true;
    m_table->setRowCount(0);
    for (auto it = routes.begin(); it != routes.end(); ++it) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(it.key()));
        m_table->setItem(row, 1, new QTableWidgetItem(it.value().isString() ? it.value().toString()
                                                                              : QString()));
    }
    m_updating = false;
}

QJsonObject RouteEditor::routes() const
{
    QJsonObject o;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString domain = m_table->item(row, 0) ? m_table->item(row, 0)->text().trimmed() : QString();
        const QString target = m_table->item(row, 1) ? m_table->item(row, 1)->text().trimmed() : QString();
        if (domain.isEmpty() && target.isEmpty())
            continue; // a row still being filled in
        o.insert(domain.isEmpty() ? QStringLiteral("?") : domain, target);
    }
    return o;
}

void RouteEditor::addRow()
{
    m_updating = true;
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem);
    m_table->setItem(row, 1, new QTableWidgetItem);
    m_updating = false;
    m_table->setCurrentCell(row, 0);
    m_table->editItem(m_table->item(row, 0));
}

void RouteEditor::removeRow()
{
    const int row = m_table->currentRow();
    if (row < 0)
        return;
    m_table->removeRow(row);
    Q_EMIT routesEdited(routes());
}
