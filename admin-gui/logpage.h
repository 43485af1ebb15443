// The daemon's log, live: subscribes with log.subscribe (with a backlog) whenever the
// connection comes up, keeps the newest records (bounded), and filters them by
// level, subsystem and text. Pause holds the view still while records keep arriving.
#pragma once

#include "controlprotocol.h"

#include <QWidget>

class DaemonClient;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;

class LogPage : public QWidget
{
    Q_OBJECT
public:
    static constexpr int MaxRecords = 5000;
    static constexpr int BacklogRecords = 500;

    explicit LogPage(DaemonClient *client, QWidget *parent = nullptr);
    QString title() const { return tr("Log"); }

    void addRecord(const ControlProtocol::LogRecord &record);
    int recordCount() const { return int(m_records.size()); }
    int visibleRowCount() const;
    QComboBox *levelFilter() const { return m_level; }
    QComboBox *categoryFilter() const { return m_category; }
    QLineEdit *searchEdit() const { return m_search; }
    QCheckBox *pauseBox() const { return m_pause; }

    static int levelRank(const QString &level); // DEBUG 0 .. CRITICAL 4

Q_SIGNALS:
    void recordsArrived();

private:
    void subscribe();
    bool matches(const ControlProtocol::LogRecord &r) const;
    void appendRow(const ControlProtocol::LogRecord &r);
    void rebuild();
    void updateCount();

    DaemonClient *m_client;
    QVector<ControlProtocol::LogRecord> m_records;
    int m_heldBack = 0;
    QComboBox *m_level;
    QComboBox *m_category;
    QLineEdit *m_search;
    QCheckBox *m_pause;
    QLabel *m_count;
    QLabel *m_message;
    QTableWidget *m_table;
};
