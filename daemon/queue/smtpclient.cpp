#include "smtpclient.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSslConfiguration>

#include <cctype>

SmtpClient::SmtpClient(const Options &options) : m_options(options) {}

SmtpClient::~SmtpClient()
{
    if (m_socket)
        m_socket->abort();
}

bool SmtpClient::isTls() const { return m_socket && m_socket->isEncrypted(); }

bool SmtpClient::hasExtension(const QString &name, QString *param) const
{
    for (const QString &e : m_extensions) {
        if (e == name || e.startsWith(name + QLatin1Char(' '))) {
            if (param)
                *param = e.mid(name.size()).trimmed();
            return true;
        }
    }
    return false;
}

bool SmtpClient::flush(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (m_socket->bytesToWrite() > 0) {
        const int left = timeoutMs - int(timer.elapsed());
        if (left <= 0 || !m_socket->waitForBytesWritten(left))
            return false;
    }
    return true;
}

bool SmtpClient::sendLine(const QByteArray &line)
{
    if (m_socket->write(line + "\r\n") < 0)
        return false;
    return flush(m_options.commandTimeoutMs);
}

bool SmtpClient::readReply(SmtpReply *reply, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    QStringList lines;
    reply->code = 0;
    for (;;) {
        while (!m_socket->canReadLine()) {
            if (m_socket->bytesAvailable() > MaxReplyLineLength) {
                m_lastError = QStringLiteral("reply line too long");
                return false;
            }
            const int left = timeoutMs - int(timer.elapsed());
            if (left <= 0 || m_socket->state() != QAbstractSocket::ConnectedState
                || !m_socket->waitForReadyRead(left)) {
                if (!m_socket->canReadLine()) {
                    m_lastError = m_socket->state() == QAbstractSocket::ConnectedState
                        ? QStringLiteral("timeout waiting for a reply")
                        : QStringLiteral("connection closed: %1").arg(m_socket->errorString());
                    return false;
                }
            }
        }
        const QByteArray raw = m_socket->readLine(MaxReplyLineLength).trimmed();
        if (raw.size() < 3 || !std::isdigit(uchar(raw[0])) || !std::isdigit(uchar(raw[1])) || !std::isdigit(uchar(raw[2]))) {
            m_lastError = QStringLiteral("malformed reply: %1").arg(QString::fromUtf8(raw.left(80)));
            return false;
        }
        const int code = raw.left(3).toInt();
        if (reply->code && code != reply->code) {
            m_lastError = QStringLiteral("inconsistent multi-line reply");
            return false;
        }
        reply->code = code;
        lines.append(QString::fromUtf8(raw));
        if (raw.size() == 3 || raw[3] != '-')
            break;
        if (lines.size() >= MaxReplyLines) {
            m_lastError = QStringLiteral("reply has too many lines");
            return false;
        }
    }
    reply->text = lines.join(QStringLiteral("; "));
    return true;
}

bool SmtpClient::command(const QByteArray &line, SmtpReply *reply)
{
    if (!sendLine(line)) {
        m_lastError = QStringLiteral("cannot send: %1").arg(m_socket->errorString());
        return false;
    }
    return readReply(reply, m_options.commandTimeoutMs);
}

bool SmtpClient::ehlo(SmtpReply *reply)
{
    m_extensions.clear();
    const QByteArray name = m_options.heloName.toUtf8();
    if (!command("EHLO " + name, reply))
        return false;
    if (reply->code == 250) {
        m_esmtp = true;
        const QStringList lines = reply->text.split(QStringLiteral("; "));
        for (int i = 1; i < lines.size(); ++i)
            m_extensions.append(lines[i].mid(4).trimmed().toUpper());
        return true;
    }
    m_esmtp = false;
    return command("HELO " + name, reply);
}

bool SmtpClient::startTls(QString *error)
{
    SmtpReply reply;
    if (!command("STARTTLS", &reply)) {
        *error = m_lastError;
        return false;
    }
    if (reply.code != 220) {
        *error = QStringLiteral("STARTTLS refused: %1").arg(reply.text);
        return false;
    }
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    conf.setPeerVerifyMode(m_options.verifyPeer ? QSslSocket::VerifyPeer : QSslSocket::VerifyNone);
    m_socket->setSslConfiguration(conf);
    m_socket->startClientEncryption();
    if (!m_socket->waitForEncrypted(m_options.commandTimeoutMs)) {
        *error = QStringLiteral("TLS handshake failed: %1").arg(m_socket->errorString());
        return false;
    }
    if (!ehlo(&reply) || reply.code != 250) {
        *error = QStringLiteral("EHLO after STARTTLS failed: %1").arg(m_lastError.isEmpty() ? reply.text : m_lastError);
        return false;
    }
    return true;
}

bool SmtpClient::authenticate(QString *error)
{
    QString mechanisms;
    hasExtension(QStringLiteral("AUTH"), &mechanisms);
    const QStringList mechs = mechanisms.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const QByteArray user = m_options.username.toUtf8();
    const QByteArray pass = m_options.password.toUtf8();
    SmtpReply reply;
    if (mechs.contains(QStringLiteral("PLAIN")) || !mechs.contains(QStringLiteral("LOGIN"))) {
        const QByteArray token = (QByteArray() + '\0' + user + '\0' + pass).toBase64();
        if (!command("AUTH PLAIN " + token, &reply)) {
            *error = m_lastError;
            return false;
        }
    } else {
        if (!command("AUTH LOGIN", &reply) || reply.code != 334 || !command(user.toBase64(), &reply)
            || reply.code != 334 || !command(pass.toBase64(), &reply)) {
            *error = m_lastError.isEmpty() ? QStringLiteral("AUTH LOGIN failed: %1").arg(reply.text) : m_lastError;
            return false;
        }
    }
    if (reply.code != 235) {
        *error = QStringLiteral("authentication failed: %1").arg(reply.text);
        return false;
    }
    return true;
}

bool SmtpClient::open(const QHostAddress &address, quint16 port, const QString &hostName, QString *error,
                      SmtpReply *replyOut)
{
    m_hostName = hostName;
    m_socket = std::make_unique<QSslSocket>();
    m_socket->setPeerVerifyName(hostName);
    SmtpReply reply;
    auto fail = [&](const QString &why) {
        *error = why;
        if (replyOut)
            *replyOut = reply;
        m_socket->abort();
        return false;
    };
    if (m_options.security == Security::ImplicitTls) {
        QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
        conf.setPeerVerifyMode(m_options.verifyPeer ? QSslSocket::VerifyPeer : QSslSocket::VerifyNone);
        m_socket->setSslConfiguration(conf);
        m_socket->connectToHostEncrypted(address.toString(), port, hostName);
        if (!m_socket->waitForEncrypted(m_options.commandTimeoutMs))
            return fail(QStringLiteral("cannot connect with TLS: %1").arg(m_socket->errorString()));
    } else {
        m_socket->connectToHost(address, port);
        if (!m_socket->waitForConnected(m_options.commandTimeoutMs))
            return fail(QStringLiteral("cannot connect: %1").arg(m_socket->errorString()));
    }
    if (!readReply(&reply, m_options.commandTimeoutMs))
        return fail(m_lastError);
    if (reply.code != 220)
        return fail(QStringLiteral("greeting: %1").arg(reply.text));
    if (!ehlo(&reply))
        return fail(m_lastError);
    if (!reply.isPositive())
        return fail(QStringLiteral("HELO refused: %1").arg(reply.text));
    if (!m_socket->isEncrypted() && m_options.security != Security::None) {
        const bool offered = hasExtension(QStringLiteral("STARTTLS"));
        if (m_options.security == Security::RequireStartTls && !offered)
            return fail(QStringLiteral("STARTTLS is required but not offered"));
        if (offered && !startTls(error)) {
            m_socket->abort();
            return false;
        }
    }
    if (!m_options.username.isEmpty() && !authenticate(error)) {
        m_socket->abort();
        return false;
    }
    return true;
}

bool SmtpClient::streamMessage(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the spool file: %1").arg(file.errorString());
        return false;
    }
    // Dot-stuffing (RFC 5321 4.5.2) across chunk boundaries; bare LF become CRLF.
    bool lineStart = true;
    char prev = '\n';
    QByteArray out;
    constexpr qint64 Chunk = 64 * 1024;
    while (!file.atEnd()) {
        const QByteArray in = file.read(Chunk);
        if (in.isEmpty())
            break;
        out.clear();
        out.reserve(in.size() + in.size() / 32 + 8);
        for (char c : in) {
            if (lineStart && c == '.')
                out.append('.');
            if (c == '\n' && prev != '\r')
                out.append('\r');
            out.append(c);
            lineStart = c == '\n';
            prev = c;
        }
        if (m_socket->write(out) < 0 || !flush(m_options.commandTimeoutMs)) {
            *error = QStringLiteral("cannot send the message: %1").arg(m_socket->errorString());
            return false;
        }
    }
    const QByteArray end = lineStart ? QByteArray(".\r\n") : QByteArray("\r\n.\r\n");
    if (m_socket->write(end) < 0 || !flush(m_options.commandTimeoutMs)) {
        *error = QStringLiteral("cannot send the message: %1").arg(m_socket->errorString());
        return false;
    }
    return true;
}

static bool hasEightBit(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    while (!file.atEnd()) {
        const QByteArray chunk = file.read(64 * 1024);
        for (char c : chunk) {
            if (uchar(c) >= 0x80)
                return true;
        }
        if (chunk.isEmpty())
            break;
    }
    return false;
}

bool SmtpClient::sendMail(const QString &sender, const QStringList &recipients, const QString &messagePath,
                          QVector<SmtpReply> *rcptReplies, SmtpReply *dataReply, QString *error)
{
    rcptReplies->fill(SmtpReply(), recipients.size());
    *dataReply = SmtpReply();
    const qint64 size = QFile(messagePath).size();
    QString sizeLimit;
    if (hasExtension(QStringLiteral("SIZE"), &sizeLimit) && sizeLimit.toLongLong() > 0 && size > sizeLimit.toLongLong()) {
        const SmtpReply tooBig{552, QStringLiteral("552 5.3.4 message size exceeds the limit of %1 (%2 bytes)").arg(m_hostName, sizeLimit)};
        rcptReplies->fill(tooBig, recipients.size());
        *dataReply = tooBig;
        return true;
    }
    QByteArray mail = "MAIL FROM:<" + sender.toUtf8() + ">";
    if (hasExtension(QStringLiteral("SIZE")))
        mail += " SIZE=" + QByteArray::number(size);
    if (hasExtension(QStringLiteral("8BITMIME")) && hasEightBit(messagePath))
        mail += " BODY=8BITMIME";
    const bool pipelining = hasExtension(QStringLiteral("PIPELINING"));

    SmtpReply mailReply;
    int accepted = 0;
    auto connectionFailed = [&] { *error = m_lastError; return false; };
    if (pipelining) {
        // RFC 2920: MAIL, every RCPT and DATA in one write, then the replies in order.
        QByteArray batch = mail + "\r\n";
        for (const QString &r : recipients)
            batch += "RCPT TO:<" + r.toUtf8() + ">\r\n";
        batch += "DATA\r\n";
        if (m_socket->write(batch) < 0 || !flush(m_options.commandTimeoutMs))
            return connectionFailed();
        if (!readReply(&mailReply, m_options.commandTimeoutMs))
            return connectionFailed();
        for (int i = 0; i < recipients.size(); ++i) {
            if (!readReply(&(*rcptReplies)[i], m_options.commandTimeoutMs))
                return connectionFailed();
            if (mailReply.isPositive() && (*rcptReplies)[i].isPositive())
                ++accepted;
        }
        if (!readReply(dataReply, m_options.commandTimeoutMs))
            return connectionFailed();
    } else {
        if (!command(mail, &mailReply))
            return connectionFailed();
        if (mailReply.isPositive()) {
            for (int i = 0; i < recipients.size(); ++i) {
                if (!command("RCPT TO:<" + recipients[i].toUtf8() + ">", &(*rcptReplies)[i]))
                    return connectionFailed();
                if ((*rcptReplies)[i].isPositive())
                    ++accepted;
            }
            if (accepted > 0 && !command("DATA", dataReply))
                return connectionFailed();
        }
    }
    if (!mailReply.isPositive()) {
        rcptReplies->fill(mailReply, recipients.size());
        *dataReply = mailReply;
        SmtpReply ignored;
        command("RSET", &ignored);
        return true;
    }
    if (accepted == 0 || dataReply->code != 354) {
        if (accepted > 0) // DATA refused: that answers every accepted recipient
            *dataReply = dataReply->code ? *dataReply : SmtpReply{451, QStringLiteral("451 DATA not accepted")};
        SmtpReply ignored;
        if (dataReply->code == 354) { // pipelined DATA accepted with no recipients: end it empty
            m_socket->write(".\r\n");
            readReply(&ignored, m_options.commandTimeoutMs);
        }
        command("RSET", &ignored);
        return true;
    }
    if (!streamMessage(messagePath, error))
        return false;
    if (!readReply(dataReply, m_options.finalTimeoutMs))
        return connectionFailed();
    return true;
}

void SmtpClient::quit()
{
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    SmtpReply reply;
    m_socket->write("QUIT\r\n");
    if (flush(5000))
        readReply(&reply, 5000);
    m_socket->disconnectFromHost();
}
