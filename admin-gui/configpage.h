// A page of config keys (one section: SMTP, IMAP, ...): a heading with the page's
// modified state, then one ConfigField per key in a scrollable form. Pages with more
// than keys (TLS certificate details) add their widgets with addWidget().
#pragma once

#include <QStringList>
#include <QWidget>

class ConfigField;
class ConfigFormModel;
class QGridLayout;
class QLabel;
class QVBoxLayout;

class ConfigPage : public QWidget
{
    Q_OBJECT
public:
    ConfigPage(const QString &title, const QString &intro, const QStringList &paths, ConfigFormModel *model,
               QWidget *parent = nullptr);

    QString title() const { return m_title; }
    QStringList paths() const { return m_paths; }
    bool isModified() const;
    bool hasProblems() const;
    ConfigField *field(const QString &path) const;
    // Appends a widget below the fields (inside the scroll area).
    void addWidget(QWidget *widget);
    ConfigFormModel *model() const { return m_model; }

    // Every schema key of one top-level section ("smtp"), or the top-level keys for "".
    static QStringList sectionKeys(const QString &section);

Q_SIGNALS:
    void modifiedChanged(bool modified);

private:
    void updateHeader();

    QString m_title;
    QStringList m_paths;
    ConfigFormModel *m_model;
    QLabel *m_modifiedBadge;
    QVBoxLayout *m_content;
    QList<ConfigField *> m_fields;
    bool m_lastModified = false;
};
