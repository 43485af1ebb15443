// The OData query options of a message list: $top (default 10, max 1000), $skip,
// $select, $orderby (receivedDateTime desc by default; also sentDateTime, subject),
// $count, and a $filter subset: clauses joined by "and" of
//   isRead eq true|false, isDraft eq .., hasAttachments eq .., flag/flagStatus eq 'flagged'|'notFlagged',
//   receivedDateTime ge|gt|le|lt|eq <ISO 8601>, from/emailAddress/address eq '<addr>'.
// Pure parsing; anything else is a 400 with a message naming the option.
#pragma once

#include <QDateTime>
#include <QStringList>
#include <QUrlQuery>
#include <QVector>
#include <optional>

struct ApiListQuery {
    static constexpr int DefaultTop = 10;
    static constexpr int MaxTop = 1000;
    static constexpr int MaxFilterClauses = 10;

    enum class Field { IsRead, IsDraft, HasAttachments, Flagged, Received, FromAddress };
    enum class Op { Eq, Ge, Gt, Le, Lt };
    struct Clause {
        Field field = Field::IsRead;
        Op op = Op::Eq;
        bool flag = false;       // boolean fields
        qint64 time = 0;         // Received: seconds since the epoch
        QString text;            // FromAddress, lower case
    };
    enum class Order { Received, Sent, Subject };

    int top = DefaultTop;
    int skip = 0;
    bool count = false;
    QStringList select;          // empty: the default field set
    Order order = Order::Received;
    bool descending = true;
    QVector<Clause> filter;

    static std::optional<ApiListQuery> parse(const QUrlQuery &query, QString *error);
    bool needsContent() const;   // a clause or the order needs parsed headers, not only the index
};
