#include "mainwindow.h"

#include "appearance.h"
#include "certificateview.h"
#include "configformmodel.h"
#include "configpage.h"
#include "daemonclient.h"
#include "dashboardpage.h"
#include "diagnosticspage.h"
#include "fieldtexts.h"
#include "logpage.h"
#include "queuepage.h"
#include "savepreviewdialog.h"
#include "userspage.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTableWidget>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>

using ControlProtocol::Reply;

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowIcon(Appearance::appIcon());
    m_model = new ConfigFormModel(this);
    m_client = new DaemonClient(this);

    m_nav = new QListWidget(this);
    m_nav->setObjectName(QStringLiteral("navigation"));
    m_nav->setIconSize(QSize(20, 20));
    m_nav->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    m_stack = new QStackedWidget(this);

    m_banner = new QFrame(this);
    m_banner->setObjectName(QStringLiteral("offlineBanner"));
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setWordWrap(true);
    auto *chooseButton = new QPushButton(tr("Choose socket..."), m_banner);
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(chooseButton);
    connect(chooseButton, &QPushButton::clicked, this, &MainWindow::chooseSocket);

    m_messageBar = new QFrame(this);
    m_messageBar->setObjectName(QStringLiteral("messageBar"));
    m_messageText = new QLabel(m_messageBar);
    m_messageText->setWordWrap(true);
    m_messageText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *dismiss = new QToolButton(m_messageBar);
    dismiss->setText(tr("Dismiss"));
    dismiss->setAutoRaise(true);
    auto *messageLayout = new QHBoxLayout(m_messageBar);
    messageLayout->addWidget(m_messageText, 1);
    messageLayout->addWidget(dismiss, 0, Qt::AlignTop);
    connect(dismiss, &QToolButton::clicked, m_messageBar, &QWidget::hide);
    m_messageBar->hide();

    buildPages();
    buildActions();

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(8, 8, 8, 0);
    rightLayout->addWidget(m_banner);
    rightLayout->addWidget(m_messageBar);
    rightLayout->addWidget(m_stack, 1);
    auto *central = new QWidget(this);
    auto *centralLayout = new QHBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_nav);
    centralLayout->addWidget(right, 1);
    setCentralWidget(central);

    m_connectionLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_connectionLabel);

    connect(m_nav, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    connect(m_model, &ConfigFormModel::modifiedChanged, this, [this] {
        updateTitle();
        updateNavigation();
    });
    connect(m_model, &ConfigFormModel::problemsChanged, this, &MainWindow::updateNavigation);
    connect(m_model, &ConfigFormModel::valueChanged, this, [this](const QString &path) {
        if (path.startsWith(QLatin1String("tls.")) || path == QLatin1String("mail_root"))
            updateCertificate();
    });
    connect(m_model, &ConfigFormModel::documentReset, this, [this] {
        updateSocketPath();
        updateCertificate();
    });
    connect(m_client, &DaemonClient::stateChanged, this, &MainWindow::updateConnectionState);
    connect(m_dashboard, &DashboardPage::statusUpdated, this, &MainWindow::updateCertificate);

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1280, 800);
    m_nav->setCurrentRow(qBound(0, settings.value(QStringLiteral("window/page"), 0).toInt(), pageCount() - 1));
    updateTitle();
    updateNavigation();
    updateConnectionState();
}

MainWindow::~MainWindow() = default;

void MainWindow::addPage(QWidget *page, const QString &title, const QString &slug, const QIcon &icon)
{
    m_stack->addWidget(page);
    m_titles << title;
    m_slugs << slug;
    auto *item = new QListWidgetItem(icon, title, m_nav);
    item->setSizeHint(QSize(0, 34));
}

void MainWindow::buildPages()
{
    QStyle *s = style();
    m_dashboard = new DashboardPage(m_client, this);
    addPage(m_dashboard, tr("Dashboard"), QStringLiteral("dashboard"), s->standardIcon(QStyle::SP_ComputerIcon));

    struct Spec { QString title; QString slug; QString intro; QStringList keys; QStyle::StandardPixmap icon; };
    const QList<Spec> specs{
        {tr("General"), QStringLiteral("general"),
         tr("The server's name, where it keeps its data, and which mail domains it accepts."),
         ConfigPage::sectionKeys(QString()), QStyle::SP_FileDialogDetailedView},
        {tr("SMTP"), QStringLiteral("smtp"),
         tr("Receiving mail: port 25 accepts mail for your domains from anyone; the submission ports are for "
            "your users' mail programs and require a login."),
         ConfigPage::sectionKeys(QStringLiteral("smtp")), QStyle::SP_ArrowDown},
        {tr("IMAP"), QStringLiteral("imap"), tr("Reading mail: where mail programs connect to read the users' folders."),
         ConfigPage::sectionKeys(QStringLiteral("imap")), QStyle::SP_DirOpenIcon},
        {tr("Exchange API"), QStringLiteral("api"),
         tr("The HTTP API used by web and mobile clients, and for automatic account setup."),
         ConfigPage::sectionKeys(QStringLiteral("exchange_api")), QStyle::SP_DriveNetIcon},
        {tr("TLS"), QStringLiteral("tls"),
         tr("Encryption. Leave both files empty to use a self-signed certificate the server generates; for "
            "production, name the certificate and key from your certificate authority."),
         ConfigPage::sectionKeys(QStringLiteral("tls")), QStyle::SP_DialogApplyButton},
        {tr("Delivery"), QStringLiteral("delivery"),
         tr("Sending mail on: how many deliveries run at once, an optional smarthost (relay) for all outgoing "
            "mail, and static routes for single domains."),
         ConfigPage::sectionKeys(QStringLiteral("delivery")), QStyle::SP_ArrowUp},
        {tr("Rate limiting"), QStringLiteral("ratelimit"),
         tr("Protection against floods and password guessing, counted per client IP address. Addresses on the "
            "exempt list are never limited."),
         ConfigPage::sectionKeys(QStringLiteral("rate_limit")), QStyle::SP_MessageBoxWarning},
    };
    for (const Spec &spec : specs) {
        auto *page = new ConfigPage(spec.title, spec.intro, spec.keys, m_model, this);
        if (spec.slug == QLatin1String("tls")) {
            m_certificate = new CertificateView(page);
            page->addWidget(m_certificate);
        }
        m_configPages << page;
        addPage(page, spec.title, spec.slug, s->standardIcon(spec.icon));
        connect(page, &ConfigPage::modifiedChanged, this, &MainWindow::updateNavigation);
    }
    m_users = new UsersPage(m_client, m_model, this);
    addPage(m_users, tr("Users and aliases"), QStringLiteral("users"), s->standardIcon(QStyle::SP_DirHomeIcon));
    m_queue = new QueuePage(m_client, this);
    addPage(m_queue, tr("Queue"), QStringLiteral("queue"), s->standardIcon(QStyle::SP_BrowserReload));
    m_log = new LogPage(m_client, this);
    addPage(m_log, tr("Log"), QStringLiteral("log"), s->standardIcon(QStyle::SP_FileDialogContentsView));
    m_diagnostics = new DiagnosticsPage(m_client, this);
    addPage(m_diagnostics, tr("Diagnostics"), QStringLiteral("diagnostics"), s->standardIcon(QStyle::SP_DialogHelpButton));
    // Items have no width hint: size the list from the longest title (bold, with the marker).
    QFont bold = m_nav->font();
    bold.setPointSizeF(11);
    bold.setBold(true);
    int widest = 0;
    for (const QString &t : m_titles)
        widest = qMax(widest, QFontMetrics(bold).horizontalAdvance(t + QStringLiteral("  \u25CF")));
    m_nav->setFixedWidth(widest + m_nav->iconSize().width() + 24);
}

void MainWindow::buildActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open config.json..."), this, &MainWindow::chooseConfig);
    open->setShortcut(QKeySequence::Open);
    file->addSeparator();
    m_saveAction = file->addAction(style()->standardIcon(QStyle::SP_DialogSaveButton), tr("&Save"), this,
                                   [this] { saveConfig(false); });
    m_saveAction->setShortcut(QKeySequence::Save);
    m_saveAction->setToolTip(tr("Write config.json (Ctrl+S)"));
    m_saveReloadAction = file->addAction(style()->standardIcon(QStyle::SP_BrowserReload), tr("Save and &Reload"), this,
                                         [this] { saveConfig(true); });
    m_saveReloadAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_saveReloadAction->setToolTip(tr("Write config.json and tell the daemon to apply it (Ctrl+R)"));
    m_revertAction = file->addAction(style()->standardIcon(QStyle::SP_DialogResetButton), tr("Re&vert"), this,
                                     &MainWindow::revertConfig);
    m_revertAction->setToolTip(tr("Forget all unsaved changes"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *daemon = menuBar()->addMenu(tr("&Daemon"));
    daemon->addAction(tr("&Reload configuration"), this, &MainWindow::requestReload);
    daemon->addAction(tr("Connect to &socket..."), this, &MainWindow::chooseSocket);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < m_titles.size(); ++i) {
        QAction *a = view->addAction(m_titles.at(i), this, [this, i] { setCurrentPage(i); });
        if (i < 9)
            a->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i)));
    }
    view->addSeparator();
    QMenu *language = view->addMenu(tr("&Language"));
    auto *group = new QActionGroup(this);
    const QString current = QSettings().value(QStringLiteral("language")).toString();
    const QList<QPair<QString, QString>> languages{{QString(), tr("System default")},
                                                   {QStringLiteral("en"), QStringLiteral("English")},
                                                   {QStringLiteral("de"), QStringLiteral("Deutsch")},
                                                   {QStringLiteral("fr"), QStringLiteral("Fran\u00e7ais")},
                                                   {QStringLiteral("es"), QStringLiteral("Espa\u00f1ol")}};
    for (const auto &l : languages) {
        QAction *a = language->addAction(l.second, this, [this, code = l.first] { setLanguage(code); });
        a->setCheckable(true);
        a->setChecked(l.first == current);
        group->addAction(a);
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About postroom-admin"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolbar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_saveAction);
    bar->addAction(m_saveReloadAction);
    bar->addAction(m_revertAction);
}

bool MainWindow::openConfig(const QString &path, QString *error)
{
    if (!m_model->load(path, error))
        return false;
    QSettings().setValue(QStringLiteral("configPath"), m_model->path());
    updateSocketPath();
    updateTitle();
    if (!m_model->fileExists())
        report(tr("%1 does not exist yet: showing the defaults. Save creates it.").arg(m_model->path()), false);
    else if (!m_model->isValid())
        report(tr("config.json has problems; they are marked on the pages."), true);
    return true;
}

void MainWindow::setSocketOverride(const QString &path)
{
    m_socketOverride = path;
    updateSocketPath();
}

QString MainWindow::socketPath() const
{
    return m_client->socketPath();
}

void MainWindow::updateSocketPath()
{
    QString path = m_socketOverride;
    if (path.isEmpty()) {
        Config c;
        if (m_model->savedResolved(&c)) {
            path = c.controlSocket;
        } else {
            // The saved file is broken: guess from its mail_root, as the daemon would.
            const QString root = m_model->savedValue(QStringLiteral("mail_root")).toString();
            path = QDir(QDir(m_model->baseDir()).absoluteFilePath(root)).filePath(QStringLiteral("control.sock"));
        }
    }
    m_client->setSocketPath(path);
    updateConnectionState();
}

void MainWindow::updateConnectionState()
{
    const bool online = m_client->isConnected();
    m_banner->setVisible(!online);
    if (!online) {
        QString text = tr("<b>The daemon is not running</b> (or not reachable at %1). You can still edit and save "
                          "config.json; it is used when the daemon starts. This window reconnects by itself.")
                           .arg(m_client->socketPath().toHtmlEscaped());
        if (!m_client->lastError().isEmpty())
            text += QStringLiteral("<br><small>%1</small>").arg(m_client->lastError().toHtmlEscaped());
        m_bannerText->setText(text);
    }
    m_connectionLabel->setText(online ? QStringLiteral("<span style=\"color:#2ca02c\">\u25CF</span> ")
                                            + tr("Connected to the daemon")
                                      : QStringLiteral("<span style=\"color:#c0392b\">\u25CF</span> ")
                                            + tr("Daemon not running"));
}

void MainWindow::updateTitle()
{
    const QString file = m_model->path().isEmpty() ? tr("no file") : m_model->path();
    setWindowTitle(tr("%1[*] - Postroom admin").arg(file));
    setWindowModified(m_model->isModified());
    m_saveAction->setEnabled(m_model->isModified());
    m_revertAction->setEnabled(m_model->isModified());
}

void MainWindow::updateNavigation()
{
    for (int i = 0; i < m_configPages.size(); ++i) {
        ConfigPage *page = m_configPages.at(i);
        QListWidgetItem *item = m_nav->item(m_stack->indexOf(page));
        if (!item)
            continue;
        const bool modified = page->isModified();
        const bool problems = page->hasProblems();
        item->setText(page->title() + (modified ? QStringLiteral("  \u25CF") : QString()));
        item->setForeground(problems ? QColor(0xc0, 0x39, 0x2b) : palette().color(QPalette::Text));
        QFont f = item->font();
        f.setBold(modified);
        item->setFont(f);
        item->setToolTip(problems ? tr("This page has invalid values.") : modified ? tr("This page has unsaved changes.") : QString());
    }
}

void MainWindow::updateCertificate()
{
    if (!m_certificate)
        return;
    const bool formChanged = m_model->isModified(QStringLiteral("tls.cert_file")) || m_model->isModified(QStringLiteral("mail_root"));
    if (m_dashboard->hasStatus() && !m_dashboard->lastStatus().tlsCertificate.isEmpty() && !formChanged) {
        m_certificate->showFile(m_dashboard->lastStatus().tlsCertificate, tr("in use by the daemon"));
        return;
    }
    const QJsonValue cert = m_model->value(QStringLiteral("tls.cert_file"));
    const QDir base(m_model->baseDir());
    if (cert.isString() && !cert.toString().isEmpty()) {
        m_certificate->showFile(base.absoluteFilePath(cert.toString()), tr("named in the form"));
        return;
    }
    const QString root = base.absoluteFilePath(m_model->value(QStringLiteral("mail_root")).toString());
    m_certificate->showFile(QDir::cleanPath(root + QStringLiteral("/tls/cert.pem")), tr("self-signed, generated by the daemon"));
}

int MainWindow::pageCount() const { return m_stack->count(); }
int MainWindow::currentPage() const { return m_stack->currentIndex(); }
QWidget *MainWindow::page(int index) const { return m_stack->widget(index); }
QString MainWindow::pageSlug(int index) const { return m_slugs.value(index); }

void MainWindow::setCurrentPage(int index)
{
    m_nav->setCurrentRow(index);
}

ConfigPage *MainWindow::configPage(const QString &slug) const
{
    const int i = m_slugs.indexOf(slug);
    return i < 0 ? nullptr : qobject_cast<ConfigPage *>(m_stack->widget(i));
}

void MainWindow::report(const QString &text, bool error)
{
    // Errors stay in a bar above the page until dismissed or replaced; news goes to the status bar.
    m_lastMessage = text;
    m_messageText->setText(text);
    m_messageBar->setVisible(error);
    statusBar()->showMessage(error ? text.section(QLatin1Char('\n'), 0, 0) : text, error ? 0 : 10000);
}
