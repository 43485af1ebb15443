#include "apilistquery.h"

#include <QRegularExpression>

static std::optional<ApiListQuery> fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return std::nullopt;
}

static bool parseCount(const QString &text, int max, int *out)
{
    bool ok = false;
    const int n = text.toInt(&ok);
    if (!ok || n < 0 || n > max)
        return false;
    *out = n;
    return true;
}

static std::optional<bool> parseBool(const QString &t)
{
    if (t == QLatin1String("true"))
        return true;
    if (t == QLatin1String("false"))
        return false;
    return std::nullopt;
}

static QString unquote(const QString &t)
{
    if (t.size() >= 2 && t.startsWith(QLatin1Char('\'')) && t.endsWith(QLatin1Char('\'')))
        return t.mid(1, t.size() - 2).replace(QLatin1String("''"), QLatin1String("'"));
    return QString();
}

std::optional<ApiListQuery> ApiListQuery::parse(const QUrlQuery &query, QString *error)
{
    ApiListQuery q;
    const auto value = [&](const char *name) { return query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded); };
    if (query.hasQueryItem(QStringLiteral("$top")) && !parseCount(value("$top"), MaxTop, &q.top))
        return fail(error, QStringLiteral("$top must be an integer from 0 to %1").arg(MaxTop));
    if (query.hasQueryItem(QStringLiteral("$skip")) && !parseCount(value("$skip"), 100000000, &q.skip))
        return fail(error, QStringLiteral("$skip must be a non-negative integer"));
    if (query.hasQueryItem(QStringLiteral("$count"))) {
        const auto b = parseBool(value("$count"));
        if (!b)
            return fail(error, QStringLiteral("$count must be true or false"));
        q.count = *b;
    }
    if (query.hasQueryItem(QStringLiteral("$select"))) {
        static const QRegularExpression name(QStringLiteral("^[A-Za-z][A-Za-z0-9]{0,63}$"));
        for (const QString &f : value("$select").split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (!name.match(f.trimmed()).hasMatch())
                return fail(error, QStringLiteral("$select: bad property name"));
            q.select << f.trimmed();
        }
    }
    if (query.hasQueryItem(QStringLiteral("$orderby"))) {
        const QStringList words = value("$orderby").simplified().split(QLatin1Char(' '));
        const QString field = words.value(0);
        if (field == QLatin1String("receivedDateTime"))
            q.order = Order::Received;
        else if (field == QLatin1String("sentDateTime"))
            q.order = Order::Sent;
        else if (field == QLatin1String("subject"))
            q.order = Order::Subject;
        else
            return fail(error, QStringLiteral("$orderby supports receivedDateTime, sentDateTime and subject"));
        if (words.size() > 2 || (words.size() == 2 && words[1] != QLatin1String("asc") && words[1] != QLatin1String("desc")))
            return fail(error, QStringLiteral("$orderby: expected asc or desc"));
        q.descending = words.size() == 2 ? words[1] == QLatin1String("desc") : false; // OData default is asc
    }
    if (query.hasQueryItem(QStringLiteral("$filter"))) {
        const QString text = value("$filter").simplified();
        if (text.size() > 2000)
            return fail(error, QStringLiteral("$filter too long"));
        // Split on " and " outside quotes.
        QStringList clauses;
        QString current;
        bool inQuote = false;
        const QStringList words = text.split(QLatin1Char(' '));
        for (const QString &w : words) {
            if (!inQuote && w.compare(QLatin1String("and"), Qt::CaseInsensitive) == 0) {
                clauses << current.trimmed();
                current.clear();
                continue;
            }
            current += w + QLatin1Char(' ');
            inQuote ^= (w.count(QLatin1Char('\'')) % 2) == 1;
        }
        clauses << current.trimmed();
        if (clauses.size() > MaxFilterClauses)
            return fail(error, QStringLiteral("$filter has too many clauses"));
        for (const QString &c : clauses) {
            const qsizetype s1 = c.indexOf(QLatin1Char(' '));
            const qsizetype s2 = s1 < 0 ? -1 : c.indexOf(QLatin1Char(' '), s1 + 1);
            if (s1 < 0 || s2 < 0)
                return fail(error, QStringLiteral("$filter: expected '<property> <operator> <value>'"));
            const QString prop = c.left(s1), opText = c.mid(s1 + 1, s2 - s1 - 1), operand = c.mid(s2 + 1);
            Clause clause;
            static const QHash<QString, Op> ops{{QStringLiteral("eq"), Op::Eq}, {QStringLiteral("ge"), Op::Ge},
                                                 {QStringLiteral("gt"), Op::Gt}, {QStringLiteral("le"), Op::Le},
                                                 {QStringLiteral("lt"), Op::Lt}};
            if (!ops.contains(opText))
                return fail(error, QStringLiteral("$filter: unsupported operator %1").arg(opText.left(20)));
            clause.op = ops.value(opText);
            if (prop == QLatin1String("isRead") || prop == QLatin1String("isDraft")
                || prop == QLatin1String("hasAttachments")) {
                const auto b = parseBool(operand);
                if (!b || clause.op != Op::Eq)
                    return fail(error, QStringLiteral("$filter: %1 eq true|false").arg(prop));
                clause.field = prop == QLatin1String("isRead") ? Field::IsRead
                    : prop == QLatin1String("isDraft")          ? Field::IsDraft
                                                                : Field::HasAttachments;
                clause.flag = *b;
            } else if (prop == QLatin1String("flag/flagStatus")) {
                const QString v = unquote(operand);
                if (clause.op != Op::Eq || (v != QLatin1String("flagged") && v != QLatin1String("notFlagged")))
                    return fail(error, QStringLiteral("$filter: flag/flagStatus eq 'flagged'|'notFlagged'"));
                clause.field = Field::Flagged;
                clause.flag = v == QLatin1String("flagged");
            } else if (prop == QLatin1String("receivedDateTime")) {
                const QDateTime t = QDateTime::fromString(operand, Qt::ISODate);
                if (!t.isValid())
                    return fail(error, QStringLiteral("$filter: receivedDateTime needs an ISO 8601 date-time"));
                clause.field = Field::Received;
                clause.time = t.toSecsSinceEpoch();
            } else if (prop == QLatin1String("from/emailAddress/address")) {
                const QString v = unquote(operand);
                if (v.isEmpty() || clause.op != Op::Eq)
                    return fail(error, QStringLiteral("$filter: from/emailAddress/address eq '<address>'"));
                clause.field = Field::FromAddress;
                clause.text = v.toLower();
            } else {
                return fail(error, QStringLiteral("$filter: unsupported property %1").arg(prop.left(64)));
            }
            q.filter.append(clause);
        }
    }
    if (!query.hasQueryItem(QStringLiteral("$orderby"))) {
        q.order = Order::Received;
        q.descending = true;
    }
    return q;
}

bool ApiListQuery::needsContent() const
{
    if (order != Order::Received)
        return true;
    for (const Clause &c : filter)
        if (c.field == Field::FromAddress || c.field == Field::HasAttachments)
            return true;
    return false;
}
