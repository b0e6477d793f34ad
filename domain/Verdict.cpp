#include "domain/Verdict.h"

#include "domain/JsonReader.h"

#include <QJsonArray>

#include <limits>

namespace assay {

QStringList Verdict::decisionNames()
{
    return {QStringLiteral("approve"), QStringLiteral("reject"), QStringLiteral("return")};
}

QString Verdict::decisionName(Decision d)
{
    return decisionNames().at(static_cast<int>(d));
}

std::optional<Verdict::Decision> Verdict::decisionFromName(const QString &name)
{
    const qsizetype i = decisionNames().indexOf(name);
    if (i < 0)
        return std::nullopt;
    return static_cast<Decision>(i);
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
    QJsonObject o{{QStringLiteral("decision"), decisionName(decision)},
                  {QStringLiteral("base_version"), baseVersion},
                  {QStringLiteral("summary"), summary},
                  {QStringLiteral("checklist"), checks},
                  {QStringLiteral("reasons"), rs}};
    // Optional in the API: left out when empty, so a verdict without notes
    // has the body it had before notes existed.
    if (!notes.isEmpty()) {
        QJsonObject ns;
        for (auto it = notes.cbegin(); it != notes.cend(); ++it)
            ns.insert(it.key(), it.value());
        o.insert(QStringLiteral("notes"), ns);
    }
    return o;
}

Verdict Verdict::fromJson(JsonReader &r)
{
    Verdict v;
    if (const auto d = decisionFromName(r.oneOf(QStringLiteral("decision"), decisionNames())))
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
    if (r.ok() && r.has(QStringLiteral("notes"))) {
        const QJsonObject ns = r.child(QStringLiteral("notes"));
        if (ns.size() > MaxNotes)
            r.fail(QStringLiteral("notes"), QStringLiteral("more than %1 notes").arg(MaxNotes));
        for (auto it = ns.constBegin(); r.ok() && it != ns.constEnd(); ++it) {
            const QString name = QStringLiteral("notes.") + it.key().left(64);
            if (it.key().isEmpty() || it.key().size() > 64)
                r.fail(name, QStringLiteral("not a checklist item or category key"));
            else if (!it->isString())
                r.fail(name, QStringLiteral("expected a string"));
            else if (JsonReader::codePoints(it->toString()) > MaxNote)
                r.fail(name, QStringLiteral("longer than %1 characters").arg(MaxNote));
            else
                v.notes.insert(it.key(), it->toString());
        }
    }
    return v;
}

} // namespace assay
