#include "imaplistselection.h"

#include <QHash>
#include <QSet>

namespace ImapListSelection {

namespace {
bool wildcardMatch(const QString &pattern, int p, const QString &name, int n)
{
    while (p < pattern.size()) {
        const QChar c = pattern.at(p);
        if (c == QLatin1Char('*') || c == QLatin1Char('%')) {
            for (int k = n; k <= name.size(); ++k) {
                if (wildcardMatch(pattern, p + 1, name, k))
                    return true;
                if (k < name.size() && c == QLatin1Char('%') && name.at(k) == QLatin1Char('/'))
                    return false;
            }
            return false;
        }
        if (n >= name.size() || name.at(n) != c)
            return false;
        ++p;
        ++n;
    }
    return n == name.size();
}

bool matchesAny(const QVector<QString> &patterns, const QString &name)
{
    for (const QString &p : patterns)
        if (matches(p, name))
            return true;
    return false;
}

QStringList ancestors(const QString &name)
{
    QStringList out;
    for (int slash = name.indexOf(QLatin1Char('/')); slash > 0; slash = name.indexOf(QLatin1Char('/'), slash + 1))
        out << name.left(slash);
    return out;
}

// LSUB: subscribed names matching; a '%' that stops inside a subscribed name returns the
// unsubscribed level it stopped at as \Noselect (RFC 3501 6.3.9, "foo" for "foo/bar").
QVector<Entry> selectLsub(const QHash<QString, const FolderInfo *> &byName, const QStringList &subscriptions,
                          const QVector<QString> &patterns)
{
    const QSet<QString> subscribed(subscriptions.cbegin(), subscriptions.cend());
    QVector<Entry> out;
    QSet<QString> done;
    for (const QString &s : subscriptions) {
        if (matchesAny(patterns, s)) {
            if (done.contains(s))
                continue;
            done.insert(s);
            const FolderInfo *f = byName.value(s);
            Entry e{s, {}, false, f != nullptr};
            if (f && !f->selectable)
                e.attributes << "\\Noselect";
            out << e;
            continue;
        }
        for (const QString &level : ancestors(s)) {
            if (subscribed.contains(level) || done.contains(level) || !matchesAny(patterns, level))
                continue;
            done.insert(level);
            out << Entry{level, {"\\Noselect"}, false, byName.contains(level)};
        }
    }
    return out;
}
} // namespace

bool matches(const QString &pattern, const QString &name)
{
    if (pattern.startsWith(QLatin1String("INBOX"), Qt::CaseInsensitive) && name.startsWith(QLatin1String("INBOX")))
        return wildcardMatch(QStringLiteral("INBOX") + pattern.mid(5), 0, name, 0);
    return wildcardMatch(pattern, 0, name, 0);
}

QVector<Entry> select(const QVector<FolderInfo> &folders, const QStringList &subscriptions,
                      const QVector<QString> &patterns, const Options &options)
{
    QHash<QString, const FolderInfo *> byName;
    for (const FolderInfo &f : folders)
        byName.insert(f.name, &f);
    if (options.lsub)
        return selectLsub(byName, subscriptions, patterns);

    const QSet<QString> subscribed(subscriptions.cbegin(), subscriptions.cend());
    auto attributesOf = [&](const FolderInfo &f) {
        QByteArrayList attrs;
        if (!f.selectable)
            attrs << "\\Noselect"; // a Maildir++ level without a folder of its own (".A.B" without ".A")
        attrs << (f.hasChildren ? "\\HasChildren" : "\\HasNoChildren");
        if ((options.returnSubscribed || options.selectSubscribed) && subscribed.contains(f.name))
            attrs << "\\Subscribed";
        if (options.returnSpecialUse && !f.specialUse.isEmpty())
            attrs << f.specialUse.toUtf8();
        return attrs;
    };
    QVector<Entry> out;
    if (!options.selectSubscribed) {
        for (const FolderInfo &f : folders)
            if (matchesAny(patterns, f.name) && (!options.selectSpecialUse || !f.specialUse.isEmpty()))
                out << Entry{f.name, attributesOf(f), false, true};
        return out;
    }
    // SUBSCRIBED: every subscribed name, existing or not; with RECURSIVEMATCH also the
    // matching names that are not subscribed but have a subscribed descendant the
    // patterns do not reach (CHILDINFO).
    QSet<QString> childInfo;
    for (const QString &s : subscriptions) {
        if (options.recursiveMatch && !matchesAny(patterns, s))
            for (const QString &level : ancestors(s))
                if (!subscribed.contains(level) && matchesAny(patterns, level))
                    childInfo.insert(level);
    }
    QSet<QString> done;
    for (const FolderInfo &f : folders) {
        if (!matchesAny(patterns, f.name) || (options.selectSpecialUse && f.specialUse.isEmpty()))
            continue;
        if (subscribed.contains(f.name) || childInfo.contains(f.name)) {
            out << Entry{f.name, attributesOf(f), childInfo.contains(f.name), true};
            done.insert(f.name);
        }
    }
    for (const QString &s : subscriptions) {
        if (done.contains(s) || byName.contains(s) || !matchesAny(patterns, s) || options.selectSpecialUse)
            continue;
        done.insert(s);
        out << Entry{s, {"\\Subscribed", "\\NonExistent"}, false, false};
    }
    for (const QString &level : std::as_const(childInfo)) // a level known only from a subscription
        if (!done.contains(level) && !byName.contains(level))
            out << Entry{level, {"\\NonExistent"}, true, false};
    return out;
}

} // namespace ImapListSelection
