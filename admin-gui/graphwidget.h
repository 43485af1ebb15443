// A painted line graph of a few series over the last minutes (the dashboard's
// graphs): grid with rounded axis steps, time labels, legend with current values.
// No Qt Charts needed; it only draws what it is given.
#pragma once

#include <QColor>
#include <QVector>
#include <QWidget>

class GraphWidget : public QWidget
{
    Q_OBJECT
public:
    struct Series {
        QString name;
        QColor color;
        QVector<double> values; // oldest..newest, one per interval
    };

    explicit GraphWidget(const QString &title, QWidget *parent = nullptr);
    void setSeries(const QVector<Series> &series, int intervalSeconds = 1);
    void setValueSuffix(const QString &suffix) { m_suffix = suffix; }
    void setPlaceholder(const QString &text); // shown instead of lines when there is no data
    const QVector<Series> &series() const { return m_series; }
    QString title() const { return m_title; }

    QSize sizeHint() const override { return {360, 200}; }
    QSize minimumSizeHint() const override { return {220, 140}; }

    // Rounds up to 1, 2 or 5 times a power of ten, so axis labels read well.
    static double niceCeiling(double value);
    // The same for one grid step; integral keeps steps whole (1, 2, 5, 10, 20, ...).
    static double niceStep(double value, bool integral);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_title;
    QString m_suffix;
    QString m_placeholder;
    QVector<Series> m_series;
    int m_interval = 1;
};
