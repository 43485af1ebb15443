// Helpers shared by every fuzz target.
#include "fuzztargets.h"

#include <QtGlobal>

#include <cstdio>
#include <cstdlib>

void fuzzCheck(bool condition, const char *what)
{
    if (condition)
        return;
    std::fprintf(stderr, "fuzz invariant violated: %s\n", what);
    std::abort();
}

static void discardMessage(QtMsgType, const QMessageLogContext &, const QString &) {}

void fuzzQuietQt()
{
    static const bool once = [] {
        qInstallMessageHandler(discardMessage);
        return true;
    }();
    (void)once;
}
