#include "diagnoseprotocol.h"

#include "probesocket.h"

namespace DiagnoseProtocol {

namespace {
constexpr int MaxReplyLines = 200;
constexpr qint64 MaxLiteralBytes = 8 * 1024 * 1024;
}

bool smtpReply(ProbeSocket &s, int *code, QStringList *lines, QString *error)
{
    lines->clear();
    for (int i = 0; i < MaxReplyLines; ++i) {
        QByteArray line;
        if (!s.readLine(&line, error))
            return false;
        if (line.size() < 3) {
            *error = QStringLiteral("not an SMTP reply: %1").arg(QString::fromLatin1(line));
            return false;
        }
        *code = line.left(3).toInt();
        lines->append(QString::fromUtf8(line.mid(4)));
        if (line.size() == 3 || line.at(3) != '-')
            return true;
    }
    *error = QStringLiteral("the reply has more than %1 lines").arg(MaxReplyLines);
    return false;
}

bool smtpCommand(ProbeSocket &s, const QByteArray &command, int *code, QStringList *lines, QString *error)
{
    if (!s.writeLine(command)) {
        *error = QStringLiteral("the connection broke while sending");
        return false;
    }
    return smtpReply(s, code, lines, error);
}

bool smtpEhlo(ProbeSocket &s, QStringList *keywords, QString *error)
{
    int code = 0;
    QStringList lines;
    if (!smtpCommand(s, "EHLO diagnose.localhost", &code, &lines, error))
        return false;
    if (code != 250) {
        *error = QStringLiteral("EHLO was answered with %1 %2").arg(code).arg(lines.join(QLatin1Char(' ')));
        return false;
    }
    keywords->clear();
    for (int i = 1; i < lines.size(); ++i)
        keywords->append(lines.at(i).toUpper());
    return true;
}

bool hasKeyword(const QStringList &keywords, const QString &word)
{
    for (const QString &k : keywords) {
        if (k == word || k.startsWith(word + QLatin1Char(' ')))
            return true;
    }
    return false;
}

bool imapCommand(ProbeSocket &s, const QByteArray &tag, const QByteArray &command, QList<QByteArray> *untagged,
                 QByteArray *status, QString *error)
{
    if (!s.writeLine(tag + ' ' + command)) {
        *error = QStringLiteral("the connection broke while sending");
        return false;
    }
    if (untagged)
        untagged->clear();
    QByteArray current;
    for (;;) {
        QByteArray line;
        if (!s.readLine(&line, error))
            return false;
        // A line ending in {n} announces a literal of n bytes that continues the response.
        if (line.endsWith('}')) {
            const int open = line.lastIndexOf('{');
            bool ok = false;
            const qint64 n = open >= 0 ? line.mid(open + 1, line.size() - open - 2).toLongLong(&ok) : 0;
            if (ok && n >= 0 && n <= MaxLiteralBytes) {
                QByteArray literal;
                if (!s.readBytes(n, &literal, error))
                    return false;
                current += line + "\r\n" + literal;
                continue;
            }
        }
        current += line;
        if (current.startsWith(tag + ' ')) {
            *status = current.mid(tag.size() + 1);
            return true;
        }
        if (untagged && untagged->size() < 100000)
            untagged->append(current);
        current.clear();
    }
}

QByteArray imapQuoted(const QString &text)
{
    QByteArray q = text.toUtf8();
    q.replace('\\', "\\\\").replace('"', "\\\"");
    return '"' + q + '"';
}

} // namespace DiagnoseProtocol
