// Shared set-up for the queue tests: the store fixture of the store tests (temporary
// mail_root, users) plus a live Config, a DeliveryQueue with a static MX resolver, and a
// helper to enqueue messages the way an SMTP session does.
#pragma once

#include "../store/storetestutil.h"
#include "config.h"
#include "deliveryqueue.h"
#include "mxresolver.h"
#include "statsregistry.h"

#include <QJsonArray>
#include <memory>

struct QueueFixture : StoreFixture {
    Config config;
    std::unique_ptr<StatsRegistry> stats;
    std::shared_ptr<StaticMxResolver> resolver = std::make_shared<StaticMxResolver>();
    std::unique_ptr<DeliveryQueue> queue;

    explicit QueueFixture(const QJsonObject &overrides = QJsonObject())
        : StoreFixture({QStringLiteral("example.com")})
    {
        QJsonObject doc{{"mail_root", dir.path()},
                        {"hostname", "mx.example.com"},
                        {"domains", QJsonArray{"example.com"}},
                        {"delivery", QJsonObject{{"workers", 2}}}};
        for (auto it = overrides.begin(); it != overrides.end(); ++it)
            doc.insert(it.key(), it.value());
        QVector<ConfigError> errors;
        if (!Config::fromJson(doc, dir.path(), &config, &errors))
            qWarning() << "config:" << (errors.isEmpty() ? QString() : errors.first().toString());
        stats = std::make_unique<StatsRegistry>();
        domains = config.domains;
        accounts->setDomains(domains);
    }
    ~QueueFixture() { queue.reset(); }

    bool startQueue(const QVector<int> &retryDelays = {1})
    {
        queue = std::make_unique<DeliveryQueue>(&config, accounts.get(), store.get(), stats.get());
        queue->setMxResolver(resolver);
        queue->setRetryDelays(retryDelays);
        QString error;
        const bool ok = queue->start(&error);
        if (!ok)
            qWarning() << "queue start:" << error;
        return ok;
    }

    bool addUser(const QString &address, std::optional<qint64> quota = std::nullopt)
    {
        return StoreFixture::addUser(address, "secret", quota);
    }

    // Streams data through a SpoolWriter in small pieces and commits it; returns the queue
    // id once the commit callback said ok (empty on failure or timeout).
    QString enqueue(const QString &sender, const QStringList &recipients, const QByteArray &data,
                    const QDateTime &arrived = QDateTime())
    {
        QString error;
        std::unique_ptr<SpoolWriter> w = queue->beginMessage(&error);
        if (!w)
            return QString();
        for (qsizetype i = 0; i < data.size(); i += 1000) {
            if (!w->write(data.mid(i, 1000)))
                return QString();
        }
        QueueEnvelope env;
        env.sender = sender;
        env.recipients = recipients;
        env.clientIp = QStringLiteral("127.0.0.1");
        env.arrived = arrived;
        bool called = false;
        QString id;
        queue->commit(std::move(w), env, [&](bool ok, const QString &queueId, const QString &) {
            called = true;
            if (ok)
                id = queueId;
        });
        QElapsedTimer t;
        t.start();
        while (!called && t.elapsed() < 10000)
            QTest::qWait(5);
        return id;
    }

    QList<QByteArray> inbox(const QString &address) { return messages(address); }

    bool waitEmpty(int timeoutMs = 15000)
    {
        QElapsedTimer t;
        t.start();
        while (queue->length() > 0 && t.elapsed() < timeoutMs)
            QTest::qWait(10);
        return queue->length() == 0;
    }
};

inline QByteArray mailText(const QString &subject, const QByteArray &body = "Hello.\r\n")
{
    return "From: sender@example.net\r\nTo: someone@example.com\r\nSubject: " + subject.toUtf8()
        + "\r\nMessage-ID: <" + subject.toUtf8().toHex() + "@test>\r\n\r\n" + body;
}
