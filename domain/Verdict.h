#pragma once

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace assay {

class JsonReader;

// A reviewer's decision on a submission, as POST /submissions/{id}/verdict
// carries it.
struct Verdict
{
    enum class Decision { Approve, Reject };

    struct Reason
    {
        QString category;
        QString code;
        QString note;
        friend bool operator==(const Reason &, const Reason &) = default;
    };

    Decision decision = Decision::Approve;
    qint64 baseVersion = 0;
    QString summary;
    QMap<QString, bool> checklist;
    QList<Reason> reasons;

    static constexpr qsizetype MaxSummary = 20000;
    static constexpr qsizetype MaxNote = 4000;

    QJsonObject toJson() const;
    // Strict shape check (types, limits); the business rules (reasons belong
    // to their category, required items ticked) need the questionnaire and
    // are checked by whoever holds it.
    static Verdict fromJson(JsonReader &reader);

    static QString decisionName(Decision d);
    static std::optional<Decision> decisionFromName(const QString &name);

    friend bool operator==(const Verdict &, const Verdict &) = default;
};

} // namespace assay
