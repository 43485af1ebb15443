// Freezes the messages of one Maildir folder (new/ and cur/) as hard links for a backup,
// while other programs may rename them: a Maildir client changing flags renames a file in
// cur/, a reader moves it from new/ to cur/. Messages are tracked by base name (the part
// before ':'), so each one is taken exactly once under whatever name it has.
#pragma once

#include <QByteArray>
#include <QSet>
#include <QString>

class MaildirMessageLinker
{
public:
    static constexpr int MaxPasses = 200; // against a client that renames without pause

    MaildirMessageLinker(const QString &srcFolder, const QString &dstFolder);
    // Links every message; false with *error only on a real I/O error (not on a rename race).
    bool linkAll(QString *error);
    int linkedCount() const { return int(m_linked.size()); }
    int missedCount() const { return int((m_seen - m_linked).size()); }

private:
    enum class PassResult { Error, Complete, Incomplete };
    PassResult pass(QString *error);
    bool linkDirectory(const char *sub, int *newlyLinked, QString *error);

    QString m_src;
    QString m_dst;
    QSet<QByteArray> m_seen;   // base names ever listed
    QSet<QByteArray> m_linked; // base names frozen in the snapshot
};
