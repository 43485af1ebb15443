#include "opscontrol.h"

#include "controlmethods.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QPointer>
#include <QProcess>
#include <QTimer>
#include <QVector>
#include <memory>

using namespace ControlProtocol;

namespace {
constexpr int DiagnoseTimeoutMs = 180000;

// One child process at a time; everyone who asked while it runs gets its answer.
struct DiagnoseRun {
    QPointer<QProcess> process;
    QVector<ControlMethodTable::Respond> waiting;
};

void finish(const std::shared_ptr<DiagnoseRun> &run, const Reply &replyTemplate)
{
    const QVector<ControlMethodTable::Respond> waiting = std::move(run->waiting);
    run->waiting.clear();
    if (run->process)
        run->process->deleteLater();
    run->process = nullptr;
    for (const ControlMethodTable::Respond &respond : waiting)
        respond(replyTemplate);
}
} // namespace

void registerOpsControlMethods(ControlMethodTable &table, const QString &configPath, QObject *parent)
{
    auto run = std::make_shared<DiagnoseRun>();
    table.add(QStringLiteral("diagnose"), [run, configPath, parent](const Request &req, ControlMethodTable::Respond respond) {
        const qint64 id = req.id;
        // The reply id must match each caller's request: wrap respond per caller.
        run->waiting.append([respond, id](const Reply &r) {
            Reply mine = r;
            mine.id = id;
            respond(mine);
        });
        if (run->process)
            return;
        auto *process = new QProcess(parent);
        run->process = process;
        QStringList args{QStringLiteral("--config"), configPath, QStringLiteral("diagnose"), QStringLiteral("--json")};
        if (!req.params.value("dns").toBool(true))
            args << QStringLiteral("--no-dns");
        process->setProcessChannelMode(QProcess::SeparateChannels);
        QObject::connect(process, &QProcess::finished, process, [run, process](int exitCode, QProcess::ExitStatus status) {
            const QJsonObject result = QJsonDocument::fromJson(process->readAllStandardOutput()).object();
            if (status != QProcess::NormalExit || !result.contains("checks")) {
                finish(run, Reply::failure(0, ErrorCode::Failed,
                                           QStringLiteral("diagnose did not finish: %1")
                                               .arg(QString::fromLocal8Bit(process->readAllStandardError()).trimmed())));
                return;
            }
            QJsonObject withCode = result;
            withCode.insert(QStringLiteral("exit_code"), exitCode);
            finish(run, Reply::success(0, withCode));
        });
        QObject::connect(process, &QProcess::errorOccurred, process, [run, process](QProcess::ProcessError e) {
            if (e == QProcess::FailedToStart)
                finish(run, Reply::failure(0, ErrorCode::Failed,
                                           QStringLiteral("cannot run diagnose: %1").arg(process->errorString())));
        });
        QTimer::singleShot(DiagnoseTimeoutMs, process, [process] { process->kill(); }); // finished() then answers
        process->start(QCoreApplication::applicationFilePath(), args);
    });
}
