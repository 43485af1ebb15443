// Target config: the input is a config.json. Whatever loads must save and load again
// to the same document (the admin program writes back what the daemon read).
#include "fuzztargets.h"

#include "config.h"

#include <QJsonDocument>

int fuzzConfig(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    // A base directory that does not exist: the loader resolves paths, it must not touch them.
    const QString baseDir = QStringLiteral("/nonexistent/postroom-fuzz");
    Config config;
    QVector<ConfigError> errors;
    if (!Config::fromJsonBytes(bytes, baseDir, &config, &errors)) {
        fuzzCheck(!errors.isEmpty(), "config refused without an error");
        return 0;
    }
    const QByteArray saved = QJsonDocument(config.document).toJson(QJsonDocument::Compact);
    Config again;
    QVector<ConfigError> againErrors;
    fuzzCheck(Config::fromJsonBytes(saved, baseDir, &again, &againErrors), "a loaded config does not load again");
    fuzzCheck(again.document == config.document, "config document does not round-trip");
    return 0;
}
