// The config being edited: config.json as loaded (unknown keys and all), the edits
// made through the forms, and what is wrong with them. Validation is the daemon's own
// (Config::fromJson / ConfigValues::checkValue), so the forms flag exactly what the
// daemon would refuse. Saving writes the loaded document with the edits applied.
#pragma once

#include "config.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>

class ConfigFormModel : public QObject
{
    Q_OBJECT
public:
    struct Change {
        QString path;
        QJsonValue before;
        QJsonValue after;
        bool needsRestart = false;
    };

    explicit ConfigFormModel(QObject *parent = nullptr);

    // Reads path; a missing file gives the defaults (saved as a new file). False when unreadable
    // or not JSON, with the reason; the model is left unchanged then.
    bool load(const QString &path, QString *error);
    void setDocument(const QJsonObject &document, const QString &path);
    QString path() const { return m_path; }
    bool fileExists() const { return m_fileExists; }
    QString baseDir() const;

    // The edited value of a schema key (its default when the file lacks it), and the saved one.
    QJsonValue value(const QString &path) const;
    QJsonValue savedValue(const QString &path) const;
    void setValue(const QString &path, const QJsonValue &value);
    void revertValue(const QString &path);
    void revertAll();

    bool isModified(const QString &path) const;
    bool isModified() const;
    bool anyModified(const QStringList &paths) const;
    QVector<Change> changes() const;

    // What is wrong with a key: local validation first, else what the daemon last said.
    QString problem(const QString &path) const;
    QVector<ConfigError> problems() const; // all local ones (whole-file ones have an empty key)
    bool isValid() const { return m_problems.isEmpty(); }
    void setDaemonErrors(const QVector<ConfigError> &errors);
    QString daemonError(const QString &path) const { return m_daemonErrors.value(path); }

    // The document to write: as loaded, with the edits applied, unknown keys kept.
    QJsonObject editedDocument() const { return m_edited; }
    // The effective config of the edited document (valid only when isValid()).
    bool resolved(Config *out) const;
    // The config as saved on disk, for finding the control socket and mail_root.
    bool savedResolved(Config *out) const;

    // Validates and writes atomically; on failure nothing is written.
    bool save(QString *error);

    static bool sameValue(const QJsonValue &a, const QJsonValue &b);

Q_SIGNALS:
    void valueChanged(const QString &path);
    void documentReset();   // loaded, reverted or saved: every field must refresh
    void modifiedChanged();
    void problemsChanged();

private:
    void revalidate();

    QString m_path;
    bool m_fileExists = false;
    QJsonObject m_saved;   // the file's content (no defaults merged)
    QJsonObject m_edited;  // m_saved with the edits
    QVector<ConfigError> m_problems;
    QHash<QString, QString> m_problemByKey;
    QHash<QString, QString> m_daemonErrors;
};
