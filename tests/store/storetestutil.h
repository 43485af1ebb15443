// Shared set-up for tests that need the store (tests/store, tests/queue): a temporary
// mail_root, cheap Argon2 parameters, helpers to add users, deliver and read a folder back.
#pragma once

#include "accountstore.h"
#include "mailbox.h"
#include "mailstore.h"
#include "passwordhasher.h"

#include <QTemporaryDir>
#include <QtTest>
#include <memory>

struct StoreFixture {
    QTemporaryDir dir;
    std::unique_ptr<AccountStore> accounts;
    std::unique_ptr<MailStore> store;

    QStringList domains;

    explicit StoreFixture(const QStringList &domainList = {QStringLiteral("example.com"), QStringLiteral("example.org")})
        : domains(domainList)
    {
        PasswordHasher::setParameters({1, 64, 1});
        reopen();
    }
    void reopen()
    {
        store.reset();
        accounts.reset();
        accounts = std::make_unique<AccountStore>(dir.path());
        accounts->setDomains(domains);
        store = std::make_unique<MailStore>(dir.path(), accounts.get());
    }
    bool addUser(const QString &address, const QByteArray &password = "secret", std::optional<qint64> quota = std::nullopt)
    {
        UserAccount u;
        u.address = address;
        u.passwordHash = PasswordHasher::hash(password);
        u.quotaBytes = quota;
        QString error;
        const bool ok = accounts->addUser(u, &error) && store->ensureMailbox(address);
        if (!ok)
            qWarning() << error;
        return ok;
    }
    std::optional<quint32> deliver(const QString &address, const QByteArray &data, const QString &folder = QStringLiteral("INBOX"),
                                   quint8 flags = 0, StoreError *error = nullptr)
    {
        DeliveryRequest r;
        r.address = address;
        r.folder = folder;
        r.data = data;
        r.flags = flags;
        return store->deliver(r, error);
    }
    // The messages of a user's folder in UID order (re-synced from disk).
    QList<QByteArray> messages(const QString &address, const QString &folder = QStringLiteral("INBOX"))
    {
        QList<QByteArray> out;
        QSharedPointer<Mailbox> box = store->openMailbox(address, folder);
        if (!box)
            return out;
        box->sync();
        for (const MessageInfo &m : box->messages()) {
            if (const std::optional<QByteArray> data = box->readMessage(m.uid))
                out.append(*data);
        }
        return out;
    }
};

inline QByteArray testMessage(int n, int bodyBytes = 200)
{
    QByteArray body(bodyBytes, 'x');
    return "From: a@example.net\r\nTo: bob@example.com\r\nSubject: message " + QByteArray::number(n)
        + "\r\nMessage-ID: <" + QByteArray::number(n) + "@test>\r\n\r\n" + body + "\r\n";
}
