// The command-line verbs of the subsystems (`postroomd user ...`, `alias ...`, `queue ...`).
#include "config.h"

#include <QStringList>

using ModuleCommand = int (*)(const QStringList &args, const Config &config);
struct ModuleVerb {
    const char *verb;
    ModuleCommand run;
    const char *help;
};

const ModuleVerb *postroomModuleVerbs()
{
    static const ModuleVerb verbs[] = {
        {nullptr, nullptr, nullptr},
    };
    return verbs;
}
