#include "graphwidget.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QtMath>

#include <cmath>

namespace {
constexpr int GridLines = 4;
constexpr int Margin = 10;
}

GraphWidget::GraphWidget(const QString &title, QWidget *parent) : QWidget(parent), m_title(title)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAccessibleName(title);
}

void GraphWidget::setSeries(const QVector<Series> &series, int intervalSeconds)
{
    m_series = series;
    m_interval = qMax(1, intervalSeconds);
    update();
}

void GraphWidget::setPlaceholder(const QString &text)
{
    m_placeholder = text;
    update();
}

double GraphWidget::niceCeiling(double value)
{
    return niceStep(value, false);
}

double GraphWidget::niceStep(double value, bool integral)
{
    if (value <= 0)
        return integral ? 1 : 0.25;
    const double magnitude = qPow(10.0, qFloor(std::log10(value)));
    for (double step : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        const double candidate = step * magnitude;
        if (integral && (candidate < 1 || candidate != double(qint64(candidate))))
            continue;
        if (candidate >= value - 1e-9)
            return candidate;
    }
    return 10 * magnitude;
}

static QString formatValue(double v)
{
    if (qAbs(v - qRound64(v)) < 1e-9)
        return QLocale().toString(qRound64(v));
    return QLocale().toString(std::round(v * 100) / 100, 'f', QLocale::FloatingPointShortest);
}

void GraphWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    QRectF frame = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    p.setPen(pal.color(QPalette::Mid));
    p.setBrush(pal.color(QPalette::Base));
    p.drawRoundedRect(frame, 6, 6);

    QFont titleFont = font();
    titleFont.setBold(true);
    p.setFont(titleFont);
    const QFontMetrics tfm(titleFont);
    p.setPen(pal.color(QPalette::Text));
    p.drawText(QPointF(Margin, Margin + tfm.ascent()), m_title);

    // Legend on the title line, right-aligned ("■ name 12"); on a line of its own when narrow.
    p.setFont(font());
    const QFontMetrics fm(font());
    QStringList legendTexts;
    qreal legendWidth = 0;
    for (const Series &s : m_series) {
        legendTexts << s.name + QLatin1Char(' ')
                           + (s.values.isEmpty() ? QStringLiteral("-") : formatValue(s.values.last()) + m_suffix);
        legendWidth += fm.horizontalAdvance(legendTexts.last()) + 26;
    }
    const bool ownLine = Margin + tfm.horizontalAdvance(m_title) + 16 + legendWidth > width() - Margin;
    const qreal legendBase = ownLine ? Margin + tfm.height() + 2 + fm.ascent() : Margin + tfm.ascent();
    qreal x = width() - Margin;
    for (int i = m_series.size() - 1; i >= 0; --i) {
        x -= fm.horizontalAdvance(legendTexts.at(i));
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QPointF(x, legendBase), legendTexts.at(i));
        x -= 14;
        p.fillRect(QRectF(x, legendBase - 9, 10, 10), m_series.at(i).color);
        x -= 12;
    }

    double maxValue = 0;
    int count = 0;
    bool integral = true;
    for (const Series &s : m_series) {
        count = qMax(count, int(s.values.size()));
        for (double v : s.values) {
            maxValue = qMax(maxValue, v);
            integral = integral && v == double(qint64(v));
        }
    }
    // Axis steps of 1, 2, (2.5,) 5 times a power of ten; whole numbers for counts.
    const double top = niceStep(maxValue / GridLines, integral) * GridLines;
    qreal axisWidth = 0;
    for (int i = 0; i <= GridLines; ++i)
        axisWidth = qMax<qreal>(axisWidth, fm.horizontalAdvance(formatValue(top * i / GridLines)));
    axisWidth += 8;
    const qreal header = tfm.height() + 8 + (ownLine ? fm.height() + 2 : 0);
    const QRectF plot(Margin + axisWidth, Margin + header, width() - 2 * Margin - axisWidth,
                      height() - 2 * Margin - header - fm.height() - 4);
    if (plot.width() < 20 || plot.height() < 20)
        return;

    // Grid and value axis.
    QColor gridColor = pal.color(QPalette::Mid);
    gridColor.setAlpha(90);
    for (int i = 0; i <= GridLines; ++i) {
        const qreal y = plot.bottom() - plot.height() * i / GridLines;
        p.setPen(QPen(gridColor, 1, i == 0 ? Qt::SolidLine : Qt::DotLine));
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(QRectF(Margin, y - fm.height() / 2.0, axisWidth - 6, fm.height()), Qt::AlignRight | Qt::AlignVCenter,
                   formatValue(top * i / GridLines));
    }
    if (count < 2) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(plot, Qt::AlignCenter, m_placeholder.isEmpty() ? tr("Waiting for data...") : m_placeholder);
        return;
    }
    // Time axis: the span shown, and "now" at the right.
    const int spanSeconds = qMax(1, count - 1) * m_interval;
    p.setPen(pal.color(QPalette::PlaceholderText));
    const qreal labelY = plot.bottom() + 4;
    p.drawText(QRectF(plot.left(), labelY, plot.width(), fm.height()), Qt::AlignLeft,
               spanSeconds >= 120 ? tr("-%1 min").arg(spanSeconds / 60) : tr("-%1 s").arg(spanSeconds));
    p.drawText(QRectF(plot.left(), labelY, plot.width(), fm.height()), Qt::AlignRight, tr("now"));

    for (const Series &s : m_series) {
        if (s.values.size() < 2)
            continue;
        QPainterPath path;
        const int n = s.values.size();
        for (int i = 0; i < n; ++i) {
            // Right-align series so the newest sample is at "now".
            const qreal px = plot.right() - plot.width() * (n - 1 - i) / (count - 1);
            const qreal py = plot.bottom() - plot.height() * (s.values.at(i) / top);
            if (i == 0)
                path.moveTo(px, py);
            else
                path.lineTo(px, py);
        }
        p.setPen(QPen(s.color, 2));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
    }
}
