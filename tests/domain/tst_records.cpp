#include "common/TestData.h"
#include "domain/JsonReader.h"
#include "models/OutboxEntry.h"
#include "domain/Submission.h"
#include "domain/Verdict.h"

#include <QJsonArray>
#include <QTest>

using namespace assay;

class TestRecords : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void submissionRoundTrips()
    {
        const Submission original = test::submission(7, 3);
        JsonReader r(original.toJson());
        const Submission decoded = Submission::fromJson(r);
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(decoded, original);
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

    void verdictRoundTrips()
    {
        Verdict v;
        v.decision = Verdict::Decision::Reject;
        v.baseVersion = 4;
        v.summary = QStringLiteral("CSRF tokens missing on the settings form.");
        v.checklist = {{QStringLiteral("csrf.c1"), false}, {QStringLiteral("seg.c1"), true}};
        v.reasons = {{QStringLiteral("csrf_protection"), QStringLiteral("csrf.no_token"), QStringLiteral("See /settings")}};
        JsonReader r(v.toJson());
        QCOMPARE(Verdict::fromJson(r), v);
        QVERIFY(r.ok());
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

    void enumNamesRoundTrip()
    {
        for (const QString &n : SubmissionSummary::statusNames())
            QCOMPARE(SubmissionSummary::statusName(*SubmissionSummary::statusFromName(n)), n);
        for (auto s : {OutboxEntry::State::Pending, OutboxEntry::State::Sent, OutboxEntry::State::Conflict, OutboxEntry::State::Failed})
            QCOMPARE(*OutboxEntry::stateFromName(OutboxEntry::stateName(s)), s);
        QCOMPARE(OutboxEntry::stateFromName(QStringLiteral("lost")), std::nullopt);
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
