// Opaque, stable ids for folders and messages: the folder name (and UIDVALIDITY + UID)
// with a MAC over the owner's address, base64url. Stable across restarts (the key comes
// from the token secret); one user's id never decodes for another user, so it gives
// 404 with no hint. A message id changes when the message moves (as in Graph).
#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

class ApiIds
{
public:
    static constexpr int MacBytes = 9;
    static constexpr int MaxIdLength = 1024;

    void setSecret(const QByteArray &secret);

    QString folderId(const QString &user, const QString &folder) const;
    std::optional<QString> folderName(const QString &user, const QString &id) const;

    struct MessageRef {
        QString folder;
        quint32 uidValidity = 0;
        quint32 uid = 0;
    };
    QString messageId(const QString &user, const MessageRef &ref) const;
    std::optional<MessageRef> message(const QString &user, const QString &id) const;

private:
    QByteArray mac(char kind, const QString &user, const QByteArray &payload) const;
    QString encode(char kind, const QString &user, const QByteArray &payload) const;
    std::optional<QByteArray> decode(char kind, const QString &user, const QString &id) const;
    QByteArray m_key;
};
