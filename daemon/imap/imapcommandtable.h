// ImapCommandTable: command name -> handler, the states it is valid in, and whether the
// UID prefix is allowed (RFC 3501 6, extensions). One place to see every command.
#pragma once

#include "imapsession.h"

class ImapCommandTable
{
public:
    enum StateMask : quint8 { NotAuth = 1, Auth = 2, Selected = 4, Any = 7, AuthOrSelected = 6 };
    struct Entry {
        const char *name;
        ImapSession::Handler handler;
        quint8 states;
        bool uidAllowed;
        bool holdsExpunge; // FETCH, STORE, SEARCH: no EXPUNGE response while they run
    };
    static const Entry *find(const QByteArray &name);
    static bool allowedIn(const Entry &entry, ImapSession::State state);
};
