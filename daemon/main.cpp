// postroomd: the mail server daemon. Everything lives in postroomd_core; this only runs it.
#include "commandline.h"

#include <malloc.h>

int main(int argc, char **argv)
{
    // Every password check allocates Argon2's 19 MiB block. Once glibc sees such a block
    // freed it raises its mmap threshold, and later blocks come from each password thread's
    // heap arena and stay resident for ever. A fixed threshold keeps big blocks mmapped, so
    // they go back to the system when freed.
    mallopt(M_MMAP_THRESHOLD, 4 * 1024 * 1024);
    return runCommandLine(argc, argv);
}
