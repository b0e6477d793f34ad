#include "common/TestData.h"
#include "domain/JsonReader.h"
#include "domain/Submission.h"
#include "domain/SecretFinding.h"
#include "domain/Verdict.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>
#include <QTimeZone>

using namespace assay;

class TestRecords : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A submission as the API writes it (api/openapi.yaml), typed out here,
    // and the same submission built field by field: decoding the one gives
    // the other, encoding the other gives the one.
    static QJsonObject apiSubmission()
    {
        return QJsonDocument::fromJson(R"({
            "id": "s_00042", "version": 3,
            "app": {"id": "a_7", "name": "Ledgerly"},
            "partner": {"id": "p_2", "name": "Acme Books"},
            "questionnaire_version": "2026.1", "status": "in_review", "stage": "security",
            "assignee": "u_alice",
            "submitted_at": "2026-10-01T09:00:00Z", "updated_at": "2026-10-02T10:30:00Z",
            "kind": "resubmission", "previous_submission_id": "s_00007", "badge_expires_at": null,
            "resubmission_allowed_at": "2027-01-02T00:00:00Z",
            "answers": [
                {"question_key": "seg.1", "text": "Row-level security; tenant from the JWT.", "evidence_ids": ["e_1"]},
                {"question_key": "xss.1", "text": "ünïcödé ✓", "evidence_ids": []}
            ],
            "evidence": [
                {"id": "e_1", "filename": "rls.sql", "media_type": "text/plain", "size": 2048,
                 "sha256": "00000000000000000000000000000000000000000000000000000000000000aa"}
            ],
            "comments": [
                {"id": "c_1", "author": "u_bob", "from": "marketplace", "visibility": "partner",
                 "body": "Attach the policy.", "created_at": "2026-10-01T09:00:30Z"},
                {"id": "c_2", "author": "p_2", "from": "partner", "visibility": "partner",
                 "body": "Attached as rls.sql.", "created_at": "2026-10-01T10:00:00Z"}
            ],
            "history": [
                {"at": "2026-10-01T09:00:00Z", "actor": "p_2", "action": "submitted", "detail": {}},
                {"at": "2026-10-01T09:00:10Z", "actor": "u_carol", "action": "assigned", "detail": {"assignee": "u_alice"}}
            ],
            "verdicts": [
                {"stage": "review", "decision": "approve", "by": "u_alice", "at": "2026-10-02T10:30:00Z", "version": 2,
                 "summary": "Sound.", "checklist": {"seg.c1": true}, "reasons": [],
                 "notes": {"seg.c1": "RLS policy read line by line.", "data_segregation": "Strong."}}
            ]
        })")
            .object();
    }

    static Submission builtSubmission()
    {
        const auto utc = [](int y, int mo, int d, int h, int mi, int s) {
            return QDateTime(QDate(y, mo, d), QTime(h, mi, s), QTimeZone::UTC);
        };
        Submission sub;
        SubmissionSummary &s = sub.summary;
        s.id = QStringLiteral("s_00042");
        s.version = 3;
        s.appId = QStringLiteral("a_7");
        s.appName = QStringLiteral("Ledgerly");
        s.partnerId = QStringLiteral("p_2");
        s.partnerName = QStringLiteral("Acme Books");
        s.questionnaireVersion = QStringLiteral("2026.1");
        s.status = SubmissionSummary::Status::InReview;
        s.stage = SubmissionSummary::Stage::Security;
        s.assignee = QStringLiteral("u_alice");
        s.submittedAt = utc(2026, 10, 1, 9, 0, 0);
        s.updatedAt = utc(2026, 10, 2, 10, 30, 0);
        s.resubmissionAllowedAt = utc(2027, 1, 2, 0, 0, 0);
        s.kind = SubmissionSummary::Kind::Resubmission;
        s.previousSubmissionId = QStringLiteral("s_00007");
        sub.answers = {{QStringLiteral("seg.1"), QStringLiteral("Row-level security; tenant from the JWT."), {QStringLiteral("e_1")}},
                       {QStringLiteral("xss.1"), QStringLiteral("ünïcödé ✓"), {}}};
        sub.evidence = {{QStringLiteral("e_1"), QStringLiteral("rls.sql"), QStringLiteral("text/plain"), 2048,
                         QString(62, QLatin1Char('0')) + QStringLiteral("aa"), EvidenceItem::LocalState::Absent}};
        sub.comments = {{QStringLiteral("c_1"), QStringLiteral("u_bob"), Comment::Visibility::Partner,
                         QStringLiteral("Attach the policy."), utc(2026, 10, 1, 9, 0, 30)},
                        {QStringLiteral("c_2"), QStringLiteral("p_2"), Comment::Visibility::Partner,
                         QStringLiteral("Attached as rls.sql."), utc(2026, 10, 1, 10, 0, 0), Comment::From::Partner}};
        sub.history = {{utc(2026, 10, 1, 9, 0, 0), QStringLiteral("p_2"), QStringLiteral("submitted"), {}},
                       {utc(2026, 10, 1, 9, 0, 10), QStringLiteral("u_carol"), QStringLiteral("assigned"),
                        QJsonObject{{QStringLiteral("assignee"), QStringLiteral("u_alice")}}}};
        RecordedVerdict rv;
        rv.stage = RecordedVerdict::Stage::Review;
        rv.by = QStringLiteral("u_alice");
        rv.at = utc(2026, 10, 2, 10, 30, 0);
        rv.version = 2;
        rv.verdict.decision = Verdict::Decision::Approve;
        rv.verdict.baseVersion = 2;
        rv.verdict.summary = QStringLiteral("Sound.");
        rv.verdict.checklist = {{QStringLiteral("seg.c1"), true}};
        rv.verdict.notes = {{QStringLiteral("seg.c1"), QStringLiteral("RLS policy read line by line.")},
                            {QStringLiteral("data_segregation"), QStringLiteral("Strong.")}};
        sub.verdicts = {rv};
        return sub;
    }

    void submissionDecodesFromTheApi()
    {
        JsonReader r(apiSubmission());
        const Submission decoded = Submission::fromJson(r);
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(decoded.summary.status, SubmissionSummary::Status::InReview);
        QCOMPARE(decoded.summary.stage, SubmissionSummary::Stage::Security);
        QCOMPARE(decoded.summary.resubmissionAllowedAt, QDateTime(QDate(2027, 1, 2), QTime(0, 0), QTimeZone::UTC));
        QVERIFY(!decoded.summary.badgeExpiresAt);
        QCOMPARE(decoded.answers.at(1).text, QStringLiteral("ünïcödé ✓"));
        QCOMPARE(decoded.comments.at(0).visibility, Comment::Visibility::Partner);
        QCOMPARE(decoded.history.at(1).detail.value(QStringLiteral("assignee")).toString(), QStringLiteral("u_alice"));
        QCOMPARE(decoded, builtSubmission());
    }

    void submissionEncodesToTheApi()
    {
        QCOMPARE(builtSubmission().toJson(), apiSubmission());
    }

    void summaryJsonHasTheApiShape()
    {
        const QJsonObject o = test::summary(4).toJson();
        QCOMPARE(o.value(QStringLiteral("app")).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Payroll Pilot 4"));
        QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("in_review"));
        QCOMPARE(o.value(QStringLiteral("stage")).toString(), QStringLiteral("review"));
        QVERIFY(o.value(QStringLiteral("badge_expires_at")).isNull());
        QCOMPARE(o.value(QStringLiteral("submitted_at")).toString(), QStringLiteral("2026-10-01T13:00:00Z"));
    }

    void strictDecoding_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown status") << QStringLiteral("status") << QJsonValue(QStringLiteral("escalated"))
                                        << QStringLiteral("status: unknown value");
        QTest::newRow("version as string") << QStringLiteral("version") << QJsonValue(QStringLiteral("3"))
                                           << QStringLiteral("version: expected an integer");
        QTest::newRow("answers not array") << QStringLiteral("answers") << QJsonValue(QJsonObject{})
                                           << QStringLiteral("answers: expected an array");
        QTest::newRow("assignee number") << QStringLiteral("assignee") << QJsonValue(5)
                                         << QStringLiteral("assignee: expected a string");
        QTest::newRow("bad timestamp") << QStringLiteral("updated_at") << QJsonValue(QStringLiteral("soon"))
                                       << QStringLiteral("updated_at: expected an RFC 3339 timestamp");
        QTest::newRow("huge name") << QStringLiteral("app") << QJsonValue(QJsonObject{{QStringLiteral("id"), QStringLiteral("a")}, {QStringLiteral("name"), QString(600, QLatin1Char('x'))}})
                                   << QStringLiteral("app.name: longer than 512 characters");
    }
    void strictDecoding()
    {
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        QFETCH(QString, error);
        QJsonObject o = test::submission(1).toJson();
        o.insert(path, value);
        JsonReader r(o);
        Submission::fromJson(r);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().startsWith(error), qPrintable(r.error()));
    }

    void evidenceChecksShaAndMediaType()
    {
        QJsonObject o = test::submission(1).toJson();
        QJsonArray ev = o.value(QStringLiteral("evidence")).toArray();
        QJsonObject e = ev.at(0).toObject();
        e.insert(QStringLiteral("sha256"), QStringLiteral("ABC"));
        ev.replace(0, e);
        o.insert(QStringLiteral("evidence"), ev);
        JsonReader r(o);
        Submission::fromJson(r);
        QCOMPARE(r.error(), QStringLiteral("evidence[0].sha256: expected 64 lowercase hex digits"));
    }

    void verdictHasTheApiShape()
    {
        Verdict v;
        v.decision = Verdict::Decision::Reject;
        v.baseVersion = 4;
        v.summary = QStringLiteral("CSRF tokens missing on the settings form.");
        v.checklist = {{QStringLiteral("csrf.c1"), false}, {QStringLiteral("seg.c1"), true}};
        v.reasons = {{QStringLiteral("csrf_protection"), QStringLiteral("csrf.no_token"), QStringLiteral("See /settings")}};
        const QJsonObject api = QJsonDocument::fromJson(R"({
            "decision": "reject", "base_version": 4,
            "summary": "CSRF tokens missing on the settings form.",
            "checklist": {"csrf.c1": false, "seg.c1": true},
            "reasons": [{"category": "csrf_protection", "code": "csrf.no_token", "note": "See /settings"}]
        })").object();
        QCOMPARE(v.toJson(), api);
        JsonReader r(api);
        QCOMPARE(Verdict::fromJson(r), v);
        QVERIFY2(r.ok(), qPrintable(r.error()));
    }

    void verdictRejectsNonBooleanTicks()
    {
        QJsonObject o = Verdict().toJson();
        o.insert(QStringLiteral("base_version"), 1);
        o.insert(QStringLiteral("checklist"), QJsonObject{{QStringLiteral("csrf.c1"), QStringLiteral("yes")}});
        JsonReader r(o);
        Verdict::fromJson(r);
        QCOMPARE(r.error(), QStringLiteral("checklist.csrf.c1: expected true or false"));
    }

    void verdictCarriesNotesAndReturn()
    {
        const QJsonObject api = QJsonDocument::fromJson(R"({
            "decision": "return", "base_version": 5, "summary": "Checklist item csrf.c2 ticked without evidence.",
            "checklist": {}, "reasons": [], "notes": {"csrf.c2": "No exemption list attached."}
        })").object();
        JsonReader r(api);
        const Verdict v = Verdict::fromJson(r);
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(v.decision, Verdict::Decision::Return);
        QCOMPARE(v.notes.value(QStringLiteral("csrf.c2")), QStringLiteral("No exemption list attached."));
        QCOMPARE(v.toJson(), api);
        // No notes: the body has no notes field at all (it is optional).
        Verdict plain = v;
        plain.notes.clear();
        QVERIFY(!plain.toJson().contains(QStringLiteral("notes")));
    }

    void verdictNotesAreChecked_data()
    {
        QTest::addColumn<QJsonValue>("notes");
        QTest::addColumn<QString>("error");
        QTest::newRow("not an object") << QJsonValue(QStringLiteral("x")) << QStringLiteral("notes: expected an object");
        QTest::newRow("number") << QJsonValue(QJsonObject{{QStringLiteral("csrf.c1"), 3}})
                                << QStringLiteral("notes.csrf.c1: expected a string");
        QTest::newRow("too long") << QJsonValue(QJsonObject{{QStringLiteral("csrf.c1"), QString(4001, QLatin1Char('n'))}})
                                  << QStringLiteral("notes.csrf.c1: longer than 4000 characters");
        QTest::newRow("empty key") << QJsonValue(QJsonObject{{QString(), QStringLiteral("x")}})
                                   << QStringLiteral("notes.: not a checklist item or category key");
    }

    void verdictNotesAreChecked()
    {
        QFETCH(QJsonValue, notes);
        QFETCH(QString, error);
        QJsonObject o = Verdict().toJson();
        o.insert(QStringLiteral("base_version"), 1);
        o.insert(QStringLiteral("notes"), notes);
        JsonReader r(o);
        Verdict::fromJson(r);
        QCOMPARE(r.error(), error);
    }

    void partnerRepliesAreVisibleToThePartner()
    {
        QJsonObject c = builtSubmission().comments.at(1).toJson();
        c.insert(QStringLiteral("visibility"), QStringLiteral("internal"));
        JsonReader r(c);
        Comment::fromJson(r);
        QCOMPARE(r.error(), QStringLiteral("visibility: a partner's reply is always visible to the partner"));
    }

    void kindNames()
    {
        QCOMPARE(SubmissionSummary::kindNames(),
                 (QStringList{QStringLiteral("initial"), QStringLiteral("resubmission"), QStringLiteral("revalidation")}));
        QJsonObject o = builtSubmission().summary.toJson();
        o.insert(QStringLiteral("kind"), QStringLiteral("renewal"));
        JsonReader r(o);
        SubmissionSummary::fromJson(r);
        QVERIFY(r.error().startsWith(QStringLiteral("kind: ")));
    }

    void secretFindingKindNames()
    {
        // The names are stored in the cache: each kind has its own, and each
        // name reads back to its kind.
        const QList<SecretFinding::Kind> kinds{
            SecretFinding::Kind::PrivateKey, SecretFinding::Kind::CloudAccessKey, SecretFinding::Kind::Token,
            SecretFinding::Kind::Jwt,        SecretFinding::Kind::UrlPassword,    SecretFinding::Kind::ConnectionString,
            SecretFinding::Kind::Email,      SecretFinding::Kind::CardNumber};
        QSet<QString> names;
        for (SecretFinding::Kind k : kinds) {
            const QString name = SecretFinding::kindName(k);
            QVERIFY2(!name.isEmpty(), "every kind has a name");
            names.insert(name);
            QCOMPARE(SecretFinding::kindFromName(name), std::optional(k));
        }
        QCOMPARE(names.size(), kinds.size());
        QCOMPARE(SecretFinding::kindName(SecretFinding::Kind::CardNumber), QStringLiteral("card_number"));
        QVERIFY(!SecretFinding::kindFromName(QStringLiteral("password")).has_value());
    }

    void statusAndStageNames()
    {
        QCOMPARE(SubmissionSummary::statusNames(),
                 (QStringList{QStringLiteral("submitted"), QStringLiteral("in_review"), QStringLiteral("approved"),
                              QStringLiteral("rejected"), QStringLiteral("withdrawn")}));
        QCOMPARE(SubmissionSummary::statusName(SubmissionSummary::Status::Withdrawn), QStringLiteral("withdrawn"));
        QCOMPARE(SubmissionSummary::statusFromName(QStringLiteral("in_review")).value_or(SubmissionSummary::Status::Withdrawn),
                 SubmissionSummary::Status::InReview);
        QVERIFY(!SubmissionSummary::statusFromName(QStringLiteral("In Review")));
        QCOMPARE(SubmissionSummary::stageFromName(QStringLiteral("security")).value_or(SubmissionSummary::Stage::Done),
                 SubmissionSummary::Stage::Security);
        QVERIFY(!SubmissionSummary::stageFromName(QStringLiteral("escalated")));
    }

    // "^...$" also matches before a final newline; the patterns are anchored
    // as a whole, so a value with one is refused like any other bad value.
    void evidenceRefusesATrailingNewline_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("error");
        const QString hex64(64, QLatin1Char('a'));
        // (64 digits and a newline are one character too many already.)
        QTest::newRow("sha256 + \\n") << QStringLiteral("sha256") << hex64 + QLatin1Char('\n') << QStringLiteral("sha256: ");
        QTest::newRow("media type + \\n") << QStringLiteral("media_type") << QStringLiteral("text/plain\n")
                                          << QStringLiteral("media_type: not a media type");
    }
    void evidenceRefusesATrailingNewline()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, error);
        const QJsonObject good{{QStringLiteral("id"), QStringLiteral("e_1")},
                               {QStringLiteral("filename"), QStringLiteral("report.txt")},
                               {QStringLiteral("media_type"), QStringLiteral("text/plain")},
                               {QStringLiteral("size"), 12},
                               {QStringLiteral("sha256"), QString(64, QLatin1Char('a'))}};
        JsonReader accepted(good);
        EvidenceItem::fromJson(accepted);
        QVERIFY2(accepted.ok(), qPrintable(accepted.error()));

        QJsonObject bad = good;
        bad.insert(field, value);
        JsonReader r(bad);
        EvidenceItem::fromJson(r);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().startsWith(error), qPrintable(r.error()));
    }
};

QTEST_GUILESS_MAIN(TestRecords)
#include "tst_records.moc"
