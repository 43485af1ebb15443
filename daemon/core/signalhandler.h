// Turns SIGHUP, SIGTERM and SIGINT into Qt signals on the event loop (self-pipe:
// a socketpair written by the async-signal-safe handler, read by a QSocketNotifier).
#pragma once

#include <QObject>

class QSocketNotifier;

class SignalHandler : public QObject
{
    Q_OBJECT
public:
    explicit SignalHandler(QObject *parent = nullptr);
    ~SignalHandler() override;

Q_SIGNALS:
    void reloadRequested();
    void terminateRequested();

private:
    void onReadable();
    QSocketNotifier *m_notifier = nullptr;
};
