// One config key in a form: the editor that fits its kind (spin box with the valid
// range, check box, list editor, ...), its label with a modified marker, a "needs
// restart" badge, the description as help text, and the problem with its value.
// Reads and writes only through ConfigFormModel.
#pragma once

#include "configschema.h"

#include <QWidget>

class ConfigFormModel;
class QLabel;
class QLineEdit;
class QToolButton;

class ConfigField : public QWidget
{
    Q_OBJECT
public:
    ConfigField(const ConfigKeyInfo &key, ConfigFormModel *model, QWidget *parent = nullptr);

    QString path() const { return m_key.path; }
    QLabel *label() const { return m_label; }   // for the form's label column
    QWidget *editor() const { return m_editor; } // the widget that holds the value (tests use it)
    QString shownProblem() const;               // the error text on display, empty if none

    // Model -> widgets (value, modified marker, problem).
    void refresh();

    static QString humanBytes(qint64 bytes);
    static QString humanDuration(qint64 seconds);

private:
    QWidget *createEditor();
    QWidget *lineEditor(const QString &placeholder, bool nullable);
    void setLineValue(const QJsonValue &value);
    void updateMarkers();
    void updateHint();

    ConfigKeyInfo m_key;
    ConfigFormModel *m_model;
    QLabel *m_label;
    QWidget *m_editor = nullptr;
    QLineEdit *m_line = nullptr;   // for the line-edit kinds
    QLabel *m_hint = nullptr;      // "= 50 MiB", "= 10 min"
    QLabel *m_error;
    QToolButton *m_revert;
    bool m_updating = false;
};
