#include "server/SeedRevalidations.h"

#include "server/Revalidations.h"

#include <QSet>

#include <algorithm>

#include <array>

using namespace Qt::StringLiterals;

namespace assay::server {

namespace {
constexpr qint64 Day = 86400;
// The first six submissions are fixed by the seeder (tests lean on them).
constexpr int Fixed = 6;
// Badge expiry of the re-validated ones, in days from the anchor (one
// overdue), and of those due soon: past the day a test clock near the
// anchor (up to a week on) would open theirs.
constexpr std::array RevalidatedDays{12, -6, 5, 26, 19, 9, 2, 23};
constexpr std::array DueSoonDays{47, 41, 56, 52, 44};

void moveExpiryTo(Submission &s, const QDateTime &expiry)
{
    SeedRevalidations::shift(s, s.summary.badgeExpiresAt->secsTo(expiry));
}
} // namespace

void SeedRevalidations::shift(Submission &s, qint64 seconds)
{
    SubmissionSummary &sum = s.summary;
    sum.submittedAt = sum.submittedAt.addSecs(seconds);
    sum.updatedAt = sum.updatedAt.addSecs(seconds);
    if (sum.badgeExpiresAt)
        sum.badgeExpiresAt = sum.badgeExpiresAt->addSecs(seconds);
    if (sum.resubmissionAllowedAt)
        sum.resubmissionAllowedAt = sum.resubmissionAllowedAt->addSecs(seconds);
    for (HistoryEntry &h : s.history)
        h.at = h.at.addSecs(seconds);
    for (RecordedVerdict &v : s.verdicts)
        v.at = v.at.addSecs(seconds);
    for (Comment &c : s.comments)
        c.createdAt = c.createdAt.addSecs(seconds);
}

void SeedRevalidations::apply(QList<Submission> &made, QHash<QString, QString> &reviewApprovers,
                              const QDateTime &anchor, int &evidenceCounter)
{
    const int count = int(made.size());
    auto approved = [&](int i) { return made.at(i).summary.status == SubmissionSummary::Status::Approved; };
    // Chains are linked by previous_submission_id; an app may have several
    // (the seeder deals its apps out again once every app has one).
    QSet<QString> followed;
    for (const Submission &s : std::as_const(made)) {
        if (s.summary.previousSubmissionId)
            followed.insert(*s.summary.previousSubmissionId);
    }
    auto byApp = [&] {
        QHash<QString, QList<int>> out;
        for (int i = 0; i < count; ++i)
            out[made.at(i).summary.appId].append(i);
        return out;
    };
    // As Revalidations decides: a later approval of the app supersedes a badge.
    auto superseded = [&](const QHash<QString, QList<int>> &apps, int i) {
        const SubmissionSummary &s = made.at(i).summary;
        const QList<int> &same = apps.value(s.appId);
        return std::any_of(same.cbegin(), same.cend(),
                           [&](int j) { return j != i && approved(j) && made.at(j).summary.submittedAt > s.submittedAt; });
    };

    QList<int> targets, places;
    if (count >= 20) { // fewer: no app's place to spare
        // The app's only approval: moving its dates cannot make another
        // badge of the app the later one.
        const auto apps = byApp();
        auto onlyApproval = [&](int i) {
            const QList<int> &same = apps.value(made.at(i).summary.appId);
            return std::count_if(same.cbegin(), same.cend(), approved) == 1;
        };
        for (int i = Fixed; i < count; ++i) {
            if (approved(i) && !followed.contains(made.at(i).summary.id) && onlyApproval(i))
                targets.append(i);
        }
        for (int i = count - 1; i >= Fixed; --i) {
            const SubmissionSummary &s = made.at(i).summary;
            if (!approved(i) && !s.previousSubmissionId && !followed.contains(s.id))
                places.append(i);
        }
    }
    const int revalidated = int(std::min<qsizetype>({qsizetype(std::max(1, count / 40)), targets.size(), places.size()}));
    const int dueSoon = int(std::min<qsizetype>(std::max(1, count / 50), targets.size() - revalidated));

    QSet<int> chosen;
    for (int j = 0; j < revalidated; ++j) {
        Submission &a = made[targets.at(j)];
        const QDateTime expiry = anchor.addDays(RevalidatedDays.at(j % RevalidatedDays.size())).addSecs(j * 3607);
        moveExpiryTo(a, expiry);
        // Opened when it fell due, as the server would have; it takes the
        // place (and id) of a submission that was its chain's only one.
        const QString id = made.at(places.at(j)).summary.id;
        made[places.at(j)] = Revalidations::prefilled(a, id, expiry.addDays(-Revalidations::LeadDays),
                                                       [&evidenceCounter] { return u"e_%1"_s.arg(++evidenceCounter); });
        reviewApprovers.insert(id, QString());
        followed.insert(a.summary.id);
        chosen.insert(targets.at(j));
    }
    for (int j = 0; j < dueSoon; ++j) {
        const int i = targets.at(revalidated + j);
        moveExpiryTo(made[i], anchor.addDays(DueSoonDays.at(j % DueSoonDays.size())).addSecs(j * 1801));
        chosen.insert(i);
    }
    // Every other badge a server would still re-validate expires later than
    // those: a clock at the anchor (or a week on) finds nothing due. A badge
    // without a successor may move later: it stays after its previous
    // submission, and its events (a year before its expiry) before the
    // anchor. Moving one can change which badge of its app is the latest,
    // so until nothing moves.
    const QDateTime horizon = anchor.addDays(60);
    for (bool moved = true; moved;) {
        moved = false;
        const auto apps = byApp();
        for (int i = 0; i < count; ++i) {
            Submission &s = made[i];
            if (chosen.contains(i) || !approved(i) || followed.contains(s.summary.id) || *s.summary.badgeExpiresAt > horizon
                || superseded(apps, i))
                continue;
            moveExpiryTo(s, horizon.addDays(1 + (i * 37) % 290));
            moved = true;
        }
    }
}

} // namespace assay::server
