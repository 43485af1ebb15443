// MimeContent::parseDate: RFC 5322 3.3 date-time with the obsolete forms of 4.3
// (two-digit years, zone names, missing seconds, comments). Kept apart from
// mimecontent.cpp to keep each file short.
#include "mimecontent.h"

#include <cctype>


namespace {

int monthNumber(QByteArrayView m)
{
    static const char *const names[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec"};
    for (int i = 0; i < 12; ++i) {
        if (m.size() >= 3 && m.first(3).compare(QByteArrayView(names[i]), Qt::CaseInsensitive) == 0)
            return i + 1;
    }
    return 0;
}

// Offset in seconds for a zone token, or false.
bool zoneOffset(QByteArrayView z, int *seconds)
{
    if (z.size() == 5 && (z.at(0) == '+' || z.at(0) == '-')) {
        bool ok = false;
        const int hhmm = z.sliced(1).toByteArray().toInt(&ok);
        if (!ok || hhmm % 100 >= 60)
            return false;
        *seconds = (hhmm / 100 * 3600 + hhmm % 100 * 60) * (z.at(0) == '-' ? -1 : 1);
        return true;
    }
    static const struct { const char *name; int hours; } names[] = {
        {"UT", 0}, {"UTC", 0}, {"GMT", 0}, {"Z", 0}, {"EST", -5}, {"EDT", -4}, {"CST", -6},
        {"CDT", -5}, {"MST", -7}, {"MDT", -6}, {"PST", -8}, {"PDT", -7}};
    for (const auto &n : names) {
        if (z.compare(QByteArrayView(n.name), Qt::CaseInsensitive) == 0) {
            *seconds = n.hours * 3600;
            return true;
        }
    }
    if (z.size() == 1 && std::isalpha(uchar(z.at(0)))) {
        *seconds = 0;                             // military zones: RFC 5322 4.3 says treat as -0000
        return true;
    }
    return false;
}

} // namespace

std::optional<QDateTime> MimeContent::parseDate(QByteArrayView value)
{
    // Tokens: runs of letters/digits/+/-/: with comments removed.
    QList<QByteArray> tokens;
    QByteArray cur;
    int depth = 0;
    for (char c : value) {
        if (c == '(') {
            ++depth;
        } else if (c == ')' && depth > 0) {
            --depth;
        } else if (depth == 0 && (std::isalnum(uchar(c)) || c == '+' || c == '-' || c == ':')) {
            cur.append(c);
            continue;
        }
        if (!cur.isEmpty())
            tokens.append(cur);
        cur.clear();
        if (tokens.size() > 16)
            return std::nullopt;
    }
    if (!cur.isEmpty())
        tokens.append(cur);
    if (!tokens.isEmpty() && !tokens.first().isEmpty() && std::isalpha(uchar(tokens.first().at(0)))
        && monthNumber(tokens.first()) == 0)
        tokens.removeFirst();                     // day of week
    if (tokens.size() < 4)
        return std::nullopt;
    // asctime()-style dates from broken mailers: "Mar 6 12:00:00 2025 [zone]".
    if (monthNumber(tokens.at(0)) != 0) {
        tokens.swapItemsAt(0, 1);
        if (tokens.at(2).contains(':') && !tokens.at(3).contains(':'))
            tokens.swapItemsAt(2, 3);
    }
    bool ok1 = false, ok2 = false;
    const int day = tokens.at(0).toInt(&ok1);
    const int month = monthNumber(tokens.at(1));
    int year = tokens.at(2).toInt(&ok2);
    if (!ok1 || !ok2 || month == 0)
        return std::nullopt;
    if (tokens.at(2).size() <= 2)
        year += year < 50 ? 2000 : 1900;         // RFC 5322 4.3
    else if (tokens.at(2).size() == 3)
        year += 1900;
    const QList<QByteArray> hms = tokens.at(3).split(':');
    if (hms.size() < 2 || hms.size() > 3)
        return std::nullopt;
    const int h = hms.at(0).toInt(&ok1);
    const int m = hms.at(1).toInt(&ok2);
    bool ok3 = true;
    const int s = hms.size() == 3 ? hms.at(2).toInt(&ok3) : 0;
    if (!ok1 || !ok2 || !ok3)
        return std::nullopt;
    int offset = 0;
    if (tokens.size() >= 5 && !zoneOffset(tokens.at(4), &offset))
        offset = 0;
    const QDate date(year, month, day);
    const QTime time(h, m, qMin(s, 59));
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    return QDateTime(date, time, Qt::OffsetFromUTC, offset);
}
