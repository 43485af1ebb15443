// The command-line verbs of the subsystems (`postroomd user ...`, `alias ...`, `queue ...`).
#include "config.h"
#include "opscli.h"
#include "queuecontrol.h"
#include "storecli.h"

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
        {"user", runStoreCommand, "add|remove|passwd|list|show|enable|disable|quota ...  manage mail users"},
        {"alias", runStoreCommand, "add|remove|list ...  manage aliases and catch-alls (@domain)"},
        {"queue", runQueueCommand, "list|show ID|retry [ID]|remove ID|flush [--json]  inspect and manage the delivery queue"},
        {"diagnose", runOpsCommand, "[--json] [--no-dns] [--user ADDRESS --password-stdin]  check the running server"},
        {"backup", runOpsCommand, "DEST  archive mail_root and config.json (.tar.gz) while the daemon runs"},
        {"restore", runOpsCommand, "SRC [--into DIR] [--keep-config] [--force]  unpack a backup (daemon stopped)"},
        {nullptr, nullptr, nullptr},
    };
    return verbs;
}
