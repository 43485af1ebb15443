// Delivery status notifications (RFC 3464 multipart/report, RFC 3462): a bounce for
// recipients that failed for good, or a delay warning for those still being retried.
// Pure: builds the message bytes from the queue entry and the original headers.
// Trusts nothing in the original headers (they are copied as text/rfc822-headers only).
#pragma once

#include "queueentry.h"

#include <QByteArray>
#include <QString>
#include <QVector>

class DsnBuilder
{
public:
    enum class Kind { Failure, Delay };
    static constexpr int MaxOriginalHeaderBytes = 64 * 1024;

    // recipients: the records to report (their lastError becomes the diagnostic).
    static QByteArray build(Kind kind, const QueueEntry &original, const QVector<QueueRecipient> &recipients,
                            const QByteArray &originalHeaders, const QString &reportingHost,
                            const QDateTime &retryUntil = QDateTime());

    // "550 5.1.1 no such user" -> "5.1.1"; otherwise a generic class from the reply code.
    static QString statusCode(const QString &diagnostic, bool permanent);
};
