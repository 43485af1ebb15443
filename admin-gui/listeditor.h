// A list of short strings (domains, whitelist entries) with add/remove, checking
// each new entry with a validator before it goes in, so a typo is caught at once.
#pragma once

#include <QWidget>
#include <functional>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

class ListEditor : public QWidget
{
    Q_OBJECT
public:
    // Returns an empty string when the entry is acceptable, else the problem.
    using Validator = std::function<QString(const QString &)>;

    explicit ListEditor(QWidget *parent = nullptr);
    void setValidator(Validator validator) { m_validator = std::move(validator); }
    void setPlaceholderText(const QString &text);
    void setItems(const QStringList &items);
    QStringList items() const;
    QLineEdit *entryEdit() const { return m_entry; }
    // Adds the text in the entry field; false (and the reason shown) when it is refused.
    bool addEntry();

Q_SIGNALS:
    void itemsEdited(const QStringList &items);

private:
    void removeSelected();
    void updateButtons();

    QListWidget *m_list;
    QLineEdit *m_entry;
    QPushButton *m_add;
    QPushButton *m_remove;
    QLabel *m_entryError;
    Validator m_validator;
};
