#include "bench/ReviewBenchData.h"

#include "bench/BenchProse.h"

#include "models/Cache.h"
#include "models/SubmissionStore.h"
#include "models/UserDirectory.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace assay::bench {

namespace {
const QStringList Words = answerWords();

QString prose(QRandomGenerator &rng, int count)
{
    return bench::prose(rng, Words, count);
}

// The earlier wording of an answer: some words different, a few missing,
// a sentence the partner added later absent.
QString earlierWording(QRandomGenerator &rng, const QString &text)
{
    QStringList words = text.split(u' ');
    for (qsizetype i = 0; i < words.size(); ++i) {
        const quint32 roll = rng.bounded(100);
        if (roll < 6)
            words[i] = Words.at(int(rng.bounded(int(Words.size()))));
        else if (roll < 9)
            words.removeAt(i--);
    }
    if (words.size() > 60)
        words.remove(words.size() / 2, 20);
    return words.join(u' ');
}

QString sha(const QString &seed)
{
    return QString::fromLatin1(QCryptographicHash::hash(seed.toUtf8(), QCryptographicHash::Sha256).toHex());
}

const QDateTime Epoch(QDate(2026, 9, 1), QTime(8, 0), QTimeZone::UTC);

SubmissionSummary summaryOf(const QString &id, int n, const Questionnaire &q)
{
    SubmissionSummary s;
    s.id = id;
    s.version = 1 + n % 3;
    s.appId = u"a_%1"_s.arg(n % 400);
    s.appName = u"App %1"_s.arg(n);
    s.partnerId = u"p_%1"_s.arg(n % 60);
    s.partnerName = u"Partner %1"_s.arg(n % 60);
    s.questionnaireVersion = q.version;
    s.status = n % 3 ? SubmissionSummary::Status::InReview : SubmissionSummary::Status::Submitted;
    s.stage = SubmissionSummary::Stage::Review;
    if (n % 3)
        s.assignee = u"u_alice"_s;
    s.submittedAt = Epoch.addSecs(qint64(n) * 900);
    s.updatedAt = s.submittedAt.addSecs(600);
    return s;
}

// An ordinary submission of the rest of the queue: every question answered
// briefly, a few evidence items, a comment and two history entries.
Submission ordinary(const Questionnaire &q, int n, QRandomGenerator &rng)
{
    Submission s;
    s.summary = summaryOf(u"s_%1"_s.arg(n, 6, 10, QLatin1Char('0')), n, q);
    for (int e = 0; e < 3; ++e)
        s.evidence.append({u"e_%1_%2"_s.arg(n).arg(e), u"report-%1.pdf"_s.arg(e), u"application/pdf"_s,
                           qint64(20000 + rng.bounded(200000)), sha(u"%1/%2"_s.arg(n).arg(e)),
                           EvidenceItem::LocalState::Absent});
    for (const QString &key : q.questionKeys())
        s.answers.append({key, prose(rng, 20 + int(rng.bounded(60))), {}});
    s.answers[0].evidenceIds = {s.evidence.at(0).id};
    s.comments.append({u"c_%1"_s.arg(n), u"u_bob"_s, Comment::Visibility::Internal, prose(rng, 15),
                       s.summary.submittedAt.addSecs(120)});
    s.history.append({s.summary.submittedAt, s.summary.partnerId, u"submitted"_s, {}});
    s.history.append({s.summary.submittedAt.addSecs(60), u"u_carol"_s, u"assigned"_s,
                      QJsonObject{{u"assignee"_s, u"u_alice"_s}}});
    return s;
}
} // namespace

Submission largeSubmission(const Questionnaire &q, const QString &id, quint32 seed, int words, const QString &previousId)
{
    QRandomGenerator rng(seed);
    Submission s;
    s.summary = summaryOf(id, int(seed % 1000), q);
    s.summary.updatedAt = QDateTime::currentDateTimeUtc();
    if (!previousId.isEmpty()) {
        s.summary.previousSubmissionId = previousId;
        s.summary.kind = SubmissionSummary::Kind::Resubmission;
    }
    const QStringList kinds = {u"application/pdf"_s, u"text/x-python"_s, u"image/png"_s, u"text/html"_s, u"text/plain"_s};
    for (int e = 0; e < 10; ++e)
        s.evidence.append({u"e_%1_%2"_s.arg(id).arg(e), u"evidence-%1-%2.bin"_s.arg(e).arg(kinds.at(e % 5).section(u'/', 1)),
                           kinds.at(e % 5), qint64(4096 + rng.bounded(2000000)), sha(u"%1/%2"_s.arg(seed).arg(e)),
                           EvidenceItem::LocalState::Absent});
    const QStringList keys = q.questionKeys();
    for (qsizetype i = 0; i < keys.size(); ++i) {
        Answer a{keys.at(i), prose(rng, words / 2 + int(rng.bounded(quint32(words)))), {}};
        if (i % 5 == 0)
            a.evidenceIds = {s.evidence.at((i / 5) % 10).id};
        s.answers.append(a);
    }
    const QDateTime t = s.summary.submittedAt;
    s.history.append({t, s.summary.partnerId, previousId.isEmpty() ? u"submitted"_s : u"resubmitted"_s, {}});
    s.history.append({t.addSecs(300), u"u_carol"_s, u"assigned"_s, QJsonObject{{u"assignee"_s, u"u_alice"_s}}});
    for (int c = 0; c < 8; ++c) {
        Comment comment;
        comment.id = u"c_%1_%2"_s.arg(id).arg(c);
        comment.createdAt = t.addSecs(3600 * (c + 1));
        comment.body = prose(rng, 30 + int(rng.bounded(80)));
        if (c % 4 == 1) {
            comment.author = u"u_alice"_s;
            comment.visibility = Comment::Visibility::Partner;
        } else if (c % 4 == 2) {
            comment.author = s.summary.partnerId;
            comment.visibility = Comment::Visibility::Partner;
            comment.from = Comment::From::Partner;
        } else {
            comment.author = c % 2 ? u"u_bob"_s : u"u_alice"_s;
        }
        s.comments.append(comment);
        s.history.append({comment.createdAt, comment.author, u"commented"_s,
                          QJsonObject{{u"comment_id"_s, comment.id},
                                      {u"visibility"_s, Comment::visibilityName(comment.visibility)}}});
    }
    return s;
}

Result<ReviewBenchIds> fillCache(Cache &cache, const Questionnaire &q, int others, int words, quint32 seed)
{
    SubmissionStore &store = cache.submissions();
    if (Result<> r = store.storeQuestionnaire(q); !r)
        return r.error();
    const QList<UserDirectory::User> users = {{u"u_alice"_s, u"Alice Reviewer"_s, {u"reviewer"_s}},
                                              {u"u_bob"_s, u"Bob Reviewer"_s, {u"reviewer"_s}},
                                              {u"u_carol"_s, u"Carol Lead"_s, {u"reviewer"_s, u"lead"_s}},
                                              {u"u_sam"_s, u"Sam Security"_s, {u"security"_s}}};
    if (Result<> r = cache.users().storeUsers(users); !r)
        return r.error();
    if (Result<> r = cache.users().storeMe(users.first()); !r)
        return r.error();

    QRandomGenerator rng(seed);
    QList<Submission> batch;
    for (int n = 1; n <= others; ++n) {
        batch.append(ordinary(q, n, rng));
        if (batch.size() == 250 || n == others) {
            if (Result<> r = store.store(batch); !r)
                return r.error();
            batch.clear();
        }
    }

    ReviewBenchIds ids{u"s_review_a"_s, u"s_review_b"_s, u"s_review_a0"_s, u"s_review_b0"_s};
    const QList<std::pair<QString, QString>> pairs = {{ids.first, ids.firstPrevious}, {ids.second, ids.secondPrevious}};
    quint32 k = seed;
    for (const auto &[id, previousId] : pairs) {
        const Submission current = largeSubmission(q, id, ++k, words, previousId);
        // The earlier submission: the same questions, a third of them worded
        // otherwise; six of its ten files are the same content; rejected
        // over two reasons.
        Submission previous = largeSubmission(q, previousId, ++k, words);
        QRandomGenerator edits(k);
        for (qsizetype i = 0; i < previous.answers.size(); ++i)
            previous.answers[i].text = i % 3 == 0 ? earlierWording(edits, current.answers.at(i).text)
                                                  : current.answers.at(i).text;
        for (int e = 0; e < 6; ++e)
            previous.evidence[e].sha256 = current.evidence.at(e).sha256;
        previous.summary.status = SubmissionSummary::Status::Rejected;
        previous.summary.stage = SubmissionSummary::Stage::Done;
        previous.summary.appId = current.summary.appId;
        previous.summary.updatedAt = current.summary.submittedAt.addDays(-3);
        RecordedVerdict rejected;
        rejected.by = u"u_bob"_s;
        rejected.at = previous.summary.updatedAt;
        rejected.version = previous.summary.version;
        rejected.verdict.decision = Verdict::Decision::Reject;
        rejected.verdict.baseVersion = previous.summary.version;
        rejected.verdict.summary = u"Two categories need work."_s;
        for (int c = 0; c < 2; ++c)
            rejected.verdict.reasons.append({q.categories.at(c).key, q.categories.at(c).rejectionReasons.value(0).code,
                                             u"See the comments."_s});
        previous.verdicts = {rejected};
        if (Result<> r = store.store(QList<Submission>{previous, current}); !r)
            return r.error();
    }
    return ids;
}

} // namespace assay::bench
