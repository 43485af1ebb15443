#include "configformmodel.h"

#include "configschema.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

using namespace ConfigValues;

namespace {

// Removes a dotted path (a section left empty stays, as in the file).
void removeValueAt(QJsonObject &document, const QString &path)
{
    const int dot = path.indexOf(QLatin1Char('.'));
    if (dot < 0) {
        document.remove(path);
        return;
    }
    const QString head = path.left(dot);
    if (!document.value(head).isObject())
        return;
    QJsonObject child = document.value(head).toObject();
    removeValueAt(child, path.mid(dot + 1));
    document.insert(head, child);
}

} // namespace

ConfigFormModel::ConfigFormModel(QObject *parent) : QObject(parent)
{
    revalidate();
}

bool ConfigFormModel::load(const QString &path, QString *error)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        setDocument(QJsonObject(), info.absoluteFilePath());
        m_fileExists = false;
        return true;
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1: %2").arg(path, f.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = tr("%1 is not a valid JSON object: %2").arg(path, parseError.errorString());
        return false;
    }
    setDocument(doc.object(), info.absoluteFilePath());
    m_fileExists = true;
    return true;
}

void ConfigFormModel::setDocument(const QJsonObject &document, const QString &path)
{
    m_path = path;
    m_fileExists = true;
    m_saved = document;
    m_edited = document;
    m_daemonErrors.clear();
    revalidate();
    Q_EMIT documentReset();
    Q_EMIT modifiedChanged();
}

QString ConfigFormModel::baseDir() const
{
    return QFileInfo(m_path).absolutePath();
}

static QJsonValue orDefault(const QJsonValue &v, const QString &path)
{
    if (!v.isUndefined())
        return v;
    const ConfigKeyInfo *key = ConfigSchema::find(path);
    return key ? key->defaultValue : QJsonValue();
}

QJsonValue ConfigFormModel::value(const QString &path) const
{
    return orDefault(valueAt(m_edited, path), path);
}

QJsonValue ConfigFormModel::savedValue(const QString &path) const
{
    return orDefault(valueAt(m_saved, path), path);
}

bool ConfigFormModel::sameValue(const QJsonValue &a, const QJsonValue &b)
{
    return a == b;
}

void ConfigFormModel::setValue(const QString &path, const QJsonValue &value)
{
    if (sameValue(this->value(path), value))
        return;
    if (sameValue(savedValue(path), value)) {
        // Back to the saved value: restore the file's exact form (absent stays absent).
        const QJsonValue raw = valueAt(m_saved, path);
        if (raw.isUndefined()) {
            removeValueAt(m_edited, path);
            // A section the edit created (the file had none) goes again when it empties.
            const QString head = path.section(QLatin1Char('.'), 0, 0);
            if (head != path && !m_saved.contains(head) && m_edited.value(head).toObject().isEmpty())
                m_edited.remove(head);
        } else
            setValueAt(m_edited, path, raw);
    } else {
        setValueAt(m_edited, path, value);
    }
    m_daemonErrors.remove(path);
    revalidate();
    Q_EMIT valueChanged(path);
    Q_EMIT modifiedChanged();
}

void ConfigFormModel::revertValue(const QString &path)
{
    setValue(path, savedValue(path));
}

void ConfigFormModel::revertAll()
{
    m_edited = m_saved;
    revalidate();
    Q_EMIT documentReset();
    Q_EMIT modifiedChanged();
}

bool ConfigFormModel::isModified(const QString &path) const
{
    return !sameValue(value(path), savedValue(path));
}

bool ConfigFormModel::isModified() const
{
    return m_edited != m_saved;
}

bool ConfigFormModel::anyModified(const QStringList &paths) const
{
    for (const QString &p : paths)
        if (isModified(p))
            return true;
    return false;
}

QVector<ConfigFormModel::Change> ConfigFormModel::changes() const
{
    QVector<Change> out;
    for (const ConfigKeyInfo &k : ConfigSchema::keys())
        if (isModified(k.path))
            out.append({k.path, savedValue(k.path), value(k.path), !k.appliesLive});
    return out;
}

QString ConfigFormModel::problem(const QString &path) const
{
    const QString local = m_problemByKey.value(path);
    return local.isEmpty() ? m_daemonErrors.value(path) : local;
}

QVector<ConfigError> ConfigFormModel::problems() const
{
    return m_problems;
}

void ConfigFormModel::setDaemonErrors(const QVector<ConfigError> &errors)
{
    m_daemonErrors.clear();
    for (const ConfigError &e : errors)
        m_daemonErrors.insert(e.key, e.message);
    Q_EMIT problemsChanged();
}

void ConfigFormModel::revalidate()
{
    Config c;
    QVector<ConfigError> errors;
    if (Config::fromJson(m_edited, baseDir(), &c, &errors))
        errors.clear();
    m_problems = errors;
    m_problemByKey.clear();
    for (const ConfigError &e : errors)
        if (!m_problemByKey.contains(e.key))
            m_problemByKey.insert(e.key, e.message);
    Q_EMIT problemsChanged();
}

bool ConfigFormModel::resolved(Config *out) const
{
    QVector<ConfigError> errors;
    return Config::fromJson(m_edited, baseDir(), out, &errors);
}

bool ConfigFormModel::savedResolved(Config *out) const
{
    QVector<ConfigError> errors;
    return Config::fromJson(m_saved, baseDir(), out, &errors);
}

bool ConfigFormModel::save(QString *error)
{
    revalidate();
    if (!m_problems.isEmpty()) {
        QStringList lines;
        for (const ConfigError &e : m_problems)
            lines << e.toString();
        *error = tr("The configuration is not valid:\n%1").arg(lines.join(QLatin1Char('\n')));
        return false;
    }
    if (m_path.isEmpty()) {
        *error = tr("No file name to save to.");
        return false;
    }
    QString writeError;
    if (!Config::saveDocument(m_path, m_edited, &writeError)) {
        *error = tr("Could not write %1: %2").arg(m_path, writeError);
        return false;
    }
    m_saved = m_edited;
    m_fileExists = true;
    m_daemonErrors.clear();
    Q_EMIT documentReset();
    Q_EMIT modifiedChanged();
    Q_EMIT problemsChanged();
    return true;
}
