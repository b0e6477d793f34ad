#pragma once

// A cache whose every row the queue tests know: seventeen submissions over
// thirteen apps with known assignees, stages, dates, verdicts, comments and
// outbox states, against a fixed "now". The expected rows of each saved view
// are written out below by hand (QueueFixture::expected), not computed.

#include "common/ResultCheck.h"
#include "domain/Submission.h"
#include "models/Cache.h"
#include "models/EvidenceStates.h"
#include "models/Outbox.h"
#include "models/QueueFilter.h"
#include "models/SubmissionStore.h"
#include "models/UserDirectory.h"

#include <QHash>
#include <QStringList>
#include <QTimeZone>

namespace assay::test {

struct QueueFixture
{
    static QDateTime now() { return QDateTime(QDate(2026, 11, 30), QTime(12, 0), QTimeZone::UTC); }
    static QDateTime daysAgo(double days) { return now().addSecs(-qint64(days * 86400)); }
    static QDateTime inDays(double days) { return now().addSecs(qint64(days * 86400)); }

    static QueueContext context(const QString &me, const QStringList &roles)
    {
        QueueContext c;
        c.me = me;
        c.roles = roles;
        c.now = now();
        return c;
    }

    static Submission make(int n, const QString &app, SubmissionSummary::Stage stage, SubmissionSummary::Status status,
                           const std::optional<QString> &assignee, const QDateTime &submitted)
    {
        Submission sub;
        SubmissionSummary &s = sub.summary;
        s.id = QStringLiteral("q%1").arg(n, 2, 10, QLatin1Char('0'));
        s.version = 2;
        s.appId = QStringLiteral("a_") + app.left(3).toLower();
        s.appName = app;
        s.partnerId = n % 2 ? QStringLiteral("p_odd") : QStringLiteral("p_even");
        s.partnerName = n % 2 ? QStringLiteral("Odd Partners") : QStringLiteral("Even Partners");
        s.questionnaireVersion = n < 10 ? QStringLiteral("2026.1") : QStringLiteral("2026.2");
        s.status = status;
        s.stage = stage;
        s.assignee = assignee;
        s.submittedAt = submitted;
        s.updatedAt = submitted.addSecs(3600);
        sub.history.append({submitted, s.partnerId, QStringLiteral("submitted"), {}});
        sub.answers.append({QStringLiteral("csrf.1"), QStringLiteral("Tokens rotate for %1.").arg(app), {}});
        sub.evidence.append({s.id + QStringLiteral("_e1"), QStringLiteral("policy.txt"), QStringLiteral("text/plain"), 10,
                             QStringLiteral("%1").arg(n, 64, 16, QLatin1Char('0')), EvidenceItem::LocalState::Absent});
        return sub;
    }

    static RecordedVerdict verdict(RecordedVerdict::Stage stage, Verdict::Decision decision, const QString &by, const QDateTime &at)
    {
        RecordedVerdict v;
        v.stage = stage;
        v.verdict.decision = decision;
        v.by = by;
        v.at = at;
        v.version = 1;
        return v;
    }

    static void approvedAtReview(Submission &sub, const QString &by, const QDateTime &at)
    {
        sub.verdicts.append(verdict(RecordedVerdict::Stage::Review, Verdict::Decision::Approve, by, at));
        sub.history.append({at, by, QStringLiteral("approved_review"), {}});
    }

    static void decided(Submission &sub, const QDateTime &at)
    {
        const bool approved = sub.summary.status == SubmissionSummary::Status::Approved;
        sub.history.append({at, QStringLiteral("u_vera"), approved ? QStringLiteral("approved") : QStringLiteral("rejected"), {}});
        sub.summary.updatedAt = at;
    }

    static QList<Submission> submissions()
    {
        using St = SubmissionSummary::Stage;
        using Ss = SubmissionSummary::Status;
        const QString alice = QStringLiteral("u_alice"), bob = QStringLiteral("u_bob");
        QList<Submission> all;
        // Open at review.
        Submission q01 = make(1, QStringLiteral("Atlas CRM"), St::Review, Ss::InReview, alice, daysAgo(2));
        // A request answered after 12 hours: half a day paused.
        q01.comments.append({QStringLiteral("c01a"), alice, Comment::Visibility::Partner, QStringLiteral("Which version?"),
                             daysAgo(1.75)});
        q01.comments.append({QStringLiteral("c01b"), q01.summary.partnerId, Comment::Visibility::Partner,
                             QStringLiteral("2.4"), daysAgo(1.25), Comment::From::Partner});
        all.append(q01);
        // Awaiting the partner for 8 of its 10 days.
        Submission q02 = make(2, QStringLiteral("Beacon HR"), St::Review, Ss::InReview, bob, daysAgo(10));
        q02.comments.append({QStringLiteral("c02a"), bob, Comment::Visibility::Internal, QStringLiteral("Hm."), daysAgo(9)});
        q02.comments.append({QStringLiteral("c02b"), bob, Comment::Visibility::Partner, QStringLiteral("Send the RLS file."),
                             daysAgo(8)});
        q02.comments.append({QStringLiteral("c02c"), bob, Comment::Visibility::Partner, QStringLiteral("Reminder."), daysAgo(3)});
        all.append(q02);
        all.append(make(3, QStringLiteral("Cobalt Pay"), St::Review, Ss::Submitted, std::nullopt, daysAgo(1)));
        // At security: approved at review by alice four days ago (breached),
        // and by sam a day ago.
        Submission q04 = make(4, QStringLiteral("Delta Docs"), St::Security, Ss::InReview, alice, daysAgo(6));
        approvedAtReview(q04, alice, daysAgo(4));
        all.append(q04);
        Submission q05 = make(5, QStringLiteral("Echo Mail"), St::Security, Ss::InReview, bob, daysAgo(5));
        approvedAtReview(q05, QStringLiteral("u_sam"), daysAgo(1));
        all.append(q05);
        // Badges: expiring in 20 days, in 200, expired 5 days ago.
        Submission q06 = make(6, QStringLiteral("Fjord Sync"), St::Done, Ss::Approved, alice, daysAgo(345));
        q06.summary.badgeExpiresAt = inDays(20);
        decided(q06, daysAgo(345));
        all.append(q06);
        Submission q07 = make(7, QStringLiteral("Granite Books"), St::Done, Ss::Approved, bob, daysAgo(165));
        q07.summary.badgeExpiresAt = inDays(200);
        decided(q07, daysAgo(165));
        all.append(q07);
        Submission q08 = make(8, QStringLiteral("Harbor Desk"), St::Done, Ss::Approved, bob, daysAgo(370));
        q08.summary.badgeExpiresAt = daysAgo(5);
        decided(q08, daysAgo(370));
        all.append(q08);
        // Renewed: the old badge (expiring in 10 days) is not due.
        Submission q09 = make(9, QStringLiteral("Iris Forms"), St::Done, Ss::Approved, alice, daysAgo(360));
        q09.summary.badgeExpiresAt = inDays(10);
        decided(q09, daysAgo(355));
        all.append(q09);
        Submission q10 = make(10, QStringLiteral("Iris Forms"), St::Done, Ss::Approved, alice, daysAgo(20));
        q10.summary.kind = SubmissionSummary::Kind::Revalidation;
        q10.summary.previousSubmissionId = QStringLiteral("q09");
        q10.summary.badgeExpiresAt = inDays(345);
        decided(q10, daysAgo(20));
        all.append(q10);
        // Expiring in 15 days with a re-validation open (unassigned): due.
        Submission q11 = make(11, QStringLiteral("Juniper Chat"), St::Done, Ss::Approved, bob, daysAgo(350));
        q11.summary.badgeExpiresAt = inDays(15);
        decided(q11, daysAgo(350));
        all.append(q11);
        Submission q12 = make(12, QStringLiteral("Juniper Chat"), St::Review, Ss::Submitted, std::nullopt, daysAgo(5));
        q12.summary.kind = SubmissionSummary::Kind::Revalidation;
        q12.summary.previousSubmissionId = QStringLiteral("q11");
        all.append(q12);
        // Rejections: locked for 30 more days; lock over; locked but resubmitted.
        Submission q13 = make(13, QStringLiteral("Kestrel Ops"), St::Done, Ss::Rejected, bob, daysAgo(70));
        q13.summary.resubmissionAllowedAt = inDays(30);
        decided(q13, daysAgo(60));
        all.append(q13);
        Submission q14 = make(14, QStringLiteral("Lumen Notes"), St::Done, Ss::Rejected, alice, daysAgo(100));
        q14.summary.resubmissionAllowedAt = daysAgo(3);
        decided(q14, daysAgo(93));
        all.append(q14);
        Submission q15 = make(15, QStringLiteral("Mosaic Tasks"), St::Done, Ss::Rejected, alice, daysAgo(40));
        q15.summary.resubmissionAllowedAt = inDays(60);
        decided(q15, daysAgo(30));
        all.append(q15);
        Submission q16 = make(16, QStringLiteral("Mosaic Tasks"), St::Review, Ss::InReview, alice, daysAgo(1.0 / 24));
        q16.summary.kind = SubmissionSummary::Kind::Resubmission;
        q16.summary.previousSubmissionId = QStringLiteral("q15");
        all.append(q16);
        Submission q17 = make(17, QStringLiteral("Nimbus Drive"), St::Done, Ss::Withdrawn, std::nullopt, daysAgo(50));
        q17.history.append({daysAgo(45), q17.summary.partnerId, QStringLiteral("withdrawn"), {}});
        all.append(q17);
        return all;
    }

    // Stores the submissions, the users, and the local state: a pending
    // comment on q01, a failed one on q02, a verdict-free conflict on q04, a
    // mismatched file of q03.
    static bool fill(Cache &cache)
    {
        using test::ok;
        if (!ok(cache.submissions().store(submissions())))
            return false;
        const QList<UserDirectory::User> users = {
            {QStringLiteral("u_alice"), QStringLiteral("Alice Reviewer"), {QStringLiteral("reviewer")}},
            {QStringLiteral("u_bob"), QStringLiteral("Bob Reviewer"), {QStringLiteral("reviewer")}},
            {QStringLiteral("u_sam"), QStringLiteral("Sam Security"), {QStringLiteral("security")}},
            {QStringLiteral("u_vera"), QStringLiteral("Vera Security"), {QStringLiteral("security")}},
            {QStringLiteral("u_lena"), QStringLiteral("Lena Lead"), {QStringLiteral("lead")}},
        };
        if (!ok(cache.users().storeUsers(users)))
            return false;
        const Result<qint64> pending = cache.outbox().recordComment(QStringLiteral("q01"), QStringLiteral("Looking."), false);
        const Result<qint64> failed = cache.outbox().recordComment(QStringLiteral("q02"), QStringLiteral("Again?"), true);
        const Result<qint64> conflict = cache.outbox().recordComment(QStringLiteral("q04"), QStringLiteral("Hm."), false);
        if (!pending || !failed || !conflict)
            return false;
        return ok(cache.outbox().settle(*failed, OutboxEntry::State::Failed, QStringLiteral("refused")))
            && ok(cache.outbox().settle(*conflict, OutboxEntry::State::Conflict, QStringLiteral("version_conflict")))
            && ok(cache.evidence().set(QStringLiteral("q03_e1"), EvidenceItem::LocalState::Mismatch));
    }

    // What each view holds for u_alice (a reviewer), written out by hand.
    static QHash<SavedView, QStringList> expectedForAlice()
    {
        auto ids = [](std::initializer_list<int> ns) {
            QStringList out;
            for (int n : ns)
                out.append(QStringLiteral("q%1").arg(n, 2, 10, QLatin1Char('0')));
            out.sort();
            return out;
        };
        return {
            {SavedView::MyQueue, ids({1, 16})},
            {SavedView::Unassigned, ids({3, 12})},
            {SavedView::ReviewStage, ids({1, 2, 3, 12, 16})},
            {SavedView::SecurityStage, ids({4, 5})},
            {SavedView::PendingUpload, ids({1})},
            {SavedView::ConflictsAndFailures, ids({2, 3, 4})},
            {SavedView::DueForRevalidation, ids({6, 8, 11})},
            {SavedView::Locked, ids({13})},
            {SavedView::Decided, ids({6, 7, 8, 9, 10, 11, 13, 14, 15, 17})},
            {SavedView::All, ids({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17})},
        };
    }
};

} // namespace assay::test
