#include "storecli.h"

#include "accountstore.h"
#include "mailstore.h"
#include "passwordhasher.h"

#include <QTextStream>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace {

QString usage()
{
    return QStringLiteral(
        "usage: postroomd user add ADDRESS [--password-stdin] [--name NAME] [--quota BYTES|none]\n"
        "       postroomd user remove ADDRESS [--delete-mail]\n"
        "       postroomd user passwd ADDRESS [--password-stdin]\n"
        "       postroomd user list | show ADDRESS | enable ADDRESS | disable ADDRESS\n"
        "       postroomd user quota ADDRESS BYTES|none\n"
        "       postroomd alias add ALIAS TARGET [TARGET...]   (ALIAS @domain = catch-all)\n"
        "       postroomd alias remove ALIAS | alias list\n");
}

// No-echo prompt on the terminal (stderr for the prompt, stdin for the answer).
QString promptNoEcho(const QString &prompt)
{
    std::fputs(prompt.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
    struct termios old, quiet;
    const bool tty = ::tcgetattr(STDIN_FILENO, &old) == 0;
    if (tty) {
        quiet = old;
        quiet.c_lflag &= tcflag_t(~ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    char buf[1024];
    const bool got = std::fgets(buf, sizeof buf, stdin) != nullptr;
    if (tty)
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
    std::fputs("\n", stderr);
    QString line = got ? QString::fromLocal8Bit(buf) : QString();
    while (line.endsWith(QLatin1Char('\n')) || line.endsWith(QLatin1Char('\r')))
        line.chop(1);
    return line;
}

struct Options {
    QStringList positional;
    bool passwordStdin = false;
    bool deleteMail = false;
    QString name;
    QString quota;
    bool hasName = false, hasQuota = false;
    QString error;
};

Options parseOptions(const QStringList &args)
{
    Options o;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--password-stdin")) {
            o.passwordStdin = true;
        } else if (a == QLatin1String("--delete-mail")) {
            o.deleteMail = true;
        } else if (a == QLatin1String("--name") || a == QLatin1String("--quota")) {
            if (i + 1 >= args.size()) {
                o.error = QStringLiteral("%1 needs a value").arg(a);
                return o;
            }
            (a == QLatin1String("--name") ? o.name : o.quota) = args.at(++i);
            (a == QLatin1String("--name") ? o.hasName : o.hasQuota) = true;
        } else if (a.startsWith(QLatin1String("--"))) {
            o.error = QStringLiteral("unknown option %1").arg(a);
            return o;
        } else {
            o.positional << a;
        }
    }
    return o;
}

bool parseQuota(const QString &text, std::optional<qint64> *out)
{
    if (text.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0) {
        *out = std::nullopt;
        return true;
    }
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    if (!ok || v < 0)
        return false;
    *out = v;
    return true;
}

QString quotaText(const std::optional<qint64> &q) { return q ? QString::number(*q) : QStringLiteral("none"); }

class Cli
{
public:
    Cli(const Config &config, QTextStream &in, QTextStream &out, QTextStream &err, bool allowTty)
        : m_accounts(config.mailRoot), m_store(config.mailRoot, &m_accounts), m_in(in), m_out(out), m_err(err), m_tty(allowTty)
    {
        m_accounts.setDomains(config.domains);
    }

    int run(const QStringList &args)
    {
        const Options o = parseOptions(args.mid(2));
        if (args.size() < 2 || !o.error.isEmpty())
            return fail(o.error, 2);
        const QString group = args.at(0), verb = args.at(1);
        const QStringList &p = o.positional;
        if (group == QLatin1String("user")) {
            if (verb == QLatin1String("list") && p.isEmpty())
                return userList();
            if (p.size() == 1 && verb == QLatin1String("add"))
                return userAdd(p.at(0), o);
            if (p.size() == 1 && verb == QLatin1String("remove"))
                return userRemove(p.at(0), o.deleteMail);
            if (p.size() == 1 && verb == QLatin1String("passwd"))
                return userPasswd(p.at(0), o);
            if (p.size() == 1 && verb == QLatin1String("show"))
                return userShow(p.at(0));
            if (p.size() == 1 && (verb == QLatin1String("enable") || verb == QLatin1String("disable")))
                return done(m_accounts.setEnabled(p.at(0), verb == QLatin1String("enable"), &m_error),
                            QStringLiteral("user %1 %2d").arg(p.at(0), verb));
            if (p.size() == 2 && verb == QLatin1String("quota")) {
                std::optional<qint64> q;
                if (!parseQuota(p.at(1), &q))
                    return fail(QStringLiteral("quota must be a number of bytes or \"none\""), 2);
                return done(m_accounts.setQuota(p.at(0), q, &m_error), QStringLiteral("quota of %1 set to %2").arg(p.at(0), quotaText(q)));
            }
        } else if (group == QLatin1String("alias")) {
            if (verb == QLatin1String("list") && p.isEmpty()) {
                for (const AliasEntry &a : m_accounts.aliases())
                    m_out << a.alias << " -> " << a.targets.join(QLatin1String(", ")) << '\n';
                return 0;
            }
            if (verb == QLatin1String("add") && p.size() >= 2)
                return done(m_accounts.addAlias(p.at(0), p.mid(1), &m_error), QStringLiteral("alias %1 added").arg(p.at(0)));
            if (verb == QLatin1String("remove") && p.size() == 1)
                return done(m_accounts.removeAlias(p.at(0), &m_error), QStringLiteral("alias %1 removed").arg(p.at(0)));
        }
        return fail(QString(), 2);
    }

private:
    int fail(const QString &message, int code = 1)
    {
        if (!message.isEmpty())
            m_err << "error: " << message << '\n';
        if (code == 2)
            m_err << usage();
        m_err.flush();
        return code;
    }
    int done(bool ok, const QString &message)
    {
        if (!ok)
            return fail(m_error);
        m_out << message << '\n';
        m_out.flush();
        return 0;
    }

    // The password: --password-stdin reads one line; a terminal gets a no-echo prompt
    // (twice). Never from argv.
    std::optional<QString> password(const Options &o)
    {
        QString pw;
        if (o.passwordStdin) {
            pw = m_in.readLine();
        } else if (m_tty && ::isatty(STDIN_FILENO)) {
            pw = promptNoEcho(QStringLiteral("Password: "));
            if (promptNoEcho(QStringLiteral("Again: ")) != pw) {
                fail(QStringLiteral("the passwords do not match"));
                return std::nullopt;
            }
        } else {
            fail(QStringLiteral("no password: use --password-stdin or run on a terminal"));
            return std::nullopt;
        }
        if (pw.isEmpty()) {
            fail(QStringLiteral("empty password"));
            return std::nullopt;
        }
        return pw;
    }

    int userAdd(const QString &address, const Options &o)
    {
        std::optional<qint64> quota;
        if (o.hasQuota && !parseQuota(o.quota, &quota))
            return fail(QStringLiteral("quota must be a number of bytes or \"none\""), 2);
        const QString n = AccountStore::normalize(address, &m_error);
        if (n.isEmpty())
            return fail(m_error);
        if (!m_accounts.isLocalDomain(n.section(QLatin1Char('@'), -1)))
            return fail(QStringLiteral("domain %1 is not in domains").arg(n.section(QLatin1Char('@'), -1)));
        if (m_accounts.user(n))
            return fail(QStringLiteral("user %1 exists").arg(n));
        const auto pw = password(o);
        if (!pw)
            return 1;
        UserAccount account;
        account.address = n;
        account.passwordHash = PasswordHasher::hash(pw->toUtf8(), &m_error);
        account.displayName = o.name;
        account.quotaBytes = quota;
        if (account.passwordHash.isEmpty() || !m_accounts.addUser(account, &m_error))
            return fail(m_error);
        StoreError se;
        if (!m_store.ensureMailbox(n, &se))
            return fail(se.message);
        return done(true, QStringLiteral("user %1 added").arg(n));
    }

    int userRemove(const QString &address, bool deleteMail)
    {
        if (!m_accounts.removeUser(address, &m_error))
            return fail(m_error);
        if (deleteMail) {
            StoreError se;
            if (!m_store.deleteMailbox(address, &se))
                return fail(se.message);
            return done(true, QStringLiteral("user %1 removed, mail deleted").arg(address));
        }
        return done(true, QStringLiteral("user %1 removed; mail kept in %2").arg(address, m_store.maildirPath(address)));
    }

    int userPasswd(const QString &address, const Options &o)
    {
        if (!m_accounts.user(address))
            return fail(QStringLiteral("no such user: %1").arg(address));
        const auto pw = password(o);
        if (!pw)
            return 1;
        const QString phc = PasswordHasher::hash(pw->toUtf8(), &m_error);
        return done(!phc.isEmpty() && m_accounts.setPasswordHash(address, phc, &m_error),
                    QStringLiteral("password of %1 changed").arg(address));
    }

    int userList()
    {
        for (const UserAccount &u : m_accounts.users())
            m_out << u.address << "  " << (u.enabled ? "enabled" : "disabled") << "  quota=" << quotaText(u.quotaBytes)
                  << "  used=" << m_store.usedBytes(u.address) << (u.displayName.isEmpty() ? QString() : QStringLiteral("  ") + u.displayName)
                  << '\n';
        m_out.flush();
        return 0;
    }

    int userShow(const QString &address)
    {
        const auto u = m_accounts.user(address);
        if (!u)
            return fail(QStringLiteral("no such user: %1").arg(address));
        m_out << "address: " << u->address << "\ndisplay name: " << u->displayName << "\nenabled: " << (u->enabled ? "yes" : "no")
              << "\nquota: " << quotaText(u->quotaBytes) << "\nused: " << m_store.usedBytes(u->address)
              << "\nmaildir: " << m_store.maildirPath(u->address) << "\nfolders:\n";
        if (const auto folders = m_store.listFolders(u->address)) {
            for (const FolderInfo &f : *folders) {
                if (!f.selectable)
                    continue;
                const auto st = m_store.folderStatus(u->address, f.name);
                m_out << "  " << f.name << "  messages=" << (st ? st->messages : 0) << "  unseen=" << (st ? st->unseen : 0) << '\n';
            }
        }
        m_out.flush();
        return 0;
    }

    AccountStore m_accounts;
    MailStore m_store;
    QTextStream &m_in, &m_out, &m_err;
    bool m_tty;
    QString m_error;
};

} // namespace

int runStoreCommand(const QStringList &args, const Config &config, QTextStream &in, QTextStream &out, QTextStream &err)
{
    return Cli(config, in, out, err, false).run(args);
}

int runStoreCommand(const QStringList &args, const Config &config)
{
    QTextStream in(stdin), out(stdout), err(stderr);
    return Cli(config, in, out, err, true).run(args);
}
