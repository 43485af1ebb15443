// One blocking HTTP/1.1 request for `postroomd diagnose` (healthz, autoconfig, the mail
// API), over plain TCP or TLS, with `Connection: close`. Bodies are capped; chunked
// answers are read until the server closes.
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

class ProbeSocket;

struct HttpProbeResult {
    int status = 0;                                // 0: no HTTP answer (see error)
    QList<QPair<QByteArray, QByteArray>> headers;  // names lower-case
    QByteArray body;
    QString error;
    QByteArray header(const QByteArray &name) const;
};

namespace HttpProbe {
constexpr qint64 MaxBodyBytes = 8 * 1024 * 1024;

// `socket` must be connected (and encrypted for https). host goes into the Host header.
HttpProbeResult request(ProbeSocket &socket, const QByteArray &method, const QByteArray &path, const QString &host,
                        const QList<QPair<QByteArray, QByteArray>> &headers = {}, const QByteArray &body = {});
}
