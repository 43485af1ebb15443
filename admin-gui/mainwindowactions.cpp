// MainWindow's actions: Save / Save and Reload (with the preview and the daemon's
// per-key errors), Revert, opening another config or socket, language, About,
// closing with unsaved changes, and the screenshot mode. Split from mainwindow.cpp.
#include "mainwindow.h"

#include "configformmodel.h"
#include "configpage.h"
#include "daemonclient.h"
#include "diagnosticspage.h"
#include "fieldtexts.h"
#include "savepreviewdialog.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QEventLoop>
#include <QFileDialog>
#include <QInputDialog>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTimer>

using ControlProtocol::Reply;

namespace {
constexpr int ScreenshotSettleMs = 700;
}

void MainWindow::showProblemPage(const QString &key)
{
    for (ConfigPage *page : m_configPages) {
        if (page->paths().contains(key)) {
            setCurrentPage(m_stack->indexOf(page));
            return;
        }
    }
}

bool MainWindow::saveConfig(bool reload, bool confirm)
{
    if (!m_model->isModified()) {
        if (reload) {
            requestReload();
            return true;
        }
        report(tr("Nothing to save."), false);
        return true;
    }
    if (!m_model->isValid()) {
        QStringList lines;
        for (const ConfigError &e : m_model->problems())
            lines << QStringLiteral("\u2022 ") + (e.key.isEmpty() ? e.message : FieldTexts::label(e.key) + QStringLiteral(" (")
                                                      + e.key + QStringLiteral("): ") + e.message);
        showProblemPage(m_model->problems().first().key);
        report(tr("Not saved: some values are not valid. Fix the marked fields first:") + QLatin1Char('\n')
                   + lines.join(QLatin1Char('\n')),
               true);
        return false;
    }
    const QVector<ConfigFormModel::Change> changes = m_model->changes();
    bool restart = false;
    for (const auto &c : changes)
        restart |= c.needsRestart;
    if (confirm) {
        SavePreviewDialog preview(changes, reload, this);
        if (preview.exec() != QDialog::Accepted)
            return false;
    }
    QString error;
    if (!m_model->save(&error)) {
        report(tr("Not saved: %1").arg(error), true);
        return false;
    }
    const QString restartNote = restart ? QLatin1Char(' ') + tr("Some changes need a restart of the daemon.") : QString();
    if (!reload) {
        report(tr("Saved %1.").arg(m_model->path()) + restartNote, false);
        return true;
    }
    if (!m_client->isConnected()) {
        report(tr("Saved. The daemon is not running; it uses the new settings when it starts."), false);
        Q_EMIT reloadFinished(false);
        return true;
    }
    report(tr("Saved; asking the daemon to reload...") + restartNote, false);
    requestReload();
    return true;
}

void MainWindow::requestReload()
{
    if (!m_client->isConnected()) {
        report(tr("Cannot reload: the daemon is not running."), true);
        Q_EMIT reloadFinished(false);
        return;
    }
    m_client->request(QStringLiteral("reload"), {}, this, [this](const Reply &r) {
        if (r.ok) {
            m_model->setDaemonErrors({});
            report(tr("The daemon reloaded the configuration."), false);
            Q_EMIT reloadFinished(true);
            return;
        }
        if (r.error.code == ControlProtocol::ErrorCode::InvalidConfig && !r.error.errors.isEmpty()) {
            m_model->setDaemonErrors(r.error.errors);
            showProblemPage(r.error.errors.first().key);
            QStringList lines;
            for (const ConfigError &e : r.error.errors)
                lines << QStringLiteral("\u2022 ") + e.toString();
            report(tr("The daemon refused the new configuration and keeps running with the previous one. "
                      "The problems are marked next to the fields:") + QLatin1Char('\n') + lines.join(QLatin1Char('\n')),
                   true);
        } else {
            report(tr("Reload failed: %1").arg(DaemonClient::describeError(r)), true);
        }
        Q_EMIT reloadFinished(false);
    });
}

void MainWindow::revertConfig()
{
    if (!m_model->isModified())
        return;
    m_model->revertAll();
    report(tr("All unsaved changes were discarded."), false);
}

void MainWindow::chooseSocket()
{
    bool ok = false;
    const QString path = QInputDialog::getText(this, tr("Control socket"),
                                               tr("Path of the daemon's control socket (empty: the one from config.json):"),
                                               QLineEdit::Normal, m_client->socketPath(), &ok);
    if (ok) {
        Config c;
        const bool fromConfig = m_model->savedResolved(&c) && c.controlSocket == path.trimmed();
        setSocketOverride(fromConfig ? QString() : path.trimmed());
    }
}

void MainWindow::chooseConfig()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open config.json"), m_model->baseDir(),
                                                      tr("JSON files (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    if (m_model->isModified()
        && QMessageBox::question(this, tr("Discard changes?"),
                                 tr("The current config has unsaved changes. Discard them and open the other file?"))
               != QMessageBox::Yes)
        return;
    QString error;
    if (!openConfig(path, &error))
        QMessageBox::critical(this, tr("Cannot open"), error);
}

void MainWindow::setLanguage(const QString &code)
{
    QSettings().setValue(QStringLiteral("language"), code);
    QMessageBox::information(this, tr("Language"), tr("The new language is used the next time postroom-admin starts."));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About postroom-admin"),
                       tr("<h3>Postroom admin %1</h3><p>The administration program for the Postroom mail server: "
                          "settings, users, queue, log and live statistics.</p><p>Built with Qt %2.</p>")
                           .arg(QStringLiteral(POSTROOM_VERSION), QString::fromLatin1(qVersion())));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_model->isModified()) {
        const auto answer = QMessageBox::question(this, tr("Unsaved changes"),
                                                  tr("Save the changes to config.json before closing?"),
                                                  QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                                                  QMessageBox::Save);
        if (answer == QMessageBox::Cancel || (answer == QMessageBox::Save && !saveConfig(false))) {
            event->ignore();
            return;
        }
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/page"), currentPage());
    event->accept();
}

bool MainWindow::saveScreenshots(const QString &dir, QString *error)
{
    QDir().mkpath(dir);
    const int keep = currentPage();
    auto settle = [] {
        // Let the page's requests come back before grabbing it.
        QEventLoop loop;
        QTimer::singleShot(ScreenshotSettleMs, &loop, &QEventLoop::quit);
        loop.exec();
    };
    for (int i = 0; i < pageCount(); ++i) {
        setCurrentPage(i);
        settle();
        // The diagnostics page shows a real run (without DNS) rather than an empty table.
        if (page(i) == m_diagnostics && m_client->isConnected()) {
            QEventLoop loop;
            connect(m_diagnostics, &DiagnosticsPage::runFinished, &loop, &QEventLoop::quit);
            QTimer::singleShot(DiagnosticsPage::RunTimeoutMs, &loop, &QEventLoop::quit);
            m_diagnostics->run();
            loop.exec();
        }
        // Show a selected row where the page has details for it (folders, recipients).
        if (auto *table = page(i)->findChild<QTableWidget *>(QStringLiteral("primaryTable"))) {
            if (table->rowCount() > 0 && table->selectedItems().isEmpty()) {
                table->selectRow(0);
                settle();
            }
        }
        const QString file = QDir(dir).filePath(QStringLiteral("%1-%2.png").arg(i + 1, 2, 10, QLatin1Char('0')).arg(pageSlug(i)));
        if (!grab().save(file)) {
            *error = tr("Cannot write %1").arg(file);
            return false;
        }
    }
    setCurrentPage(keep);
    return true;
}
