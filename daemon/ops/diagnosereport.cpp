#include "diagnosereport.h"

#include <QJsonArray>

QString DiagnoseCheck::resultName(Result r)
{
    switch (r) {
    case Result::Pass: return QStringLiteral("pass");
    case Result::Warn: return QStringLiteral("warn");
    case Result::Fail: return QStringLiteral("fail");
    }
    return {};
}

void DiagnoseReport::pass(const QString &name, const QString &detail)
{
    m_checks.append({name, DiagnoseCheck::Result::Pass, detail, QString()});
}

void DiagnoseReport::warn(const QString &name, const QString &detail, const QString &fix)
{
    m_checks.append({name, DiagnoseCheck::Result::Warn, detail, fix});
}

void DiagnoseReport::fail(const QString &name, const QString &detail, const QString &fix)
{
    m_checks.append({name, DiagnoseCheck::Result::Fail, detail, fix});
}

int DiagnoseReport::count(DiagnoseCheck::Result result) const
{
    int n = 0;
    for (const DiagnoseCheck &c : m_checks)
        n += c.result == result ? 1 : 0;
    return n;
}

QJsonObject DiagnoseReport::toJson() const
{
    QJsonArray checks;
    for (const DiagnoseCheck &c : m_checks)
        checks.append(QJsonObject{{"name", c.name}, {"result", DiagnoseCheck::resultName(c.result)},
                                  {"detail", c.detail}, {"fix", c.fix}});
    return QJsonObject{{"checks", checks},
                       {"passed", count(DiagnoseCheck::Result::Pass)},
                       {"warnings", count(DiagnoseCheck::Result::Warn)},
                       {"failed", count(DiagnoseCheck::Result::Fail)}};
}

QString DiagnoseReport::toText() const
{
    QString text;
    for (const DiagnoseCheck &c : m_checks) {
        text += QStringLiteral("%1 %2: %3").arg(DiagnoseCheck::resultName(c.result).toUpper(), c.name, c.detail);
        if (!c.fix.isEmpty())
            text += QStringLiteral(" -- fix: ") + c.fix;
        text += QLatin1Char('\n');
    }
    text += QStringLiteral("%1 passed, %2 warnings, %3 failed\n")
                .arg(count(DiagnoseCheck::Result::Pass))
                .arg(count(DiagnoseCheck::Result::Warn))
                .arg(count(DiagnoseCheck::Result::Fail));
    return text;
}
