#include "logpage.h"

#include "daemonclient.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTableWidget>
#include <QVBoxLayout>

using ControlProtocol::LogRecord;
using ControlProtocol::Reply;

namespace {
const QStringList Levels{QStringLiteral("DEBUG"), QStringLiteral("INFO"), QStringLiteral("WARNING"),
                         QStringLiteral("ERROR"), QStringLiteral("CRITICAL")};
}

LogPage::LogPage(DaemonClient *client, QWidget *parent) : QWidget(parent), m_client(client)
{
    auto *heading = new QLabel(tr("Log"), this);
    heading->setObjectName(QStringLiteral("pageTitle"));
    m_message = new QLabel(this);
    m_message->setWordWrap(true);

    m_level = new QComboBox(this);
    m_level->addItem(tr("All levels"), 0);
    m_level->addItem(tr("Info and above"), 1);
    m_level->addItem(tr("Warnings and errors"), 2);
    m_level->addItem(tr("Errors only"), 3);
    m_level->setCurrentIndex(1);
    m_category = new QComboBox(this);
    m_category->addItem(tr("All subsystems"), QString());
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search messages"));
    m_search->setClearButtonEnabled(true);
    m_pause = new QCheckBox(tr("&Pause"), this);
    m_pause->setToolTip(tr("Hold the view still; new records are kept and shown when you resume."));
    auto *clear = new QPushButton(tr("Clear"), this);
    m_count = new QLabel(this);

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Level:"), this));
    filters->addWidget(m_level);
    filters->addWidget(new QLabel(tr("Subsystem:"), this));
    filters->addWidget(m_category);
    filters->addWidget(m_search, 1);
    filters->addWidget(m_pause);
    filters->addWidget(clear);

    m_table = new QTableWidget(0, 4, this);
    m_table->setHorizontalHeaderLabels({tr("Time"), tr("Level"), tr("Subsystem"), tr("Message")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(m_message);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_count);

    connect(m_level, &QComboBox::currentIndexChanged, this, &LogPage::rebuild);
    connect(m_category, &QComboBox::currentIndexChanged, this, &LogPage::rebuild);
    connect(m_search, &QLineEdit::textChanged, this, &LogPage::rebuild);
    connect(m_pause, &QCheckBox::toggled, this, [this](bool on) {
        if (!on)
            rebuild();
        updateCount();
    });
    connect(clear, &QPushButton::clicked, this, [this] {
        m_records.clear();
        rebuild();
    });
    connect(client, &DaemonClient::connected, this, &LogPage::subscribe);
    connect(client, &DaemonClient::disconnected, this, [this] {
        m_message->setText(tr("The daemon is not running; the log continues when it is back."));
    });
    connect(client, &DaemonClient::eventReceived, this, [this](const QString &name, const QJsonObject &data) {
        if (name == QLatin1String("log"))
            addRecord(LogRecord::fromJson(data));
    });
    if (client->isConnected())
        subscribe();
    else
        m_message->setText(tr("The daemon is not running; the log continues when it is back."));
    updateCount();
}

int LogPage::levelRank(const QString &level)
{
    const int i = Levels.indexOf(level.toUpper());
    return i < 0 ? 1 : i;
}

void LogPage::subscribe()
{
    // A reconnect sends the backlog again: start fresh so nothing shows twice.
    m_records.clear();
    rebuild();
    m_client->request(QStringLiteral("log.subscribe"), {{QStringLiteral("backlog"), BacklogRecords}}, this,
                      [this](const Reply &r) {
                          m_message->setText(r.ok ? QString() : tr("Live log: %1").arg(DaemonClient::describeError(r)));
                      });
}

void LogPage::addRecord(const LogRecord &record)
{
    m_records.append(record);
    bool trimmed = false;
    if (m_records.size() > MaxRecords) {
        m_records.remove(0, m_records.size() - MaxRecords);
        trimmed = true;
    }
    if (!record.category.isEmpty() && m_category->findData(record.category) < 0)
        m_category->addItem(record.category, record.category);
    if (m_pause->isChecked()) {
        ++m_heldBack;
    } else if (trimmed) {
        rebuild();
    } else if (matches(record)) {
        appendRow(record);
    }
    updateCount();
    Q_EMIT recordsArrived();
}

bool LogPage::matches(const LogRecord &r) const
{
    if (levelRank(r.level) < m_level->currentData().toInt())
        return false;
    const QString category = m_category->currentData().toString();
    if (!category.isEmpty() && r.category != category)
        return false;
    const QString needle = m_search->text().trimmed();
    return needle.isEmpty() || r.message.contains(needle, Qt::CaseInsensitive)
           || r.category.contains(needle, Qt::CaseInsensitive);
}

void LogPage::appendRow(const LogRecord &r)
{
    QScrollBar *bar = m_table->verticalScrollBar();
    const bool atBottom = bar->value() >= bar->maximum() - 2;
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    const QDateTime t = QDateTime::fromString(r.time, Qt::ISODateWithMs);
    const QString time = t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")) : r.time;
    const QStringList cells{time, r.level, r.category, r.message};
    const int rank = levelRank(r.level);
    const QColor color = rank >= 3 ? QColor(0xc0, 0x39, 0x2b) : rank == 2 ? QColor(0xb3, 0x59, 0x00)
                         : rank == 0 ? palette().color(QPalette::PlaceholderText) : palette().color(QPalette::Text);
    for (int c = 0; c < cells.size(); ++c) {
        auto *item = new QTableWidgetItem(cells.at(c));
        item->setForeground(color);
        if (c == 3)
            item->setToolTip(r.message);
        m_table->setItem(row, c, item);
    }
    if (atBottom)
        m_table->scrollToBottom();
}

void LogPage::rebuild()
{
    m_heldBack = 0;
    m_table->setUpdatesEnabled(false);
    m_table->setRowCount(0);
    for (const LogRecord &r : m_records)
        if (matches(r))
            appendRow(r);
    m_table->setUpdatesEnabled(true);
    m_table->scrollToBottom();
    updateCount();
}

int LogPage::visibleRowCount() const
{
    return m_table->rowCount();
}

void LogPage::updateCount()
{
    QString text = tr("Showing %1 of %2 records.").arg(m_table->rowCount()).arg(m_records.size());
    if (m_pause->isChecked())
        text += QLatin1Char(' ') + tr("Paused: %n new record(s) held back.", nullptr, m_heldBack);
    m_count->setText(text);
}
