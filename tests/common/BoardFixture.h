#pragma once

// The lead's board's fixture: users and submissions whose workload, moves
// and figures are known by hand (see the comments), as a sync stores them.
// Now is Monday 30 November 2026, 12:00 UTC.

#include "common/ResultCheck.h"
#include "domain/Submission.h"
#include "models/Cache.h"
#include "models/SubmissionStore.h"
#include "models/UserDirectory.h"

#include <QTimeZone>

#include <optional>

namespace assay::test {

inline QDateTime boardNow()
{
    return QDateTime(QDate(2026, 11, 30), QTime(12, 0), QTimeZone::UTC);
}

inline QDateTime daysAgo(double days)
{
    return boardNow().addSecs(qint64(-days * 86400));
}

inline RecordedVerdict boardVerdict(RecordedVerdict::Stage stage, Verdict::Decision decision, const QString &by, double ago)
{
    RecordedVerdict v;
    v.stage = stage;
    v.by = by;
    v.at = daysAgo(ago);
    v.version = 1;
    v.verdict.decision = decision;
    return v;
}

inline Submission boardSubmission(const QString &id, double submittedAgo, SubmissionSummary::Stage stage,
                                  const std::optional<QString> &assignee, QList<RecordedVerdict> verdicts = {},
                                  SubmissionSummary::Status status = SubmissionSummary::Status::InReview)
{
    Submission s;
    SubmissionSummary &m = s.summary;
    m.id = id;
    m.version = 1 + verdicts.size();
    m.appId = QStringLiteral("a_") + id;
    m.appName = QStringLiteral("App ") + id;
    m.partnerId = QStringLiteral("p_1");
    m.partnerName = QStringLiteral("Acme Apps");
    m.questionnaireVersion = QStringLiteral("2026.1");
    m.status = assignee ? status : SubmissionSummary::Status::Submitted;
    m.stage = stage;
    m.assignee = assignee;
    m.submittedAt = daysAgo(submittedAgo);
    m.updatedAt = verdicts.isEmpty() ? m.submittedAt : verdicts.last().at;
    // The history the server writes beside them (the queue's facts are
    // read from it).
    s.history.append({m.submittedAt, m.partnerId, QStringLiteral("submitted"), {}});
    for (const RecordedVerdict &v : verdicts) {
        const bool review = v.stage == RecordedVerdict::Stage::Review;
        const QString action = v.verdict.decision == Verdict::Decision::Reject   ? QStringLiteral("rejected")
                             : v.verdict.decision == Verdict::Decision::Return ? QStringLiteral("returned")
                             : review                                          ? QStringLiteral("approved_review")
                                                                               : QStringLiteral("approved");
        s.history.append({v.at, v.by, action, {}});
    }
    s.verdicts = std::move(verdicts);
    return s;
}

// Reviewers: Alice and Bob; Carol leads, Sam is security, Eve lost the
// reviewer role.
//   s_1  review  alice  10 d old, in stage 10 d  (breached: target 5)
//   s_2  review  alice   3 d
//   s_3  review  bob    20 d; approved at review by bob 15 d ago, returned
//                       by sam 2 d ago (in stage 2 d)
//   s_4  review  —       1 d
//   s_5  review  —      40 d, a resubmission of s_9 (rejected by bob)
//   s_6  security alice  8 d; approved at review by alice 4 d ago
//   s_7  done    bob    30 d; bob 25 d ago, sam 20 d ago
//   s_8  review  eve    70 d
//   s_9  done    bob   100 d; rejected by bob 90 d ago
inline void seedBoard(Cache &cache)
{
    using Stage = SubmissionSummary::Stage;
    using VS = RecordedVerdict::Stage;
    using D = Verdict::Decision;
    const QString alice = QStringLiteral("u_alice"), bob = QStringLiteral("u_bob"), sam = QStringLiteral("u_sam"),
                  eve = QStringLiteral("u_eve");
    QVERIFY(ok(cache.users().storeUsers({{alice, QStringLiteral("Alice Reviewer"), {QStringLiteral("reviewer")}},
                                         {bob, QStringLiteral("Bob Reviewer"), {QStringLiteral("reviewer")}},
                                         {QStringLiteral("u_carol"), QStringLiteral("Carol Lead"), {QStringLiteral("lead")}},
                                         {sam, QStringLiteral("Sam Security"), {QStringLiteral("security")}},
                                         {eve, QStringLiteral("Eve Former"), {}}})));
    QVERIFY(ok(cache.users().storeMe({QStringLiteral("u_carol"), QStringLiteral("Carol Lead"), {QStringLiteral("lead")}})));
    Submission s9 = boardSubmission(QStringLiteral("s_9"), 100, Stage::Done, bob, {boardVerdict(VS::Review, D::Reject, bob, 90)},
                                    SubmissionSummary::Status::Rejected);
    Submission s5 = boardSubmission(QStringLiteral("s_5"), 40, Stage::Review, std::nullopt);
    s5.summary.kind = SubmissionSummary::Kind::Resubmission;
    s5.summary.previousSubmissionId = QStringLiteral("s_9");
    s5.summary.appId = s9.summary.appId;
    const QList<Submission> all{
        boardSubmission(QStringLiteral("s_1"), 10, Stage::Review, alice),
        boardSubmission(QStringLiteral("s_2"), 3, Stage::Review, alice),
        boardSubmission(QStringLiteral("s_3"), 20, Stage::Review, bob,
                        {boardVerdict(VS::Review, D::Approve, bob, 15), boardVerdict(VS::Security, D::Return, sam, 2)}),
        boardSubmission(QStringLiteral("s_4"), 1, Stage::Review, std::nullopt),
        s5,
        boardSubmission(QStringLiteral("s_6"), 8, Stage::Security, alice, {boardVerdict(VS::Review, D::Approve, alice, 4)}),
        boardSubmission(QStringLiteral("s_7"), 30, Stage::Done, bob,
                        {boardVerdict(VS::Review, D::Approve, bob, 25), boardVerdict(VS::Security, D::Approve, sam, 20)},
                        SubmissionSummary::Status::Approved),
        boardSubmission(QStringLiteral("s_8"), 70, Stage::Review, eve),
        s9,
    };
    for (const Submission &s : all)
        QVERIFY(ok(cache.submissions().store(s)));
}

} // namespace assay::test
