// One JSON object per line over a QIODevice (the control socket), used by both
// the daemon and the admin GUI. Lines longer than the cap are an error, never
// buffered without bound; malformed lines are reported, never fatal.
#pragma once

#include <QJsonObject>
#include <QObject>
#include <QIODevice>
#include <QPointer>



class JsonLineChannel : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 DefaultMaxLineBytes = 1024 * 1024;

    explicit JsonLineChannel(QIODevice *device, QObject *parent = nullptr);
    void setMaxLineBytes(qint64 bytes) { m_maxLineBytes = bytes; }
    void send(const QJsonObject &message);
    QIODevice *device() const { return m_device; }

    // Pure helper, exposed for tests and fuzzing: moves complete lines out of buffer.
    // Complete lines over the cap are dropped; an unfinished one over the cap is cleared.
    enum class TakeResult { Ok, DroppedLongLine, UnfinishedLineTooLong };
    static TakeResult takeLines(QByteArray &buffer, qint64 maxLineBytes, QList<QByteArray> *lines);

Q_SIGNALS:
    void messageReceived(const QJsonObject &message);
    // A line that is not a JSON object, or one over the size cap (the rest of it is skipped).
    void protocolError(const QString &problem);

private:
    void onReadyRead();

    QPointer<QIODevice> m_device;
    QByteArray m_buffer;
    qint64 m_maxLineBytes = DefaultMaxLineBytes;
    bool m_skippingOversized = false;
};
