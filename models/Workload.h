#pragma once

#include "domain/Result.h"
#include "domain/SubmissionSummary.h"
#include "models/SlaPolicy.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace assay {

class Cache;

// The lead's view of who works on what, read from the cache in SQL: each
// reviewer's open work at the review stage (count, oldest, SLA breaches),
// the unassigned pile, and one reviewer's submissions.
//
// An assignment still waiting in the outbox counts where it is going (the
// lead decided it; the board must not show the old place until the sync
// says so) and is marked pending. One held in conflict or failed counts
// where the server has it and is marked held, as a held verdict is.
class Workload
{
public:
    enum class LocalState { None, Pending, Held };

    struct Item
    {
        QString id;
        QString appName;
        QString partnerName;
        SubmissionSummary::Kind kind = SubmissionSummary::Kind::Initial;
        SubmissionSummary::Stage stage = SubmissionSummary::Stage::Review;
        // Where it counts: the pending assignment's target, else the server's.
        std::optional<QString> assignee;
        // What the server says (differs from assignee while pending).
        std::optional<QString> serverAssignee;
        QDateTime submittedAt;
        // The queue's fact when the cache has it; else since the last verdict
        // moved it into its stage, else since submitted.
        QDateTime stageEnteredAt;
        double ageDays = 0;
        // As the queue counts it (SlaPolicy): the clock stands still while
        // the partner is asked and has not answered.
        double daysInStage = 0;
        SlaPolicy::State sla = SlaPolicy::State::None;
        bool breached = false;
        LocalState local = LocalState::None;
        // The latest assignment entry in the outbox (0: none).
        qint64 outboxEntry = 0;
        // For a resubmission: who rejected the previous submission (empty: none known).
        QString previousRejectedBy;
    };

    struct Reviewer
    {
        QString id;
        QString name;
        int open = 0;
        double oldestDays = 0;
        int breaches = 0;
        int pending = 0;
    };

    explicit Workload(Cache &cache);

    void setNow(const QDateTime &now) { m_now = now; }
    QDateTime now() const { return m_now; }
    void setSla(const SlaPolicy &sla) { m_sla = sla; }
    SlaPolicy sla() const { return m_sla; }

    // Every user with the reviewer role, by name, with their open work.
    Result<QList<Reviewer>> reviewers();
    // Open at the review stage with nobody to do it, oldest first.
    Result<QList<Item>> unassigned();
    // A reviewer's open work at the review stage, oldest first.
    Result<QList<Item>> assignedTo(const QString &reviewerId);
    // Every open submission at the review stage, oldest first.
    Result<QList<Item>> openAtReview();

private:
    Result<QList<Item>> items(const QString &base, const QString &where, const QString &bind);

    Cache &m_cache;
    QDateTime m_now = QDateTime::currentDateTimeUtc();
    SlaPolicy m_sla;
};

} // namespace assay
