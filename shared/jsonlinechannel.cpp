#include "jsonlinechannel.h"

#include <QIODevice>
#include <QJsonDocument>
#include <QJsonParseError>

JsonLineChannel::JsonLineChannel(QIODevice *device, QObject *parent)
    : QObject(parent), m_device(device)
{
    connect(device, &QIODevice::readyRead, this, &JsonLineChannel::onReadyRead);
}

void JsonLineChannel::send(const QJsonObject &message)
{
    if (!m_device)
        return;
    m_device->write(QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n');
}

JsonLineChannel::TakeResult JsonLineChannel::takeLines(QByteArray &buffer, qint64 maxLineBytes,
                                                        QList<QByteArray> *lines)
{
    TakeResult result = TakeResult::Ok;
    qsizetype start = 0;
    for (;;) {
        const qsizetype nl = buffer.indexOf('\n', start);
        if (nl < 0)
            break;
        if (nl - start > maxLineBytes)
            result = TakeResult::DroppedLongLine;
        else
            lines->append(buffer.mid(start, nl - start));
        start = nl + 1;
    }
    buffer.remove(0, start);
    if (buffer.size() > maxLineBytes) {
        buffer.clear();
        return TakeResult::UnfinishedLineTooLong;
    }
    return result;
}

void JsonLineChannel::onReadyRead()
{
    while (m_device && m_device->bytesAvailable() > 0) {
        QByteArray chunk = m_device->read(64 * 1024);
        if (m_skippingOversized) {
            const qsizetype nl = chunk.indexOf('\n');
            if (nl < 0)
                continue;
            chunk.remove(0, nl + 1);
            m_skippingOversized = false;
        }
        m_buffer.append(chunk);
        QList<QByteArray> lines;
        const TakeResult result = takeLines(m_buffer, m_maxLineBytes, &lines);
        if (result != TakeResult::Ok) {
            m_skippingOversized = result == TakeResult::UnfinishedLineTooLong;
            Q_EMIT protocolError(QStringLiteral("message larger than %1 bytes").arg(m_maxLineBytes));
        }
        for (const QByteArray &line : lines) {
            if (line.trimmed().isEmpty())
                continue;
            QJsonParseError err;
            const QJsonDocument doc = QJsonDocument::fromJson(line, &err);
            if (err.error != QJsonParseError::NoError || !doc.isObject()) {
                Q_EMIT protocolError(QStringLiteral("not a JSON object: %1").arg(
                    err.error != QJsonParseError::NoError ? err.errorString() : QStringLiteral("wrong type")));
                continue;
            }
            Q_EMIT messageReceived(doc.object());
            if (!m_device)
                return;
        }
    }
}
