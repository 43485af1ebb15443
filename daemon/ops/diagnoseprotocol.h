// Small blocking SMTP and IMAP client steps shared by the diagnose checks. Replies are
// read with the deadlines of ProbeSocket; nothing here keeps state between commands.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

class ProbeSocket;

namespace DiagnoseProtocol {
// SMTP (RFC 5321 4.2): a possibly multi-line reply; lines without the code.
bool smtpReply(ProbeSocket &s, int *code, QStringList *lines, QString *error);
bool smtpCommand(ProbeSocket &s, const QByteArray &command, int *code, QStringList *lines, QString *error);
// EHLO; keywords upper-case ("STARTTLS", "AUTH PLAIN LOGIN", ...).
bool smtpEhlo(ProbeSocket &s, QStringList *keywords, QString *error);
bool hasKeyword(const QStringList &keywords, const QString &word);

// IMAP (RFC 3501 7): sends "<tag> <command>", gathers untagged lines (literals folded in)
// until the tagged status; *status is "OK ...", "NO ..." or "BAD ...".
bool imapCommand(ProbeSocket &s, const QByteArray &tag, const QByteArray &command, QList<QByteArray> *untagged,
                 QByteArray *status, QString *error);
QByteArray imapQuoted(const QString &text);
}
