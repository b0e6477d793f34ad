#include "domain/Verdict.h"

#include "domain/JsonReader.h"

#include <QJsonArray>

#include <limits>

namespace assay {

QString Verdict::decisionName(Decision d)
{
    return d == Decision::Reject ? QStringLiteral("reject") : QStringLiteral("approve");
}

std::optional<Verdict::Decision> Verdict::decisionFromName(const QString &name)
{
    if (name == QLatin1String("approve"))
        return Decision::Approve;
    if (name == QLatin1String("reject"))
        return Decision::Reject;
    return std::nullopt;
}

QJsonObject Verdict::toJson() const
{
    QJsonObject checks;
    for (auto it = checklist.cbegin(); it != checklist.cend(); ++it)
        checks.insert(it.key(), it.value());
    QJsonArray rs;
    for (const Reason &r : reasons) {
        rs.append(QJsonObject{{QStringLiteral("category"), r.category},
                              {QStringLiteral("code"), r.code},
                              {QStringLiteral("note"), r.note}});
    }
    return QJsonObject{{QStringLiteral("decision"), decisionName(decision)},
                       {QStringLiteral("base_version"), baseVersion},
                       {QStringLiteral("summary"), summary},
                       {QStringLiteral("checklist"), checks},
                       {QStringLiteral("reasons"), rs}};
}

Verdict Verdict::fromJson(JsonReader &r)
{
    Verdict v;
    if (const auto d = decisionFromName(r.oneOf(QStringLiteral("decision"), {QStringLiteral("approve"), QStringLiteral("reject")})))
        v.decision = *d;
    v.baseVersion = r.integer(QStringLiteral("base_version"), 1, std::numeric_limits<qint32>::max());
    v.summary = r.optionalString(QStringLiteral("summary"), MaxSummary);
    const QJsonObject checks = r.child(QStringLiteral("checklist"));
    for (auto it = checks.constBegin(); r.ok() && it != checks.constEnd(); ++it) {
        if (!it->isBool()) {
            r.fail(QStringLiteral("checklist.") + it.key(), QStringLiteral("expected true or false"));
            break;
        }
        v.checklist.insert(it.key(), it->toBool());
    }
    const QJsonArray rs = r.array(QStringLiteral("reasons"), 100);
    for (qsizetype i = 0; r.ok() && i < rs.size(); ++i) {
        const QString name = QStringLiteral("reasons[%1]").arg(i);
        if (!rs.at(i).isObject()) {
            r.fail(name, QStringLiteral("expected an object"));
            break;
        }
        JsonReader rr = r.nested(rs.at(i).toObject(), name);
        Reason reason;
        reason.category = rr.string(QStringLiteral("category"), 64);
        reason.code = rr.string(QStringLiteral("code"), 64);
        reason.note = rr.optionalString(QStringLiteral("note"), MaxNote);
        r.adopt(rr);
        v.reasons.append(reason);
    }
    return v;
}

} // namespace assay
