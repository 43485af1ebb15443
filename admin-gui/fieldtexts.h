// Translated texts for the config keys: a short label per key and the schema's
// description (tooltip and help text). The schema itself stays English-only.
#pragma once

#include "configschema.h"

#include <QString>

namespace FieldTexts {
QString label(const QString &path);
QString description(const ConfigKeyInfo &key);
int descriptionCount();
}
