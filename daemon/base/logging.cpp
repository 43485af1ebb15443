#include "logging.h"

#include <QDateTime>
#include <QMap>
#include <QMutex>
#include <cstdio>

Q_LOGGING_CATEGORY(lcConfig, "config")
Q_LOGGING_CATEGORY(lcTls, "tls")
Q_LOGGING_CATEGORY(lcSmtp, "smtp")
Q_LOGGING_CATEGORY(lcImap, "imap")
Q_LOGGING_CATEGORY(lcApi, "api")
Q_LOGGING_CATEGORY(lcQueue, "queue")
Q_LOGGING_CATEGORY(lcStore, "store")
Q_LOGGING_CATEGORY(lcControl, "control")
Q_LOGGING_CATEGORY(lcRateLimit, "ratelimit")
Q_LOGGING_CATEGORY(lcServer, "server")

namespace {

constexpr int BacklogSize = 500;

struct LogState {
    QMutex mutex;
    QString level = QStringLiteral("INFO");
    QMap<int, Logging::Sink> sinks;
    int nextSinkId = 1;
    QVector<ControlProtocol::LogRecord> backlog; // ring buffer
    int backlogStart = 0;
    bool inSink = false; // a sink that logs must not recurse
};

LogState &state()
{
    static LogState s;
    return s;
}

QString levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg: return QStringLiteral("DEBUG");
    case QtInfoMsg: return QStringLiteral("INFO");
    case QtWarningMsg: return QStringLiteral("WARNING");
    case QtCriticalMsg: return QStringLiteral("ERROR");
    case QtFatalMsg: return QStringLiteral("CRITICAL");
    }
    return QStringLiteral("INFO");
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    ControlProtocol::LogRecord record;
    record.time = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    record.level = levelName(type);
    record.category = QString::fromLatin1(context.category ? context.category : "default");
    if (record.category == QLatin1String("default"))
        record.category = QStringLiteral("server");
    record.message = message;
    if (record.category.startsWith(QLatin1String("qt.")) && type == QtDebugMsg)
        return;

    const QByteArray line = QStringLiteral("%1 %2 [%3] %4\n")
                                .arg(record.time, record.level.leftJustified(7), record.category, message)
                                .toUtf8();
    LogState &s = state();
    QMutexLocker lock(&s.mutex);
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
    if (s.backlog.size() < BacklogSize) {
        s.backlog.append(record);
    } else {
        s.backlog[s.backlogStart] = record;
        s.backlogStart = (s.backlogStart + 1) % BacklogSize;
    }
    if (s.inSink || s.sinks.isEmpty())
        return;
    s.inSink = true;
    const auto sinks = s.sinks;
    lock.unlock();
    for (const Logging::Sink &sink : sinks)
        sink(record);
    lock.relock();
    s.inSink = false;
}

void filter(QLoggingCategory *category)
{
    const QString level = state().level;
    const bool debug = level == QLatin1String("DEBUG");
    const bool info = debug || level == QLatin1String("INFO");
    const bool warning = info || level == QLatin1String("WARNING");
    const bool error = warning || level == QLatin1String("ERROR");
    const bool qtInternal = QByteArray(category->categoryName()).startsWith("qt.");
    category->setEnabled(QtDebugMsg, debug && !qtInternal);
    category->setEnabled(QtInfoMsg, info);
    category->setEnabled(QtWarningMsg, warning);
    Q_UNUSED(error);
    category->setEnabled(QtCriticalMsg, true); // errors are always shown
}

} // namespace

namespace Logging {

void install()
{
    qInstallMessageHandler(handler);
    QLoggingCategory::installFilter(filter);
}

void setLevel(const QString &level)
{
    QString l = level.toUpper();
    if (l == QLatin1String("WARN"))
        l = QStringLiteral("WARNING");
    {
        QMutexLocker lock(&state().mutex);
        state().level = l;
    }
    // Re-run the filter over every category.
    QLoggingCategory::installFilter(filter);
}

QString level()
{
    QMutexLocker lock(&state().mutex);
    return state().level;
}

int addSink(Sink sink)
{
    QMutexLocker lock(&state().mutex);
    const int id = state().nextSinkId++;
    state().sinks.insert(id, std::move(sink));
    return id;
}

void removeSink(int id)
{
    QMutexLocker lock(&state().mutex);
    state().sinks.remove(id);
}

QVector<ControlProtocol::LogRecord> recent(int count)
{
    QMutexLocker lock(&state().mutex);
    const LogState &s = state();
    QVector<ControlProtocol::LogRecord> ordered;
    ordered.reserve(s.backlog.size());
    for (int i = 0; i < s.backlog.size(); ++i)
        ordered.append(s.backlog.at((s.backlogStart + i) % s.backlog.size()));
    if (count < ordered.size())
        ordered = ordered.mid(ordered.size() - count);
    return ordered;
}

} // namespace Logging
