// postroom-bench-store: the store benchmark on its own until postroom-bench links it.
#include "storebench.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    return runStoreBenchmark(app.arguments().mid(1));
}
