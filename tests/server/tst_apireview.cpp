#include "ApiTestBase.h"

#include "domain/JsonReader.h"

#include <QJsonDocument>
#include <QUuid>

using namespace assay;
using namespace assay::test;
using namespace Qt::StringLiterals;

// What the review screen's contract added to the writes: every verdict
// recorded as decided, internal notes, the security stage's return, and
// comments marked by who wrote them — over real HTTP on loopback.
class TestApiReview : public ApiTestBase
{
    Q_OBJECT

    QString verdictPath(const QString &id) const { return u"/api/v1/submissions/%1/verdict"_s.arg(id); }

    // The submission as a client reads it (and decodes it: the domain's
    // reader is the client's).
    Submission detail(const QString &id)
    {
        const auto r = http().get(u"/api/v1/submissions/"_s + id, tok("u_carol"));
        JsonReader reader(r.json());
        Submission s = Submission::fromJson(reader);
        if (!reader.ok())
            qFatal("%s: %s", qPrintable(id), qPrintable(reader.error()));
        return s;
    }

    QJsonObject giveBack(qint64 base, const QString &summary = u"csrf.c5 is ticked, but cors.yaml reflects any origin."_s)
    {
        return {{u"decision"_s, u"return"_s}, {u"base_version"_s, base}, {u"summary"_s, summary},
                {u"checklist"_s, QJsonObject{{u"csrf.c5"_s, false}}}, {u"reasons"_s, QJsonArray()},
                {u"notes"_s, QJsonObject{{u"csrf.c5"_s, u"See cors.yaml, line 12."_s}}}};
    }

    static QString field(const HttpClient::Response &r)
    {
        return r.json().value(u"error"_s).toObject().value(u"details"_s).toObject().value(u"field"_s).toString();
    }

private Q_SLOTS:
    void initTestCase() { makeTemplate(); }
    void init() { startServer(); }

    void everyVerdictIsRecordedOldestFirst()
    {
        const QString id = find(SubmissionSummary::Stage::Review, u"u_alice"_s);
        QVERIFY(!id.isEmpty());
        const qint64 v = summaryOf(id).version;
        const qsizetype before = detail(id).verdicts.size();

        QJsonObject first = approve(v);
        first.insert(u"notes"_s, QJsonObject{{u"csrf_protection"_s, u"Middleware matches the answer."_s},
                                             {u"csrf.c1"_s, u"Token checked on every POST."_s}});
        QCOMPARE(http().write("POST", verdictPath(id), tok("u_alice"), first).status, 201);
        const QDateTime approvedAt = m_now;

        m_now = m_now.addSecs(3600);
        const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
        auto r = http().write("POST", verdictPath(id), tok("u_sam"), giveBack(v + 1), key);
        QCOMPARE(r.status, 201);
        const QJsonObject sub = r.json().value(u"submission"_s).toObject();
        QCOMPARE(sub.value(u"stage"_s).toString(), u"review"_s);
        QCOMPARE(sub.value(u"status"_s).toString(), u"in_review"_s);
        QCOMPARE(sub.value(u"assignee"_s).toString(), u"u_alice"_s);
        QCOMPARE(sub.value(u"version"_s).toInt(), v + 2);
        // The partner is not locked out: no resubmission date, no badge.
        QVERIFY(sub.value(u"resubmission_allowed_at"_s).isNull());
        QVERIFY(sub.value(u"badge_expires_at"_s).isNull());
        const auto history = m_market->store().submission(id)->history;
        QCOMPARE(history.last().action, u"returned"_s);
        QCOMPARE(history.last().actor, u"u_sam"_s);
        // A replay records nothing twice.
        QCOMPARE(http().write("POST", verdictPath(id), tok("u_sam"), giveBack(v + 1), key).status, 201);
        QCOMPARE(detail(id).verdicts.size(), before + 2);

        m_now = m_now.addSecs(3600);
        QCOMPARE(http().write("POST", verdictPath(id), tok("u_alice"), approve(v + 2)).status, 201);
        m_now = m_now.addSecs(3600);
        QCOMPARE(http().write("POST", verdictPath(id), tok("u_erin"), approve(v + 3)).status, 201);

        const Submission s = detail(id);
        QCOMPARE(s.verdicts.size(), before + 4);
        const auto recorded = s.verdicts.mid(before);
        using Stage = RecordedVerdict::Stage;
        using D = Verdict::Decision;
        const QList<std::tuple<Stage, D, QString, qint64>> expected = {
            {Stage::Review, D::Approve, u"u_alice"_s, v},
            {Stage::Security, D::Return, u"u_sam"_s, v + 1},
            {Stage::Review, D::Approve, u"u_alice"_s, v + 2},
            {Stage::Security, D::Approve, u"u_erin"_s, v + 3}};
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const auto &[stage, decision, by, version] = expected.at(i);
            QCOMPARE(recorded.at(i).stage, stage);
            QCOMPARE(recorded.at(i).verdict.decision, decision);
            QCOMPARE(recorded.at(i).by, by);
            QCOMPARE(recorded.at(i).version, version);
            QCOMPARE(recorded.at(i).at, approvedAt.addSecs(3600 * i));
        }
        // Exactly as decided: checklist, notes, summary, reasons.
        JsonReader sent(first);
        Verdict decided = Verdict::fromJson(sent);
        QCOMPARE(recorded.at(0).verdict, decided);
        QCOMPARE(recorded.at(1).verdict.summary, u"csrf.c5 is ticked, but cors.yaml reflects any origin."_s);
        QCOMPARE(recorded.at(1).verdict.notes.value(u"csrf.c5"_s), u"See cors.yaml, line 12."_s);
        QCOMPARE(recorded.at(1).verdict.checklist, (QMap<QString, bool>{{u"csrf.c5"_s, false}}));
        // And on the wire, notes are {} where none were sent.
        const QJsonArray wire = http().get(u"/api/v1/submissions/"_s + id, tok("u_bob")).json().value(u"verdicts"_s).toArray();
        QCOMPARE(wire.last().toObject().value(u"notes"_s), QJsonValue(QJsonObject()));
        QCOMPARE(wire.last().toObject().value(u"stage"_s).toString(), u"security"_s);
    }

    // After a return the next review approval is the one four_eyes checks.
    void fourEyesAppliesToTheLatestReviewApproval()
    {
        const auto assignToMax = [this](const QString &id) {
            const qint64 v = summaryOf(id).version;
            return http().write("PUT", u"/api/v1/submissions/%1/assignee"_s.arg(id), tok("u_carol"),
                                {{u"assignee"_s, u"u_max"_s}, {u"base_version"_s, v}}).status;
        };
        const QString id = find(SubmissionSummary::Stage::Review, std::nullopt, SubmissionSummary::Status::Submitted);
        QVERIFY(!id.isEmpty());
        QCOMPARE(assignToMax(id), 200);
        qint64 v = summaryOf(id).version;
        QCOMPARE(http().write("POST", verdictPath(id), tok("u_max"), approve(v)).status, 201);
        QCOMPARE(m_market->store().stored(id)->reviewApprovedBy, u"u_max"_s);
        QCOMPARE(http().write("POST", verdictPath(id), tok("u_erin"), giveBack(v + 1)).status, 201);
        QCOMPARE(m_market->store().stored(id)->reviewApprovedBy, QString());
        // The lead approves the review stage this time: Max may now decide
        // the security stage.
        QCOMPARE(http().write("POST", verdictPath(id), tok("u_carol"), approve(v + 2)).status, 201);
        QCOMPARE(m_market->store().stored(id)->reviewApprovedBy, u"u_carol"_s);
        QCOMPARE(http().write("POST", verdictPath(id), tok("u_max"), approve(v + 3)).status, 201);

        // Max approving the review stage again after a return: still his.
        const QString other = find(SubmissionSummary::Stage::Review, std::nullopt, SubmissionSummary::Status::Submitted);
        QVERIFY(!other.isEmpty() && other != id);
        QCOMPARE(assignToMax(other), 200);
        v = summaryOf(other).version;
        QCOMPARE(http().write("POST", verdictPath(other), tok("u_max"), approve(v)).status, 201);
        QCOMPARE(http().write("POST", verdictPath(other), tok("u_sam"), giveBack(v + 1)).status, 201);
        QCOMPARE(http().write("POST", verdictPath(other), tok("u_max"), approve(v + 2)).status, 201);
        for (const QJsonObject &body : {approve(v + 3), giveBack(v + 3), reject(v + 3)}) {
            const auto r = http().write("POST", verdictPath(other), tok("u_max"), body);
            QCOMPARE(r.status, 403);
            QCOMPARE(r.errorCode(), u"four_eyes"_s);
        }
    }

    void returnRefusals()
    {
        const QString review = find(SubmissionSummary::Stage::Review, u"u_alice"_s);
        const QString security = find(SubmissionSummary::Stage::Security);
        const QString done = find(SubmissionSummary::Stage::Done);
        QVERIFY(!review.isEmpty() && !security.isEmpty() && !done.isEmpty());
        const qint64 rv = summaryOf(review).version, sv = summaryOf(security).version;
        const qsizetype verdictsBefore = detail(review).verdicts.size() + detail(security).verdicts.size();
        // Error order: 409, then 403, then the business rules.
        auto r = http().write("POST", verdictPath(done), tok("u_sam"), giveBack(summaryOf(done).version));
        QCOMPARE(r.status, 409);
        QCOMPARE(r.errorCode(), u"already_decided"_s);
        r = http().write("POST", verdictPath(security), tok("u_sam"), giveBack(sv - 1));
        QCOMPARE(r.errorCode(), u"version_conflict"_s);
        r = http().write("POST", verdictPath(review), tok("u_bob"), giveBack(rv));
        QCOMPARE(r.status, 403); // not the assignee: refused like any decision at review
        QCOMPARE(r.errorCode(), u"forbidden"_s);
        r = http().write("POST", verdictPath(review), tok("u_alice"), giveBack(rv));
        QCOMPARE(r.status, 422); // the assignee: nothing to return it to
        QCOMPARE(field(r), u"/decision"_s);
        r = http().write("POST", verdictPath(review), tok("u_carol"), giveBack(rv));
        QCOMPARE(field(r), u"/decision"_s);
        r = http().write("POST", verdictPath(security), tok("u_alice"), giveBack(sv));
        QCOMPARE(r.status, 403);
        QCOMPARE(r.errorCode(), u"forbidden"_s);
        r = http().write("POST", verdictPath(security), tok("u_carol"), giveBack(sv)); // a lead is not security
        QCOMPARE(r.status, 403);
        QJsonObject withReason = giveBack(sv);
        withReason.insert(u"reasons"_s, reject(sv).value(u"reasons"_s));
        r = http().write("POST", verdictPath(security), tok("u_sam"), withReason);
        QCOMPARE(r.status, 422);
        QCOMPARE(field(r), u"/reasons"_s);
        for (const QString &summary : {QString(), u"  \n "_s}) {
            r = http().write("POST", verdictPath(security), tok("u_sam"), giveBack(sv, summary));
            QCOMPARE(r.status, 422);
            QCOMPARE(field(r), u"/summary"_s);
        }
        QJsonObject noSummary = giveBack(sv);
        noSummary.remove(u"summary"_s);
        QCOMPARE(field(http().write("POST", verdictPath(security), tok("u_sam"), noSummary)), u"/summary"_s);
        // Nothing of it was written.
        QCOMPARE(summaryOf(review).version, rv);
        QCOMPARE(summaryOf(security).version, sv);
        QCOMPARE(detail(review).verdicts.size() + detail(security).verdicts.size(), verdictsBefore);
    }

    void notes_data()
    {
        QTest::addColumn<QJsonValue>("notes");
        QTest::addColumn<int>("baseOffset"); // -1: a stale base_version
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        const QString key65(65, u'k');
        QTest::newRow("unknown key") << QJsonValue(QJsonObject{{u"csrf.c99"_s, u"x"_s}}) << 0 << 422 << u"validation_failed"_s << u"/notes/csrf.c99"_s;
        QTest::newRow("question key, not an item") << QJsonValue(QJsonObject{{u"csrf.1"_s, u"x"_s}}) << 0 << 422 << u"validation_failed"_s << u"/notes/csrf.1"_s;
        // A business rule: after the 409 in the order.
        QTest::newRow("unknown key, stale") << QJsonValue(QJsonObject{{u"csrf.c99"_s, u"x"_s}}) << -1 << 409 << u"version_conflict"_s << QString();
        QTest::newRow("too long") << QJsonValue(QJsonObject{{u"csrf.c1"_s, QString(4001, u'n')}}) << 0 << 422 << u"validation_failed"_s << u"/notes/csrf.c1"_s;
        // A shape error: before the 409.
        QTest::newRow("too long, stale") << QJsonValue(QJsonObject{{u"csrf.c1"_s, QString(4001, u'n')}}) << -1 << 422 << u"validation_failed"_s << u"/notes/csrf.c1"_s;
        QTest::newRow("key too long") << QJsonValue(QJsonObject{{key65, u"x"_s}}) << 0 << 422 << u"validation_failed"_s << u"/notes/"_s + key65.left(64);
        QTest::newRow("not text") << QJsonValue(QJsonObject{{u"csrf.c1"_s, 7}}) << 0 << 422 << u"validation_failed"_s << u"/notes/csrf.c1"_s;
        QTest::newRow("not an object") << QJsonValue(QJsonArray{u"csrf.c1"_s}) << 0 << 422 << u"validation_failed"_s << u"/notes"_s;
        QString emoji;
        for (int i = 0; i < 4000; ++i)
            emoji += QString::fromUtf8("\xF0\x9F\x94\x90");
        QTest::newRow("4000 code points") << QJsonValue(QJsonObject{{u"csrf_protection"_s, emoji}, {u"csrf.c1"_s, u""_s}}) << 0 << 201 << QString() << QString();
    }
    void notes()
    {
        QFETCH(QJsonValue, notes);
        QFETCH(int, baseOffset);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, field);
        const QString id = find(SubmissionSummary::Stage::Review, u"u_alice"_s);
        const qint64 v = summaryOf(id).version;
        const qsizetype before = detail(id).verdicts.size();
        QJsonObject body = reject(v + baseOffset);
        body.insert(u"notes"_s, notes);
        const auto r = http().write("POST", verdictPath(id), tok("u_alice"), body);
        QCOMPARE(r.status, status);
        if (status != 201) {
            QCOMPARE(r.errorCode(), code);
            QCOMPARE(TestApiReview::field(r), field);
            QCOMPARE(detail(id).verdicts.size(), before);
            return;
        }
        const Submission s = detail(id);
        QCOMPARE(s.verdicts.size(), before + 1);
        QCOMPARE(s.verdicts.last().verdict.notes.value(u"csrf_protection"_s), notes.toObject().value(u"csrf_protection"_s).toString());
        QVERIFY(s.verdicts.last().verdict.notes.contains(u"csrf.c1"_s));
    }

    void commentsPostedHereAreTheMarketplaces()
    {
        const QString id = find(SubmissionSummary::Stage::Review, u"u_bob"_s);
        const auto r = http().write("POST", u"/api/v1/submissions/%1/comments"_s.arg(id), tok("u_bob"),
                                    {{u"body"_s, u"Please attach the CORS configuration."_s}, {u"visibility"_s, u"partner"_s}});
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value(u"from"_s).toString(), u"marketplace"_s);
        const Comment last = detail(id).comments.last();
        QCOMPARE(last.from, Comment::From::Marketplace);
        QCOMPARE(last.author, u"u_bob"_s);
        // A client cannot pose as the partner.
        const auto posing = http().write("POST", u"/api/v1/submissions/%1/comments"_s.arg(id), tok("u_bob"),
                                         {{u"body"_s, u"x"_s}, {u"visibility"_s, u"partner"_s}, {u"from"_s, u"partner"_s}});
        QCOMPARE(posing.errorCode(), u"unknown_field"_s);
    }

    // Seeded partner replies read back as the partner's.
    void seededPartnerRepliesReadBack()
    {
        const auto page = m_market->store().feed(0, 100000);
        int replies = 0;
        for (const SubmissionSummary &s : page->items) {
            for (const Comment &c : detail(s.id).comments) {
                if (c.from != Comment::From::Partner)
                    continue;
                ++replies;
                QCOMPARE(c.author, s.partnerId);
                QCOMPARE(c.visibility, Comment::Visibility::Partner);
            }
        }
        QVERIFY(replies >= 1);
    }
};

QTEST_MAIN(TestApiReview)
#include "tst_apireview.moc"
