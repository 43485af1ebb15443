#include "benchreport.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>
#include <QThread>
#include <algorithm>

void BenchReport::add(const QString &benchmark, const QString &metric, double value, const QString &unit,
                      const QString &target)
{
    m_rows.append({benchmark, metric, value, unit, target});
}

static QString formatValue(double v)
{
    if (v >= 100)
        return QString::number(v, 'f', 0);
    if (v >= 1)
        return QString::number(v, 'f', 2);
    return QString::number(v, 'f', 4);
}

QString BenchReport::toTable() const
{
    int metricWidth = 6;
    for (const BenchRow &r : m_rows)
        metricWidth = std::max(metricWidth, int(r.benchmark.size() + r.metric.size() + 1));
    QString out = QStringLiteral("%1  %2  %3\n").arg(QStringLiteral("metric").leftJustified(metricWidth),
                                                     QStringLiteral("value").rightJustified(12), QStringLiteral("target"));
    out += QString(metricWidth + 30, QLatin1Char('-')) + QLatin1Char('\n');
    for (const BenchRow &r : m_rows)
        out += QStringLiteral("%1  %2  %3\n").arg((r.benchmark + QLatin1Char(' ') + r.metric).leftJustified(metricWidth),
                                                 (formatValue(r.value) + QLatin1Char(' ') + r.unit).rightJustified(12),
                                                 r.target);
    for (const QString &n : m_notes)
        out += QStringLiteral("note: ") + n + QLatin1Char('\n');
    return out;
}

QByteArray BenchReport::toJson() const
{
    QJsonArray rows;
    for (const BenchRow &r : m_rows)
        rows.append(QJsonObject{{"benchmark", r.benchmark}, {"metric", r.metric}, {"value", r.value},
                                {"unit", r.unit}, {"target", r.target}});
    QJsonObject o{{"date", QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                  {"host_cores", QThread::idealThreadCount()},
                  {"kernel", QSysInfo::kernelVersion()},
                  {"results", rows},
                  {"notes", QJsonArray::fromStringList(m_notes)}};
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

double median(QVector<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}
