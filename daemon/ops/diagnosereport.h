// The result of `postroomd diagnose`: one check per line with pass/warn/fail, what was
// seen and, when something is wrong, a plain-language fix. Printed as text or as the
// JSON the admin GUI shows: {"checks":[{"name","result","detail","fix"}]}.
#pragma once

#include <QJsonObject>
#include <QString>
#include <QVector>

struct DiagnoseCheck {
    enum class Result { Pass, Warn, Fail };
    QString name;
    Result result = Result::Pass;
    QString detail;
    QString fix;

    static QString resultName(Result r);
};

class DiagnoseReport
{
public:
    void pass(const QString &name, const QString &detail);
    void warn(const QString &name, const QString &detail, const QString &fix);
    void fail(const QString &name, const QString &detail, const QString &fix);

    const QVector<DiagnoseCheck> &checks() const { return m_checks; }
    int count(DiagnoseCheck::Result result) const;
    bool hasFailures() const { return count(DiagnoseCheck::Result::Fail) > 0; }

    QJsonObject toJson() const;
    QString toText() const; // one line per check, then a summary line

private:
    QVector<DiagnoseCheck> m_checks;
};
