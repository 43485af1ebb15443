// The delivery.routes editor: a table of destination domain -> "host:port".
// Rows are checked by the model (the daemon's validator); this only edits.
#pragma once

#include <QJsonObject>
#include <QWidget>

class QPushButton;
class QTableWidget;

class RouteEditor : public QWidget
{
    Q_OBJECT
public:
    explicit RouteEditor(QWidget *parent = nullptr);
    void setRoutes(const QJsonObject &routes);
    QJsonObject routes() const;

Q_SIGNALS:
    void routesEdited(const QJsonObject &routes);

private:
    void addRow();
    void removeRow();

    QTableWidget *m_table;
    QPushButton *m_add;
    QPushButton *m_remove;
    bool m_updating = false;
};
