// Mail addresses (RFC 5321 Mailbox): parse, validate and normalise. Used by SMTP,
// the store, the API and the GUI's validators. Domain parts compare
// case-insensitively and, as users expect, so do local parts.
#pragma once

#include <QString>

class MailAddress
{
public:
    MailAddress() = default;

    // Parses "local@domain" (no angle brackets). Accepts dot-atom and quoted local
    // parts, domain names and address literals ([1.2.3.4], [IPv6:...]), UTF-8 (SMTPUTF8).
    static MailAddress parse(const QString &text, QString *problem = nullptr);

    bool isValid() const { return !m_domain.isEmpty(); }
    QString localPart() const { return m_local; }
    QString domain() const { return m_domain; }          // lower case, no trailing dot
    bool isAddressLiteral() const { return m_domain.startsWith(QLatin1Char('[')); }
    QString toString() const { return m_local + QLatin1Char('@') + m_domain; }
    // The form to compare and look up: local part and domain in lower case.
    QString normalized() const { return m_local.toLower() + QLatin1Char('@') + m_domain; }

    static constexpr int MaxLocalPartLength = 64;
    static constexpr int MaxDomainLength = 255;

private:
    QString m_local;
    QString m_domain;
};
