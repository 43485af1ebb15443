#include "idlesocketbuffers.h"

#include <QSslSocket>
#include <QTcpSocket>

namespace {
// QIODevice::setOpenMode is protected; a member pointer taken through a derived class calls
// it on any device (plain C++, no private Qt headers). Setting NotOpen drops the device's
// ring buffers (QIODevicePrivate::setRead/WriteChannelCount(0)); restoring the mode creates
// empty ones that allocate only when data comes. Nothing runs in between.
struct OpenModeAccess : QIODevice
{
    static void reopen(QIODevice *device)
    {
        const QIODevice::OpenMode mode = device->openMode();
        auto setOpenMode = &OpenModeAccess::setOpenMode;
        (device->*setOpenMode)(QIODevice::NotOpen);
        (device->*setOpenMode)(mode);
    }
};

bool quiet(const QAbstractSocket *s)
{
    return s->state() == QAbstractSocket::ConnectedState && s->bytesToWrite() == 0 && s->bytesAvailable() == 0;
}
}

bool IdleSocketBuffers::release(QSslSocket *socket)
{
    // The TLS layer's transport is a QTcpSocket child of the QSslSocket (Qt creates it so).
    auto *plain = socket->findChild<QTcpSocket *>(QString(), Qt::FindDirectChildrenOnly);
    if (!quiet(socket) || (plain && !quiet(plain)) || socket->isTransactionStarted())
        return false;
    OpenModeAccess::reopen(socket);
    if (plain)
        OpenModeAccess::reopen(plain);
    return true;
}
