#include "common/HttpClient.h"
#include "common/LoopbackMarketplace.h"
#include "domain/JsonReader.h"
#include "domain/Questionnaire.h"
#include "server/Revalidations.h"
#include "server/Seeder.h"
#include "server/ServerStore.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace assay;
using namespace assay::server;
using namespace assay::test;
using namespace Qt::StringLiterals;

// The yearly re-validation (api.md, `kind`) on the reference server, with its
// clock pinned: opened 30 days before a badge expires (not a day earlier,
// never twice), pre-filled with the approved answers; an approve renews the
// badge for a year from the decision, a reject lets it lapse. Each test has
// its own store holding one approved submission whose dates it knows.
class TestRevalidation : public QObject
{
    Q_OBJECT

private:
    // The approved submission's badge expires here.
    const QDateTime m_expiry = QDateTime(QDate(2026, 6, 10), QTime(12, 0), QTimeZone::UTC);
    const QString m_approved = u"s_00001"_s;
    QDateTime m_now;
    std::unique_ptr<LoopbackMarketplace> m_market;
    std::unique_ptr<HttpClient> m_http;

    static QString tok(const char *user) { return LoopbackMarketplace::token(QString::fromLatin1(user)); }

    static QString sha(const QByteArray &content)
    {
        return QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
    }

    // An approved submission: every question answered, two evidence files
    // linked from the first answers, the badge expiring at `expiry`.
    static Submission approvedSubmission(const QString &id, const QString &appId, const QDateTime &expiry)
    {
        const auto q = Questionnaire::builtin(u"2026.1"_s);
        Submission s;
        SubmissionSummary &sum = s.summary;
        sum.id = id;
        sum.version = 4;
        sum.appId = appId;
        sum.appName = u"Timesheets Pro"_s;
        sum.partnerId = u"p_1"_s;
        sum.partnerName = u"Acme Apps"_s;
        sum.questionnaireVersion = q->version;
        sum.status = SubmissionSummary::Status::Approved;
        sum.stage = SubmissionSummary::Stage::Done;
        sum.assignee = u"u_alice"_s;
        sum.submittedAt = expiry.addYears(-1).addDays(-20);
        sum.updatedAt = expiry.addYears(-1);
        sum.badgeExpiresAt = expiry;
        const QStringList keys = q->questionKeys();
        for (qsizetype i = 0; i < keys.size(); ++i)
            s.answers.append(Answer{keys.at(i), u"%1 answer %2 of %3."_s.arg(id).arg(i).arg(keys.at(i)), {}});
        const QByteArray one = "def csrf_protect(view): ...\n", two = "MFA is enforced for every employee.\n";
        s.evidence = {EvidenceItem{id + u"-e1"_s, u"csrf.py"_s, u"text/x-python"_s, one.size(), sha(one),
                                   EvidenceItem::LocalState::Absent},
                      EvidenceItem{id + u"-e2"_s, u"mfa.txt"_s, u"text/plain"_s, two.size(), sha(two),
                                   EvidenceItem::LocalState::Absent}};
        s.answers[0].evidenceIds = {s.evidence.at(0).id, s.evidence.at(1).id};
        s.answers[1].evidenceIds = {s.evidence.at(1).id};
        s.history.append(HistoryEntry{sum.submittedAt, sum.partnerId, u"submitted"_s, {}});
        return s;
    }

    static bool insert(ServerStore &store, const Submission &s, const QString &reviewApprovedBy = u"u_bob"_s)
    {
        return store.transaction() && store.insertBlob(sha("def csrf_protect(view): ...\n"), "def csrf_protect(view): ...\n")
            && store.insertBlob(sha("MFA is enforced for every employee.\n"), "MFA is enforced for every employee.\n")
            && store.insertSubmission(s, reviewApprovedBy) && store.commit();
    }

    ServerStore &store() { return m_market->store(); }

    // The feed as a client sees it, oldest change first.
    QJsonArray feed()
    {
        const auto r = m_http->get(u"/api/v1/submissions?limit=500"_s, tok("u_carol"));
        if (r.status != 200)
            qFatal("feed: %d", r.status);
        return r.json().value(u"items"_s).toArray();
    }

    QJsonObject details(const QString &id)
    {
        const auto r = m_http->get(u"/api/v1/submissions/"_s + id, tok("u_carol"));
        if (r.status != 200)
            qFatal("details of %s: %d", qPrintable(id), r.status);
        return r.json();
    }

    // The re-validations whose previous submission is `of`.
    QList<SubmissionSummary> revalidationsOf(const QString &of)
    {
        QList<SubmissionSummary> out;
        const auto page = store().feed(0, 100000);
        for (const SubmissionSummary &s : page->items) {
            if (s.kind == SubmissionSummary::Kind::Revalidation && s.previousSubmissionId == of)
                out.append(s);
        }
        return out;
    }

    // Opens the approved submission's re-validation (the clock at 30 days
    // before expiry), then moves the clock to `decisionAt` and has the lead
    // assign it to Alice. Returns its id.
    QString openAndAssign(const QDateTime &decisionAt)
    {
        m_now = m_expiry.addDays(-30);
        std::ignore = feed(); // what the request shows is not the point here: it opens it
        const auto opened = revalidationsOf(m_approved);
        if (opened.size() != 1)
            return {};
        m_now = decisionAt;
        const auto r = m_http->write("PUT", u"/api/v1/submissions/%1/assignee"_s.arg(opened.first().id), tok("u_carol"),
                                     QJsonObject{{u"assignee"_s, u"u_alice"_s}, {u"base_version"_s, 1}});
        return r.status == 200 ? opened.first().id : QString();
    }

    static QJsonObject allTicked()
    {
        QJsonObject checks;
        for (const QString &k : Questionnaire::builtin(u"2026.1"_s)->requiredChecklistKeys())
            checks.insert(k, true);
        return checks;
    }

    HttpClient::Response decide(const char *user, const QString &id, const QString &decision, qint64 base)
    {
        QJsonObject body{{u"decision"_s, decision}, {u"base_version"_s, base}, {u"summary"_s, u"Checked again."_s},
                         {u"checklist"_s, decision == u"approve"_s ? allTicked() : QJsonObject()},
                         {u"reasons"_s, QJsonArray()}};
        if (decision == u"reject"_s) {
            // Kept while its category is read (a reference into the
            // temporary optional dangled: ASan caught it).
            const std::optional<Questionnaire> questionnaire = Questionnaire::builtin(u"2026.1"_s);
            const Questionnaire::Category &c = questionnaire->categories.at(3);
            body.insert(u"reasons"_s, QJsonArray{QJsonObject{{u"category"_s, c.key},
                                                             {u"code"_s, c.rejectionReasons.first().code},
                                                             {u"note"_s, u"The token check is gone."_s}}});
        }
        return m_http->write("POST", u"/api/v1/submissions/%1/verdict"_s.arg(id), tok(user), body);
    }

    static QString program() { return qEnvironmentVariable("ASSAY_BIN_DIR") + u"/assay-marketplace"_s; }

private Q_SLOTS:
    void init()
    {
        m_now = m_expiry.addDays(-200);
        ApiServer::Options options = LoopbackMarketplace::quietOptions();
        options.clock = [this] { return m_now; };
        m_market = std::make_unique<LoopbackMarketplace>(0, options);
        QVERIFY2(m_market->ok(), qPrintable(m_market->error()));
        QVERIFY2(insert(store(), approvedSubmission(m_approved, u"a_1"_s, m_expiry)), qPrintable(store().errorString()));
        m_http = std::make_unique<HttpClient>(m_market->url());
    }

    void cleanup()
    {
        m_http.reset();
        m_market.reset();
    }

    void notOpenedBefore30Days()
    {
        m_now = m_expiry.addDays(-31);
        QCOMPARE(feed().size(), 1);
        m_now = m_expiry.addDays(-30).addSecs(-1);
        QCOMPARE(feed().size(), 1);
        QCOMPARE(store().submissionCount(), 1);
    }

    void openedAt30DaysPrefilled()
    {
        const SubmissionSummary before = store().stored(m_approved)->summary;
        m_now = m_expiry.addDays(-30);
        const QJsonArray items = feed();
        QCOMPARE(items.size(), 2);
        // At the head of the feed: changed last, when it was opened.
        const QJsonObject opened = items.last().toObject();
        const QString id = opened.value(u"id"_s).toString();
        QCOMPARE(id, u"s_00002"_s);
        QCOMPARE(opened.value(u"kind"_s).toString(), u"revalidation"_s);
        QCOMPARE(opened.value(u"previous_submission_id"_s).toString(), m_approved);
        QCOMPARE(opened.value(u"status"_s).toString(), u"submitted"_s);
        QCOMPARE(opened.value(u"stage"_s).toString(), u"review"_s);
        QVERIFY(opened.value(u"assignee"_s).isNull());
        QCOMPARE(opened.value(u"version"_s).toInteger(), 1);
        QCOMPARE(opened.value(u"app"_s).toObject().value(u"id"_s).toString(), u"a_1"_s);
        QCOMPARE(opened.value(u"questionnaire_version"_s).toString(), u"2026.1"_s);
        QCOMPARE(opened.value(u"submitted_at"_s).toString(), u"2026-05-11T12:00:00Z"_s);
        QCOMPARE(opened.value(u"updated_at"_s).toString(), u"2026-05-11T12:00:00Z"_s);
        QVERIFY(opened.value(u"badge_expires_at"_s).isNull());
        QVERIFY(opened.value(u"resubmission_allowed_at"_s).isNull());

        // The approved answers, their evidence the same files under ids of
        // the new submission, each link pointing at the same file as before.
        const Submission approved = *store().submission(m_approved);
        const QJsonObject d = details(id);
        const QJsonArray answers = d.value(u"answers"_s).toArray();
        QCOMPARE(answers.size(), approved.answers.size());
        QHash<QString, QString> shaOf;
        for (const QJsonValue &e : d.value(u"evidence"_s).toArray())
            shaOf.insert(e.toObject().value(u"id"_s).toString(), e.toObject().value(u"sha256"_s).toString());
        QCOMPARE(shaOf.size(), approved.evidence.size());
        for (qsizetype i = 0; i < answers.size(); ++i) {
            const QJsonObject a = answers.at(i).toObject();
            QCOMPARE(a.value(u"question_key"_s).toString(), approved.answers.at(i).questionKey);
            QCOMPARE(a.value(u"text"_s).toString(), approved.answers.at(i).text);
            const QJsonArray links = a.value(u"evidence_ids"_s).toArray();
            QCOMPARE(links.size(), approved.answers.at(i).evidenceIds.size());
            for (qsizetype k = 0; k < links.size(); ++k) {
                const QString link = links.at(k).toString();
                QVERIFY2(shaOf.contains(link), qPrintable(link));
                QVERIFY(!link.startsWith(m_approved));
                const QString was = approved.answers.at(i).evidenceIds.at(k);
                const auto it = std::find_if(approved.evidence.cbegin(), approved.evidence.cend(),
                                             [&](const EvidenceItem &e) { return e.id == was; });
                QCOMPARE(shaOf.value(link), it->sha256);
            }
        }
        // The bytes are served under the new id.
        const QString firstLink = answers.first().toObject().value(u"evidence_ids"_s).toArray().first().toString();
        const auto bytes = m_http->get(u"/api/v1/evidence/"_s + firstLink, tok("u_alice"));
        QCOMPARE(bytes.status, 200);
        QCOMPARE(bytes.body, QByteArray("def csrf_protect(view): ...\n"));
        // The history says who opened it and why.
        const QJsonArray history = d.value(u"history"_s).toArray();
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.first().toObject().value(u"action"_s).toString(), u"revalidation_opened"_s);
        QCOMPARE(history.first().toObject().value(u"actor"_s).toString(), u"marketplace"_s);
        QCOMPARE(history.first().toObject().value(u"detail"_s).toObject().value(u"badge_expires_at"_s).toString(),
                 u"2026-06-10T12:00:00Z"_s);
        QVERIFY(d.value(u"verdicts"_s).toArray().isEmpty());
        QVERIFY(d.value(u"comments"_s).toArray().isEmpty());

        // The approved submission itself is untouched (no new version, no
        // feed entry of its own).
        QCOMPARE(store().stored(m_approved)->summary, before);
    }

    // Checked on every request, but a badge gets one re-validation: not
    // again on the next request, a later day, or once it has been decided.
    void neverTwiceForABadge()
    {
        m_now = m_expiry.addDays(-30);
        QCOMPARE(feed().size(), 2);
        QCOMPARE(m_http->get(u"/api/v1/me"_s, tok("u_alice")).status, 200);
        QCOMPARE(feed().size(), 2);
        m_now = m_expiry.addDays(-3);
        QCOMPARE(m_http->get(u"/api/v1/submissions/"_s + m_approved, tok("u_alice")).status, 200);
        QCOMPARE(store().submissionCount(), 2);
        QCOMPARE(revalidationsOf(m_approved).size(), 1);
    }

    void approveRenewsTheBadgeForAYear()
    {
        const QDateTime decided = m_expiry.addDays(-12).addSecs(4321);
        const QString id = openAndAssign(decided.addDays(-1));
        QVERIFY(!id.isEmpty());
        QCOMPARE(decide("u_alice", id, u"approve"_s, 2).status, 201);
        m_now = decided;
        const auto r = decide("u_sam", id, u"approve"_s, 3);
        QCOMPARE(r.status, 201);
        const QJsonObject sum = r.json().value(u"submission"_s).toObject();
        QCOMPARE(sum.value(u"status"_s).toString(), u"approved"_s);
        QCOMPARE(sum.value(u"stage"_s).toString(), u"done"_s);
        // A year from the decision, not from the old expiry.
        QCOMPARE(sum.value(u"badge_expires_at"_s).toString(), u"2027-05-29T13:12:01Z"_s);
        QCOMPARE(JsonReader::parseTimestamp(sum.value(u"badge_expires_at"_s).toString()), decided.addYears(1));
        QCOMPARE(store().stored(m_approved)->summary.badgeExpiresAt, m_expiry);

        // The renewed badge is re-validated in its turn, and the old one
        // (superseded) never again.
        m_now = decided.addYears(1).addDays(-31);
        QCOMPARE(feed().size(), 2);
        m_now = decided.addYears(1).addDays(-30);
        QCOMPARE(feed().size(), 3);
        QCOMPARE(revalidationsOf(id).size(), 1);
        QCOMPARE(revalidationsOf(m_approved).size(), 1);
        QCOMPARE(revalidationsOf(id).first().submittedAt, m_now);
    }

    void rejectLetsTheBadgeLapse()
    {
        const QDateTime decided = m_expiry.addDays(-9);
        const QString id = openAndAssign(decided);
        QVERIFY(!id.isEmpty());
        const auto r = decide("u_alice", id, u"reject"_s, 2);
        QCOMPARE(r.status, 201);
        const QJsonObject sum = r.json().value(u"submission"_s).toObject();
        QCOMPARE(sum.value(u"status"_s).toString(), u"rejected"_s);
        QVERIFY(sum.value(u"badge_expires_at"_s).isNull());
        QCOMPARE(JsonReader::parseTimestamp(sum.value(u"resubmission_allowed_at"_s).toString()), decided.addMonths(3));
        // The badge runs out when it was going to, and nothing reopens.
        QCOMPARE(store().stored(m_approved)->summary.badgeExpiresAt, m_expiry);
        QCOMPARE(store().stored(m_approved)->summary.status, SubmissionSummary::Status::Approved);
        m_now = m_expiry.addDays(1);
        QCOMPARE(feed().size(), 2);
        m_now = m_expiry.addYears(2);
        QCOMPARE(feed().size(), 2);
    }

    // A later submission of the app still open holds the re-validation back;
    // once it is decided (not approved), the badge gets its re-validation.
    void aLaterOpenSubmissionHoldsItBack()
    {
        Submission later = approvedSubmission(u"s_00002"_s, u"a_1"_s, m_expiry);
        later.summary.status = SubmissionSummary::Status::InReview;
        later.summary.stage = SubmissionSummary::Stage::Review;
        later.summary.version = 2;
        later.summary.badgeExpiresAt.reset();
        later.summary.submittedAt = m_expiry.addDays(-60);
        later.summary.updatedAt = later.summary.submittedAt;
        later.summary.kind = SubmissionSummary::Kind::Revalidation;
        later.summary.previousSubmissionId.reset(); // not this badge's re-validation
        for (EvidenceItem &e : later.evidence)
            e.id += u"-later"_s;
        for (Answer &a : later.answers) {
            for (QString &e : a.evidenceIds)
                e += u"-later"_s;
        }
        QVERIFY(insert(store(), later, QString()));
        m_now = m_expiry.addDays(-20);
        QCOMPARE(feed().size(), 2);
        QCOMPARE(revalidationsOf(m_approved).size(), 0);
        // The lead rejects it at review.
        QCOMPARE(decide("u_carol", u"s_00002"_s, u"reject"_s, 2).status, 201);
        QCOMPARE(feed().size(), 3);
        QCOMPARE(revalidationsOf(m_approved).size(), 1);
        QCOMPARE(revalidationsOf(m_approved).first().id, u"s_00003"_s);
    }

    // A badge a later approval of the app replaced is not re-validated.
    void aSupersededBadgeIsNot()
    {
        Submission newer = approvedSubmission(u"s_00002"_s, u"a_1"_s, m_expiry.addDays(100));
        for (EvidenceItem &e : newer.evidence)
            e.id += u"-newer"_s;
        for (Answer &a : newer.answers) {
            for (QString &e : a.evidenceIds)
                e += u"-newer"_s;
        }
        QVERIFY(insert(store(), newer));
        m_now = m_expiry.addDays(-1);
        QCOMPARE(feed().size(), 2);
        m_now = m_expiry.addDays(75);
        QCOMPARE(feed().size(), 3);
        QCOMPARE(revalidationsOf(u"s_00002"_s).size(), 1);
        QCOMPARE(revalidationsOf(m_approved).size(), 0);
    }

    // The check is one lookup in an index of the badges still waiting.
    void theCheckUsesItsIndex()
    {
        QSqlQuery q(store().database());
        QVERIFY(q.exec(u"EXPLAIN QUERY PLAN SELECT id FROM submissions WHERE status = 'approved' "
                       u"AND revalidation_handled = 0 AND badge_expires_at <= '2026-01-01T00:00:00Z' "
                       u"ORDER BY badge_expires_at, id"_s));
        QString plan;
        while (q.next())
            plan += q.value(3).toString() + u'\n';
        QVERIFY2(plan.contains(u"USING INDEX submissions_badge_due"_s), qPrintable(plan));
        QVERIFY2(!plan.contains(u"SCAN submissions\n"_s), qPrintable(plan));
    }

    // --now through the real program: the pinned clock decides what is due
    // and stamps what the server records.
    void nowPinsTheProgramsClock()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString db = dir.filePath(u"m.sqlite"_s);
        {
            ServerStore file;
            QVERIFY2(file.open(db), qPrintable(file.errorString()));
            for (User u : Seeder::demoUsers()) {
                u.token = LoopbackMarketplace::token(u.id);
                QVERIFY(file.addUser(u));
            }
            QVERIFY(insert(file, approvedSubmission(m_approved, u"a_1"_s, m_expiry)));
        }
        auto serve = [&](const QString &now, QProcess &p) -> QString {
            p.start(program(), {u"--listen"_s, u"127.0.0.1:0"_s, u"--db"_s, db, u"--quiet"_s, u"--now"_s, now});
            if (!p.waitForStarted() || !p.waitForReadyRead(60000))
                return {};
            const QString line = QString::fromUtf8(p.readLine()).trimmed();
            return line.startsWith(u"listening on "_s) ? line.mid(13) : QString();
        };
        auto stop = [](QProcess &p) {
            p.terminate();
            return p.waitForFinished(10000) && p.exitCode() == 0;
        };
        {
            QProcess p;
            const QString url = serve(u"2026-05-10T12:00:00Z"_s, p);
            QVERIFY(!url.isEmpty());
            HttpClient http{QUrl(url)};
            QCOMPARE(http.get(u"/api/v1/submissions"_s, tok("u_carol")).json().value(u"items"_s).toArray().size(), 1);
            QVERIFY(stop(p));
        }
        QProcess p;
        // Another offset, the same instant as 2026-05-11T12:00:00Z: 30 days before.
        const QString url = serve(u"2026-05-11T14:00:00+02:00"_s, p);
        QVERIFY(!url.isEmpty());
        HttpClient http{QUrl(url)};
        const QJsonArray items = http.get(u"/api/v1/submissions"_s, tok("u_carol")).json().value(u"items"_s).toArray();
        QCOMPARE(items.size(), 2);
        const QJsonObject opened = items.last().toObject();
        QCOMPARE(opened.value(u"kind"_s).toString(), u"revalidation"_s);
        QCOMPARE(opened.value(u"submitted_at"_s).toString(), u"2026-05-11T12:00:00Z"_s);
        // A write is stamped with the pinned time too.
        const auto c = http.write("POST", u"/api/v1/submissions/%1/comments"_s.arg(opened.value(u"id"_s).toString()),
                                  tok("u_alice"), QJsonObject{{u"body"_s, u"Due again."_s}, {u"visibility"_s, u"internal"_s}});
        QCOMPARE(c.status, 201);
        QCOMPARE(c.json().value(u"created_at"_s).toString(), u"2026-05-11T12:00:00Z"_s);
        QVERIFY(stop(p));
    }

    void malformedNowIsRefused_data()
    {
        QTest::addColumn<QString>("now");
        QTest::newRow("a word") << u"tomorrow"_s;
        QTest::newRow("a bare date") << u"2026-05-11"_s;
        QTest::newRow("no offset") << u"2026-05-11T12:00:00"_s;
        QTest::newRow("no such day") << u"2026-02-30T12:00:00Z"_s;
        QTest::newRow("empty") << QString();
    }
    void malformedNowIsRefused()
    {
        QFETCH(QString, now);
        QProcess p;
        p.start(program(), {u"--listen"_s, u"127.0.0.1:0"_s, u"--now"_s, now});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardOutput().isEmpty()); // never listened
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains(u"--now takes an RFC 3339 time"_s), qPrintable(err));
    }
};

QTEST_MAIN(TestRevalidation)
#include "tst_revalidation.moc"
