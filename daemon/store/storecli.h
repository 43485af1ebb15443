// Admin verbs for accounts, shared by `postroomd user|alias ...` and the control socket:
//   user add ADDRESS [--password-stdin] [--name NAME] [--quota BYTES]
//   user remove ADDRESS [--delete-mail] | passwd ADDRESS [--password-stdin]
//   user list | show ADDRESS | enable ADDRESS | disable ADDRESS | quota ADDRESS BYTES|none
//   alias add ALIAS TARGET [TARGET...] | alias remove ALIAS | alias list
// A password comes from a no-echo prompt (tty) or --password-stdin, never argv alone.
#pragma once

#include "config.h"

#include <QStringList>

class QTextStream;

// args start at the verb group: {"user","add","bob@example.com","--password-stdin"}.
// Returns a process exit code (0 ok, 1 failure, 2 usage). Output goes to stdout/stderr.
int runStoreCommand(const QStringList &args, const Config &config);

// The same with explicit streams (tests): `in` supplies the password lines.
int runStoreCommand(const QStringList &args, const Config &config, QTextStream &in, QTextStream &out,
                    QTextStream &err);
