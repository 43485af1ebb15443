#include "diagnosticspage.h"

#include "daemonclient.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QStyle>
#include <QTableWidget>
#include <QTime>
#include <QVBoxLayout>

using ControlProtocol::Reply;

namespace {
const QColor PassColor(0x2c, 0x7a, 0x2c);
const QColor WarnColor(0xb3, 0x59, 0x00);
const QColor FailColor(0xc0, 0x39, 0x2b);

QColor resultColor(const QString &result)
{
    return result == QLatin1String("pass") ? PassColor : result == QLatin1String("warn") ? WarnColor : FailColor;
}

// A tick in a circle, "!" in a triangle, a cross in a circle: the shape alone tells the result
// apart, for readers who cannot tell the colours apart.
QPixmap paintResultIcon(const QString &result, int size)
{
    QPixmap pm(size, size);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    const qreal s = size;
    p.setPen(Qt::NoPen);
    p.setBrush(resultColor(result));
    if (result == QLatin1String("warn")) {
        QPainterPath tri;
        tri.moveTo(s * 0.5, s * 0.06);
        tri.lineTo(s * 0.96, s * 0.9);
        tri.lineTo(s * 0.04, s * 0.9);
        tri.closeSubpath();
        p.drawPath(tri);
    } else {
        p.drawEllipse(QRectF(s * 0.05, s * 0.05, s * 0.9, s * 0.9));
    }
    QPen pen(Qt::white, qMax(1.5, s * 0.12), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p.setPen(pen);
    if (result == QLatin1String("pass")) {
        p.drawPolyline(QPolygonF({QPointF(s * 0.28, s * 0.52), QPointF(s * 0.44, s * 0.68), QPointF(s * 0.72, s * 0.34)}));
    } else if (result == QLatin1String("warn")) {
        p.drawLine(QPointF(s * 0.5, s * 0.36), QPointF(s * 0.5, s * 0.6));
        p.drawPoint(QPointF(s * 0.5, s * 0.76));
    } else {
        p.drawLine(QPointF(s * 0.33, s * 0.33), QPointF(s * 0.67, s * 0.67));
        p.drawLine(QPointF(s * 0.67, s * 0.33), QPointF(s * 0.33, s * 0.67));
    }
    return pm;
}

QIcon resultIcon(const QString &result)
{
    QIcon icon;
    for (int size : {16, 24, 32})
        icon.addPixmap(paintResultIcon(result, size));
    return icon;
}
} // namespace

DiagnosticsPage::DiagnosticsPage(DaemonClient *client, QWidget *parent) : QWidget(parent), m_client(client)
{
    auto *heading = new QLabel(tr("Diagnostics"), this);
    heading->setObjectName(QStringLiteral("pageTitle"));
    auto *intro = new QLabel(tr("Checks the running server from this computer the way mail programs and other servers "
                                "see it: every listener, encryption and the certificate, logins, a test message from "
                                "submission to a mailbox (read back over IMAP and the API) and automatic setup. A "
                                "throwaway account is created for the test and removed afterwards."),
                             this);
    intro->setObjectName(QStringLiteral("pageIntro"));
    intro->setWordWrap(true);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_dns = new QCheckBox(tr("Check &DNS too"), this);
    m_dns->setToolTip(tr("Also look up the MX, SPF and DMARC records of each domain and the reverse DNS of the "
                         "server's address. Needs internet access; without it these checks are warnings."));
    m_run = new QPushButton(style()->standardIcon(QStyle::SP_MediaPlay), tr("&Run diagnostics"), this);
    m_run->setToolTip(tr("Run every check now. This takes a few seconds, longer with DNS."));
    auto *tools = new QHBoxLayout;
    tools->addWidget(m_summary, 1);
    tools->addWidget(m_dns);
    tools->addWidget(m_run);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("primaryTable"));
    m_table->setHorizontalHeaderLabels({tr("Result"), tr("Check"), tr("What was found"), tr("How to fix it")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(ResultColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(CheckColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(DetailColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(FixColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(true);
    m_table->setIconSize(QSize(16, 16));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(intro);
    layout->addWidget(m_message);
    layout->addLayout(tools);
    layout->addWidget(m_table, 1);

    connect(m_run, &QPushButton::clicked, this, &DiagnosticsPage::run);
    // Wrapped texts need their row heights again whenever a column's width changes.
    connect(m_table->horizontalHeader(), &QHeaderView::sectionResized, m_table, &QTableWidget::resizeRowsToContents,
            Qt::QueuedConnection);
    connect(client, &DaemonClient::stateChanged, this, &DiagnosticsPage::updateState);
    updateState();
    m_summary->setText(tr("Not run yet."));
}

QString DiagnosticsPage::message() const { return m_message->text(); }
QString DiagnosticsPage::summary() const { return m_summary->text(); }

QString DiagnosticsPage::resultText(const QString &result)
{
    if (result == QLatin1String("pass"))
        return tr("Pass");
    if (result == QLatin1String("warn"))
        return tr("Warning");
    return tr("Fail");
}

void DiagnosticsPage::showMessage(const QString &text, bool error)
{
    m_offlineShown = false;
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    m_message->setObjectName(error ? QStringLiteral("errorMessage") : QStringLiteral("infoMessage"));
    m_message->style()->unpolish(m_message);
    m_message->style()->polish(m_message);
}

void DiagnosticsPage::updateState()
{
    const bool online = m_client->isConnected();
    m_run->setEnabled(online && !m_running);
    m_dns->setEnabled(!m_running);
    if (!online && !m_running) {
        showMessage(tr("The daemon is not running. Diagnostics check the running server: start postroomd (for "
                       "example with \"systemctl start postroomd\"), then run them. The Run button works again as "
                       "soon as this window is connected."),
                    true);
        m_offlineShown = true;
    } else if (online && m_offlineShown) {
        showMessage(QString(), false);
    }
}

void DiagnosticsPage::run()
{
    if (m_running)
        return;
    if (!m_client->isConnected()) {
        updateState();
        Q_EMIT runFinished(false);
        return;
    }
    m_running = true;
    m_clock.start();
    updateState();
    m_summary->setText(m_dns->isChecked() ? tr("Running the checks, including DNS... this can take a minute.")
                                          : tr("Running the checks... this takes a few seconds."));
    showMessage(QString(), false);
    m_client->request(
        QStringLiteral("diagnose"), {{QStringLiteral("dns"), m_dns->isChecked()}}, this,
        [this](const Reply &r) {
            m_running = false;
            updateState();
            if (!r.ok) {
                if (r.error.code != DaemonClient::NotConnectedCode) // else updateState() said "not running"
                    showMessage(tr("Diagnostics could not run: %1").arg(DaemonClient::describeError(r)), true);
                m_summary->setText(tr("No result."));
                Q_EMIT runFinished(false);
                return;
            }
            showReport(r.result);
            Q_EMIT runFinished(true);
        },
        RunTimeoutMs);
}

void DiagnosticsPage::showReport(const QJsonObject &report)
{
    const QJsonArray checks = report.value(QStringLiteral("checks")).toArray();
    m_table->setUpdatesEnabled(false);
    m_table->setRowCount(0);
    for (const QJsonValue &c : checks)
        addRow(c.toObject());
    m_table->resizeRowsToContents();
    m_table->setUpdatesEnabled(true);

    const int passed = report.value(QStringLiteral("passed")).toInt();
    const int warnings = report.value(QStringLiteral("warnings")).toInt();
    const int failed = report.value(QStringLiteral("failed")).toInt();
    const QString verdict = failed > 0 ? tr("Something does not work: fix the failed checks first.")
                            : warnings > 0 ? tr("Everything works; the warnings are worth a look.")
                                           : tr("Everything works.");
    const QString counts = tr("%n passed", nullptr, passed) + QStringLiteral(", ") + tr("%n warning(s)", nullptr, warnings)
                           + QStringLiteral(", ") + tr("%n failed", nullptr, failed);
    const QString when = m_clock.isValid()
                             ? tr("Run at %1, took %2 s.")
                                   .arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat))
                                   .arg(QLocale().toString(m_clock.elapsed() / 1000.0, 'f', 1))
                             : QString();
    const QColor color = failed > 0 ? FailColor : warnings > 0 ? WarnColor : PassColor;
    m_summary->setText(QStringLiteral("<b style=\"color:%1\">%2</b> %3. %4")
                           .arg(color.name(), verdict.toHtmlEscaped(), counts.toHtmlEscaped(), when.toHtmlEscaped()));
}

void DiagnosticsPage::addRow(const QJsonObject &check)
{
    const QString result = check.value(QStringLiteral("result")).toString();
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto *resultItem = new QTableWidgetItem(resultIcon(result), resultText(result));
    resultItem->setData(Qt::UserRole, result);
    resultItem->setForeground(resultColor(result));
    QFont bold = resultItem->font();
    bold.setBold(true);
    resultItem->setFont(bold);
    m_table->setItem(row, ResultColumn, resultItem);
    const QStringList texts{check.value(QStringLiteral("name")).toString(), check.value(QStringLiteral("detail")).toString(),
                            check.value(QStringLiteral("fix")).toString()};
    for (int i = 0; i < texts.size(); ++i) {
        auto *item = new QTableWidgetItem(texts.at(i));
        item->setToolTip(texts.at(i));
        m_table->setItem(row, CheckColumn + i, item);
    }
}
