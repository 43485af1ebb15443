#include "statsseries.h"

#include <QJsonArray>

namespace StatsSeries {

QVector<double> series(const QJsonObject &statsResult, const QString &name)
{
    const QJsonArray a = statsResult.value(QStringLiteral("history")).toObject()
                             .value(QStringLiteral("series")).toObject().value(name).toArray();
    QVector<double> out;
    out.reserve(a.size());
    for (const QJsonValue &v : a)
        out << v.toDouble();
    return out;
}

QVector<double> rate(const QVector<double> &cumulative, int window)
{
    QVector<double> out;
    const int n = cumulative.size();
    if (n < 2 || window < 1)
        return out;
    // Per-step increments first, so a reset (value drop) contributes its new value only.
    QVector<double> step(n, 0.0);
    for (int i = 1; i < n; ++i) {
        const double d = cumulative.at(i) - cumulative.at(i - 1);
        step[i] = d >= 0 ? d : cumulative.at(i);
    }
    out.reserve(n - 1);
    double sum = 0;
    for (int i = 1; i < n; ++i) {
        sum += step.at(i);
        if (i - window >= 1)
            sum -= step.at(i - window);
        out << sum;
    }
    return out;
}

QVector<double> scaled(const QVector<double> &values, double factor)
{
    QVector<double> out;
    out.reserve(values.size());
    for (double v : values)
        out << v * factor;
    return out;
}

} // namespace StatsSeries
