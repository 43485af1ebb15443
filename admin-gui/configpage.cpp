#include "configpage.h"

#include "configfield.h"
#include "configformmodel.h"
#include "configschema.h"

#include <QGridLayout>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

ConfigPage::ConfigPage(const QString &title, const QString &intro, const QStringList &paths,
                       ConfigFormModel *model, QWidget *parent)
    : QWidget(parent), m_title(title), m_paths(paths), m_model(model)
{
    auto *heading = new QLabel(title, this);
    heading->setObjectName(QStringLiteral("pageTitle"));
    m_modifiedBadge = new QLabel(tr("Unsaved changes"), this);
    m_modifiedBadge->setObjectName(QStringLiteral("modifiedBadge"));
    auto *headRow = new QHBoxLayout;
    headRow->addWidget(heading);
    headRow->addWidget(m_modifiedBadge);
    headRow->addStretch();
    auto *introLabel = new QLabel(intro, this);
    introLabel->setObjectName(QStringLiteral("pageIntro"));
    introLabel->setWordWrap(true);

    auto *inner = new QWidget;
    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(16);
    grid->setVerticalSpacing(14);
    grid->setColumnStretch(1, 1);
    int row = 0;
    for (const QString &path : paths) {
        const ConfigKeyInfo *key = ConfigSchema::find(path);
        if (!key)
            continue;
        auto *f = new ConfigField(*key, model, inner);
        grid->addWidget(f->label(), row, 0);
        grid->addWidget(f, row, 1);
        m_fields << f;
        ++row;
    }
    // Tab order follows the form from top to bottom.
    for (int i = 1; i < m_fields.size(); ++i)
        setTabOrder(m_fields.at(i - 1)->editor(), m_fields.at(i)->editor());
    m_content = new QVBoxLayout(inner);
    m_content->setContentsMargins(4, 4, 16, 16);
    m_content->addLayout(grid);
    m_content->addStretch();

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(inner);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(headRow);
    layout->addWidget(introLabel);
    layout->addWidget(scroll, 1);

    connect(model, &ConfigFormModel::modifiedChanged, this, &ConfigPage::updateHeader);
    updateHeader();
}

bool ConfigPage::isModified() const
{
    return m_model->anyModified(m_paths);
}

bool ConfigPage::hasProblems() const
{
    for (const QString &p : m_paths)
        if (!m_model->problem(p).isEmpty())
            return true;
    return false;
}

ConfigField *ConfigPage::field(const QString &path) const
{
    for (ConfigField *f : m_fields)
        if (f->path() == path)
            return f;
    return nullptr;
}

void ConfigPage::addWidget(QWidget *widget)
{
    m_content->insertWidget(m_content->count() - 1, widget);
}

QStringList ConfigPage::sectionKeys(const QString &section)
{
    QStringList out;
    for (const ConfigKeyInfo &k : ConfigSchema::keys()) {
        const int dot = k.path.indexOf(QLatin1Char('.'));
        if (section.isEmpty() ? dot < 0 : k.path.left(dot) == section)
            out << k.path;
    }
    return out;
}

void ConfigPage::updateHeader()
{
    const bool modified = isModified();
    m_modifiedBadge->setVisible(modified);
    if (modified != m_lastModified) {
        m_lastModified = modified;
        Q_EMIT modifiedChanged(modified);
    }
}
