// ImapListSelection: which mailboxes a LIST or LSUB answers with, and their attributes
// (RFC 3501 6.3.8/6.3.9, LIST-EXTENDED RFC 5258: SUBSCRIBED, RECURSIVEMATCH with CHILDINFO,
// \NonExistent; SPECIAL-USE RFC 6154; CHILDREN RFC 3348). Pure: folders, subscriptions and
// patterns in, entries out; the session formats them and adds LIST-STATUS.
#pragma once

#include "messageinfo.h"

#include <QByteArrayList>
#include <QString>
#include <QStringList>
#include <QVector>

namespace ImapListSelection {

struct Options {
    bool lsub = false;
    bool selectSubscribed = false;
    bool selectSpecialUse = false;
    bool recursiveMatch = false;
    bool returnSubscribed = false;
    bool returnSpecialUse = true;
};

struct Entry {
    QString name;
    QByteArrayList attributes;
    bool childInfoSubscribed = false; // (CHILDINFO ("SUBSCRIBED")): a descendant is, the name is not
    bool exists = true;               // false: \NonExistent (a subscription without its folder)
};

// RFC 3501 6.3.8: '*' matches anything, '%' anything but '/'; INBOX case-insensitively.
bool matches(const QString &pattern, const QString &name);

QVector<Entry> select(const QVector<FolderInfo> &folders, const QStringList &subscriptions,
                      const QVector<QString> &patterns, const Options &options);

} // namespace ImapListSelection
