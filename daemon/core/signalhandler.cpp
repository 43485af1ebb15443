#include "signalhandler.h"

#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace {
int g_signalFds[2] = {-1, -1};

void onSignal(int signal)
{
    const char c = char(signal);
    [[maybe_unused]] const ssize_t n = ::write(g_signalFds[0], &c, 1);
}
} // namespace

SignalHandler::SignalHandler(QObject *parent) : QObject(parent)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_signalFds) != 0)
        return;
    struct sigaction sa {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    for (int s : {SIGHUP, SIGTERM, SIGINT})
        ::sigaction(s, &sa, nullptr);
    ::signal(SIGPIPE, SIG_IGN);
    m_notifier = new QSocketNotifier(g_signalFds[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SignalHandler::onReadable);
}

SignalHandler::~SignalHandler()
{
    for (int s : {SIGHUP, SIGTERM, SIGINT})
        ::signal(s, SIG_DFL);
}

void SignalHandler::onReadable()
{
    char c = 0;
    if (::read(g_signalFds[1], &c, 1) != 1)
        return;
    if (c == SIGHUP)
        Q_EMIT reloadRequested();
    else
        Q_EMIT terminateRequested();
}
