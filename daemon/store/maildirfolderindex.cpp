// MaildirFolder: the index cache (postroom-index) and the blob cache (postroom-cache).
// The index only saves work: a checksum guards it, the journal and the directory mtimes
// are checked against it on every open, and anything doubtful means a rescan.
#include "maildirfolder.h"

#include <QFile>

#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {
const char IndexName[] = "postroom-index";
const char CacheName[] = "postroom-cache";
const char Magic[8] = {'P', 'R', 'I', 'X', '0', '0', '0', '2'};
constexpr qint32 MaxBlobBytes = 1024 * 1024;

QByteArray enc(const QString &s) { return QFile::encodeName(s); }

// FNV-1a over 8-byte words (then the tail bytes): a corruption check, fast enough that
// it costs a few milliseconds on a 100,000-message index.
quint64 fnv1a(const char *p, qint64 n)
{
    quint64 h = 1469598103934665603ULL;
    qint64 i = 0;
    for (; i + 8 <= n; i += 8) {
        quint64 w;
        std::memcpy(&w, p + i, 8);
        h ^= w;
        h *= 1099511628211ULL;
    }
    for (; i < n; ++i) {
        h ^= quint8(p[i]);
        h *= 1099511628211ULL;
    }
    return h;
}

class Writer
{
public:
    template<typename T> void put(T v) { m_out.append(reinterpret_cast<const char *>(&v), sizeof v); }
    void putString(const QString &s)
    {
        const QByteArray u = s.toUtf8();
        put<quint16>(quint16(u.size()));
        m_out.append(u);
    }
    QByteArray &bytes() { return m_out; }

private:
    QByteArray m_out;
};

class Reader
{
public:
    Reader(const char *p, qint64 n) : m_p(p), m_end(p + n) {}
    template<typename T> bool get(T *v)
    {
        if (m_end - m_p < qint64(sizeof(T)))
            return false;
        std::memcpy(v, m_p, sizeof(T));
        m_p += sizeof(T);
        return true;
    }
    bool getString(QString *s)
    {
        quint16 len;
        if (!get(&len) || m_end - m_p < len)
            return false;
        *s = QString::fromUtf8(m_p, len);
        m_p += len;
        return true;
    }

private:
    const char *m_p;
    const char *m_end;
};
}

bool MaildirFolder::loadIndex()
{
    QFile f(m_path + QLatin1Char('/') + QLatin1String(IndexName));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray data = f.readAll();
    if (data.size() < qint64(sizeof Magic) + 8 || std::memcmp(data.constData(), Magic, sizeof Magic) != 0)
        return false;
    quint64 stored;
    std::memcpy(&stored, data.constData() + data.size() - 8, 8);
    if (fnv1a(data.constData(), data.size() - 8) != stored)
        return false;
    Reader r(data.constData() + sizeof Magic, data.size() - qint64(sizeof Magic) - 8);
    quint32 keywordCount = 0, count = 0;
    qint32 lines = 0;
    if (!r.get(&m_uidValidity) || !r.get(&m_uidNext) || !r.get(&m_highestModSeq) || !r.get(&m_journalInode)
        || !r.get(&m_journalOffset) || !r.get(&lines) || !r.get(&m_newMtime) || !r.get(&m_curMtime)
        || !r.get(&keywordCount) || keywordCount > 26)
        return false;
    m_journalLines = lines;
    for (quint32 k = 0; k < keywordCount; ++k) {
        QString kw;
        if (!r.getString(&kw))
            return false;
        if (k >= quint32(m_keywords.size()))
            m_keywords << kw;
    }
    if (!r.get(&count) || count > 50000000)
        return false;
    m_infos.resize(count);
    m_files.resize(count);
    quint32 lastUid = 0;
    for (quint32 i = 0; i < count; ++i) {
        MessageInfo &m = m_infos[i];
        FileMeta &fm = m_files[i];
        quint8 inNew = 0;
        if (!r.get(&m.uid) || !r.get(&m.modSeq) || !r.get(&m.size) || !r.get(&m.internalDate) || !r.get(&m.flags)
            || !r.get(&inNew) || !r.get(&fm.keywordMask) || !r.get(&fm.blobOffset) || !r.get(&fm.blobLength)
            || !r.getString(&fm.name) || m.uid <= lastUid || m.uid >= m_uidNext)
            return false;
        lastUid = m.uid;
        fm.inNew = inNew != 0;
        if (fm.keywordMask)
            m.keywords = keywordsFromMask(fm.keywordMask);
    }
    m_indexDirty = false;
    return true;
}

void MaildirFolder::saveIndex()
{
    if (!m_opened || !m_indexDirty || m_journalInode < 0 || m_uidValidity == 0 || !exists(m_path))
        return;
    compactEntries();
    Writer w;
    w.bytes().reserve(int(64 + m_infos.size() * 110));
    w.bytes().append(Magic, sizeof Magic);
    const bool pending = !m_pending.isEmpty(); // not stored: make the next reader replay the journal
    w.put(m_uidValidity);
    w.put(m_uidNext);
    w.put(m_highestModSeq);
    w.put<qint64>(pending ? -1 : m_journalInode);
    w.put<qint64>(pending ? 0 : m_journalOffset);
    w.put<qint32>(m_journalLines);
    w.put(m_newMtime);
    w.put(m_curMtime);
    w.put<quint32>(quint32(m_keywords.size()));
    for (const QString &k : std::as_const(m_keywords))
        w.putString(k);
    w.put<quint32>(quint32(m_infos.size()));
    for (int i = 0; i < m_infos.size(); ++i) {
        const MessageInfo &m = m_infos.at(i);
        const FileMeta &fm = m_files.at(i);
        w.put(m.uid);
        w.put(m.modSeq);
        w.put(m.size);
        w.put(m.internalDate);
        w.put(m.flags);
        w.put<quint8>(fm.inNew ? 1 : 0);
        w.put(fm.keywordMask);
        w.put(fm.blobOffset);
        w.put(fm.blobLength);
        w.putString(fm.name);
    }
    w.put(fnv1a(w.bytes().constData(), w.bytes().size()));
    // A cache: no fsync. A torn file fails the checksum and is rebuilt.
    const QString target = m_path + QLatin1Char('/') + QLatin1String(IndexName);
    const QString tmp = target + QStringLiteral(".tmp.%1").arg(::getpid());
    QFile out(tmp);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return;
    const bool ok = out.write(w.bytes()) == w.bytes().size();
    out.close();
    if (!ok || ::rename(enc(tmp).constData(), enc(target).constData()) != 0) {
        QFile::remove(tmp);
        return;
    }
    m_indexDirty = false;
}

QByteArray MaildirFolder::cachedData(quint32 uid) const
{
    const int i = indexOfUid(uid);
    if (i < 0 || m_files.at(i).blobOffset < 0)
        return {};
    const FileMeta &fm = m_files.at(i);
    // The cache file is append-only, so one open descriptor serves every read. A record that
    // does not check out (the file was replaced meanwhile) gets one retry on a fresh descriptor.
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (m_cacheReadFd < 0)
            m_cacheReadFd = ::open(enc(m_path + QLatin1Char('/') + QLatin1String(CacheName)).constData(), O_RDONLY | O_CLOEXEC);
        if (m_cacheReadFd < 0)
            return {};
        quint32 header[2] = {0, 0};
        if (::pread(m_cacheReadFd, header, sizeof header, fm.blobOffset) == ssize_t(sizeof header) && header[0] == uid
            && header[1] == quint32(fm.blobLength)) {
            QByteArray blob(fm.blobLength, Qt::Uninitialized);
            if (::pread(m_cacheReadFd, blob.data(), size_t(fm.blobLength), fm.blobOffset + qint64(sizeof header)) == fm.blobLength)
                return blob;
        }
        ::close(m_cacheReadFd);
        m_cacheReadFd = -1;
    }
    return {};
}

void MaildirFolder::setCachedData(quint32 uid, const QByteArray &blob)
{
    const int i = indexOfUid(uid);
    if (i < 0 || blob.size() > MaxBlobBytes)
        return;
    const int fd = ::open(enc(m_path + QLatin1Char('/') + QLatin1String(CacheName)).constData(),
                          O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0)
        return;
    ::flock(fd, LOCK_EX); // appends from several processes: learn our offset under the lock
    struct stat st;
    ::fstat(fd, &st);
    const quint32 header[2] = {uid, quint32(blob.size())};
    QByteArray record(reinterpret_cast<const char *>(header), sizeof header);
    record += blob;
    if (::write(fd, record.constData(), size_t(record.size())) == ssize_t(record.size())) {
        m_files[i].blobOffset = st.st_size;
        m_files[i].blobLength = qint32(blob.size());
        m_indexDirty = true;
    }
    ::close(fd);
}
