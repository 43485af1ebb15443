// fuzzreplay: runs every fuzz target over its committed seed corpus and regression
// inputs (corpus/<target>/, regressions/<target>/), so a normal ctest run (g++, and the
// sanitizer build) re-checks every input that ever crashed a parser. An invariant
// violation aborts with the target and file named on stderr.
//   fuzzreplay <tests/fuzz dir> [target]
#include "fuzztargets.h"

#include <QDir>
#include <QFile>

#include <cstdio>
#include <cstring>

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s <tests/fuzz dir> [target]\n", argv[0]);
        return 2;
    }
    fuzzQuietQt();
    const QDir root(QString::fromLocal8Bit(argv[1]));
    int files = 0;
    for (const FuzzTarget &target : FuzzTargets) {
        if (argc > 2 && std::strcmp(argv[2], target.name) != 0)
            continue;
        int targetFiles = 0;
        for (const char *kind : {"corpus", "regressions"}) {
            const QDir dir(root.filePath(QStringLiteral("%1/%2").arg(QLatin1String(kind), QLatin1String(target.name))));
            const QStringList names = dir.entryList(QDir::Files, QDir::Name);
            for (const QString &name : names) {
                if (name.endsWith(QLatin1String(".md")))
                    continue;
                QFile f(dir.filePath(name));
                if (!f.open(QIODevice::ReadOnly)) {
                    std::fprintf(stderr, "cannot read %s\n", qPrintable(f.fileName()));
                    return 1;
                }
                const QByteArray bytes = f.readAll();
                std::fprintf(stderr, "%s: %s\n", target.name, qPrintable(f.fileName()));
                target.entry(reinterpret_cast<const uint8_t *>(bytes.constData()), size_t(bytes.size()));
                ++targetFiles;
            }
        }
        if (targetFiles == 0) {
            std::fprintf(stderr, "%s: no corpus files under %s\n", target.name, qPrintable(root.path()));
            return 1;
        }
        files += targetFiles;
    }
    std::printf("replayed %d inputs\n", files);
    return files > 0 ? 0 : 1;
}
