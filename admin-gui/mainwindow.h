// The admin program's window: navigation list and one page per section, the
// config model shared by the config pages, the daemon connection (with a banner
// while the daemon is away), Save / Save and Reload / Revert, settings persistence.
#pragma once

#include <QMainWindow>
#include <QPointer>

class ConfigFormModel;
class ConfigPage;
class CertificateView;
class DaemonClient;
class DashboardPage;
class DiagnosticsPage;
class LogPage;
class QueuePage;
class UsersPage;
class QAction;
class QLabel;
class QListWidget;
class QStackedWidget;
class QFrame;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a config.json (missing: starts from the defaults). False with a message on failure.
    bool openConfig(const QString &path, QString *error);
    // Overrides the socket found from the config (empty: back to the config's).
    void setSocketOverride(const QString &path);
    QString socketPath() const;

    // Save (reload=false) or Save and Reload. confirm shows the preview first.
    bool saveConfig(bool reload, bool confirm = true);
    void revertConfig();

    int pageCount() const;
    void setCurrentPage(int index);
    int currentPage() const;
    QWidget *page(int index) const;
    QString pageSlug(int index) const; // "dashboard", "smtp", ... (screenshot names)
    ConfigPage *configPage(const QString &slug) const;

    ConfigFormModel *model() const { return m_model; }
    DaemonClient *client() const { return m_client; }
    DashboardPage *dashboard() const { return m_dashboard; }
    UsersPage *usersPage() const { return m_users; }
    QueuePage *queuePage() const { return m_queue; }
    LogPage *logPage() const { return m_log; }
    DiagnosticsPage *diagnosticsPage() const { return m_diagnostics; }
    CertificateView *certificateView() const { return m_certificate; }
    QFrame *offlineBanner() const { return m_banner; }
    QString lastMessage() const { return m_lastMessage; }
    QAction *saveAction() const { return m_saveAction; }
    QAction *saveReloadAction() const { return m_saveReloadAction; }

    // Grabs every page into dir as NN-slug.png. False when a file cannot be written.
    bool saveScreenshots(const QString &dir, QString *error);

Q_SIGNALS:
    void reloadFinished(bool ok);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildPages();
    void buildActions();
    void addPage(QWidget *page, const QString &title, const QString &slug, const QIcon &icon);
    void updateTitle();
    void updateNavigation();
    void updateConnectionState();
    void updateSocketPath();
    void updateCertificate();
    void requestReload();
    void showProblemPage(const QString &key);
    void chooseSocket();
    void chooseConfig();
    void setLanguage(const QString &code);
    void showAbout();
    void report(const QString &text, bool error);

    ConfigFormModel *m_model;
    DaemonClient *m_client;
    QListWidget *m_nav;
    QStackedWidget *m_stack;
    QFrame *m_banner;
    QLabel *m_bannerText;
    QLabel *m_connectionLabel;
    QFrame *m_messageBar;
    QLabel *m_messageText;
    DashboardPage *m_dashboard = nullptr;
    UsersPage *m_users = nullptr;
    QueuePage *m_queue = nullptr;
    LogPage *m_log = nullptr;
    DiagnosticsPage *m_diagnostics = nullptr;
    CertificateView *m_certificate = nullptr;
    QList<ConfigPage *> m_configPages;
    QStringList m_titles;
    QStringList m_slugs;
    QString m_socketOverride;
    QString m_lastMessage;
    QAction *m_saveAction = nullptr;
    QAction *m_saveReloadAction = nullptr;
    QAction *m_revertAction = nullptr;
};
