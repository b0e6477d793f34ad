#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace assay {

class JsonReader;

// A submission as the change feed carries it: who, what, where it stands.
struct SubmissionSummary
{
    enum class Status { Submitted, InReview, Approved, Rejected, Withdrawn };
    enum class Stage { Review, Security, Done };
    // initial: the app's first; resubmission: after a rejection;
    // revalidation: the yearly check of an approved app.
    enum class Kind { Initial, Resubmission, Revalidation };

    QString id;
    qint64 version = 0;
    QString appId;
    QString appName;
    QString partnerId;
    QString partnerName;
    QString questionnaireVersion;
    Status status = Status::Submitted;
    Stage stage = Stage::Review;
    std::optional<QString> assignee;
    QDateTime submittedAt;
    QDateTime updatedAt;
    Kind kind = Kind::Initial;
    std::optional<QString> previousSubmissionId;
    std::optional<QDateTime> badgeExpiresAt;
    std::optional<QDateTime> resubmissionAllowedAt;

    bool isOpen() const { return stage != Stage::Done; }

    QJsonObject toJson() const;
    // Strict: a missing or mistyped field, an oversize string or an unknown
    // enum value fails the whole summary (reader.ok() == false).
    static SubmissionSummary fromJson(JsonReader &reader);

    static QString statusName(Status s);
    static QString stageName(Stage s);
    static std::optional<Status> statusFromName(const QString &name);
    static std::optional<Stage> stageFromName(const QString &name);
    static QString kindName(Kind k);
    static std::optional<Kind> kindFromName(const QString &name);
    static QStringList statusNames();
    static QStringList stageNames();
    static QStringList kindNames();

    friend bool operator==(const SubmissionSummary &, const SubmissionSummary &) = default;
};

} // namespace assay
