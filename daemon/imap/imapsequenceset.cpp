#include "imapsequenceset.h"

#include <QByteArray>

namespace {
// seq-number = nz-number / "*"
bool parseNumber(QByteArrayView text, quint32 *out)
{
    if (text == "*") {
        *out = ImapSequenceSet::Star;
        return true;
    }
    if (text.isEmpty() || text.size() > 10 || text.front() == '0')
        return false;
    quint64 v = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + quint64(c - '0');
    }
    if (v > 0xffffffffULL)
        return false;
    *out = quint32(v);
    return true;
}
}

std::optional<ImapSequenceSet> ImapSequenceSet::parse(QByteArrayView text)
{
    ImapSequenceSet set;
    if (text.isEmpty())
        return std::nullopt;
    qsizetype start = 0;
    while (start <= text.size()) {
        qsizetype comma = text.indexOf(',', start);
        if (comma < 0)
            comma = text.size();
        const QByteArrayView item = text.sliced(start, comma - start);
        const qsizetype colon = item.indexOf(':');
        quint32 lo = 0, hi = 0;
        if (colon < 0) {
            if (!parseNumber(item, &lo))
                return std::nullopt;
            hi = lo;
        } else if (!parseNumber(item.first(colon), &lo) || !parseNumber(item.sliced(colon + 1), &hi)) {
            return std::nullopt;
        }
        set.m_ranges.append({lo, hi});
        start = comma + 1;
        if (comma == text.size())
            break;
    }
    return set;
}

ImapSequenceSet ImapSequenceSet::fromList(const QVector<quint32> &values)
{
    ImapSequenceSet set;
    for (quint32 v : values) {
        if (!set.m_ranges.isEmpty() && set.m_ranges.last().second + 1 == v)
            set.m_ranges.last().second = v;
        else
            set.m_ranges.append({v, v});
    }
    return set;
}

bool ImapSequenceSet::contains(quint32 value, quint32 star) const
{
    for (const auto &r : m_ranges) {
        quint32 lo = r.first == Star ? star : r.first;
        quint32 hi = r.second == Star ? star : r.second;
        if (lo > hi)
            std::swap(lo, hi);
        if (value >= lo && value <= hi)
            return true;
    }
    return false;
}

quint32 ImapSequenceSet::maxExplicit() const
{
    quint32 m = 0;
    for (const auto &r : m_ranges)
        m = std::max({m, r.first, r.second});
    return m;
}

bool ImapSequenceSet::usesStar() const
{
    for (const auto &r : m_ranges)
        if (r.first == Star || r.second == Star)
            return true;
    return false;
}

QByteArray ImapSequenceSet::toString() const
{
    QByteArray out;
    auto num = [](quint32 v) { return v == Star ? QByteArray("*") : QByteArray::number(v); };
    for (const auto &r : m_ranges) {
        if (!out.isEmpty())
            out.append(',');
        out.append(num(r.first));
        if (r.second != r.first)
            out.append(':').append(num(r.second));
    }
    return out;
}
