// ImapSequenceSet: RFC 3501 "sequence-set" (1,3:5,7:*), for message sequence numbers and
// UIDs alike. Pure; '*' is kept symbolic and resolved against the current maximum.
// Trusts nothing: parse() refuses 0, overflow, empty elements and stray characters.
#pragma once

#include <QByteArrayView>
#include <QPair>
#include <QVector>
#include <optional>

class ImapSequenceSet
{
public:
    static constexpr quint32 Star = 0; // '*' in a range bound

    static std::optional<ImapSequenceSet> parse(QByteArrayView text);
    static ImapSequenceSet fromList(const QVector<quint32> &sortedValues); // compact ranges

    // True when value is in the set, '*' meaning `star` (the largest number in use).
    bool contains(quint32 value, quint32 star) const;
    // The largest explicit number (not '*'), 0 when only '*' appears.
    quint32 maxExplicit() const;
    bool usesStar() const;
    // "1:3,5" (ranges as given, '*' as '*').
    QByteArray toString() const;
    bool isEmpty() const { return m_ranges.isEmpty(); }
    const QVector<QPair<quint32, quint32>> &ranges() const { return m_ranges; }

private:
    QVector<QPair<quint32, quint32>> m_ranges;
};
