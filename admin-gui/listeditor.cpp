#include "listeditor.h"

#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>

static constexpr int VisibleRows = 4;

ListEditor::ListEditor(QWidget *parent) : QWidget(parent)
{
    m_list = new QListWidget(this);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setMaximumHeight(m_list->fontMetrics().height() * (VisibleRows + 1) + 8);
    m_entry = new QLineEdit(this);
    m_entry->setClearButtonEnabled(true);
    m_add = new QPushButton(tr("Add"), this);
    m_remove = new QPushButton(tr("Remove"), this);
    m_entryError = new QLabel(this);
    m_entryError->setObjectName(QStringLiteral("fieldError"));
    m_entryError->setWordWrap(true);
    m_entryError->hide();

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_list, 0, 0, 1, 2);
    grid->addWidget(m_remove, 0, 2, Qt::AlignTop);
    grid->addWidget(m_entry, 1, 0, 1, 2);
    grid->addWidget(m_add, 1, 2);
    grid->addWidget(m_entryError, 2, 0, 1, 3);
    grid->setColumnStretch(0, 1);

    connect(m_add, &QPushButton::clicked, this, &ListEditor::addEntry);
    connect(m_entry, &QLineEdit::returnPressed, this, &ListEditor::addEntry);
    connect(m_entry, &QLineEdit::textChanged, this, [this] {
        m_entryError->hide();
        updateButtons();
    });
    connect(m_remove, &QPushButton::clicked, this, &ListEditor::removeSelected);
    connect(m_list, &QListWidget::itemSelectionChanged, this, &ListEditor::updateButtons);
    setFocusProxy(m_entry);
    updateButtons();
}

void ListEditor::setPlaceholderText(const QString &text)
{
    m_entry->setPlaceholderText(text);
}

void ListEditor::setItems(const QStringList &items)
{
    m_list->clear();
    m_list->addItems(items);
    updateButtons();
}

QStringList ListEditor::items() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i)
        out << m_list->item(i)->text();
    return out;
}

bool ListEditor::addEntry()
{
    const QString text = m_entry->text().trimmed();
    if (text.isEmpty())
        return false;
    QString problem = m_validator ? m_validator(text) : QString();
    if (problem.isEmpty() && items().contains(text, Qt::CaseInsensitive))
        problem = tr("%1 is already in the list.").arg(text);
    if (!problem.isEmpty()) {
        m_entryError->setText(problem);
        m_entryError->show();
        return false;
    }
    m_list->addItem(text);
    m_entry->clear();
    updateButtons();
    Q_EMIT itemsEdited(items());
    return true;
}

void ListEditor::removeSelected()
{
    const QList<QListWidgetItem *> selected = m_list->selectedItems();
    if (selected.isEmpty())
        return;
    qDeleteAll(selected);
    updateButtons();
    Q_EMIT itemsEdited(items());
}

void ListEditor::updateButtons()
{
    m_add->setEnabled(!m_entry->text().trimmed().isEmpty());
    m_remove->setEnabled(!m_list->selectedItems().isEmpty());
}
