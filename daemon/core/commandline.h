// postroomd's command line: run the daemon (default), `init`, `status`, `reload`,
// and the admin verbs of the subsystems (`user`, `alias`, `queue`, ...).
#pragma once

int runCommandLine(int argc, char **argv);
