// The stats registry: handles stay valid, values show in JSON, and the per-second
// history keeps the last samples in order (oldest first) and wraps at 10 minutes.
#include "statsregistry.h"

#include <QJsonArray>
#include <QTest>

class tst_StatsRegistry : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void countersAndGauges()
    {
        StatsRegistry stats;
        qint64 *received = stats.counter(StatName::MessagesReceived);
        *received += 3;
        stats.add(StatName::MessagesReceived);
        stats.adjustGauge(StatName::SmtpConnections, 2);
        stats.adjustGauge(StatName::SmtpConnections, -1);
        stats.add(QStringLiteral("custom.thing"), 5);
        QCOMPARE(stats.value(StatName::MessagesReceived), 4);
        const QJsonObject json = stats.toJson(0);
        QCOMPARE(json.value("counters").toObject().value("messages.received").toInt(), 4);
        QCOMPARE(json.value("counters").toObject().value("custom.thing").toInt(), 5);
        QCOMPARE(json.value("gauges").toObject().value("smtp.connections").toInt(), 1);
        QCOMPARE(json.value("gauges").toObject().value("queue.length").toInt(), 0);
        QVERIFY(json.value("history").toObject().value("series").toObject().isEmpty());
        QCOMPARE(stats.counter(StatName::MessagesReceived), received); // stable handle
    }

    void historyKeepsOrderAndWraps()
    {
        StatsRegistry stats;
        for (int i = 1; i <= StatsRegistry::HistorySeconds + 5; ++i) {
            stats.add(StatName::BytesIn, 10);
            stats.sample();
        }
        const QJsonObject history = stats.toJson(3).value("history").toObject();
        QCOMPARE(history.value("interval_seconds").toInt(), 1);
        const QJsonArray series = history.value("series").toObject().value("bytes.in").toArray();
        QCOMPARE(series.size(), 3);
        const int last = (StatsRegistry::HistorySeconds + 5) * 10;
        QCOMPARE(series.at(0).toInt(), last - 20);
        QCOMPARE(series.at(2).toInt(), last);
        const QJsonArray all = stats.toJson(100000).value("history").toObject().value("series").toObject()
                                   .value("bytes.in").toArray();
        QCOMPARE(all.size(), StatsRegistry::HistorySeconds);
        QCOMPARE(all.first().toInt(), 60);
    }
};

QTEST_GUILESS_MAIN(tst_StatsRegistry)
#include "tst_statsregistry.moc"
