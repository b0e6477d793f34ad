#include "bench/QueueBenchData.h"

#include "bench/BenchProse.h"

#include "domain/Migrations.h"
#include "domain/Questionnaire.h"
#include "domain/Submission.h"
#include "models/Cache.h"
#include "models/EvidenceStates.h"
#include "models/Outbox.h"
#include "models/SubmissionStore.h"
#include "models/UserDirectory.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTimeZone>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace assay::bench {

namespace {
// Bump when what is written changes: the file's name carries it (and the
// cache schema), so an old file is never measured as a new one.
constexpr int FormatVersion = 2;
constexpr quint32 Seed = 20261130;
constexpr int Batch = 2000;

const QStringList Words = answerWords() + QStringList{
    // Rare words, so a search has something uncommon to find.
    u"Zanzibar"_s, u"quokka"_s, u"HSM-backed"_s, u"FIPS"_s, u"tokenised"_s,
};
const QStringList AppWords = {u"Atlas"_s, u"Beacon"_s, u"Cobalt"_s, u"Delta"_s, u"Echo"_s, u"Fjord"_s, u"Granite"_s,
                              u"Harbor"_s, u"Iris"_s, u"Juniper"_s, u"Kestrel"_s, u"Lumen"_s, u"Mosaic"_s, u"Nimbus"_s,
                              u"Orbit"_s, u"Pine"_s, u"Quartz"_s, u"Röntgen"_s, u"Summit"_s, u"Tundra"_s};
const QStringList AppKinds = {u"CRM"_s, u"HR"_s, u"Pay"_s, u"Docs"_s, u"Mail"_s, u"Sync"_s, u"Books"_s,
                              u"Desk"_s, u"Forms"_s, u"Chat"_s, u"Ops"_s, u"Notes"_s, u"Tasks"_s, u"Drive"_s};
const QStringList Reviewers = {u"u_alice"_s, u"u_bob"_s, u"u_carol"_s, u"u_dave"_s, u"u_erin"_s};
const QStringList SecurityUsers = {u"u_sam"_s, u"u_vera"_s};

QString prose(QRandomGenerator &rng, int count)
{
    return bench::prose(rng, Words, count);
}

enum class Fate { Unassigned, Reviewing, AtSecurity, Approved, Rejected, Withdrawn };

Fate lastFate(QRandomGenerator &rng)
{
    const double r = rng.generateDouble();
    return r < 0.08 ? Fate::Unassigned : r < 0.22 ? Fate::Reviewing : r < 0.30 ? Fate::AtSecurity
         : r < 0.72 ? Fate::Approved : r < 0.95 ? Fate::Rejected : Fate::Withdrawn;
}

struct Writer
{
    const Questionnaire &q;
    QRandomGenerator rng{Seed};
    int made = 0;
    int comments = 0;

    QString pick(const QStringList &from) { return from.at(int(rng.bounded(int(from.size())))); }

    Submission make(int app, const QString &appName, int partner, Fate fate, const QDateTime &submitted, const Submission *previous)
    {
        Submission s;
        SubmissionSummary &sum = s.summary;
        sum.id = u"s_%1"_s.arg(++made, 6, 10, QLatin1Char('0'));
        sum.appId = u"a_%1"_s.arg(app);
        sum.appName = appName;
        sum.partnerId = u"p_%1"_s.arg(partner);
        sum.partnerName = u"%1 Software %2"_s.arg(AppWords.at(partner % AppWords.size())).arg(partner);
        sum.questionnaireVersion = q.version;
        sum.submittedAt = submitted;
        if (previous) {
            sum.previousSubmissionId = previous->summary.id;
            sum.kind = previous->summary.status == SubmissionSummary::Status::Approved ? SubmissionSummary::Kind::Revalidation
                                                                                       : SubmissionSummary::Kind::Resubmission;
        }
        for (const QString &key : q.questionKeys())
            s.answers.append({key, prose(rng, 5 + int(rng.bounded(25))), {}});
        for (int e = 0; e < 2; ++e)
            s.evidence.append({u"%1_e%2"_s.arg(sum.id).arg(e), u"report-%1.pdf"_s.arg(e), u"application/pdf"_s,
                               qint64(20000 + rng.bounded(200000)), u"%1"_s.arg(made * 2 + e, 64, 16, QLatin1Char('0')),
                               EvidenceItem::LocalState::Absent});
        s.answers[0].evidenceIds = {s.evidence.at(0).id};

        QDateTime t = submitted;
        const auto step = [&](int minHours, int maxHours) {
            t = t.addSecs(qint64(minHours + int(rng.bounded(maxHours - minHours))) * 3600);
            return t;
        };
        s.history.append({t, sum.partnerId, previous ? u"resubmitted"_s : u"submitted"_s, {}});
        sum.version = 1;
        sum.status = SubmissionSummary::Status::Submitted;
        sum.stage = SubmissionSummary::Stage::Review;
        const QString reviewer = pick(Reviewers);
        if (fate != Fate::Unassigned && fate != Fate::Withdrawn) {
            sum.assignee = reviewer;
            sum.status = SubmissionSummary::Status::InReview;
            ++sum.version;
            s.history.append({step(2, 48), u"u_lena"_s, u"assigned"_s, QJsonObject{{u"assignee"_s, reviewer}}});
        }
        // A third ask the partner something; a third of those still wait.
        if (rng.bounded(3) == 0) {
            s.comments.append({u"c_%1"_s.arg(++comments), reviewer, Comment::Visibility::Partner, prose(rng, 12), step(1, 48)});
            if (rng.bounded(3) != 0)
                s.comments.append({u"c_%1"_s.arg(++comments), sum.partnerId, Comment::Visibility::Partner, prose(rng, 15),
                                   step(2, 72), Comment::From::Partner});
        }
        if (rng.bounded(4) == 0)
            s.comments.append({u"c_%1"_s.arg(++comments), pick(Reviewers), Comment::Visibility::Internal, prose(rng, 10),
                               step(1, 24)});
        const auto decide = [&](RecordedVerdict::Stage stage, Verdict::Decision d, const QString &by, const QString &action) {
            RecordedVerdict v;
            v.stage = stage;
            v.verdict.decision = d;
            v.by = by;
            v.at = step(24, 200);
            v.version = sum.version++;
            s.verdicts.append(v);
            s.history.append({v.at, by, action, {}});
        };
        if (fate == Fate::AtSecurity || fate == Fate::Approved || (fate == Fate::Rejected && rng.bounded(3) == 0)) {
            decide(RecordedVerdict::Stage::Review, Verdict::Decision::Approve, reviewer, u"approved_review"_s);
            sum.stage = SubmissionSummary::Stage::Security;
        }
        if (fate == Fate::Approved) {
            decide(RecordedVerdict::Stage::Security, Verdict::Decision::Approve, pick(SecurityUsers), u"approved"_s);
            sum.status = SubmissionSummary::Status::Approved;
            sum.stage = SubmissionSummary::Stage::Done;
            sum.badgeExpiresAt = t.addYears(1);
        } else if (fate == Fate::Rejected) {
            const bool atSecurity = sum.stage == SubmissionSummary::Stage::Security;
            decide(atSecurity ? RecordedVerdict::Stage::Security : RecordedVerdict::Stage::Review, Verdict::Decision::Reject,
                   atSecurity ? pick(SecurityUsers) : reviewer, u"rejected"_s);
            sum.status = SubmissionSummary::Status::Rejected;
            sum.stage = SubmissionSummary::Stage::Done;
            sum.resubmissionAllowedAt = t.addMonths(3);
        } else if (fate == Fate::Withdrawn) {
            sum.status = SubmissionSummary::Status::Withdrawn;
            sum.stage = SubmissionSummary::Stage::Done;
            s.history.append({step(24, 400), sum.partnerId, u"withdrawn"_s, {}});
        }
        sum.updatedAt = t;
        return s;
    }
};

Result<> write(const QString &path, int count)
{
    QString why;
    const std::optional<Questionnaire> q = Questionnaire::builtin(u"2026.1"_s, &why);
    if (!q)
        return Error{why};
    Cache cache;
    if (Result<> opened = cache.open(path); !opened)
        return opened;
    if (Result<> stored = cache.submissions().storeQuestionnaire(*q); !stored)
        return stored;
    QList<UserDirectory::User> users;
    for (const QString &r : Reviewers)
        users.append({r, r.mid(2, 1).toUpper() + r.mid(3) + u" Reviewer"_s, {u"reviewer"_s}});
    for (const QString &s : SecurityUsers)
        users.append({s, s.mid(2, 1).toUpper() + s.mid(3) + u" Security"_s, {u"security"_s}});
    users.append({u"u_lena"_s, u"Lena Lead"_s, {u"lead"_s}});
    if (Result<> stored = cache.users().storeUsers(users); !stored)
        return stored;
    if (Result<> me = cache.users().storeMe(users.first()); !me)
        return me;

    Writer w{*q};
    const QDateTime anchor = queueBenchNow();
    QList<Submission> batch;
    QStringList open;
    QElapsedTimer clock;
    clock.start();
    for (int app = 0; w.made < count; ++app) {
        const int partner = int(w.rng.bounded(2000));
        const QString appName = u"%1 %2 %3"_s.arg(w.pick(AppWords), w.pick(AppKinds)).arg(app);
        // A chain of submissions of one app: decided ones, then the latest.
        const int length = 1 + int(w.rng.bounded(3));
        QDateTime at = anchor.addDays(-int(40 + w.rng.bounded(1000)));
        std::optional<Submission> previous;
        for (int i = 0; i < length && w.made < count; ++i) {
            const bool last = i == length - 1;
            Fate fate = last ? lastFate(w.rng) : (w.rng.bounded(5) < 3 ? Fate::Approved : Fate::Rejected);
            if (last && (fate == Fate::Unassigned || fate == Fate::Reviewing || fate == Fate::AtSecurity))
                at = anchor.addSecs(-qint64(w.rng.bounded(30 * 24)) * 3600 - 400 * 3600);
            Submission s = w.make(app, appName, partner, fate, at, previous ? &*previous : nullptr);
            if (s.summary.isOpen())
                open.append(s.summary.id);
            at = s.summary.updatedAt.addDays(90 + int(w.rng.bounded(300)));
            if (at > anchor.addDays(-20))
                at = anchor.addDays(-20);
            previous = s;
            batch.append(std::move(s));
            if (batch.size() == Batch) {
                if (Result<> stored = cache.submissions().store(batch); !stored)
                    return stored;
                batch.clear();
                std::fprintf(stderr, "\rqueue bench data: %d of %d submissions (%.0f s)", w.made, count,
                             double(clock.elapsed()) / 1000.0);
            }
        }
    }
    if (!batch.isEmpty()) {
        if (Result<> stored = cache.submissions().store(batch); !stored)
            return stored;
    }
    std::fprintf(stderr, "\n");
    // Local state: some changes waiting, some held in conflict or failed.
    for (int i = 0; i < 60 && i < open.size(); ++i) {
        const Result<qint64> id = cache.outbox().recordComment(open.at(i * (open.size() / 60)), u"Looking at it."_s, false);
        if (!id)
            return id.error();
        if (i % 4 == 1 || i % 4 == 2) {
            if (Result<> settled = cache.outbox().settle(*id, i % 4 == 1 ? OutboxEntry::State::Conflict : OutboxEntry::State::Failed,
                                                         u"bench"_s);
                !settled)
                return settled;
        }
    }
    return {};
}
} // namespace

QDateTime queueBenchNow()
{
    return QDateTime(QDate(2026, 11, 30), QTime(12, 0), QTimeZone::UTC);
}

Result<QString> queueBenchCache(int count)
{
    // Next to the build's bin/ folder, where every benchmark runs from
    // (build/dev/bench-data), so the benchmarks share one file.
    const QString dir = QDir::cleanPath(QCoreApplication::applicationDirPath() + u"/../bench-data"_s);
    if (!QDir().mkpath(dir))
        return Error{u"cannot make %1"_s.arg(dir)};
    QString path = u"%1/queue-%2-v%3-schema%4.sqlite"_s.arg(dir).arg(count).arg(FormatVersion).arg(Migrations::latestVersion());
    if (QFileInfo::exists(path))
        return path;
    // Written under another name and renamed when whole: an interrupted
    // run never leaves a short file under the real name.
    const QString partial = path + u".partial"_s;
    for (const QString &f : QStringList{partial, partial + u"-wal"_s, partial + u"-shm"_s}) {
        if (QFileInfo::exists(f) && !QFile::remove(f))
            return Error{u"cannot remove the unfinished %1"_s.arg(f)};
    }
    std::fprintf(stderr, "queue bench data: writing %s (once)\n", qPrintable(path));
    if (Result<> written = write(partial, count); !written)
        return written.error();
    if (!QFile::rename(partial, path))
        return Error{u"cannot rename %1 to %2"_s.arg(partial, path)};
    return path;
}

} // namespace assay::bench
