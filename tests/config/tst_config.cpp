// The config model: defaults match the reference table key by key, the reference's
// example loads, every kind of bad value is refused with its key named (all at once),
// unknown keys are kept, and saving is atomic and keeps the file's mode.
#include "config.h"
#include "configschema.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

class tst_Config : public QObject
{
    Q_OBJECT

private:
    static QString specText()
    {
        QFile f(QStringLiteral(POSTROOM_SHARED_DIR "/SPEC-config.md"));
        if (!f.open(QIODevice::ReadOnly))
            return QString();
        return QString::fromUtf8(f.readAll());
    }

    static QStringList errorKeys(const QVector<ConfigError> &errors)
    {
        QStringList keys;
        for (const ConfigError &e : errors)
            keys << e.key;
        return keys;
    }

    static QJsonObject withValue(const QString &path, const QJsonValue &value)
    {
        QJsonObject doc = Config::defaultDocument();
        ConfigValues::setValueAt(doc, path, value);
        return doc;
    }

private Q_SLOTS:
    void defaultsMatchReferenceTable()
    {
        const QString spec = specText();
        if (spec.isEmpty())
            QSKIP("../shared/SPEC-config.md not found");
        // Rows of part 1 look like: `smtp.port | 25 | SMTP port ...`
        static const QRegularExpression row(QStringLiteral("^([a-z_]+(?:\\.[a-z_]+)?) \\| (.+?) \\| "),
                                            QRegularExpression::MultilineOption);
        int checked = 0;
        auto it = row.globalMatch(spec);
        while (it.hasNext()) {
            const auto m = it.next();
            const QString key = m.captured(1);
            const QString text = m.captured(2).trimmed();
            const ConfigKeyInfo *info = ConfigSchema::find(key);
            QVERIFY2(info, qPrintable(QStringLiteral("reference key %1 is missing from the schema").arg(key)));
            QJsonValue expected;
            if (text == QLatin1String("auto-generated") || text == QLatin1String("null")) {
                expected = QJsonValue::Null;
            } else {
                const QJsonDocument asJson = QJsonDocument::fromJson("[" + text.toUtf8() + "]");
                expected = asJson.isArray() ? asJson.array().at(0) : QJsonValue(text);
            }
            QCOMPARE(info->defaultValue, expected);
            ++checked;
        }
        QCOMPARE(checked, 36); // every row of the reference tables
    }

    void referenceExampleLoadsAsIs()
    {
        const QString spec = specText();
        if (spec.isEmpty())
            QSKIP("../shared/SPEC-config.md not found");
        const int start = spec.indexOf(QLatin1String("Example config.json\n{"));
        QVERIFY(start > 0);
        const int open = spec.indexOf(QLatin1Char('{'), start);
        const int end = spec.indexOf(QLatin1String("}```"), open);
        QVERIFY(end > open);
        const QByteArray example = spec.mid(open, end - open + 1).toUtf8();
        Config c;
        QVector<ConfigError> errors;
        QVERIFY2(Config::fromJsonBytes(example, QStringLiteral("/srv/mail"), &c, &errors),
                 qPrintable(errors.value(0).toString()));
        QCOMPARE(c.hostname, QStringLiteral("mail.example.com"));
        QCOMPARE(c.mailRoot, QStringLiteral("/srv/mail/mailstore"));
        QCOMPARE(c.smtp.port, 25);
        QCOMPARE(c.rateLimit.recipientRate, 100); // absent from the example: default
        QCOMPARE(c.rateLimit.whitelist, QStringList({"127.0.0.1", "::1"}));
        QVERIFY(c.warnings.isEmpty());
    }

    void defaultDocumentHasEveryKey()
    {
        const QJsonObject doc = Config::defaultDocument();
        for (const ConfigKeyInfo &k : ConfigSchema::keys())
            QVERIFY2(!ConfigValues::valueAt(doc, k.path).isUndefined(), qPrintable(k.path));
        Config c;
        QVector<ConfigError> errors;
        QVERIFY(Config::fromJson(doc, QStringLiteral("/tmp"), &c, &errors));
        QCOMPARE(c.delivery.maxQueueLifetime, 432000);
        QCOMPARE(c.controlSocket, QStringLiteral("/tmp/mailstore/control.sock"));
    }

    void badValuesNameTheirKey_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("port string") << "smtp.port" << QJsonValue("abc") << "smtp.port: expected an integer 1-65535, got \"abc\"";
        QTest::newRow("port zero") << "imap.port" << QJsonValue(0) << "imap.port: expected an integer 1-65535, got 0";
        QTest::newRow("port too big") << "exchange_api.port" << QJsonValue(70000) << "exchange_api.port: expected an integer 1-65535, got 70000";
        QTest::newRow("port fraction") << "smtp.submission_port" << QJsonValue(587.5) << "smtp.submission_port: expected an integer 1-65535, got 587.5";
        QTest::newRow("negative size") << "smtp.max_message_size" << QJsonValue(-1) << "smtp.max_message_size: expected an integer 1024-2147483647, got -1";
        QTest::newRow("bool as string") << "rate_limit.enabled" << QJsonValue("yes") << "rate_limit.enabled: expected true or false, got \"yes\"";
        QTest::newRow("bad level") << "log_level" << QJsonValue("loud") << "log_level: expected one of DEBUG, INFO, WARNING, WARN, ERROR, CRITICAL, got \"loud\"";
        QTest::newRow("bad host") << "smtp.host" << QJsonValue("not an ip") << "smtp.host: expected an IP address such as 0.0.0.0, :: or 127.0.0.1, got \"not an ip\"";
        QTest::newRow("bad hostname") << "hostname" << QJsonValue("mail server") << "hostname: expected a host name such as mail.example.com, got \"mail server\"";
        QTest::newRow("domains not list") << "domains" << QJsonValue("example.com") << "domains: expected a list of domain names such as [\"example.com\"], got \"example.com\"";
        QTest::newRow("bad domain") << "domains" << QJsonValue(QJsonArray{"ok.com", "bad domain"}) << "domains: entry 1: expected a domain name such as example.com, got \"bad domain\"";
        QTest::newRow("bad whitelist") << "rate_limit.whitelist" << QJsonValue(QJsonArray{"10.0.0.0/33"}) << "rate_limit.whitelist: entry 0: expected an IP address or CIDR range such as 10.0.0.0/8, got \"10.0.0.0/33\"";
        QTest::newRow("workers zero") << "delivery.workers" << QJsonValue(0) << "delivery.workers: expected an integer 1-64, got 0";
        QTest::newRow("short secret") << "exchange_api.token_secret" << QJsonValue("short") << "exchange_api.token_secret: expected null or a string of at least 16 characters, got \"short\"";
        QTest::newRow("relay no port") << "delivery.relay_host" << QJsonValue("smtp.example.net") << "delivery.relay_host: expected null or \"host:port\", got \"smtp.example.net\"";
        QTest::newRow("bad route") << "delivery.routes" << QJsonValue(QJsonObject{{"example.net", "nowhere"}}) << "delivery.routes: route \"example.net\": expected \"host:port\", got \"nowhere\"";
        QTest::newRow("empty mail_root") << "mail_root" << QJsonValue("") << "mail_root: expected a non-empty string, got \"\"";
        QTest::newRow("cert number") << "tls.cert_file" << QJsonValue(5) << "tls.cert_file: expected null or a non-empty string, got 5";
    }

    void badValuesNameTheirKey()
    {
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        QFETCH(QString, message);
        Config c;
        QVector<ConfigError> errors;
        QVERIFY(!Config::fromJson(withValue(path, value), QStringLiteral("/tmp"), &c, &errors));
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().toString(), message);
    }

    void allErrorsAreReportedAtOnce()
    {
        QJsonObject doc = Config::defaultDocument();
        ConfigValues::setValueAt(doc, QStringLiteral("smtp.port"), "abc");
        ConfigValues::setValueAt(doc, QStringLiteral("imap.max_connections"), -5);
        ConfigValues::setValueAt(doc, QStringLiteral("rate_limit.enabled"), 1);
        Config c;
        QVector<ConfigError> errors;
        QVERIFY(!Config::fromJson(doc, QStringLiteral("/tmp"), &c, &errors));
        QCOMPARE(errorKeys(errors), QStringList({"smtp.port", "imap.max_connections", "rate_limit.enabled"}));
    }

    void sectionOfWrongType()
    {
        QJsonObject doc = Config::defaultDocument();
        doc.insert("smtp", 5);
        Config c;
        QVector<ConfigError> errors;
        QVERIFY(!Config::fromJson(doc, QStringLiteral("/tmp"), &c, &errors));
        QCOMPARE(errorKeys(errors), QStringList({"smtp"}));
    }

    void invalidJsonPointsAtLineAndColumn()
    {
        Config c;
        QVector<ConfigError> errors;
        QVERIFY(!Config::fromJsonBytes("{\n  \"hostname\": \"a.b\",\n  \"smtp\": {\"port\": 25,}\n}", "/tmp", &c, &errors));
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().message.startsWith(QLatin1String("invalid JSON at line 3")), qPrintable(errors.first().message));
        QVERIFY(!Config::fromJsonBytes("[1,2]", "/tmp", &c, &errors));
        QVERIFY(errors.first().message.contains(QLatin1String("object")));
    }

    void unknownKeysAreWarnedAndKept()
    {
        QJsonObject doc = Config::defaultDocument();
        doc.insert("future_feature", true);
        ConfigValues::setValueAt(doc, QStringLiteral("smtp.banner_delay"), 3);
        Config c;
        QVector<ConfigError> errors;
        QVERIFY(Config::fromJson(doc, QStringLiteral("/tmp"), &c, &errors));
        QCOMPARE(c.warnings.size(), 2);
        QVERIFY(c.warnings.join(' ').contains(QLatin1String("smtp.banner_delay")));
        QCOMPARE(c.document.value("future_feature").toBool(), true);
        QCOMPARE(ConfigValues::valueAt(c.document, QStringLiteral("smtp.banner_delay")).toInt(), 3);
    }

    void domainsAndLevelsAreCaseInsensitive()
    {
        QJsonObject doc = Config::defaultDocument();
        doc.insert("domains", QJsonArray{"Example.COM", "example.com", "Other.org."});
        doc.insert("log_level", "warn");
        Config c;
        QVector<ConfigError> errors;
        QVERIFY(Config::fromJson(doc, QStringLiteral("/tmp"), &c, &errors));
        QCOMPARE(c.domains, QStringList({"example.com", "other.org"}));
        QVERIFY(c.isLocalDomain(QStringLiteral("EXAMPLE.com")));
        QVERIFY(c.isLocalDomain(QStringLiteral("other.org.")));
        QVERIFY(!c.isLocalDomain(QStringLiteral("example.net")));
        QCOMPARE(c.logLevel, QStringLiteral("WARNING"));
    }

    void certAndKeyGoTogether()
    {
        Config c;
        QVector<ConfigError> errors;
        QVERIFY(!Config::fromJson(withValue(QStringLiteral("tls.cert_file"), "/etc/ssl/a.pem"), "/tmp", &c, &errors));
        QCOMPARE(errorKeys(errors), QStringList({"tls.key_file"}));
    }

    void cidrWhitelistAndRoutes()
    {
        QJsonObject doc = Config::defaultDocument();
        ConfigValues::setValueAt(doc, QStringLiteral("rate_limit.whitelist"), QJsonArray{"127.0.0.1", "10.0.0.0/8", "2001:db8::/32"});
        ConfigValues::setValueAt(doc, QStringLiteral("delivery.routes"), QJsonObject{{"Example.NET", "127.0.0.1:2525"}, {"v6.example", "[::1]:25"}});
        Config c;
        QVector<ConfigError> errors;
        QVERIFY2(Config::fromJson(doc, QStringLiteral("/tmp"), &c, &errors), qPrintable(errors.value(0).toString()));
        QCOMPARE(c.delivery.routes.value("example.net"), QStringLiteral("127.0.0.1:2525"));
        QCOMPARE(c.delivery.routes.value("v6.example"), QStringLiteral("[::1]:25"));
    }

    void saveIsAtomicAndKeepsMode()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config.json"));
        QString problem;
        QVERIFY(Config::saveDocument(path, Config::defaultDocument(), &problem));
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0640) == 0);
        QJsonObject doc = Config::defaultDocument();
        doc.insert("custom", "kept");
        QVERIFY(Config::saveDocument(path, doc, &problem));
        struct stat st;
        QVERIFY(::stat(QFile::encodeName(path).constData(), &st) == 0);
        QCOMPARE(int(st.st_mode & 0777), 0640);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList({"config.json"})); // no temp file left
        Config c;
        QVector<ConfigError> errors;
        QVERIFY(Config::loadFile(path, &c, &errors));
        QCOMPARE(c.document.value("custom").toString(), QStringLiteral("kept"));
        QCOMPARE(c.mailRoot, dir.filePath(QStringLiteral("mailstore")));
    }

    void defaultFileIsIndented()
    {
        const QByteArray bytes = Config::defaultDocumentBytes();
        QVERIFY(bytes.contains("\n    \"hostname\": \"mail.example.com\""));
        QVERIFY(bytes.endsWith('\n'));
    }
};

QTEST_GUILESS_MAIN(tst_Config)
#include "tst_config.moc"
