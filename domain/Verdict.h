#pragma once

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace assay {

class JsonReader;

// A reviewer's decision on a submission, as POST /submissions/{id}/verdict
// carries it. `return` (security stage only) sends it back to the review
// stage without locking the partner out.
struct Verdict
{
    enum class Decision { Approve, Reject, Return };

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
    // Internal notes by checklist item or category key: shown to later
    // stages and in the audit record, never to the partner.
    QMap<QString, QString> notes;

    static constexpr qsizetype MaxSummary = 20000;
    static constexpr qsizetype MaxNote = 4000;
    static constexpr qsizetype MaxNotes = 500;

    QJsonObject toJson() const;
    // Strict shape check (types, limits); the business rules (reasons belong
    // to their category, required items ticked) need the questionnaire and
    // are checked by whoever holds it.
    static Verdict fromJson(JsonReader &reader);

    static QString decisionName(Decision d);
    static std::optional<Decision> decisionFromName(const QString &name);
    static QStringList decisionNames();

    friend bool operator==(const Verdict &, const Verdict &) = default;
};

} // namespace assay
