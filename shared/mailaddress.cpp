#include "mailaddress.h"

#include <QHostAddress>

namespace {

bool isAtext(QChar c)
{
    if (c.unicode() >= 0x80)
        return true; // RFC 6531 UTF-8
    if (c.isLetterOrNumber())
        return true;
    return QStringLiteral("!#$%&'*+-/=?^_`{|}~").contains(c);
}

bool isDotAtom(const QString &s)
{
    if (s.isEmpty() || s.startsWith(QLatin1Char('.')) || s.endsWith(QLatin1Char('.')) || s.contains(QLatin1String("..")))
        return false;
    for (QChar c : s)
        if (c != QLatin1Char('.') && !isAtext(c))
            return false;
    return true;
}

bool isQuotedString(const QString &s)
{
    if (s.size() < 2 || !s.startsWith(QLatin1Char('"')) || !s.endsWith(QLatin1Char('"')))
        return false;
    for (int i = 1; i < s.size() - 1; ++i) {
        const ushort c = s.at(i).unicode();
        if (c == '\\') {
            ++i;
            if (i >= s.size() - 1)
                return false;
            continue;
        }
        if (c == '"' || c < 32 || c == 127)
            return false;
    }
    return true;
}

bool isDomainName(const QString &d)
{
    if (d.isEmpty() || d.size() > MailAddress::MaxDomainLength)
        return false;
    const QStringList labels = d.split(QLatin1Char('.'));
    for (const QString &l : labels) {
        if (l.isEmpty() || l.size() > 63 || l.startsWith(QLatin1Char('-')) || l.endsWith(QLatin1Char('-')))
            return false;
        for (QChar c : l)
            if (!(c.unicode() >= 0x80 || c.isLetterOrNumber() || c == QLatin1Char('-')))
                return false;
    }
    return true;
}

bool isAddressLiteralText(const QString &d)
{
    if (!d.startsWith(QLatin1Char('[')) || !d.endsWith(QLatin1Char(']')))
        return false;
    QString inner = d.mid(1, d.size() - 2);
    if (inner.startsWith(QLatin1String("IPv6:"), Qt::CaseInsensitive)) {
        inner = inner.mid(5);
        return QHostAddress(inner).protocol() == QAbstractSocket::IPv6Protocol;
    }
    return QHostAddress(inner).protocol() == QAbstractSocket::IPv4Protocol;
}

} // namespace

MailAddress MailAddress::parse(const QString &text, QString *problem)
{
    auto fail = [&](const char *why) {
        if (problem)
            *problem = QString::fromLatin1(why);
        return MailAddress();
    };
    const int at = text.lastIndexOf(QLatin1Char('@'));
    if (at <= 0 || at == text.size() - 1)
        return fail("an address needs a local part and a domain, like user@example.com");
    const QString local = text.left(at);
    QString domain = text.mid(at + 1);
    if (local.size() > MaxLocalPartLength)
        return fail("the local part is longer than 64 characters");
    if (!isDotAtom(local) && !isQuotedString(local))
        return fail("the local part has characters that are not allowed");
    if (domain.endsWith(QLatin1Char('.')))
        domain.chop(1);
    if (!isDomainName(domain) && !isAddressLiteralText(domain))
        return fail("the domain is not a valid domain name");
    MailAddress a;
    a.m_local = local;
    a.m_domain = domain.startsWith(QLatin1Char('[')) ? domain : domain.toLower();
    return a;
}
