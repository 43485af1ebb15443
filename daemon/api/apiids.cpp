#include "apiids.h"

#include "apijwt.h"

#include <QMessageAuthenticationCode>
#include <QtEndian>

void ApiIds::setSecret(const QByteArray &secret)
{
    // A key of its own, so an id never doubles as a token signature.
    m_key = QMessageAuthenticationCode::hash("postroom api ids", secret, QCryptographicHash::Sha256);
}

QByteArray ApiIds::mac(char kind, const QString &user, const QByteArray &payload) const
{
    QMessageAuthenticationCode code(QCryptographicHash::Sha256, m_key);
    code.addData(QByteArray(1, kind));
    code.addData(user.toUtf8());
    code.addData(QByteArray(1, '\0'));
    code.addData(payload);
    return code.result().left(MacBytes);
}

QString ApiIds::encode(char kind, const QString &user, const QByteArray &payload) const
{
    return QString::fromLatin1(ApiJwt::encodeBase64Url(payload + mac(kind, user, payload)));
}

std::optional<QByteArray> ApiIds::decode(char kind, const QString &user, const QString &id) const
{
    if (id.isEmpty() || id.size() > MaxIdLength)
        return std::nullopt;
    const auto raw = ApiJwt::decodeBase64Url(id.toLatin1());
    if (!raw || raw->size() < MacBytes)
        return std::nullopt;
    const QByteArray payload = raw->left(raw->size() - MacBytes);
    if (!ApiJwt::constantTimeEquals(raw->right(MacBytes), mac(kind, user, payload)))
        return std::nullopt;
    return payload;
}

QString ApiIds::folderId(const QString &user, const QString &folder) const
{
    return encode('F', user, folder.toUtf8());
}

std::optional<QString> ApiIds::folderName(const QString &user, const QString &id) const
{
    const auto payload = decode('F', user, id);
    if (!payload)
        return std::nullopt;
    return QString::fromUtf8(*payload);
}

QString ApiIds::messageId(const QString &user, const MessageRef &ref) const
{
    QByteArray payload(8, '\0');
    qToBigEndian(ref.uidValidity, payload.data());
    qToBigEndian(ref.uid, payload.data() + 4);
    return encode('M', user, payload + ref.folder.toUtf8());
}

std::optional<ApiIds::MessageRef> ApiIds::message(const QString &user, const QString &id) const
{
    const auto payload = decode('M', user, id);
    if (!payload || payload->size() < 8)
        return std::nullopt;
    MessageRef ref;
    ref.uidValidity = qFromBigEndian<quint32>(payload->constData());
    ref.uid = qFromBigEndian<quint32>(payload->constData() + 4);
    ref.folder = QString::fromUtf8(payload->mid(8));
    return ref;
}
