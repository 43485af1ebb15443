// Turns the daemon's stats history (the value of each counter at each second,
// oldest first) into what the graphs show: rates per second or per minute.
// Pure functions, tested without a daemon.
#pragma once

#include <QJsonObject>
#include <QVector>

namespace StatsSeries {
// The raw series of one counter or gauge from a `stats` result, oldest first.
QVector<double> series(const QJsonObject &statsResult, const QString &name);
// Differences over a sliding window of `window` samples: with one sample a second,
// window 60 gives "per minute", window 1 "per second". The first samples use what exists.
// A counter that went down (daemon restart) counts from zero again, never negative.
QVector<double> rate(const QVector<double> &cumulative, int window);
// Scales every value (bytes -> KiB).
QVector<double> scaled(const QVector<double> &values, double factor);
}
