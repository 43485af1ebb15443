// ImapSession: APPEND (RFC 3501 6.3.11) with flags, date and a literal up to
// max_message_size (the command reader enforces it), APPENDUID (RFC 4315) and
// OVERQUOTA (RFC 5530). The message is stored byte for byte.
#include "imapformat.h"
#include "imapsession.h"
#include "mailstore.h"
#include "servicecontext.h"

#include <QDateTime>

void ImapSession::cmdAppend(const ImapCommand &cmd)
{
    // append = "APPEND" SP mailbox [SP flag-list] [SP date-time] SP literal
    if (cmd.args.size() < 2 || cmd.args.size() > 4 || !cmd.args[0].isAString() || !cmd.args.last().isString())
        return bad("APPEND needs a mailbox and a message literal");
    quint8 flags = 0;
    QStringList keywords;
    qint64 internalDate = 0;
    for (int i = 1; i < cmd.args.size() - 1; ++i) {
        const ImapArg &a = cmd.args[i];
        if (a.isList() && i == 1) {
            QByteArray error;
            if (!ImapFormat::parseFlags(a.list, &flags, &keywords, &error))
                return bad(error);
        } else if (a.type == ImapArg::Type::Quoted) {
            const std::optional<qint64> date = ImapFormat::parseDateTime(a.value);
            if (!date)
                return bad("Invalid date-time");
            internalDate = *date;
        } else {
            return bad("Invalid APPEND arguments");
        }
    }
    const QByteArray &message = cmd.args.last().value;
    if (message.isEmpty())
        return no("Empty message.");
    const std::optional<QString> name = ImapFormat::mailboxArg(cmd.args[0]);
    if (!name)
        return no("[TRYCREATE] Invalid mailbox name.");
    StoreError error;
    QSharedPointer<Mailbox> mailbox = m_ctx->mailStore->openMailbox(m_user, *name, &error);
    if (!mailbox)
        return no(error.code == StoreErrorCode::NotFound ? QByteArray("[TRYCREATE] Mailbox does not exist.")
                                                         : ImapFormat::storeError(error));
    const std::optional<quint32> uid = mailbox->append(message, flags, keywords,
                                                       internalDate ? internalDate : QDateTime::currentSecsSinceEpoch(), &error);
    if (!uid)
        return no(ImapFormat::storeError(error));
    ok("[APPENDUID " + QByteArray::number(mailbox->uidValidity()) + ' ' + QByteArray::number(*uid) + "] Append completed.");
}
