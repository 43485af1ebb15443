#include "imapformat.h"

#include "mutf7.h"
#include "messageinfo.h"

#include <QDateTime>
#include <QTimeZone>

namespace {
const char *const Months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

int monthIndex(QByteArrayView m)
{
    for (int i = 0; i < 12; ++i)
        if (m.compare(QByteArrayView(Months[i]), Qt::CaseInsensitive) == 0)
            return i + 1;
    return 0;
}

bool digits(QByteArrayView v, int *out)
{
    if (v.isEmpty())
        return false;
    int n = 0;
    for (char c : v) {
        if (c < '0' || c > '9')
            return false;
        n = n * 10 + (c - '0');
    }
    *out = n;
    return true;
}

bool isAtomChar(char c)
{
    const uchar u = uchar(c);
    return u > 0x20 && u < 0x7f && c != '(' && c != ')' && c != '{' && c != '%' && c != '*' && c != '"'
        && c != '\\' && c != ']';
}
}

QByteArray ImapFormat::string(QByteArrayView value)
{
    bool quotable = value.size() <= 1024;
    for (char c : value) {
        const uchar u = uchar(c);
        if (u == 0 || u == '\r' || u == '\n' || u >= 0x80) {
            quotable = false;
            break;
        }
    }
    QByteArray out;
    if (!quotable) {
        out.reserve(value.size() + 16);
        out.append('{').append(QByteArray::number(value.size())).append("}\r\n").append(value.data(), value.size());
        return out;
    }
    out.reserve(value.size() + 2);
    out.append('"');
    for (char c : value) {
        if (c == '"' || c == '\\')
            out.append('\\');
        out.append(c);
    }
    out.append('"');
    return out;
}

QByteArray ImapFormat::astring(QByteArrayView value)
{
    if (value.isEmpty() || value.compare(QByteArrayView("NIL"), Qt::CaseInsensitive) == 0)
        return string(value);
    for (char c : value)
        if (!isAtomChar(c))
            return string(value);
    return value.toByteArray();
}

QByteArray ImapFormat::mailbox(const QString &name)
{
    if (name == QLatin1String("INBOX"))
        return "INBOX";
    return string(Mutf7::encode(name));
}

QByteArray ImapFormat::flags(quint8 bits, const QStringList &keywords, bool recent)
{
    QByteArray out("(");
    auto add = [&out](const char *f) {
        if (out.size() > 1)
            out.append(' ');
        out.append(f);
    };
    if (bits & MessageFlag::Answered) add("\\Answered");
    if (bits & MessageFlag::Flagged) add("\\Flagged");
    if (bits & MessageFlag::Deleted) add("\\Deleted");
    if (bits & MessageFlag::Seen) add("\\Seen");
    if (bits & MessageFlag::Draft) add("\\Draft");
    for (const QString &k : keywords) {
        if (out.size() > 1)
            out.append(' ');
        out.append(k.toUtf8());
    }
    if (recent)
        add("\\Recent");
    out.append(')');
    return out;
}

QByteArray ImapFormat::dateTime(qint64 secs)
{
    const QDateTime dt = QDateTime::fromSecsSinceEpoch(secs, QTimeZone::utc());
    const QDate d = dt.date();
    const QTime t = dt.time();
    return QByteArray::number(d.day()).rightJustified(2, '0') + '-' + Months[d.month() - 1] + '-'
        + QByteArray::number(d.year()) + ' ' + t.toString(QStringLiteral("hh:mm:ss")).toLatin1() + " +0000";
}

std::optional<qint64> ImapFormat::parseDateTime(QByteArrayView text)
{
    // date-time = DQUOTE date-day-fixed "-" date-month "-" date-year SP time SP zone DQUOTE
    QByteArray s = text.trimmed().toByteArray();
    const QList<QByteArray> parts = s.split(' ');
    if (parts.size() != 3)
        return std::nullopt;
    const QList<QByteArray> dmy = parts[0].split('-');
    const QList<QByteArray> hms = parts[1].split(':');
    int day = 0, year = 0, h = 0, m = 0, sec = 0, zone = 0;
    if (dmy.size() != 3 || hms.size() != 3 || !digits(dmy[0], &day) || !digits(dmy[2], &year) || dmy[2].size() != 4
        || !digits(hms[0], &h) || !digits(hms[1], &m) || !digits(hms[2], &sec))
        return std::nullopt;
    const int month = monthIndex(dmy[1]);
    const QByteArray &z = parts[2];
    if (month == 0 || z.size() != 5 || (z[0] != '+' && z[0] != '-') || !digits(z.mid(1), &zone))
        return std::nullopt;
    const QDate date(year, month, day);
    const QTime time(h, m, sec);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    const int offset = ((zone / 100) * 60 + zone % 100) * 60 * (z[0] == '-' ? -1 : 1);
    return QDateTime(date, time, QTimeZone::utc()).toSecsSinceEpoch() - offset;
}

std::optional<QDate> ImapFormat::parseDate(QByteArrayView text)
{
    const QList<QByteArray> dmy = text.toByteArray().split('-');
    int day = 0, year = 0;
    if (dmy.size() != 3 || !digits(dmy[0], &day) || !digits(dmy[2], &year))
        return std::nullopt;
    const QDate date(year, monthIndex(dmy[1]), day);
    if (!date.isValid())
        return std::nullopt;
    return date;
}

bool ImapFormat::parseFlags(const QVector<ImapArg> &args, quint8 *bits, QStringList *keywords, QByteArray *error)
{
    *bits = 0;
    for (const ImapArg &a : args) {
        if (!a.isAtom()) {
            *error = "Invalid flag";
            return false;
        }
        const QByteArray f = a.value;
        if (f.startsWith('\\')) {
            const QByteArray l = f.toLower();
            if (l == "\\seen") *bits |= MessageFlag::Seen;
            else if (l == "\\answered") *bits |= MessageFlag::Answered;
            else if (l == "\\flagged") *bits |= MessageFlag::Flagged;
            else if (l == "\\deleted") *bits |= MessageFlag::Deleted;
            else if (l == "\\draft") *bits |= MessageFlag::Draft;
            else if (l == "\\recent") continue; // not settable; ignored like Dovecot
            else {
                *error = "Invalid system flag " + f;
                return false;
            }
            continue;
        }
        for (char c : f) {
            if (!isAtomChar(c)) {
                *error = "Invalid keyword";
                return false;
            }
        }
        const QString k = QString::fromLatin1(f);
        bool dup = false;
        for (const QString &have : std::as_const(*keywords))
            dup = dup || have.compare(k, Qt::CaseInsensitive) == 0;
        if (!dup)
            keywords->append(k);
    }
    return true;
}

std::optional<QString> ImapFormat::mailboxArg(const ImapArg &arg)
{
    if (!arg.isAString())
        return std::nullopt;
    auto name = Mutf7::decode(arg.value, Mutf7::RawUtf8::Accept);
    if (!name)
        return std::nullopt;
    if (name->compare(QLatin1String("INBOX"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("INBOX");
    return name;
}

QByteArray ImapFormat::storeError(const StoreError &error)
{
    switch (error.code) {
    case StoreErrorCode::NotFound: return "[NONEXISTENT] Mailbox does not exist.";
    case StoreErrorCode::AlreadyExists: return "[ALREADYEXISTS] Mailbox already exists.";
    case StoreErrorCode::InvalidName: return "[CANNOT] Invalid mailbox name.";
    case StoreErrorCode::NotPermitted: return "[CANNOT] Operation not permitted.";
    case StoreErrorCode::OverQuota: return "[OVERQUOTA] Quota exceeded.";
    case StoreErrorCode::Io:
    case StoreErrorCode::None: break;
    }
    return "[SERVERBUG] Internal error; see the server log.";
}
