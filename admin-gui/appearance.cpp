#include "appearance.h"

#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace Appearance {

static QPixmap paintIcon(int size)
{
    QPixmap pm(size, size);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    const qreal s = size;
    // Rounded tile with a blue gradient, a white envelope and an orange status dot.
    QLinearGradient g(0, 0, 0, s);
    g.setColorAt(0, QColor(0x2f, 0x80, 0xd1));
    g.setColorAt(1, QColor(0x1b, 0x4f, 0x8a));
    p.setPen(Qt::NoPen);
    p.setBrush(g);
    p.drawRoundedRect(QRectF(s * 0.04, s * 0.04, s * 0.92, s * 0.92), s * 0.2, s * 0.2);
    const QRectF env(s * 0.2, s * 0.3, s * 0.6, s * 0.42);
    p.setBrush(Qt::white);
    p.drawRoundedRect(env, s * 0.04, s * 0.04);
    QPen flap(QColor(0x1b, 0x4f, 0x8a), qMax(1.0, s * 0.05), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p.setPen(flap);
    QPainterPath path;
    path.moveTo(env.left() + s * 0.04, env.top() + s * 0.05);
    path.lineTo(env.center().x(), env.top() + env.height() * 0.55);
    path.lineTo(env.right() - s * 0.04, env.top() + s * 0.05);
    p.setBrush(Qt::NoBrush);
    p.drawPath(path);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0xf3, 0x9c, 0x12));
    p.drawEllipse(QPointF(s * 0.76, s * 0.28), s * 0.11, s * 0.11);
    return pm;
}

QIcon appIcon()
{
    QIcon icon;
    for (int size : {16, 22, 24, 32, 48, 64, 128, 256})
        icon.addPixmap(paintIcon(size));
    return icon;
}

QString styleSheet()
{
    return QStringLiteral(
        "QLabel#pageTitle { font-size: 16pt; font-weight: 600; padding: 2px 0 4px 0; }"
        "QLabel#pageIntro { color: palette(dark); padding-bottom: 6px; }"
        "QLabel#fieldHelp { color: palette(dark); font-size: 9pt; }"
        "QLabel#fieldError, QLabel#errorMessage { color: #c0392b; }"
        "QLabel#infoMessage { color: #2c7a2c; }"
        "QLabel#fieldHint { color: palette(dark); }"
        "QLabel#restartBadge { color: #8a4b00; background: #fff1dc; border: 1px solid #f0c890;"
        "  border-radius: 8px; padding: 1px 7px; font-size: 8pt; }"
        "QLabel#modifiedBadge { color: #8a4b00; background: #fff1dc; border: 1px solid #f0c890;"
        "  border-radius: 8px; padding: 1px 8px; }"
        "QFrame#offlineBanner { background: #fff4ce; border: 1px solid #e8cf7a; border-radius: 4px; }"
        "QFrame#offlineBanner QLabel { color: #5c4400; }"
        "QFrame#messageBar { background: #fdecea; border: 1px solid #f1b0a8; border-radius: 4px; }"
        "QFrame#messageBar QLabel { color: #7b1d13; }"
        "QListWidget#navigation { font-size: 11pt; }"
        "QListWidget#navigation::item { padding: 6px 4px; }");
}

} // namespace Appearance
