#include "ApiTestBase.h"

#include "domain/JsonReader.h"

#include <QJsonDocument>
#include <QUuid>

using namespace assay;
using namespace assay::test;
using namespace Qt::StringLiterals;

// The review API's writes — verdicts, assignment, comments — and their
// rules (strictness, precedence, idempotency), over real HTTP on loopback.
class TestApiWrites : public ApiTestBase
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { makeTemplate(); }
    void init() { startServer(); }

    // --- verdicts -------------------------------------------------------------

    void twoStageApprovalWithBadgeDate()
    {
        const QString id = find(SubmissionSummary::Stage::Review, u"u_alice"_s);
        QVERIFY(!id.isEmpty());
        const qint64 v = summaryOf(id).version;
        auto r = http().write("POST", u"/api/v1/submissions/%1/verdict"_s.arg(id), tok("u_alice"), approve(v));
        QCOMPARE(r.status, 201);
        QJsonObject sub = r.json().value(u"submission"_s).toObject();
        QCOMPARE(sub.value(u"stage"_s).toString(), u"security"_s);
        QCOMPARE(sub.value(u"status"_s).toString(), u"in_review"_s);
        QCOMPARE(sub.value(u"version"_s).toInt(), v + 1);
        QCOMPARE(summaryOf(id).version, v + 1);

        // The reviewer cannot also decide the security stage.
        r = http().write("POST", u"/api/v1/submissions/%1/verdict"_s.arg(id), tok("u_alice"), approve(v + 1));
        QCOMPARE(r.status, 403);
        QCOMPARE(r.errorCode(), u"forbidden"_s);

        m_now = QDateTime(QDate(2028, 2, 29), QTime(12, 0), QTimeZone::UTC);
        r = http().write("POST", u"/api/v1/submissions/%1/verdict"_s.arg(id), tok("u_sam"), approve(v + 1));
        QCOMPARE(r.status, 201);
        sub = r.json().value(u"submission"_s).toObject();
        QCOMPARE(sub.value(u"status"_s).toString(), u"approved"_s);
        QCOMPARE(sub.value(u"stage"_s).toString(), u"done"_s);
        QCOMPARE(sub.value(u"badge_expires_at"_s).toString(), u"2029-02-28T12:00:00Z"_s); // clamped
        QVERIFY(sub.value(u"resubmission_allowed_at"_s).isNull());

        r = http().write("POST", u"/api/v1/submissions/%1/verdict"_s.arg(id), tok("u_erin"), approve(v + 2));
        QCOMPARE(r.status, 409);
        QCOMPARE(r.errorCode(), u"already_decided"_s);
        const auto history = m_market->store().submission(id)->history;
        QCOMPARE(history.at(history.size() - 2).action, u"approved_review"_s);
        QCOMPARE(history.last().action, u"approved"_s);
        QCOMPARE(history.last().actor, u"u_sam"_s);
    }

    void fourEyes()
    {
        // u_max is reviewer and security: may approve one stage, not both.
        const QString id = find(SubmissionSummary::Stage::Review);
        const qint64 v = summaryOf(id).version;
        QCOMPARE(http().write("PUT", u"/api/v1/submissions/%1/assignee"_s.arg(id), tok("u_carol"),
                              {{u"assignee"_s, u"u_max"_s}, {u"base_version"_s, v}}).status, 200);
        QCOMPARE(http().write("POST", u"/api/v1/submissions/%1/verdict"_s.arg(id), tok("u_max"), approve(v + 1)).status, 201);
        auto r = http().write("POST", u"/api/v1/submissions/%1/verdict"_s.arg(id), tok("u_max"), approve(v + 2));
        QCOMPARE(r.status, 403);
        QCOMPARE(r.errorCode(), u"four_eyes"_s);
        QCOMPARE(http().write("POST", u"/api/v1/submissions/%1/verdict"_s.arg(id), tok("u_erin"), approve(v + 2)).status, 201);
    }

    void rejectionWithResubmissionDate()
    {
        const QString id = find(SubmissionSummary::Stage::Review, u"u_bob"_s);
        QVERIFY(!id.isEmpty());
        m_now = QDateTime(QDate(2026, 11, 30), QTime(8, 30), QTimeZone::UTC);
        const auto r = http().write("POST", u"/api/v1/submissions/%1/verdict"_s.arg(id), tok("u_bob"), reject(summaryOf(id).version));
        QCOMPARE(r.status, 201);
        const QJsonObject sub = r.json().value(u"submission"_s).toObject();
        QCOMPARE(sub.value(u"status"_s).toString(), u"rejected"_s);
        QCOMPARE(sub.value(u"resubmission_allowed_at"_s).toString(), u"2027-02-28T08:30:00Z"_s);
        QVERIFY(sub.value(u"badge_expires_at"_s).isNull());
    }

    void leadMayDecideAtReviewOthersMayNot()
    {
        const QString id = find(SubmissionSummary::Stage::Review, u"u_alice"_s);
        const qint64 v = summaryOf(id).version;
        auto r = http().write("POST", u"/api/v1/submissions/%1/verdict"_s.arg(id), tok("u_bob"), approve(v));
        QCOMPARE(r.status, 403);
        r = http().write("POST", u"/api/v1/submissions/%1/verdict"_s.arg(id), tok("u_sam"), approve(v));
        QCOMPARE(r.status, 403);
        QCOMPARE(summaryOf(id).version, v); // refused: nothing written
        r = http().write("POST", u"/api/v1/submissions/%1/verdict"_s.arg(id), tok("u_carol"), reject(v));
        QCOMPARE(r.status, 201);
    }

    void staleVersionIsAConflictWithTheCurrentState()
    {
        const QString id = find(SubmissionSummary::Stage::Review, u"u_alice"_s);
        const qint64 v = summaryOf(id).version;
        const auto r = http().write("POST", u"/api/v1/submissions/%1/verdict"_s.arg(id), tok("u_alice"), approve(v - 1));
        QCOMPARE(r.status, 409);
        QCOMPARE(r.errorCode(), u"version_conflict"_s);
        JsonReader reader(r.json().value(u"error"_s).toObject().value(u"details"_s).toObject().value(u"current"_s).toObject());
        const SubmissionSummary current = SubmissionSummary::fromJson(reader);
        QVERIFY2(reader.ok(), qPrintable(reader.error()));
        QCOMPARE(current.id, id);
        QCOMPARE(current.version, v);
        QCOMPARE(current.stage, SubmissionSummary::Stage::Review);
        QCOMPARE(current.assignee, std::optional<QString>(u"u_alice"_s));
        // As GET /submissions/{id} shows it.
        JsonReader detail(http().get(u"/api/v1/submissions/"_s + id, tok("u_alice")).json());
        QCOMPARE(current, SubmissionSummary::fromJson(detail));
    }

    void verdictBusinessRules_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("field");
        QTest::newRow("reject without reasons") << u"reject-no-reasons"_s << u"/reasons"_s;
        QTest::newRow("reason of another category") << u"reason-wrong-category"_s << u"/reasons/0/code"_s;
        QTest::newRow("unknown category") << u"unknown-category"_s << u"/reasons/0/category"_s;
        QTest::newRow("approve with a reason") << u"approve-with-reason"_s << u"/reasons"_s;
        QTest::newRow("approve missing a required item") << u"approve-unticked"_s << u"/checklist"_s;
        QTest::newRow("unknown checklist key") << u"unknown-check"_s << u"/checklist/csrf.c99"_s;
    }
    void verdictBusinessRules()
    {
        QFETCH(QString, change);
        QFETCH(QString, field);
        const QString id = find(SubmissionSummary::Stage::Review, u"u_alice"_s);
        const qint64 v = summaryOf(id).version;
        const auto historyBefore = m_market->store().submission(id)->history.size();
        QJsonObject body = change.startsWith(u"approve"_s) || change == u"unknown-check"_s ? approve(v) : reject(v);
        if (change == u"reject-no-reasons"_s)
            body.insert(u"reasons"_s, QJsonArray());
        if (change == u"reason-wrong-category"_s || change == u"unknown-category"_s || change == u"approve-with-reason"_s) {
            QJsonObject reason{{u"category"_s, change == u"unknown-category"_s ? u"astrology"_s : u"employee_mfa"_s},
                               {u"code"_s, reject(v).value(u"reasons"_s).toArray().at(0).toObject().value(u"code"_s)}};
            body.insert(u"reasons"_s, QJsonArray{reason});
        }
        if (change == u"approve-unticked"_s) {
            QJsonObject checks = body.value(u"checklist"_s).toObject();
            checks.insert(checks.begin().key(), false);
            body.insert(u"checklist"_s, checks);
        }
        if (change == u"unknown-check"_s) {
            QJsonObject checks = body.value(u"checklist"_s).toObject();
            checks.insert(u"csrf.c99"_s, true);
            body.insert(u"checklist"_s, checks);
        }
        const auto r = http().write("POST", u"/api/v1/submissions/%1/verdict"_s.arg(id), tok("u_alice"), body);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.errorCode(), u"validation_failed"_s);
        QCOMPARE(r.json().value(u"error"_s).toObject().value(u"details"_s).toObject().value(u"field"_s).toString(), field);
        QCOMPARE(summaryOf(id).version, v);
        QCOMPARE(m_market->store().submission(id)->history.size(), historyBefore);
    }

    void writesAreStrict_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        const QByteArray ok = R"("decision":"reject","base_version":VERSION,"checklist":{},"reasons":[{"category":"csrf_protection","code":"CODE"}])";
        QTest::newRow("mass assignment: status") << QByteArray("{" + ok + R"(,"status":"approved"})") << 422 << u"unknown_field"_s << u"/status"_s;
        QTest::newRow("mass assignment: version") << QByteArray("{" + ok + R"(,"version":99})") << 422 << u"unknown_field"_s << u"/version"_s;
        QTest::newRow("mass assignment: badge") << QByteArray("{" + ok + R"(,"badge_expires_at":"2099-01-01T00:00:00Z"})") << 422 << u"unknown_field"_s << u"/badge_expires_at"_s;
        QTest::newRow("nested unknown field") << QByteArray(R"({"decision":"reject","base_version":VERSION,"checklist":{},"reasons":[{"category":"csrf_protection","code":"CODE","severity":"high"}]})") << 422 << u"unknown_field"_s << u"/reasons/0/severity"_s;
        QTest::newRow("missing field") << QByteArray(R"({"decision":"reject","base_version":VERSION,"checklist":{}})") << 422 << u"validation_failed"_s << u"/reasons"_s;
        QTest::newRow("wrong type") << QByteArray(R"({"decision":"reject","base_version":"VERSION","checklist":{},"reasons":[]})") << 422 << u"validation_failed"_s << u"/base_version"_s;
        QTest::newRow("unknown decision") << QByteArray(R"({"decision":"maybe","base_version":VERSION,"checklist":{},"reasons":[]})") << 422 << u"validation_failed"_s << u"/decision"_s;
        QTest::newRow("tick not a boolean") << QByteArray(R"({"decision":"reject","base_version":VERSION,"checklist":{"csrf.c1":1},"reasons":[]})") << 422 << u"validation_failed"_s << u"/checklist/csrf.c1"_s;
        QTest::newRow("summary too long") << QByteArray(R"({"decision":"reject","base_version":VERSION,"summary":")" + QByteArray(20001, 'x') + R"(","checklist":{},"reasons":[]})") << 422 << u"validation_failed"_s << u"/summary"_s;
        QTest::newRow("note too long") << QByteArray(R"({"decision":"reject","base_version":VERSION,"checklist":{},"reasons":[{"category":"csrf_protection","code":"CODE","note":")" + QByteArray(4001, 'n') + R"("}]})") << 422 << u"validation_failed"_s << u"/reasons/0/note"_s;
        QTest::newRow("malformed JSON") << QByteArray(R"({"decision": )") << 400 << u"bad_request"_s << QString();
        QTest::newRow("invalid UTF-8") << QByteArray("{\"decision\":\"re\xff\xfeject\"}") << 400 << u"bad_request"_s << QString();
        QTest::newRow("not an object") << QByteArray("[1,2]") << 422 << u"validation_failed"_s << QString();
        QTest::newRow("over 1 MiB") << QByteArray("{\"summary\":\"" + QByteArray(1024 * 1024 + 10, 'a') + "\"}") << 413 << u"too_large"_s << QString();
    }
    void writesAreStrict()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, field);
        const QString id = find(SubmissionSummary::Stage::Review, u"u_alice"_s);
        const qint64 v = summaryOf(id).version;
        const auto historyBefore = m_market->store().submission(id)->history.size();
        const QString reasonCode = reject(v).value(u"reasons"_s).toArray().at(0).toObject().value(u"code"_s).toString();
        body.replace("VERSION", QByteArray::number(v)).replace("CODE", reasonCode.toUtf8());
        QHttpHeaders h;
        h.append(QHttpHeaders::WellKnownHeader::ContentType, "application/json");
        h.append("Idempotency-Key", QUuid::createUuid().toString(QUuid::WithoutBraces).toUtf8());
        const auto r = http().request("POST", u"/api/v1/submissions/%1/verdict"_s.arg(id), tok("u_alice"), body, h);
        QCOMPARE(r.status, status);
        QCOMPARE(r.errorCode(), code);
        if (!field.isEmpty())
            QCOMPARE(r.json().value(u"error"_s).toObject().value(u"details"_s).toObject().value(u"field"_s).toString(), field);
        // A request that fails validation writes nothing.
        QCOMPARE(summaryOf(id).version, v);
        QCOMPARE(m_market->store().submission(id)->history.size(), historyBefore);
    }

    void codePointsNotBytes()
    {
        // 20,000 emoji are 80,000 bytes but 20,000 characters: allowed.
        const QString id = find(SubmissionSummary::Stage::Review, u"u_alice"_s);
        QJsonObject body = reject(summaryOf(id).version);
        QString emoji;
        for (int i = 0; i < 20000; ++i)
            emoji += QString::fromUtf8("\xF0\x9F\x94\x90");
        body.insert(u"summary"_s, emoji);
        QCOMPARE(http().write("POST", u"/api/v1/submissions/%1/verdict"_s.arg(id), tok("u_alice"), body).status, 201);
    }

    void headersAndPrecedence()
    {
        const QString id = find(SubmissionSummary::Stage::Review, u"u_alice"_s);
        const QByteArray body = QJsonDocument(approve(summaryOf(id).version)).toJson();
        const QString path = u"/api/v1/submissions/%1/verdict"_s.arg(id);
        QHttpHeaders json;
        json.append(QHttpHeaders::WellKnownHeader::ContentType, "application/json");
        auto r = http().request("POST", path, tok("u_alice"), body, json);
        QCOMPARE(r.status, 400); // no Idempotency-Key
        QHttpHeaders badKey = json;
        badKey.append("Idempotency-Key", "not-a-uuid");
        QCOMPARE(http().request("POST", path, tok("u_alice"), body, badKey).status, 400);
        QHttpHeaders text;
        text.append(QHttpHeaders::WellKnownHeader::ContentType, "text/plain");
        text.append("Idempotency-Key", QUuid::createUuid().toString(QUuid::WithoutBraces).toUtf8());
        r = http().request("POST", path, tok("u_alice"), body, text);
        QCOMPARE(r.status, 415);
        QCOMPARE(r.errorCode(), u"unsupported_media_type"_s);
        // 401 beats 400; 400 beats 413; 404 beats 422; 409 beats 403.
        QCOMPARE(http().request("POST", path, QString(), body, json).status, 401);
        QCOMPARE(http().request("POST", path, tok("u_alice"), QByteArray(2 * 1024 * 1024, ' '), json).status, 400);
        r = http().write("POST", u"/api/v1/submissions/s_99999/verdict"_s, tok("u_alice"), {{u"nonsense"_s, 1}});
        QCOMPARE(r.status, 404);
        r = http().write("POST", path, tok("u_bob"), approve(summaryOf(id).version - 1));
        QCOMPARE(r.status, 409);
    }

    // --- idempotency ----------------------------------------------------------

    void idempotentReplay()
    {
        const QString id = find(SubmissionSummary::Stage::Review, u"u_alice"_s);
        const qint64 v = summaryOf(id).version;
        const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString path = u"/api/v1/submissions/%1/verdict"_s.arg(id);
        const auto first = http().write("POST", path, tok("u_alice"), reject(v), key);
        QCOMPARE(first.status, 201);
        const auto historySize = m_market->store().submission(id)->history.size();
        // The response was "lost": the same request again replays it.
        const auto replay = http().write("POST", path, tok("u_alice"), reject(v), key.toUpper());
        QCOMPARE(replay.status, 201);
        QCOMPARE(replay.body, first.body);
        QCOMPARE(summaryOf(id).version, v + 1);
        QCOMPARE(m_market->store().submission(id)->history.size(), historySize);
        // Same key, different body.
        QJsonObject other = reject(v);
        other.insert(u"summary"_s, u"changed my mind"_s);
        const auto reused = http().write("POST", path, tok("u_alice"), other, key);
        QCOMPARE(reused.status, 422);
        QCOMPARE(reused.errorCode(), u"idempotency_key_reused"_s);
        // Keys are per user and endpoint: another user's identical key is
        // a different request (here refused: already decided).
        QCOMPARE(http().write("POST", path, tok("u_carol"), reject(v), key).errorCode(), u"already_decided"_s);
    }

    void refusalsAreReplayedTooButNotShapeErrors()
    {
        const QString id = find(SubmissionSummary::Stage::Review, u"u_alice"_s);
        const qint64 v = summaryOf(id).version;
        const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString path = u"/api/v1/submissions/%1/verdict"_s.arg(id);
        // A shape error does not spend the key: the corrected body works.
        QJsonObject broken = reject(v);
        broken.insert(u"stage"_s, u"done"_s);
        QCOMPARE(http().write("POST", path, tok("u_alice"), broken, key).status, 422);
        QCOMPARE(http().write("POST", path, tok("u_alice"), reject(v), key).status, 201);
        // A 403 after the key check is kept and replayed as it was.
        const QString key2 = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString other = find(SubmissionSummary::Stage::Review, u"u_bob"_s);
        const auto first = http().write("POST", u"/api/v1/submissions/%1/verdict"_s.arg(other), tok("u_alice"), reject(summaryOf(other).version), key2);
        QCOMPARE(first.status, 403);
        const auto again = http().write("POST", u"/api/v1/submissions/%1/verdict"_s.arg(other), tok("u_alice"), reject(summaryOf(other).version), key2);
        QCOMPARE(again.status, 403);
        QCOMPARE(again.body, first.body);
    }

    // --- assignment -----------------------------------------------------------

    void assignment()
    {
        const QString id = find(SubmissionSummary::Stage::Review, std::nullopt, SubmissionSummary::Status::Submitted);
        QVERIFY(!id.isEmpty());
        QVERIFY(!summaryOf(id).assignee);
        const qint64 v = summaryOf(id).version;
        const QString path = u"/api/v1/submissions/%1/assignee"_s.arg(id);
        auto r = http().write("PUT", path, tok("u_alice"), {{u"assignee"_s, u"u_alice"_s}, {u"base_version"_s, v}});
        QCOMPARE(r.status, 403);
        r = http().write("PUT", path, tok("u_carol"), {{u"assignee"_s, u"u_nobody"_s}, {u"base_version"_s, v}});
        QCOMPARE(r.status, 422);
        r = http().write("PUT", path, tok("u_carol"), {{u"assignee"_s, u"u_sam"_s}, {u"base_version"_s, v}});
        QCOMPARE(r.status, 422); // not a reviewer
        r = http().write("PUT", path, tok("u_carol"), {{u"assignee"_s, u"u_dana"_s}, {u"base_version"_s, v}, {u"stage"_s, u"done"_s}});
        QCOMPARE(r.errorCode(), u"unknown_field"_s);
        r = http().write("PUT", path, tok("u_carol"), {{u"assignee"_s, u"u_dana"_s}, {u"base_version"_s, v}});
        QCOMPARE(r.status, 200);
        QJsonObject sub = r.json().value(u"submission"_s).toObject();
        QCOMPARE(sub.value(u"assignee"_s).toString(), u"u_dana"_s);
        QCOMPARE(sub.value(u"status"_s).toString(), u"in_review"_s);
        QCOMPARE(sub.value(u"version"_s).toInt(), v + 1);
        // The same assignee again changes nothing.
        r = http().write("PUT", path, tok("u_carol"), {{u"assignee"_s, u"u_dana"_s}, {u"base_version"_s, v + 1}});
        QCOMPARE(r.status, 200);
        QCOMPARE(summaryOf(id).version, v + 1);
        r = http().write("PUT", path, tok("u_carol"), {{u"assignee"_s, u"u_bob"_s}, {u"base_version"_s, v}});
        QCOMPARE(r.status, 409);
        r = http().write("PUT", path, tok("u_carol"), {{u"assignee"_s, QJsonValue::Null}, {u"base_version"_s, v + 1}});
        QCOMPARE(r.status, 200);
        QVERIFY(!summaryOf(id).assignee);
        QCOMPARE(summaryOf(id).status, SubmissionSummary::Status::InReview);
        const QString done = find(SubmissionSummary::Stage::Done);
        r = http().write("PUT", u"/api/v1/submissions/%1/assignee"_s.arg(done), tok("u_carol"),
                         {{u"assignee"_s, u"u_bob"_s}, {u"base_version"_s, summaryOf(done).version}});
        QCOMPARE(r.status, 409);
        QCOMPARE(r.errorCode(), u"already_decided"_s);
    }


    // --- comments -------------------------------------------------------------

    void commentsDoNotChangeTheVersion()
    {
        const QString id = find(SubmissionSummary::Stage::Done);
        const SubmissionSummary before = summaryOf(id);
        m_now = before.updatedAt.addDays(3);
        auto r = http().write("POST", u"/api/v1/submissions/%1/comments"_s.arg(id), tok("u_bob"),
                              {{u"body"_s, u"Please attach the RLS policies."_s}, {u"visibility"_s, u"partner"_s}});
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value(u"author"_s).toString(), u"u_bob"_s);
        QCOMPARE(r.json().value(u"visibility"_s).toString(), u"partner"_s);
        QVERIFY(r.json().value(u"id"_s).toString().startsWith(u"c_"_s));
        const SubmissionSummary after = summaryOf(id);
        QCOMPARE(after.version, before.version);
        QCOMPARE(after.updatedAt, m_now);
        QCOMPARE(m_market->store().submission(id)->comments.last().body, u"Please attach the RLS policies."_s);
        r = http().write("POST", u"/api/v1/submissions/%1/comments"_s.arg(id), tok("u_bob"), {{u"body"_s, u""_s}, {u"visibility"_s, u"partner"_s}});
        QCOMPARE(r.status, 422);
        r = http().write("POST", u"/api/v1/submissions/%1/comments"_s.arg(id), tok("u_bob"), {{u"body"_s, u"x"_s}, {u"visibility"_s, u"public"_s}});
        QCOMPARE(r.status, 422);
        r = http().write("POST", u"/api/v1/submissions/%1/comments"_s.arg(id), tok("u_bob"), {{u"body"_s, u"x"_s}, {u"visibility"_s, u"internal"_s}, {u"author"_s, u"u_carol"_s}});
        QCOMPARE(r.errorCode(), u"unknown_field"_s);
    }
};

QTEST_MAIN(TestApiWrites)
#include "tst_apiwrites.moc"
