#include "configfield.h"

#include "configformmodel.h"
#include "fieldtexts.h"
#include "listeditor.h"
#include "routeeditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QRandomGenerator>
#include <QSpinBox>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

namespace {

constexpr int SecretBytes = 32; // 256-bit token secret

bool isDurationKey(const QString &path)
{
    return path.endsWith(QLatin1String("_period")) || path.endsWith(QLatin1String("_lockout"))
        || path.endsWith(QLatin1String("_interval")) || path.endsWith(QLatin1String("_lifetime"));
}

QStringList toStringList(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &e : v.toArray())
        out << (e.isString() ? e.toString() : ConfigValues::describeJsonValue(e));
    return out;
}

void markInvalid(QWidget *w, bool invalid)
{
    if (!w)
        return;
    QPalette pal = w->style()->standardPalette();
    if (invalid)
        pal.setColor(QPalette::Base, QColor(0xfd, 0xe2, 0xe0));
    w->setPalette(pal);
}

} // namespace

ConfigField::ConfigField(const ConfigKeyInfo &key, ConfigFormModel *model, QWidget *parent)
    : QWidget(parent), m_key(key), m_model(model)
{
    setObjectName(QStringLiteral("field:") + key.path);
    const QString help = FieldTexts::description(key);
    m_label = new QLabel(parent);
    m_label->setToolTip(help);
    m_label->setAlignment(Qt::AlignRight | Qt::AlignTop);
    m_label->setContentsMargins(0, 4, 0, 0);

    m_editor = createEditor();
    m_editor->setToolTip(help);
    m_label->setBuddy(m_editor);

    m_revert = new QToolButton(this);
    m_revert->setIcon(style()->standardIcon(QStyle::SP_DialogResetButton));
    m_revert->setToolTip(tr("Undo this change"));
    m_revert->setAutoRaise(true);
    m_revert->setFocusPolicy(Qt::NoFocus);
    connect(m_revert, &QToolButton::clicked, this, [this] { m_model->revertValue(m_key.path); });

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    // Compact editors keep their size; text and list editors take the width.
    const bool compact = qobject_cast<QSpinBox *>(m_editor) || qobject_cast<QCheckBox *>(m_editor)
                         || qobject_cast<QComboBox *>(m_editor);
    row->addWidget(m_editor, compact ? 0 : 1);
    if (m_hint)
        row->addWidget(m_hint);
    if (compact)
        row->addStretch(1);
    if (!key.appliesLive) {
        auto *badge = new QLabel(tr("needs restart"), this);
        badge->setObjectName(QStringLiteral("restartBadge"));
        badge->setToolTip(tr("The daemon applies this setting only when it is restarted, not on reload."));
        row->addWidget(badge);
    }
    row->addWidget(m_revert);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("fieldError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *helpLabel = new QLabel(help, this);
    helpLabel->setObjectName(QStringLiteral("fieldHelp"));
    helpLabel->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(row);
    layout->addWidget(m_error);
    layout->addWidget(helpLabel);

    connect(m_model, &ConfigFormModel::valueChanged, this, [this](const QString &p) {
        if (p == m_key.path)
            refresh();
    });
    connect(m_model, &ConfigFormModel::documentReset, this, &ConfigField::refresh);
    connect(m_model, &ConfigFormModel::problemsChanged, this, &ConfigField::updateMarkers);
    refresh();
}

QWidget *ConfigField::lineEditor(const QString &placeholder, bool nullable)
{
    m_line = new QLineEdit(this);
    m_line->setPlaceholderText(placeholder);
    connect(m_line, &QLineEdit::textEdited, this, [this, nullable](const QString &text) {
        const QString t = text.trimmed();
        m_model->setValue(m_key.path, nullable && t.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(t));
    });
    return m_line;
}

QWidget *ConfigField::createEditor()
{
    using K = ConfigValueKind;
    const QString &p = m_key.path;
    switch (m_key.kind) {
    case K::Port:
    case K::Integer: {
        auto *spin = new QSpinBox(this);
        spin->setRange(int(qMin<qint64>(m_key.minimum, INT_MAX)), int(qMin<qint64>(m_key.maximum, INT_MAX)));
        spin->setGroupSeparatorShown(m_key.kind == K::Integer && m_key.maximum >= 100000);
        spin->setAccelerated(true);
        if (p.endsWith(QLatin1String("_size")))
            spin->setSuffix(tr(" bytes"));
        else if (isDurationKey(p))
            spin->setSuffix(tr(" s"));
        if (p.endsWith(QLatin1String("_size")) || isDurationKey(p)) {
            m_hint = new QLabel(this);
            m_hint->setObjectName(QStringLiteral("fieldHint"));
            m_hint->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("= 000.0 MiB")));
        }
        spin->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("2,147,483,647 bytes")) + 40);
        connect(spin, &QSpinBox::valueChanged, this, [this](int v) {
            if (!m_updating)
                m_model->setValue(m_key.path, v);
            updateHint();
        });
        return spin;
    }
    case K::Boolean: {
        auto *check = new QCheckBox(FieldTexts::label(p), this);
        connect(check, &QCheckBox::toggled, this, [this](bool on) {
            if (!m_updating)
                m_model->setValue(m_key.path, on);
        });
        return check;
    }
    case K::Choice: {
        auto *combo = new QComboBox(this);
        for (const QString &c : m_key.choices)
            if (!(c == QLatin1String("WARN") && m_key.choices.contains(QStringLiteral("WARNING"))))
                combo->addItem(c);
        connect(combo, &QComboBox::activated, this, [this, combo](int) {
            m_model->setValue(m_key.path, combo->currentText());
        });
        return combo;
    }
    case K::DomainList:
    case K::AddressOrCidrList: {
        auto *list = new ListEditor(this);
        if (m_key.kind == K::DomainList) {
            list->setPlaceholderText(tr("example.com"));
            list->setValidator([](const QString &t) {
                return ConfigValues::isValidDomain(t) ? QString()
                                                      : tr("\"%1\" is not a domain name such as example.com.").arg(t);
            });
        } else {
            list->setPlaceholderText(tr("192.0.2.10 or 10.0.0.0/8"));
            list->setValidator([](const QString &t) {
                return ConfigValues::parseAddressOrCidr(t, nullptr)
                           ? QString()
                           : tr("\"%1\" is not an IP address or CIDR range such as 10.0.0.0/8.").arg(t);
            });
        }
        connect(list, &ListEditor::itemsEdited, this, [this](const QStringList &items) {
            m_model->setValue(m_key.path, QJsonArray::fromStringList(items));
        });
        return list;
    }
    case K::RouteMap: {
        auto *routes = new RouteEditor(this);
        connect(routes, &RouteEditor::routesEdited, this, [this](const QJsonObject &o) {
            m_model->setValue(m_key.path, o);
        });
        return routes;
    }
    case K::NullableSecret:
    case K::NullableString:
    case K::NullableHostPort:
    case K::String:
    case K::Hostname:
    case K::BindAddress:
        break;
    }

    // The line-edit kinds, some with a button or two.
    QString placeholder;
    const bool nullable = m_key.kind == K::NullableSecret || m_key.kind == K::NullableString
                          || m_key.kind == K::NullableHostPort;
    if (m_key.kind == K::BindAddress)
        placeholder = tr("0.0.0.0 (all IPv4), :: (all), 127.0.0.1");
    else if (m_key.kind == K::Hostname)
        placeholder = tr("mail.example.com");
    else if (m_key.kind == K::NullableHostPort)
        placeholder = tr("Empty: deliver directly (host:port to use a smarthost)");
    else if (m_key.kind == K::NullableSecret)
        placeholder = tr("Empty: generated by the daemon and kept in the mail folder");
    else if (p.startsWith(QLatin1String("tls.")))
        placeholder = tr("Empty: self-signed certificate in the mail folder");
    else if (nullable)
        placeholder = tr("Empty: not set");
    QWidget *line = lineEditor(placeholder, nullable);

    const bool secret = m_key.kind == K::NullableSecret || p.endsWith(QLatin1String("password"));
    const bool file = p.endsWith(QLatin1String("_file"));
    const bool folder = p == QLatin1String("mail_root");
    if (!secret && !file && !folder)
        return line;

    auto *box = new QWidget(this);
    auto *l = new QHBoxLayout(box);
    l->setContentsMargins(0, 0, 0, 0);
    l->addWidget(line, 1);
    box->setFocusProxy(line);
    if (secret) {
        m_line->setEchoMode(QLineEdit::Password);
        auto *show = new QToolButton(box);
        show->setText(tr("Show"));
        show->setCheckable(true);
        show->setObjectName(QStringLiteral("showSecret"));
        connect(show, &QToolButton::toggled, this, [this, show](bool on) {
            m_line->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
            show->setText(on ? tr("Hide") : tr("Show"));
        });
        l->addWidget(show);
    }
    if (m_key.kind == K::NullableSecret) {
        auto *generate = new QToolButton(box);
        generate->setText(tr("Generate"));
        generate->setObjectName(QStringLiteral("generateSecret"));
        generate->setToolTip(tr("Create a new random 256-bit secret. Tokens signed with the old one stop working."));
        connect(generate, &QToolButton::clicked, this, [this] {
            QByteArray bytes(SecretBytes, Qt::Uninitialized);
            QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), SecretBytes / 4);
            const QString secret = QString::fromLatin1(
                bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
            m_model->setValue(m_key.path, secret);
        });
        l->addWidget(generate);
    }
    if (file || folder) {
        auto *browse = new QToolButton(box);
        browse->setText(tr("Browse..."));
        connect(browse, &QToolButton::clicked, this, [this, folder] {
            const QString start = m_line->text().isEmpty() ? m_model->baseDir() : m_line->text();
            const QString chosen = folder
                ? QFileDialog::getExistingDirectory(this, FieldTexts::label(m_key.path), start)
                : QFileDialog::getOpenFileName(this, FieldTexts::label(m_key.path), start,
                                               tr("PEM files (*.pem *.crt *.key);;All files (*)"));
            if (!chosen.isEmpty())
                m_model->setValue(m_key.path, chosen);
        });
        l->addWidget(browse);
    }
    return box;
}

void ConfigField::setLineValue(const QJsonValue &value)
{
    if (!m_line)
        return;
    const QString text = value.isString() ? value.toString()
                         : value.isNull() ? QString() : ConfigValues::describeJsonValue(value);
    if (m_line->text().trimmed() != text)
        m_line->setText(text);
}

void ConfigField::refresh()
{
    using K = ConfigValueKind;
    m_updating = true;
    const QJsonValue v = m_model->value(m_key.path);
    switch (m_key.kind) {
    case K::Port:
    case K::Integer:
        if (auto *spin = qobject_cast<QSpinBox *>(m_editor))
            spin->setValue(int(std::clamp<qint64>(v.toInteger(spin->minimum()), spin->minimum(), spin->maximum())));
        break;
    case K::Boolean:
        if (auto *check = qobject_cast<QCheckBox *>(m_editor))
            check->setChecked(v.toBool());
        break;
    case K::Choice:
        if (auto *combo = qobject_cast<QComboBox *>(m_editor)) {
            QString text = v.toString();
            if (text.compare(QLatin1String("WARN"), Qt::CaseInsensitive) == 0)
                text = QStringLiteral("WARNING");
            int index = combo->findText(text, Qt::MatchFixedString);
            if (index < 0) {
                combo->addItem(v.toString());
                index = combo->count() - 1;
            }
            combo->setCurrentIndex(index);
        }
        break;
    case K::DomainList:
    case K::AddressOrCidrList:
        if (auto *list = qobject_cast<ListEditor *>(m_editor))
            if (list->items() != toStringList(v))
                list->setItems(toStringList(v));
        break;
    case K::RouteMap:
        if (auto *routes = qobject_cast<RouteEditor *>(m_editor))
            if (routes->routes() != v.toObject())
                routes->setRoutes(v.toObject());
        break;
    default:
        setLineValue(v);
        break;
    }
    m_updating = false;
    updateHint();
    updateMarkers();
}

void ConfigField::updateMarkers()
{
    const bool modified = m_model->isModified(m_key.path);
    const QString text = FieldTexts::label(m_key.path);
    if (m_key.kind == ConfigValueKind::Boolean)
        m_label->setText(modified ? QStringLiteral("<span style=\"color:#b35900\">\u25CF</span>") : QString());
    else
        m_label->setText(modified ? QStringLiteral("<b>%1</b> <span style=\"color:#b35900\">\u25CF</span>").arg(text.toHtmlEscaped())
                                  : text.toHtmlEscaped());
    m_label->setProperty("modified", modified);
    m_revert->setVisible(modified);
    m_revert->setEnabled(modified);
    const QString problem = m_model->problem(m_key.path);
    m_error->setText(problem);
    m_error->setVisible(!problem.isEmpty());
    QWidget *target = m_line ? static_cast<QWidget *>(m_line) : m_editor;
    if (qobject_cast<QSpinBox *>(m_editor) || m_line)
        markInvalid(target, !problem.isEmpty());
}

QString ConfigField::shownProblem() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void ConfigField::updateHint()
{
    if (!m_hint)
        return;
    const qint64 v = m_model->value(m_key.path).toInteger(-1); // range-checked: no wild double cast
    if (v < 0)
        return m_hint->clear();
    m_hint->setText(QStringLiteral("= ") + (m_key.path.endsWith(QLatin1String("_size")) ? humanBytes(v) : humanDuration(v)));
}

QString ConfigField::humanBytes(qint64 bytes)
{
    if (bytes >= 1024 * 1024 * 1024)
        return tr("%1 GiB").arg(double(bytes) / (1024.0 * 1024 * 1024), 0, 'f', 1);
    if (bytes >= 1024 * 1024)
        return tr("%1 MiB").arg(double(bytes) / (1024.0 * 1024), 0, 'f', 1);
    if (bytes >= 1024)
        return tr("%1 KiB").arg(double(bytes) / 1024.0, 0, 'f', 1);
    return tr("%n byte(s)", nullptr, int(bytes));
}

QString ConfigField::humanDuration(qint64 s)
{
    if (s >= 86400 && s % 3600 == 0)
        return tr("%1 days").arg(double(s) / 86400.0, 0, 'g', 3);
    if (s >= 3600)
        return tr("%1 h").arg(double(s) / 3600.0, 0, 'g', 3);
    if (s >= 60)
        return tr("%1 min").arg(double(s) / 60.0, 0, 'g', 3);
    return tr("%1 s").arg(s);
}
