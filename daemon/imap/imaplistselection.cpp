#include "imaplistselection.h"

#include <QHash>
#include <QSet>

#include <vector>

namespace ImapListSelection {

namespace {
// '*' and '%' matching without exponential backtracking: a pattern such as "*a*a*a...x" from
// a logged-in user must not stall the event loop. Each (wildcard, name position) pair is
// decided once (memo), so a match costs O(wildcards x name length).
class WildcardMatcher
{
public:
    WildcardMatcher(const QString &pattern, const QString &name) : m_name(name)
    {
        // Runs of wildcards collapse to one ('*' wins over '%'); then wildcards are separated by
        // literals, of which the name must hold at least as many as the pattern has.
        for (const QChar c : pattern) {
            const bool wild = c == QLatin1Char('*') || c == QLatin1Char('%');
            if (wild && !m_pattern.isEmpty() && isWild(m_pattern.back())) {
                if (c == QLatin1Char('*'))
                    m_pattern.back() = c;
                continue;
            }
            m_wildIndex.push_back(wild ? m_wildcards++ : -1);
            m_pattern.append(c);
            m_literals += wild ? 0 : 1;
        }
        m_memo.assign(size_t(m_wildcards) * size_t(name.size() + 1), Unknown);
    }
    bool match() { return m_literals <= m_name.size() && at(0, 0); }

private:
    enum : char { Unknown, No, Yes };
    static bool isWild(QChar c) { return c == QLatin1Char('*') || c == QLatin1Char('%'); }

    bool at(int p, int n)
    {
        while (p < m_pattern.size() && !isWild(m_pattern.at(p))) { // literals: straight
            if (n >= m_name.size() || m_name.at(n) != m_pattern.at(p))
                return false;
            ++p;
            ++n;
        }
        if (p == m_pattern.size())
            return n == m_name.size();
        char &memo = m_memo[size_t(m_wildIndex[size_t(p)]) * size_t(m_name.size() + 1) + size_t(n)];
        if (memo == Unknown) {
            // The wildcard matches nothing more, or takes one more character ('%' not a '/').
            const bool more = n < m_name.size() && (m_pattern.at(p) == QLatin1Char('*') || m_name.at(n) != QLatin1Char('/'));
            memo = (at(p + 1, n) || (more && at(p, n + 1))) ? Yes : No;
        }
        return memo == Yes;
    }

    const QString &m_name;
    QString m_pattern;
    std::vector<int> m_wildIndex; // per pattern position: its wildcard number, -1 for a literal
    std::vector<char> m_memo;
    int m_wildcards = 0;
    int m_literals = 0;
};

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
        return WildcardMatcher(QStringLiteral("INBOX") + pattern.mid(5), name).match();
    return WildcardMatcher(pattern, name).match();
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
