#include "queuepage.h"

#include "daemonclient.h"
#include "userspage.h"

#include <QDateTime>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

using ControlProtocol::Reply;

namespace {
QString localTime(const QString &iso)
{
    const QDateTime t = QDateTime::fromString(iso, Qt::ISODate);
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : iso;
}
}

QueuePage::QueuePage(DaemonClient *client, QWidget *parent) : QWidget(parent), m_client(client)
{
    auto *heading = new QLabel(tr("Delivery queue"), this);
    heading->setObjectName(QStringLiteral("pageTitle"));
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_count = new QLabel(this);

    m_retry = new QPushButton(tr("&Retry now"), this);
    m_retry->setToolTip(tr("Try to deliver the selected message again now."));
    m_remove = new QPushButton(tr("Remove..."), this);
    m_remove->setToolTip(tr("Delete the selected message from the queue without delivering it."));
    m_flush = new QPushButton(tr("&Flush queue"), this);
    m_flush->setToolTip(tr("Try to deliver every waiting message now, without waiting for its next attempt time."));
    m_refresh = new QPushButton(tr("Refresh"), this);
    auto *tools = new QHBoxLayout;
    tools->addWidget(m_count, 1);
    for (QPushButton *b : {m_refresh, m_retry, m_remove, m_flush})
        tools->addWidget(b);

    m_table = new QTableWidget(0, 6, this);
    m_table->setHorizontalHeaderLabels({tr("ID"), tr("From"), tr("Recipients"), tr("Arrived"), tr("Size"), tr("Next attempt")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setObjectName(QStringLiteral("primaryTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_details = new QTextBrowser(this);
    m_details->setPlaceholderText(tr("Select a message to see each recipient's state and last error."));

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(m_message);
    layout->addLayout(tools);
    layout->addWidget(split, 1);

    connect(m_refresh, &QPushButton::clicked, this, &QueuePage::refresh);
    connect(m_retry, &QPushButton::clicked, this, &QueuePage::retrySelected);
    connect(m_remove, &QPushButton::clicked, this, &QueuePage::removeSelected);
    connect(m_flush, &QPushButton::clicked, this, &QueuePage::flush);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        updateButtons();
        showDetails();
    });
    connect(client, &DaemonClient::stateChanged, this, [this] {
        updateButtons();
        if (isVisible())
            refresh();
    });
    m_timer.setInterval(RefreshIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &QueuePage::refresh);
    updateButtons();
}

void QueuePage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
    m_timer.start();
}

void QueuePage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_timer.stop();
}

QString QueuePage::message() const { return m_message->text(); }

void QueuePage::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setObjectName(error ? QStringLiteral("errorMessage") : QStringLiteral("infoMessage"));
    m_message->style()->unpolish(m_message);
    m_message->style()->polish(m_message);
}

void QueuePage::refresh()
{
    if (!m_client->isConnected()) {
        showMessage(tr("The daemon is not running: the queue can only be shown while it runs."), true);
        m_table->setRowCount(0);
        m_count->clear();
        return;
    }
    m_client->request(QStringLiteral("queue.list"), {}, this, [this](const Reply &r) {
        if (!r.ok) {
            showMessage(tr("Queue: %1").arg(DaemonClient::describeError(r)), true);
            return;
        }
        if (m_message->objectName() == QLatin1String("errorMessage"))
            showMessage(QString(), false);
        fill(r.result.value(QStringLiteral("messages")).toArray());
        Q_EMIT queueLoaded();
    });
}

QString QueuePage::summarizeRecipients(const QJsonArray &recipients)
{
    QMap<QString, int> byState;
    for (const QJsonValue &v : recipients)
        ++byState[v.toObject().value(QStringLiteral("state")).toString()];
    QStringList parts;
    const QList<QPair<QString, QString>> names{{QStringLiteral("queued"), tr("%1 queued")},
                                               {QStringLiteral("deferred"), tr("%1 deferred")},
                                               {QStringLiteral("delivered"), tr("%1 delivered")},
                                               {QStringLiteral("bounced"), tr("%1 bounced")}};
    for (const auto &n : names)
        if (byState.value(n.first) > 0)
            parts << n.second.arg(byState.value(n.first));
    return parts.join(QStringLiteral(", "));
}

void QueuePage::fill(const QJsonArray &messages)
{
    const QString keep = selectedId();
    m_messages = messages;
    m_table->setRowCount(messages.size());
    for (int i = 0; i < messages.size(); ++i) {
        const QJsonObject m = messages.at(i).toObject();
        const QJsonArray rcpts = m.value(QStringLiteral("recipients")).toArray();
        QStringList addresses;
        for (const QJsonValue &r : rcpts)
            addresses << r.toObject().value(QStringLiteral("address")).toString();
        const QStringList cells{m.value(QStringLiteral("id")).toString(), m.value(QStringLiteral("sender")).toString(),
                                addresses.join(QStringLiteral(", ")) + QStringLiteral(" (") + summarizeRecipients(rcpts) + QLatin1Char(')'),
                                localTime(m.value(QStringLiteral("arrived")).toString()),
                                UsersPage::formatBytes(m.value(QStringLiteral("size")).toInteger(-1)),
                                localTime(m.value(QStringLiteral("next_attempt")).toString())};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(i, c, new QTableWidgetItem(cells.at(c)));
        if (cells.first() == keep)
            m_table->selectRow(i);
    }
    m_count->setText(tr("%n message(s) in the queue", nullptr, int(messages.size())));
    updateButtons();
}

QString QueuePage::selectedId() const
{
    const QList<QTableWidgetItem *> sel = m_table->selectedItems();
    return sel.isEmpty() ? QString() : m_table->item(sel.first()->row(), 0)->text();
}

void QueuePage::showDetails()
{
    const QString id = selectedId();
    QJsonObject m;
    for (const QJsonValue &v : m_messages)
        if (v.toObject().value(QStringLiteral("id")).toString() == id)
            m = v.toObject();
    if (m.isEmpty()) {
        m_details->clear();
        return;
    }
    QString html = QStringLiteral("<h3>%1</h3><p>%2 %3<br>%4 %5</p><table cellpadding=4>")
                       .arg(tr("Message %1").arg(id.toHtmlEscaped()), tr("From:"),
                            m.value(QStringLiteral("sender")).toString().toHtmlEscaped(), tr("Arrived:"),
                            localTime(m.value(QStringLiteral("arrived")).toString()));
    html += QStringLiteral("<tr><th align=left>%1</th><th align=left>%2</th><th align=left>%3</th><th align=left>%4</th></tr>")
                .arg(tr("Recipient"), tr("State"), tr("Attempts"), tr("Last error"));
    for (const QJsonValue &v : m.value(QStringLiteral("recipients")).toArray()) {
        const QJsonObject r = v.toObject();
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>")
                    .arg(r.value(QStringLiteral("address")).toString().toHtmlEscaped(),
                         r.value(QStringLiteral("state")).toString().toHtmlEscaped())
                    .arg(r.value(QStringLiteral("attempts")).toInt())
                    .arg(r.value(QStringLiteral("last_error")).toString().toHtmlEscaped());
    }
    html += QStringLiteral("</table>");
    m_details->setHtml(html);
}

void QueuePage::updateButtons()
{
    const bool online = m_client->isConnected();
    const bool selected = online && !selectedId().isEmpty();
    m_retry->setEnabled(selected);
    m_remove->setEnabled(selected);
    m_flush->setEnabled(online && m_table->rowCount() > 0);
    m_refresh->setEnabled(online);
}

void QueuePage::runAction(const QString &method, const QJsonObject &params, const QString &doneText)
{
    m_client->request(method, params, this, [this, doneText](const Reply &r) {
        showMessage(r.ok ? doneText : DaemonClient::describeError(r), !r.ok);
        refresh();
    });
}

void QueuePage::retrySelected()
{
    const QString id = selectedId();
    if (!id.isEmpty())
        runAction(QStringLiteral("queue.retry"), {{QStringLiteral("id"), id}}, tr("Message %1 will be retried now.").arg(id));
}

void QueuePage::removeSelected()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    if (QMessageBox::question(this, tr("Remove message"),
                              tr("Remove message %1 from the queue? It will not be delivered and the sender is not told.").arg(id))
        != QMessageBox::Yes)
        return;
    runAction(QStringLiteral("queue.remove"), {{QStringLiteral("id"), id}}, tr("Message %1 removed.").arg(id));
}

void QueuePage::flush()
{
    runAction(QStringLiteral("queue.flush"), {}, tr("Delivery of every waiting message was started."));
}
