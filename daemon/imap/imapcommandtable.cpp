#include "imapcommandtable.h"

namespace {
using S = ImapSession;
using T = ImapCommandTable;
}

const ImapCommandTable::Entry *ImapCommandTable::find(const QByteArray &name)
{
    static const Entry table[] = {
        // RFC 3501 6.1: any state
        {"CAPABILITY", &S::cmdCapability, T::Any, false, false},
        {"NOOP", &S::cmdNoop, T::Any, false, false},
        {"LOGOUT", &S::cmdLogout, T::Any, false, false},
        {"ID", &S::cmdId, T::Any, false, false},                       // RFC 2971
        // 6.2: not authenticated
        {"STARTTLS", &S::cmdStartTls, T::NotAuth, false, false},
        {"AUTHENTICATE", &S::cmdAuthenticate, T::NotAuth, false, false},
        {"LOGIN", &S::cmdLogin, T::NotAuth, false, false},
        // 6.3: authenticated
        {"ENABLE", &S::cmdEnable, T::AuthOrSelected, false, false},    // RFC 5161
        {"SELECT", &S::cmdSelect, T::AuthOrSelected, false, false},
        {"EXAMINE", &S::cmdSelect, T::AuthOrSelected, false, false},
        {"CREATE", &S::cmdCreate, T::AuthOrSelected, false, false},
        {"DELETE", &S::cmdDelete, T::AuthOrSelected, false, false},
        {"RENAME", &S::cmdRename, T::AuthOrSelected, false, false},
        {"SUBSCRIBE", &S::cmdSubscribe, T::AuthOrSelected, false, false},
        {"UNSUBSCRIBE", &S::cmdSubscribe, T::AuthOrSelected, false, false},
        {"LIST", &S::cmdList, T::AuthOrSelected, false, false},
        {"LSUB", &S::cmdList, T::AuthOrSelected, false, false},
        {"STATUS", &S::cmdStatus, T::AuthOrSelected, false, false},
        {"APPEND", &S::cmdAppend, T::AuthOrSelected, false, false},
        {"NAMESPACE", &S::cmdNamespace, T::AuthOrSelected, false, false}, // RFC 2342
        {"IDLE", &S::cmdIdle, T::AuthOrSelected, false, false},           // RFC 2177
        {"GETQUOTA", &S::cmdGetQuota, T::AuthOrSelected, false, false},   // RFC 2087
        {"GETQUOTAROOT", &S::cmdGetQuotaRoot, T::AuthOrSelected, false, false},
        {"SETQUOTA", &S::cmdSetQuota, T::AuthOrSelected, false, false},
        // 6.4: selected
        {"CHECK", &S::cmdCheck, T::Selected, false, false},
        {"CLOSE", &S::cmdClose, T::Selected, false, false},
        {"UNSELECT", &S::cmdClose, T::Selected, false, false},            // RFC 3691
        {"EXPUNGE", &S::cmdExpunge, T::Selected, true, false},            // UID EXPUNGE: RFC 4315
        {"SEARCH", &S::cmdSearch, T::Selected, true, true},
        {"FETCH", &S::cmdFetch, T::Selected, true, true},
        {"STORE", &S::cmdStore, T::Selected, true, true},
        {"COPY", &S::cmdCopy, T::Selected, true, false},
        {"MOVE", &S::cmdCopy, T::Selected, true, false},                  // RFC 6851
    };
    for (const Entry &e : table)
        if (name == e.name)
            return &e;
    return nullptr;
}

bool ImapCommandTable::allowedIn(const Entry &entry, ImapSession::State state)
{
    switch (state) {
    case ImapSession::State::NotAuthenticated: return entry.states & NotAuth;
    case ImapSession::State::Authenticated: return entry.states & Auth;
    case ImapSession::State::Selected: return entry.states & Selected;
    case ImapSession::State::Logout: return false;
    }
    return false;
}
