// One output format for every postroom-bench subcommand: rows of
// (benchmark, metric, value, unit, target), printed as a table or as JSON.
#pragma once

#include <QJsonArray>
#include <QString>
#include <QVector>

struct BenchRow {
    QString benchmark; // "smtp", "imap", ...
    QString metric;    // "delivered messages/s (8 connections)"
    double value = 0;
    QString unit;      // "msg/s", "s", "KB"
    QString target;    // "<= 0.25 s", "" when none
};

class BenchReport
{
public:
    void add(const QString &benchmark, const QString &metric, double value, const QString &unit,
             const QString &target = QString());
    void note(const QString &text) { m_notes << text; }
    const QVector<BenchRow> &rows() const { return m_rows; }
    QString toTable() const;
    QByteArray toJson() const;

private:
    QVector<BenchRow> m_rows;
    QStringList m_notes;
};

double median(QVector<double> values);
