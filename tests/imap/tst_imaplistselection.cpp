// Which mailboxes LIST and LSUB answer with (pure: folders, subscriptions and patterns in).
// The cases are the ones Dovecot's imaptest "listext" and "subscribe" scripts check.
#include "imaplistselection.h"

#include <QRandomGenerator>
#include <QtTest>

namespace {
FolderInfo folder(const QString &name, bool hasChildren = false, bool selectable = true)
{
    FolderInfo f;
    f.name = name;
    f.hasChildren = hasChildren;
    f.selectable = selectable;
    return f;
}

// The plain backtracking definition of RFC 3501 6.3.8, for comparison on small inputs.
bool naiveMatch(const QString &pattern, int p, const QString &name, int n)
{
    if (p == pattern.size())
        return n == name.size();
    const QChar c = pattern.at(p);
    if (c == QLatin1Char('*') || c == QLatin1Char('%')) {
        for (int k = n; k <= name.size(); ++k) {
            if (naiveMatch(pattern, p + 1, name, k))
                return true;
            if (k < name.size() && c == QLatin1Char('%') && name.at(k) == QLatin1Char('/'))
                return false;
        }
        return false;
    }
    return n < name.size() && name.at(n) == c && naiveMatch(pattern, p + 1, name, n + 1);
}

// "name attr attr [childinfo]" per entry, sorted, for easy comparison.
QStringList render(const QVector<ImapListSelection::Entry> &entries)
{
    QStringList out;
    for (const auto &e : entries) {
        QString line = e.name;
        for (const QByteArray &a : e.attributes)
            line += QLatin1Char(' ') + QString::fromLatin1(a);
        if (e.childInfoSubscribed)
            line += QLatin1String(" CHILDINFO");
        out << line;
    }
    out.sort();
    return out;
}
} // namespace

class tst_ImapListSelection : public QObject
{
    Q_OBJECT
private:
    // t/test1, t/test2 (a \Noselect level) with t/test2/test1, t/test3, t/test7/test7,
    // t/test8/test8 and t/test8/test9; t/test6 was subscribed and then deleted.
    QVector<FolderInfo> folders{folder("INBOX"), folder("t", true), folder("t/test1"), folder("t/test2", true, false),
                                folder("t/test2/test1"), folder("t/test3"), folder("t/test7", true),
                                folder("t/test7/test7"), folder("t/test8", true), folder("t/test8/test8"),
                                folder("t/test8/test9")};
    QStringList subscriptions{"t/test1", "t/test2/test1", "t/test6", "t/test7/test7", "t/test8/test8", "t/test8/test9"};

    QStringList list(const QVector<QString> &patterns, ImapListSelection::Options o)
    {
        return render(ImapListSelection::select(folders, subscriptions, patterns, o));
    }

private slots:
    void wildcards()
    {
        using ImapListSelection::matches;
        QVERIFY(matches("t/%", "t/test1"));
        QVERIFY(!matches("t/%", "t/test2/test1"));
        QVERIFY(matches("t/*", "t/test2/test1"));
        QVERIFY(matches("t*test8", "t/test8/test8"));
        QVERIFY(matches("inbox", "INBOX"));
        QVERIFY(!matches("inbox", "Inbox2"));
        QVERIFY(matches("%%*%", "a/b"));
        QVERIFY(!matches("%%%", "a/b"));
    }

    void wildcardsAgreeWithTheDefinition()
    {
        const QString alphabet = QStringLiteral("ab/*%");
        QRandomGenerator rng(20261130);
        for (int round = 0; round < 20000; ++round) {
            QString pattern, name;
            for (int i = int(rng.bounded(8)); i > 0; --i)
                pattern += alphabet.at(int(rng.bounded(5)));
            for (int i = int(rng.bounded(8)); i > 0; --i)
                name += alphabet.at(int(rng.bounded(3)));
            QVERIFY2(ImapListSelection::matches(pattern, name) == naiveMatch(pattern, 0, name, 0),
                     qPrintable(pattern + QLatin1String(" vs ") + name));
        }
    }

    void hostilePatternsStayCheap()
    {
        // Backtracking would take ~C(240, 40) steps here; the memo makes it a few thousand.
        const QString name(200, QLatin1Char('a'));
        QVERIFY(!ImapListSelection::matches(QStringLiteral("*a").repeated(40) + QLatin1Char('x'), name));
        QVERIFY(!ImapListSelection::matches(QString(60, QLatin1Char('*')) + QLatin1Char('x'), name));
        QVERIFY(ImapListSelection::matches(QStringLiteral("%a").repeated(40) + QLatin1Char('%'), name));
    }

    void plainList()
    {
        ImapListSelection::Options o;
        QCOMPARE(list({"t/%"}, o), QStringList({"t/test1 \\HasNoChildren", "t/test2 \\Noselect \\HasChildren",
                                                 "t/test3 \\HasNoChildren", "t/test7 \\HasChildren",
                                                 "t/test8 \\HasChildren"}));
        o.returnSubscribed = true;
        QVERIFY(list({"t/%"}, o).contains("t/test1 \\HasNoChildren \\Subscribed"));
    }

    void subscribedIncludesDeletedFolders()
    {
        ImapListSelection::Options o;
        o.selectSubscribed = true;
        QCOMPARE(list({"t/*"}, o), QStringList({"t/test1 \\HasNoChildren \\Subscribed",
                                                 "t/test2/test1 \\HasNoChildren \\Subscribed",
                                                 "t/test6 \\Subscribed \\NonExistent",
                                                 "t/test7/test7 \\HasNoChildren \\Subscribed",
                                                 "t/test8/test8 \\HasNoChildren \\Subscribed",
                                                 "t/test8/test9 \\HasNoChildren \\Subscribed"}));
    }

    void recursiveMatchGivesChildInfo()
    {
        ImapListSelection::Options o;
        o.selectSubscribed = o.recursiveMatch = true;
        // t/test2 is not subscribed, its child is and "t/test2%" does not reach it.
        QCOMPARE(list({"t/test2%"}, o), QStringList({"t/test2 \\Noselect \\HasChildren CHILDINFO"}));
        // The only subscribed child matches the pattern itself: no CHILDINFO for the parent.
        QCOMPARE(list({"t*test7"}, o), QStringList({"t/test7/test7 \\HasNoChildren \\Subscribed"}));
        QCOMPARE(list({"t*test8"}, o), QStringList({"t/test8 \\HasChildren CHILDINFO",
                                                     "t/test8/test8 \\HasNoChildren \\Subscribed"}));
        QCOMPARE(list({"t/test2", "t/test2/test1"}, o), QStringList({"t/test2/test1 \\HasNoChildren \\Subscribed"}));
    }

    void specialUseSelection()
    {
        QVector<FolderInfo> withSent = folders;
        FolderInfo sent = folder("Sent");
        sent.specialUse = "\\Sent";
        withSent << sent;
        ImapListSelection::Options o;
        o.selectSpecialUse = true;
        QCOMPARE(render(ImapListSelection::select(withSent, subscriptions, {"*"}, o)),
                 QStringList({"Sent \\HasNoChildren \\Sent"}));
    }

    void lsubReturnsCutLevelsAsNoselect()
    {
        ImapListSelection::Options o;
        o.lsub = true;
        subscriptions = {"t/test", "t/test2/test", "t/test3/test3"};
        folders = {folder("t/test"), folder("t/test2", true), folder("t/test2/test"), folder("t/test3", true),
                   folder("t/test3/test3")};
        QCOMPARE(list({"t/%"}, o), QStringList({"t/test", "t/test2 \\Noselect", "t/test3 \\Noselect"}));
        QCOMPARE(list({"t/*"}, o), QStringList({"t/test", "t/test2/test", "t/test3/test3"}));
    }
};

QTEST_GUILESS_MAIN(tst_ImapListSelection)
#include "tst_imaplistselection.moc"
