#include "maildirnames.h"

#include "messageinfo.h"
#include "mutf7.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QRandomGenerator>
#include <QSysInfo>

#include <unistd.h>

namespace MaildirNames {

namespace {
QAtomicInteger<quint32> g_counter;

struct FlagLetter { quint8 flag; char letter; };
// Sorted by letter, as the Maildir spec wants the info flags in ASCII order.
const FlagLetter Letters[] = {
    {MessageFlag::Draft, 'D'}, {MessageFlag::Flagged, 'F'}, {MessageFlag::Answered, 'R'},
    {MessageFlag::Seen, 'S'}, {MessageFlag::Deleted, 'T'},
};
}

QString canonicalFolderName(const QString &name)
{
    if (name.compare(QLatin1String("INBOX"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("INBOX");
    if (name.size() > 6 && name.at(5) == QLatin1Char('/') && name.left(5).compare(QLatin1String("INBOX"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("INBOX") + name.mid(5);
    return name;
}

std::optional<QString> folderToDir(const QString &rawName, QString *problem)
{
    auto refuse = [problem](const QString &why) -> std::optional<QString> {
        if (problem)
            *problem = why;
        return std::nullopt;
    };
    const QString name = canonicalFolderName(rawName);
    if (name == QLatin1String("INBOX"))
        return QString();
    if (name.isEmpty())
        return refuse(QStringLiteral("empty folder name"));
    if (name.size() > MaxFolderNameLength)
        return refuse(QStringLiteral("folder name too long"));
    for (QChar c : name) {
        const ushort u = c.unicode();
        if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0))
            return refuse(QStringLiteral("control characters are not allowed in folder names"));
        if (c == QLatin1Char('\\'))
            return refuse(QStringLiteral("'\\' is not allowed in folder names"));
        if (c == QLatin1Char('.'))
            return refuse(QStringLiteral("'.' is not allowed in folder names (it is the Maildir++ separator)"));
    }
    const QStringList parts = name.split(QLatin1Char('/'));
    QString dir;
    for (const QString &part : parts) {
        if (part.isEmpty())
            return refuse(QStringLiteral("empty hierarchy level in folder name"));
        dir += QLatin1Char('.') + QString::fromLatin1(Mutf7::encode(part));
    }
    if (dir.toUtf8().size() > MaxDirNameLength)
        return refuse(QStringLiteral("folder name too long"));
    return dir;
}

std::optional<QString> dirToFolder(const QString &dirName)
{
    if (dirName.size() < 2 || !dirName.startsWith(QLatin1Char('.')) || dirName == QLatin1String(".."))
        return std::nullopt;
    const QStringList parts = dirName.mid(1).split(QLatin1Char('.'));
    QStringList names;
    for (const QString &p : parts) {
        if (p.isEmpty())
            return std::nullopt;
        const auto decoded = Mutf7::decode(p.toUtf8()); // non-ASCII bytes: refused
        if (!decoded || decoded->contains(QLatin1Char('/')))
            return std::nullopt;
        names << *decoded;
    }
    const QString name = names.join(QLatin1Char('/'));
    const auto back = folderToDir(name);
    if (!back || *back != dirName)
        return std::nullopt; // not canonical: not one we could have made
    return name;
}

FileName splitFileName(const QString &fileName)
{
    FileName f;
    const int colon = fileName.indexOf(QLatin1Char(':'));
    if (colon < 0) {
        f.base = fileName;
        return f;
    }
    f.base = fileName.left(colon);
    if (fileName.mid(colon, 3) == QLatin1String(":2,")) {
        f.hasInfo = true;
        f.info = fileName.mid(colon + 3);
    }
    return f;
}

namespace {
qint64 numberField(const QString &base, QLatin1String key)
{
    const int s = base.indexOf(key);
    if (s < 0)
        return -1;
    int e = s + key.size();
    while (e < base.size() && base.at(e).isDigit())
        ++e;
    bool ok = false;
    const qint64 v = base.mid(s + key.size(), e - s - key.size()).toLongLong(&ok);
    return ok ? v : -1;
}
}

qint64 sizeFromBase(const QString &base)
{
    // Dovecot stores LF line ends and records the CRLF size as W=; ours are CRLF (S= = W=).
    const qint64 w = numberField(base, QLatin1String(",W="));
    return w >= 0 ? w : numberField(base, QLatin1String(",S="));
}

QByteArray withCrlf(const QByteArray &data)
{
    qsizetype bare = 0;
    for (qsizetype i = data.indexOf('\n'); i >= 0; i = data.indexOf('\n', i + 1))
        bare += (i == 0 || data.at(i - 1) != '\r');
    if (bare == 0)
        return data;
    QByteArray out;
    out.reserve(data.size() + bare);
    for (qsizetype i = 0; i < data.size(); ++i) {
        if (data.at(i) == '\n' && (i == 0 || data.at(i - 1) != '\r'))
            out.append('\r');
        out.append(data.at(i));
    }
    return out;
}

QString flagsToInfo(quint8 flags, quint32 keywordMask)
{
    QString s;
    for (const FlagLetter &l : Letters)
        if (flags & l.flag)
            s += QLatin1Char(l.letter);
    for (int k = 0; k < MaxKeywords; ++k)
        if (keywordMask & (1u << k))
            s += QLatin1Char(char('a' + k));
    return s;
}

void infoToFlags(const QString &info, quint8 *flags, quint32 *keywordMask)
{
    quint8 f = 0;
    quint32 k = 0;
    for (QChar c : info) {
        const ushort u = c.unicode();
        if (u >= 'a' && u <= 'z') {
            k |= 1u << (u - 'a');
            continue;
        }
        for (const FlagLetter &l : Letters)
            if (u == ushort(l.letter))
                f |= l.flag;
    }
    *flags = f;
    *keywordMask = k;
}

QString newBaseName(qint64 size)
{
    static const QString host = [] {
        QString h = QSysInfo::machineHostName();
        h.replace(QLatin1Char('/'), QLatin1String("\\057")).replace(QLatin1Char(':'), QLatin1String("\\072"));
        return h.isEmpty() ? QStringLiteral("localhost") : h;
    }();
    const qint64 ms = QDateTime::currentMSecsSinceEpoch();
    return QStringLiteral("%1.M%2P%3Q%4R%5.%6,S=%7")
        .arg(ms / 1000)
        .arg((ms % 1000) * 1000)
        .arg(::getpid())
        .arg(g_counter.fetchAndAddRelaxed(1) + 1)
        .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'))
        .arg(host)
        .arg(size);
}

} // namespace MaildirNames
