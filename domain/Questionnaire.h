#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace assay {

class JsonReader;

// The program's questionnaire of one version together with the reviewers'
// rubric: per category the questions, the checklist and the rejection reasons.
struct Questionnaire
{
    struct Question
    {
        QString key;
        QString text;
        QString guidance;
        bool evidenceRequired = false;
        friend bool operator==(const Question &, const Question &) = default;
    };
    struct ChecklistItem
    {
        QString key;
        QString text;
        bool required = false;
        // The category's rejection codes an unticked item stands for: the
        // reasons a reviewer is offered when rejecting over it.
        QStringList reasonCodes;
        friend bool operator==(const ChecklistItem &, const ChecklistItem &) = default;
    };
    struct RejectionReason
    {
        QString code;
        QString text;
        friend bool operator==(const RejectionReason &, const RejectionReason &) = default;
    };
    struct Category
    {
        QString key;
        QString title;
        QString description;
        QList<Question> questions;
        QList<ChecklistItem> checklist;
        QList<RejectionReason> rejectionReasons;
        friend bool operator==(const Category &, const Category &) = default;
    };

    QString version;
    QString title;
    QList<Category> categories;

    // The ten category keys of the program, in the order the API fixes.
    static QStringList categoryKeys();

    const Category *category(const QString &key) const;
    const Question *question(const QString &key) const;
    const ChecklistItem *checklistItem(const QString &key) const;
    const Category *categoryOfQuestion(const QString &questionKey) const;
    const Category *categoryOfChecklistItem(const QString &itemKey) const;
    bool hasReason(const QString &categoryKey, const QString &code) const;
    QStringList requiredChecklistKeys() const;
    QStringList questionKeys() const;

    // Completeness beyond the JSON shape: the ten categories in order, unique
    // keys and codes, every question, item and reason with text. Empty when
    // the questionnaire is sound, else the first problem.
    QString validate() const;

    QJsonObject toJson() const;
    static Questionnaire fromJson(JsonReader &reader);

    // The questionnaire shipped in resources/ (server and client load the
    // same file). std::nullopt for a version that is not shipped.
    static std::optional<Questionnaire> builtin(const QString &version, QString *error = nullptr);
    static QStringList builtinVersions();

    friend bool operator==(const Questionnaire &, const Questionnaire &) = default;
};

} // namespace assay
