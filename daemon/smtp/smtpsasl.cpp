#include "smtpsasl.h"

#include <QList>

namespace SmtpSasl {

Result decodeResponse(const QByteArray &line, QByteArray *decoded)
{
    if (line == "*")
        return Result::Cancelled;
    if (line == "=") { // RFC 4954 4: an empty initial response
        decoded->clear();
        return Result::Ok;
    }
    const auto result = QByteArray::fromBase64Encoding(line, QByteArray::AbortOnBase64DecodingErrors);
    if (!result || (line.size() % 4) != 0)
        return Result::Malformed;
    *decoded = *result;
    return Result::Ok;
}

Result decodePlain(const QByteArray &message, SaslCredentials *out)
{
    const QList<QByteArray> parts = message.split('\0');
    if (parts.size() != 3)
        return Result::Malformed;
    const QByteArray &authzid = parts.at(0);
    const QByteArray &authcid = parts.at(1);
    const QByteArray &password = parts.at(2);
    if (authcid.isEmpty() || authcid.size() > 255 || password.size() > 255)
        return Result::Malformed;
    if (!authzid.isEmpty() && authzid != authcid)
        return Result::Malformed;
    const QString user = QString::fromUtf8(authcid);
    if (user.toUtf8() != authcid)
        return Result::Malformed;
    out->user = user;
    out->password = password;
    return Result::Ok;
}

QByteArray loginUserChallenge() { return QByteArray("Username:").toBase64(); }
QByteArray loginPasswordChallenge() { return QByteArray("Password:").toBase64(); }

}
