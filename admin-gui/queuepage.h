// The delivery queue over the control socket (queue.*): messages waiting or failing,
// per-recipient state and last error, retry one, remove one, flush (deliver all now). Refreshes itself
// every few seconds while visible.
#pragma once

#include <QJsonArray>
#include <QTimer>
#include <QWidget>

class DaemonClient;
class QLabel;
class QPushButton;
class QTableWidget;
class QTextBrowser;

class QueuePage : public QWidget
{
    Q_OBJECT
public:
    static constexpr int RefreshIntervalMs = 5000;

    explicit QueuePage(DaemonClient *client, QWidget *parent = nullptr);
    QString title() const { return tr("Queue"); }

    void refresh();
    QTableWidget *table() const { return m_table; }
    QString message() const;

    void retrySelected();
    void removeSelected();
    void flush();

    // "2 queued, 1 deferred" for one message's recipients.
    static QString summarizeRecipients(const QJsonArray &recipients);

Q_SIGNALS:
    void queueLoaded();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QString selectedId() const;
    void fill(const QJsonArray &messages);
    void showDetails();
    void updateButtons();
    void showMessage(const QString &text, bool error);
    void runAction(const QString &method, const QJsonObject &params, const QString &doneText);

    DaemonClient *m_client;
    QJsonArray m_messages;
    QTimer m_timer;
    QLabel *m_message;
    QLabel *m_count;
    QTableWidget *m_table;
    QTextBrowser *m_details;
    QPushButton *m_retry;
    QPushButton *m_remove;
    QPushButton *m_flush;
    QPushButton *m_refresh;
};
