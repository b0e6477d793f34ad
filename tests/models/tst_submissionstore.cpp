#include "common/ResultCheck.h"
#include "common/TestData.h"
#include "domain/Questionnaire.h"
#include "models/Cache.h"
#include "models/SearchIndex.h"
#include "models/SubmissionStore.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace assay;
using test::ok;

// What the marketplace says, as the cache keeps it: feed pages with their
// cursor, details, questionnaires, the sync's values.
class TestSubmissionStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;

    QString freshPath() { return m_dir.filePath(QStringLiteral("cache-%1.sqlite").arg(++m_n)); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void feedPageStoresItemsWithCursor()
    {
        Cache cache;
        QVERIFY(ok(cache.open(freshPath())));
        SubmissionStore &store = cache.submissions();
        QCOMPARE(ok(store.feedCursor()), QString());
        QList<SubmissionSummary> page;
        for (int i = 0; i < 50; ++i)
            page.append(test::summary(i));
        QVERIFY(ok(store.applyFeedPage(page, QStringLiteral("cursor-1"))));
        QCOMPARE(ok(store.count()), 50);
        QCOMPARE(ok(store.feedCursor()), QStringLiteral("cursor-1"));
        QCOMPARE(ok(store.summary(page.at(7).id)), std::optional(page.at(7)));
        // The same submission changed: updated in place, not duplicated.
        SubmissionSummary changed = test::summary(7, 2);
        changed.assignee = std::nullopt;
        changed.status = SubmissionSummary::Status::Rejected;
        changed.stage = SubmissionSummary::Stage::Done;
        changed.resubmissionAllowedAt = QDateTime(QDate(2027, 2, 28), QTime(0, 0), QTimeZone::UTC);
        QVERIFY(ok(store.applyFeedPage({changed}, QStringLiteral("cursor-2"))));
        QCOMPARE(ok(store.count()), 50);
        const std::optional<SubmissionSummary> back = ok(store.summary(changed.id));
        QVERIFY(back);
        QCOMPARE(back->status, SubmissionSummary::Status::Rejected);
        QCOMPARE(back->stage, SubmissionSummary::Stage::Done);
        QCOMPARE(back->version, 2);
        QVERIFY(!back->assignee);
        QCOMPARE(back->resubmissionAllowedAt, QDateTime(QDate(2027, 2, 28), QTime(0, 0), QTimeZone::UTC));
        QCOMPARE(*back, changed);
        QCOMPARE(ok(store.needingDetails()).size(), 50);
        QCOMPARE(ok(store.summaries()).size(), 50);
    }

    void aMissingSubmissionIsNoneNotAnError()
    {
        Cache cache;
        QVERIFY(ok(cache.open(freshPath())));
        const Result<std::optional<SubmissionSummary>> s = cache.submissions().summary(QStringLiteral("s_nope"));
        QVERIFY(s);
        QVERIFY(!*s);
        const Result<std::optional<Submission>> d = cache.submissions().submission(QStringLiteral("s_nope"));
        QVERIFY(d);
        QVERIFY(!*d);
    }

    void aFailedPageWritesNothing()
    {
        const QString path = freshPath();
        Cache cache;
        QVERIFY(ok(cache.open(path)));
        SubmissionStore &store = cache.submissions();
        QVERIFY(ok(store.applyFeedPage({test::summary(1)}, QStringLiteral("c1"))));
        // Make the page's second row fail inside SQLite, as a full disk or a
        // constraint would, after the first row was already written.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("saboteur"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TRIGGER boom BEFORE INSERT ON submissions WHEN NEW.id = 's_00003' "
                                          "BEGIN SELECT RAISE(ABORT, 'injected failure'); END")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("saboteur"));
        const Result<> page = store.applyFeedPage({test::summary(2), test::summary(3)}, QStringLiteral("c2"));
        QVERIFY(!page);
        QVERIFY2(page.error().message.contains(QStringLiteral("injected failure")), qPrintable(page.error().message));
        // All or nothing: the good item of the page and the cursor are not there.
        QCOMPARE(ok(store.count()), 1);
        QVERIFY(!ok(store.summary(QStringLiteral("s_00002"))));
        QCOMPARE(ok(store.feedCursor()), QStringLiteral("c1"));
        QCOMPARE(ok(cache.search().find(test::summary(2).appName)), QStringList());
    }

    void detailsRoundTrip()
    {
        Cache cache;
        QVERIFY(ok(cache.open(freshPath())));
        SubmissionStore &store = cache.submissions();
        const Submission s = test::submission(42, 3);
        QVERIFY(ok(store.store(s)));
        const std::optional<Submission> back = ok(store.submission(s.summary.id));
        QVERIFY(back);
        QCOMPARE(*back, s);
        QCOMPARE(back->answers.size(), 3);
        QCOMPARE(back->evidence.size(), 2);
        QCOMPARE(ok(store.needingDetails()), QStringList());
        // A newer summary from the feed makes the details stale again.
        QVERIFY(ok(store.applyFeedPage({test::summary(42, 4)}, QStringLiteral("c"))));
        QCOMPARE(ok(store.needingDetails()), QStringList{QStringLiteral("s_00042")});
    }

    // What the review screen reads beside the answers: the submission's
    // kind (from the feed and from details), who wrote each comment, every
    // recorded verdict with its notes; details stored again replace them.
    void kindCommentSidesAndVerdictsRoundTrip()
    {
        Cache cache;
        QVERIFY(ok(cache.open(freshPath())));
        SubmissionStore &store = cache.submissions();
        SubmissionSummary fed = test::summary(8);
        fed.kind = SubmissionSummary::Kind::Revalidation;
        QVERIFY(ok(store.applyFeedPage({fed}, QStringLiteral("c"))));
        QCOMPARE(ok(store.summary(fed.id))->kind, SubmissionSummary::Kind::Revalidation);
        QCOMPARE(ok(store.summaries()).first().kind, SubmissionSummary::Kind::Revalidation);

        Submission s = test::submission(8, 3);
        s.summary.kind = SubmissionSummary::Kind::Resubmission;
        Comment reply;
        reply.id = QStringLiteral("c_reply");
        reply.author = QStringLiteral("p_9");
        reply.visibility = Comment::Visibility::Partner;
        reply.from = Comment::From::Partner;
        reply.body = QStringLiteral("we added a CSRF token");
        reply.createdAt = QDateTime(QDate(2026, 11, 20), QTime(9, 0), QTimeZone::UTC);
        s.comments.append(reply);
        RecordedVerdict review;
        review.stage = RecordedVerdict::Stage::Review;
        review.by = QStringLiteral("u_bob");
        review.at = QDateTime(QDate(2026, 11, 21), QTime(10, 0), QTimeZone::UTC);
        review.version = 3;
        review.verdict.decision = Verdict::Decision::Approve;
        review.verdict.baseVersion = 3;
        review.verdict.checklist = {{QStringLiteral("csrf.c1"), true}};
        review.verdict.notes = {{QStringLiteral("csrf.c1"), QStringLiteral("token checked in middleware")}};
        RecordedVerdict security = review;
        security.stage = RecordedVerdict::Stage::Security;
        security.by = QStringLiteral("u_sam");
        security.at = review.at.addSecs(3600);
        security.verdict.decision = Verdict::Decision::Return;
        security.verdict.summary = QStringLiteral("look at the redirect list again");
        security.verdict.notes.clear();
        s.verdicts = {review, security};
        QVERIFY(ok(store.store(s)));

        const std::optional<Submission> back = ok(store.submission(s.summary.id));
        QVERIFY(back);
        QCOMPARE(back->summary.kind, SubmissionSummary::Kind::Resubmission);
        QCOMPARE(back->comments.size(), s.comments.size());
        QVERIFY(back->comments.contains(reply));
        QCOMPARE(back->verdicts.size(), 2);
        QCOMPARE(back->verdicts.at(0).by, QStringLiteral("u_bob"));
        QCOMPARE(back->verdicts.at(0).verdict.notes.value(QStringLiteral("csrf.c1")), QStringLiteral("token checked in middleware"));
        QCOMPARE(back->verdicts.at(1).stage, RecordedVerdict::Stage::Security);
        QCOMPARE(back->verdicts.at(1).verdict.decision, Verdict::Decision::Return);
        QCOMPARE(back->verdicts.at(1).verdict.summary, QStringLiteral("look at the redirect list again"));
        QCOMPARE(*back, s);

        // Stored again with one verdict: the record is replaced, not added to.
        s.verdicts = {review};
        s.summary.updatedAt = s.summary.updatedAt.addSecs(60);
        QVERIFY(ok(store.store(s)));
        QCOMPARE(ok(store.submission(s.summary.id))->verdicts, QList<RecordedVerdict>{review});
    }

    // Answers are written several rows per statement: a count that is not a
    // multiple of the chunk comes back whole and in order.
    void manyAnswersRoundTrip()
    {
        Cache cache;
        QVERIFY(ok(cache.open(freshPath())));
        SubmissionStore &store = cache.submissions();
        Submission s = test::submission(43);
        s.answers.clear();
        for (int i = 0; i < 41; ++i) {
            s.answers.append({QStringLiteral("q.%1").arg(i), QStringLiteral("answer %1 ✓").arg(i),
                              i % 5 == 0 ? QStringList{s.evidence.first().id} : QStringList{}});
        }
        QVERIFY(ok(store.store(s)));
        std::optional<Submission> back = ok(store.submission(s.summary.id));
        QVERIFY(back);
        QCOMPARE(back->answers.size(), 41);
        QCOMPARE(back->answers.at(40).text, QStringLiteral("answer 40 ✓"));
        QCOMPARE(back->answers.at(35).evidenceIds, QStringList{s.evidence.first().id});
        QCOMPARE(*back, s);
        s.summary.version = 2;
        s.answers.resize(17);
        QVERIFY(ok(store.store(s)));
        back = ok(store.submission(s.summary.id));
        QVERIFY(back);
        QCOMPARE(back->answers.size(), 17);
        QCOMPARE(*back, s);
    }

    void detailsWithABadRowWriteNothing()
    {
        Cache cache;
        QVERIFY(ok(cache.open(freshPath())));
        SubmissionStore &store = cache.submissions();
        const Submission good = test::submission(5, 1);
        QVERIFY(ok(store.store(good)));
        Submission bad = test::submission(5, 2);
        bad.answers.append({QStringLiteral("mfa.1"), QStringLiteral("new answer"), {}});
        bad.evidence[1].sha256 = QStringLiteral("short"); // violates CHECK (length 64)
        const Result<> stored = store.store(bad);
        QVERIFY(!stored);
        QVERIFY2(stored.error().message.contains(QStringLiteral("evidence %1").arg(bad.evidence[1].id)),
                 qPrintable(stored.error().message));
        QCOMPARE(ok(store.submission(good.summary.id)), std::optional(good));
    }

    void questionnairesAreStored()
    {
        Cache cache;
        QVERIFY(ok(cache.open(freshPath())));
        SubmissionStore &store = cache.submissions();
        const auto q = Questionnaire::builtin(QStringLiteral("2026.1"));
        QVERIFY(q);
        QVERIFY(!ok(store.questionnaire(QStringLiteral("2026.1"))));
        QCOMPARE(ok(store.missingQuestionnaires()), QStringList()); // no submissions, none needed
        SubmissionSummary older = test::summary(1);
        older.questionnaireVersion = QStringLiteral("2025.2");
        SubmissionSummary newer = test::summary(3);
        newer.questionnaireVersion = QStringLiteral("2027.1");
        QVERIFY(ok(store.applyFeedPage({test::summary(0), older, test::summary(2), newer}, QStringLiteral("c"))));
        QStringList missing = ok(store.missingQuestionnaires());
        missing.sort();
        QCOMPARE(missing, (QStringList{QStringLiteral("2025.2"), QStringLiteral("2026.1"), QStringLiteral("2027.1")}));
        QVERIFY(ok(store.storeQuestionnaire(*q)));
        const std::optional<Questionnaire> back = ok(store.questionnaire(QStringLiteral("2026.1")));
        QVERIFY(back);
        QCOMPARE(back->version, QStringLiteral("2026.1"));
        QCOMPARE(*back, *q);
        // The version in the middle is present: those on both sides of it are still found.
        missing = ok(store.missingQuestionnaires());
        missing.sort();
        QCOMPARE(missing, (QStringList{QStringLiteral("2025.2"), QStringLiteral("2027.1")}));
    }

    void syncValuesAreKept()
    {
        const QString path = freshPath();
        {
            Cache cache;
            QVERIFY(ok(cache.open(path)));
            QCOMPARE(ok(cache.submissions().syncValue(QStringLiteral("server"))), QString());
            QVERIFY(ok(cache.submissions().setSyncValue(QStringLiteral("server"), QStringLiteral("http://127.0.0.1:8080"))));
            QVERIFY(ok(cache.submissions().setSyncValue(QStringLiteral("server"), QStringLiteral("http://127.0.0.1:9090"))));
        }
        Cache cache;
        QVERIFY(ok(cache.open(path)));
        QCOMPARE(ok(cache.submissions().syncValue(QStringLiteral("server"))), QStringLiteral("http://127.0.0.1:9090"));
        QCOMPARE(ok(cache.submissions().feedCursor()), QString());
    }
};

QTEST_GUILESS_MAIN(TestSubmissionStore)
#include "tst_submissionstore.moc"
