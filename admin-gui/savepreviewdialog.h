// Shows what a save will change (key, saved value, new value, live or restart)
// and asks before writing. Secrets are masked.
#pragma once

#include "configformmodel.h"

#include <QDialog>

class QTableWidget;

class SavePreviewDialog : public QDialog
{
    Q_OBJECT
public:
    SavePreviewDialog(const QVector<ConfigFormModel::Change> &changes, bool reload, QWidget *parent = nullptr);
    QTableWidget *table() const { return m_table; }

    // How a value reads in the preview: lists joined, null as "(not set)", secrets masked.
    static QString displayValue(const QString &path, const QJsonValue &value);

private:
    QTableWidget *m_table;
};
