#include "apirouter.h"

void ApiRouter::add(const QByteArray &method, const QString &pattern, Access access, Handler handler)
{
    Route r;
    r.method = method;
    r.segments = pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    r.access = access;
    r.handler = std::move(handler);
    m_routes.append(std::move(r));
}

bool ApiRouter::matches(const QStringList &pattern, const QStringList &path, QStringList *args)
{
    if (pattern.size() != path.size())
        return false;
    args->clear();
    for (int i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == QLatin1String("{}")) {
            if (path[i].isEmpty())
                return false;
            args->append(path[i]);
        } else if (pattern[i].compare(path[i], Qt::CaseInsensitive) != 0) {
            return false;
        }
    }
    return true;
}

ApiRouter::Match ApiRouter::match(const QByteArray &method, const QString &path) const
{
    Match m;
    // A trailing slash or doubled slashes are not the same resource: split keeps empty parts
    // in the middle and we refuse them.
    QStringList segments = path.split(QLatin1Char('/'));
    if (!segments.isEmpty() && segments.first().isEmpty())
        segments.removeFirst();
    if (segments.contains(QString()))
        return m;
    QByteArrayList allowed;
    QStringList args;
    for (const Route &r : m_routes) {
        if (!matches(r.segments, segments, &args))
            continue;
        if (r.method == method || (method == "HEAD" && r.method == "GET")) {
            m.route = &r;
            m.args = args;
            return m;
        }
        if (!allowed.contains(r.method))
            allowed.append(r.method);
    }
    m.allow = allowed.join(", ");
    return m;
}

QVector<QPair<QByteArray, QString>> ApiRouter::patterns() const
{
    QVector<QPair<QByteArray, QString>> out;
    for (const Route &r : m_routes)
        out.append({r.method, QLatin1Char('/') + r.segments.join(QLatin1Char('/'))});
    return out;
}
