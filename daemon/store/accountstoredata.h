// The in-memory form of accounts.json, private to AccountStore's source files.
#pragma once

#include "accountstore.h"

#include <QMap>

struct AccountStore::Data {
    QMap<QString, UserAccount> users;   // by normalised address
    QMap<QString, QStringList> aliases; // by normalised alias ("@domain" = catch-all)
};
