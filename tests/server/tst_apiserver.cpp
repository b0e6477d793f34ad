#include "ApiTestBase.h"

#include "domain/JsonReader.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSet>

using namespace assay;
using namespace assay::test;
using namespace Qt::StringLiterals;

// The review API's reads and its routing, over real HTTP on loopback (the
// writes are in tst_apiwrites).
class TestApiServer : public ApiTestBase
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { makeTemplate(); }
    void init() { startServer(); }

    // --- auth, routing -----------------------------------------------------

    void meNeedsABearerToken()
    {
        auto r = http().get(u"/api/v1/me"_s, tok("u_alice"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(u"id"_s).toString(), u"u_alice"_s);
        QCOMPARE(r.json().value(u"roles"_s).toArray(), QJsonArray{u"reviewer"_s});
        QCOMPARE(r.header("Content-Type"), "application/json");

        r = http().get(u"/api/v1/me"_s, QString());
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), u"unauthorized"_s);
        QCOMPARE(r.header("WWW-Authenticate"), "Bearer");
        QVERIFY(r.json().value(u"error"_s).toObject().contains(u"message"_s));

        QCOMPARE(http().get(u"/api/v1/me"_s, u"t-nobody"_s).status, 401);
        // A cookie is no credential here.
        QHttpHeaders cookie;
        cookie.append(QHttpHeaders::WellKnownHeader::Cookie, "session=" + tok("u_alice").toUtf8());
        QCOMPARE(http().get(u"/api/v1/me"_s, QString(), cookie).status, 401);
    }

    void unknownPathsAndMethods()
    {
        QCOMPARE(http().get(u"/api/v1/nothing"_s, QString()).status, 401); // 401 first
        auto r = http().get(u"/api/v1/nothing"_s, tok("u_alice"));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.errorCode(), u"not_found"_s);
        r = http().request("DELETE", u"/api/v1/me"_s, tok("u_alice"));
        QCOMPARE(r.status, 405);
        QCOMPARE(r.header("Allow"), "GET");
        r = http().request("GET", u"/api/v1/submissions/s_00001/verdict"_s, tok("u_alice"));
        QCOMPARE(r.status, 405);
        QCOMPARE(r.header("Allow"), "POST");
    }

    void questionnaire()
    {
        auto r = http().get(u"/api/v1/questionnaires/2026.1"_s, tok("u_bob"));
        QCOMPARE(r.status, 200);
        JsonReader reader(r.json());
        const Questionnaire q = Questionnaire::fromJson(reader);
        QVERIFY2(reader.ok(), qPrintable(reader.error()));
        QCOMPARE(q.version, u"2026.1"_s);
        // The contract's ten categories, in its order, each with a rubric.
        QStringList keys;
        for (const auto &c : q.categories) {
            keys.append(c.key);
            QVERIFY2(!c.questions.isEmpty(), qPrintable(c.key));
            QVERIFY2(!c.checklist.isEmpty(), qPrintable(c.key));
            QVERIFY2(!c.rejectionReasons.isEmpty(), qPrintable(c.key));
        }
        QCOMPARE(keys, (QStringList{u"data_segregation"_s, u"security_patches"_s, u"breach_response"_s,
                                    u"csrf_protection"_s, u"xss_sanitization"_s, u"customer_data_protection"_s,
                                    u"employee_mfa"_s, u"secrets_and_pii_storage"_s, u"mass_assignment"_s,
                                    u"trusted_redirects"_s}));
        QCOMPARE(http().get(u"/api/v1/questionnaires/1999.1"_s, tok("u_bob")).status, 404);
    }

    // --- the feed ------------------------------------------------------------

    void feedPagesThroughEverythingOnce()
    {
        QString cursor;
        QSet<QString> seen;
        int pages = 0;
        for (;;) {
            const auto r = http().get(u"/api/v1/submissions?limit=7&since="_s + QString::fromLatin1(QUrl::toPercentEncoding(cursor)), tok("u_alice"));
            QCOMPARE(r.status, 200);
            const QJsonObject o = r.json();
            const QJsonArray items = o.value(u"items"_s).toArray();
            QVERIFY(items.size() <= 7);
            for (const QJsonValue &v : items) {
                JsonReader reader(v.toObject());
                const SubmissionSummary s = SubmissionSummary::fromJson(reader);
                QVERIFY2(reader.ok(), qPrintable(reader.error()));
                QVERIFY2(!seen.contains(s.id), qPrintable(s.id));
                seen.insert(s.id);
            }
            QVERIFY(o.value(u"next_cursor"_s).isString());
            QVERIFY(QRegularExpression(u"^[A-Za-z0-9_-]+$"_s).match(o.value(u"next_cursor"_s).toString()).hasMatch());
            cursor = o.value(u"next_cursor"_s).toString();
            ++pages;
            if (!o.value(u"has_more"_s).toBool())
                break;
        }
        QCOMPARE(seen.size(), 40);
        QCOMPARE(pages, 6);
        // Polling at the end: an empty page and a cursor to poll with again.
        const auto empty = http().get(u"/api/v1/submissions?since="_s + cursor, tok("u_alice"));
        QCOMPARE(empty.json().value(u"items"_s).toArray().size(), 0);
        QCOMPARE(empty.json().value(u"has_more"_s).toBool(), false);
        QCOMPARE(empty.json().value(u"next_cursor"_s).toString(), cursor);

        // A change moves the submission to the head: it comes once, at its
        // latest change.
        const QString id = u"s_00003"_s;
        QCOMPARE(http().write("POST", u"/api/v1/submissions/s_00003/comments"_s, tok("u_bob"),
                              {{u"body"_s, u"first"_s}, {u"visibility"_s, u"internal"_s}}).status, 201);
        QCOMPARE(http().write("POST", u"/api/v1/submissions/s_00003/comments"_s, tok("u_bob"),
                              {{u"body"_s, u"second"_s}, {u"visibility"_s, u"internal"_s}}).status, 201);
        const auto next = http().get(u"/api/v1/submissions?since="_s + cursor, tok("u_alice"));
        const QJsonArray changed = next.json().value(u"items"_s).toArray();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).toObject().value(u"id"_s).toString(), id);

        // Cursors survive a restart of the server (same store).
        QVERIFY(m_market->restart());
        m_http = std::make_unique<HttpClient>(m_market->url());
        const auto again = http().get(u"/api/v1/submissions?since="_s + cursor, tok("u_alice"));
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json().value(u"items"_s).toArray().size(), 1);
    }

    void feedRejectsBadParameters_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("limit 0") << u"limit=0"_s;
        QTest::newRow("limit 501") << u"limit=501"_s;
        QTest::newRow("limit word") << u"limit=many"_s;
        QTest::newRow("made-up cursor") << u"since=abc"_s;
        QTest::newRow("forged cursor") << u"since=MTo5OTk5OjAwMDAwMDAwMDAwMA"_s;
    }
    void feedRejectsBadParameters()
    {
        QFETCH(QString, query);
        const auto r = http().get(u"/api/v1/submissions?"_s + query, tok("u_alice"));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), u"bad_request"_s);
    }

    void feedAcceptsEmptySinceAndDefaults()
    {
        const auto r = http().get(u"/api/v1/submissions?since="_s, tok("u_alice"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(u"items"_s).toArray().size(), 40); // default limit 200
        QCOMPARE(r.json().value(u"has_more"_s).toBool(), false);
    }

    // --- details and evidence ------------------------------------------------

    void submissionDetails()
    {
        const auto r = http().get(u"/api/v1/submissions/s_00002"_s, tok("u_alice"));
        QCOMPARE(r.status, 200);
        JsonReader reader(r.json());
        const Submission s = Submission::fromJson(reader);
        QVERIFY2(reader.ok(), qPrintable(reader.error()));
        // One answer per question of the questionnaire the API serves, in its order.
        QStringList questions;
        const QJsonArray categories = http().get(u"/api/v1/questionnaires/"_s + s.summary.questionnaireVersion, tok("u_alice"))
                                          .json().value(u"categories"_s).toArray();
        for (const QJsonValue &c : categories) {
            for (const QJsonValue &q : c.toObject().value(u"questions"_s).toArray())
                questions.append(q.toObject().value(u"key"_s).toString());
        }
        QStringList answered;
        for (const Answer &a : s.answers)
            answered.append(a.questionKey);
        QVERIFY(questions.size() >= 10);
        QCOMPARE(answered, questions);
        QVERIFY(!s.evidence.isEmpty());
        QVERIFY(!s.history.isEmpty());
        QCOMPARE(http().get(u"/api/v1/submissions/s_99999"_s, tok("u_alice")).status, 404);
    }

    void evidenceBytesRangesAndEtags()
    {
        const auto sub = m_market->store().submission(u"s_00002"_s);
        const EvidenceItem item = sub->evidence.first();
        const QString path = u"/api/v1/evidence/"_s + item.id;
        auto r = http().get(path, tok("u_alice"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.size(), item.size);
        QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(r.body, QCryptographicHash::Sha256).toHex()), item.sha256);
        QCOMPARE(r.header("ETag"), '"' + item.sha256.toLatin1() + '"');
        QCOMPARE(r.header("Accept-Ranges"), "bytes");
        QCOMPARE(r.header("Content-Type"), item.mediaType.toLatin1());
        QCOMPARE(r.header("X-Content-Type-Options"), "nosniff");
        // The partner's filename never reaches a header.
        QCOMPARE(r.header("Content-Disposition"), "attachment");
        const QByteArray whole = r.body;

        QHttpHeaders h;
        h.append(QHttpHeaders::WellKnownHeader::Range, "bytes=10-");
        r = http().get(path, tok("u_alice"), h);
        QCOMPARE(r.status, 206);
        QCOMPARE(r.body, whole.mid(10));
        QCOMPARE(r.header("Content-Range"), "bytes 10-" + QByteArray::number(whole.size() - 1) + '/' + QByteArray::number(whole.size()));

        h.replaceOrAppend(QHttpHeaders::WellKnownHeader::Range, "bytes=5-9");
        r = http().get(path, tok("u_alice"), h);
        QCOMPARE(r.status, 206);
        QCOMPARE(r.body, whole.mid(5, 5));

        h.replaceOrAppend(QHttpHeaders::WellKnownHeader::Range, "bytes=" + QByteArray::number(whole.size()) + '-');
        r = http().get(path, tok("u_alice"), h);
        QCOMPARE(r.status, 416);
        QCOMPARE(r.header("Content-Range"), "bytes */" + QByteArray::number(whole.size()));

        h.replaceOrAppend(QHttpHeaders::WellKnownHeader::Range, "bytes=1-2,5-6");
        r = http().get(path, tok("u_alice"), h);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, whole);

        QHttpHeaders inm;
        inm.append(QHttpHeaders::WellKnownHeader::IfNoneMatch, '"' + item.sha256.toLatin1() + '"');
        r = http().get(path, tok("u_alice"), inm);
        QCOMPARE(r.status, 304);
        QVERIFY(r.body.isEmpty());

        QCOMPARE(http().get(u"/api/v1/evidence/e_nope"_s, tok("u_alice")).status, 404);
        QCOMPARE(http().get(path, QString()).status, 401);
    }


    void usersForAnySignedInUser()
    {
        QCOMPARE(http().get(u"/api/v1/users"_s, QString()).status, 401);
        const auto r = http().get(u"/api/v1/users"_s, tok("u_alice"));
        QCOMPARE(r.status, 200);
        QStringList ids;
        for (const QJsonValue &v : r.json().value(u"items"_s).toArray()) {
            const QJsonObject o = v.toObject();
            ids.append(o.value(u"id"_s).toString());
            QVERIFY(!o.value(u"name"_s).toString().isEmpty());
            QVERIFY(!o.value(u"roles"_s).toArray().isEmpty());
            QVERIFY(!o.contains(u"token"_s));
            if (o.value(u"id"_s).toString() == u"u_carol"_s)
                QCOMPARE(o.value(u"roles"_s).toArray(), QJsonArray{u"lead"_s});
        }
        // The built-in demo users, by id.
        QCOMPARE(ids, (QStringList{u"u_alice"_s, u"u_bob"_s, u"u_carol"_s, u"u_dana"_s, u"u_erin"_s, u"u_max"_s,
                                   u"u_sam"_s}));
    }

    void reviewersWithWorkload()
    {
        QCOMPARE(http().get(u"/api/v1/reviewers"_s, tok("u_alice")).status, 403);
        const auto r = http().get(u"/api/v1/reviewers"_s, tok("u_carol"));
        QCOMPARE(r.status, 200);
        const QJsonArray items = r.json().value(u"items"_s).toArray();
        QStringList ids;
        for (const QJsonValue &v : items) {
            const QJsonObject o = v.toObject();
            ids.append(o.value(u"id"_s).toString());
            QVERIFY(o.value(u"roles"_s).toArray().contains(u"reviewer"_s));
        }
        QCOMPARE(ids, (QStringList{u"u_alice"_s, u"u_bob"_s, u"u_dana"_s, u"u_max"_s}));
        // Counted here from the feed: assigned and not at stage done.
        QHash<QString, int> open;
        const QJsonArray feed = http().get(u"/api/v1/submissions?limit=500"_s, tok("u_carol")).json().value(u"items"_s).toArray();
        QCOMPARE(feed.size(), 40);
        for (const QJsonValue &v : feed) {
            const QJsonObject s = v.toObject();
            if (s.value(u"assignee"_s).isString() && s.value(u"stage"_s).toString() != u"done"_s)
                open[s.value(u"assignee"_s).toString()] += 1;
        }
        QVERIFY(!open.isEmpty());
        for (const QJsonValue &v : items) {
            const QJsonObject o = v.toObject();
            QCOMPARE(o.value(u"open_assigned"_s).toInt(), open.value(o.value(u"id"_s).toString()));
        }
        // An assignment moves one open submission onto dana's count.
        const QString unassigned = find(SubmissionSummary::Stage::Review, std::nullopt, SubmissionSummary::Status::Submitted);
        QVERIFY(!unassigned.isEmpty());
        QCOMPARE(http().write("PUT", u"/api/v1/submissions/%1/assignee"_s.arg(unassigned), tok("u_carol"),
                              {{u"assignee"_s, u"u_dana"_s}, {u"base_version"_s, summaryOf(unassigned).version}}).status, 200);
        for (const QJsonValue &v : http().get(u"/api/v1/reviewers"_s, tok("u_carol")).json().value(u"items"_s).toArray()) {
            const QJsonObject o = v.toObject();
            if (o.value(u"id"_s).toString() == u"u_dana"_s)
                QCOMPARE(o.value(u"open_assigned"_s).toInt(), open.value(u"u_dana"_s) + 1);
        }
    }

};

QTEST_MAIN(TestApiServer)
#include "tst_apiserver.moc"
