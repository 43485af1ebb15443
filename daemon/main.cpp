// postroomd: the mail server daemon. Everything lives in postroomd_core; this only runs it.
#include "commandline.h"

int main(int argc, char **argv)
{
    return runCommandLine(argc, argv);
}
