// The program's look in one place: the painted application icon (sharp at any size,
// no image files) and the style sheet for page titles, help texts, error texts,
// badges and the "daemon not running" banner.
#pragma once

#include <QIcon>
#include <QString>

namespace Appearance {
QIcon appIcon();
QString styleSheet();
}
