#include "common/HttpClient.h"
#include "common/LoopbackMarketplace.h"
#include "server/FaultInjector.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <vector>

using namespace assay;
using namespace assay::server;
using namespace assay::test;
using namespace Qt::StringLiterals;

namespace {
// The fault seeds of this run: random, printed, and taken back from
// ASSAY_TEST_SEED to replay a failure.
quint32 testSeed()
{
    static const quint32 seed = [] {
        bool ok = false;
        const quint32 fromEnv = qEnvironmentVariable("ASSAY_TEST_SEED").toUInt(&ok);
        const quint32 s = ok ? fromEnv : QRandomGenerator::global()->generate();
        qInfo("fault seed %u (replay with ASSAY_TEST_SEED=%u)", s, s);
        return s;
    }();
    return seed;
}

// The first seed from testSeed() on whose sequence `wanted` holds.
std::optional<quint32> findSeed(const std::function<bool(FaultInjector &)> &wanted, quint32 tries)
{
    for (quint32 i = 0; i < tries; ++i) {
        FaultInjector f(1.0, testSeed() + i);
        if (wanted(f))
            return testSeed() + i;
    }
    return std::nullopt;
}
} // namespace

// --faults: every kind of misbehaviour, over real HTTP, deterministically.
class TestFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        testSeed();
    }

    void deterministicForASeed()
    {
        const quint32 seed = testSeed();
        FaultInjector a(0.3, seed), b(0.3, seed), c(0.3, seed + 1);
        QList<FaultInjector::Fault> sa, sb, sc;
        for (int i = 0; i < 200; ++i) {
            sa.append(a.next());
            sb.append(b.next());
            sc.append(c.next());
        }
        QCOMPARE(sa, sb);
        QVERIFY(sa != sc);
        const auto faulty = std::count_if(sa.cbegin(), sa.cend(), [](auto f) { return f != FaultInjector::Fault::None; });
        // About 30 % of 200 (60, sd 6.5): outside 20-100 is a broken injector.
        QVERIFY2(faulty > 20 && faulty < 100, qPrintable(QString::number(faulty)));
        FaultInjector none(0.0, seed);
        for (int i = 0; i < 50; ++i)
            QCOMPARE(none.next(), FaultInjector::Fault::None);
    }

    void everyKindOverHttp()
    {
        // P = 1: every request is a fault; the kinds follow the seed's
        // sequence, which a second injector predicts.
        ApiServer::Options options = LoopbackMarketplace::quietOptions();
        options.faultProbability = 1.0;
        options.faultSeed = testSeed();
        LoopbackMarketplace market(12, options);
        QVERIFY2(market.ok(), qPrintable(market.error()));
        HttpClient http(market.url());
        FaultInjector predict(1.0, testSeed());
        QSet<FaultInjector::Fault> seen;
        // Seven kinds drawn evenly: 200 draws miss one with odds of 1e-13.
        for (int i = 0; i < 200 && seen.size() < 7; ++i) {
            const auto fault = predict.next();
            if (fault == FaultInjector::Fault::Delay)
                predict.delayMs();
            const auto r = http.get(u"/api/v1/submissions?limit=5"_s, LoopbackMarketplace::token(u"u_alice"_s));
            seen.insert(fault);
            switch (fault) {
            case FaultInjector::Fault::InternalError:
                QCOMPARE(r.status, 500);
                QCOMPARE(r.errorCode(), u"internal"_s);
                break;
            case FaultInjector::Fault::Unavailable:
                QCOMPARE(r.status, 503);
                QCOMPARE(r.header("Retry-After"), "1");
                break;
            case FaultInjector::Fault::RateLimited:
                QCOMPARE(r.status, 429);
                QCOMPARE(r.errorCode(), u"rate_limited"_s);
                QCOMPARE(r.header("Retry-After"), "1");
                break;
            case FaultInjector::Fault::Delay:
                QCOMPARE(r.status, 200);
                QVERIFY(r.isJson());
                QVERIFY2(r.elapsedMs >= 190, qPrintable(QString::number(r.elapsedMs)));
                break;
            case FaultInjector::Fault::CutConnection:
                QVERIFY2(r.error != QNetworkReply::NoError, "a cut connection must not look like a whole response");
                QVERIFY(!r.isJson());
                break;
            case FaultInjector::Fault::TruncatedJson:
            case FaultInjector::Fault::MalformedJson:
                QCOMPARE(r.status, 200);
                QVERIFY(!r.isJson());
                break;
            case FaultInjector::Fault::None:
                QFAIL("P = 1 gave no fault");
            }
        }
        QCOMPARE(seen.size(), 7);
    }

    void evidenceCutMidBodyCanResume()
    {
        ApiServer::Options options = LoopbackMarketplace::quietOptions();
        LoopbackMarketplace market(6, options);
        QVERIFY(market.ok());
        const auto sub = market.store().submission(u"s_00001"_s);
        const EvidenceItem item = sub->evidence.first();
        // Serve the same store with every response cut.
        options.faultProbability = 1.0;
        // A seed whose first fault is a cut (one in seven is).
        const auto seed = findSeed([](FaultInjector &f) { return f.next() == FaultInjector::Fault::CutConnection; }, 1000);
        QVERIFY2(seed, "no seed among 1000 starts with a cut");
        options.faultSeed = *seed;
        QVERIFY(market.restart(options));
        HttpClient http(market.url());
        const auto cut = http.get(u"/api/v1/evidence/"_s + item.id, LoopbackMarketplace::token(u"u_alice"_s));
        QVERIFY(cut.error != QNetworkReply::NoError);
        QVERIFY(cut.body.size() < item.size);
        // The rest, with Range, from a well-behaved server.
        QVERIFY(market.restart(LoopbackMarketplace::quietOptions()));
        HttpClient again(market.url());
        QHttpHeaders h;
        h.append(QHttpHeaders::WellKnownHeader::Range, "bytes=" + QByteArray::number(cut.body.size()) + '-');
        const auto rest = again.get(u"/api/v1/evidence/"_s + item.id, LoopbackMarketplace::token(u"u_alice"_s), h);
        QCOMPARE(rest.status, 206);
        const QByteArray whole = cut.body + rest.body;
        QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(whole, QCryptographicHash::Sha256).toHex()), item.sha256);
    }

    void cutsNeverLookWhole()
    {
        // Many evidence downloads at once on several connections, half of
        // them damaged: whatever completes without an error is whole.
        ApiServer::Options options = LoopbackMarketplace::quietOptions();
        options.faultProbability = 0.5;
        options.faultSeed = testSeed();
        LoopbackMarketplace market(8, options);
        QVERIFY(market.ok());
        QList<EvidenceItem> items;
        const auto page = market.store().feed(0, 100);
        for (const SubmissionSummary &s : page->items)
            items += market.store().submission(s.id)->evidence;
        int whole = 0, failed = 0;
        QList<QNetworkReply *> replies;
        // A manager (so a connection) of its own for each download: a cut
        // then damages only its own reply, never the ones queued behind it
        // on a shared connection — with those, some fault seeds left not one
        // download whole and proved nothing.
        std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
        for (const EvidenceItem &e : items) {
            QNetworkAccessManager &nam = *managers.emplace_back(std::make_unique<QNetworkAccessManager>());
            QNetworkRequest req(QUrl(market.url().toString() + u"/api/v1/evidence/"_s + e.id));
            req.setRawHeader("Authorization", "Bearer " + LoopbackMarketplace::token(u"u_bob"_s).toUtf8());
            QNetworkReply *reply = nam.get(req);
            reply->setProperty("sha", e.sha256);
            reply->setProperty("size", e.size);
            replies.append(reply);
        }
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(replies.cbegin(), replies.cend(), [](QNetworkReply *x) { return x->isFinished(); }), 60000);
        for (QNetworkReply *reply : replies) {
            const QByteArray body = reply->readAll();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const qint64 declared = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
            if (reply->error() == QNetworkReply::NoError && status == 200 && body.size() < declared) {
                // Qt 6.8 sometimes ends a reply cut by a close without an
                // error; the declared length still tells it apart.
                QCOMPARE(declared, reply->property("size").toLongLong());
                ++failed;
            } else if (reply->error() == QNetworkReply::NoError && status == 200) {
                QCOMPARE(body.size(), reply->property("size").toLongLong());
                QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex()),
                         reply->property("sha").toString());
                ++whole;
            } else {
                ++failed;
            }
            reply->deleteLater();
        }
        qInfo("%d whole, %d failed", whole, failed);
        QVERIFY(whole > 0);
        QVERIFY(failed > 0);
    }

    void largeBodiesCutAreNeverWhole()
    {
        // Every answer cut: a big log must never arrive "complete" with half
        // its bytes (the socket buffer is far smaller than the body).
        // A seed whose first six faults all damage the body (3 kinds of 7:
        // one seed in about 160).
        const auto seed = findSeed([](FaultInjector &f) {
            for (int i = 0; i < 6; ++i) {
                const auto k = f.next();
                if (k != FaultInjector::Fault::CutConnection && k != FaultInjector::Fault::TruncatedJson
                    && k != FaultInjector::Fault::MalformedJson)
                    return false;
            }
            return true;
        }, 100000);
        QVERIFY2(seed, "no seed among 100000 starts with six damaged bodies");
        ApiServer::Options options = LoopbackMarketplace::quietOptions();
        LoopbackMarketplace market(40, options);
        QVERIFY(market.ok());
        EvidenceItem biggest;
        const auto page = market.store().feed(0, 100);
        for (const SubmissionSummary &s : page->items) {
            const auto sub = market.store().submission(s.id);
            for (const EvidenceItem &e : sub->evidence) {
                if (e.size > biggest.size)
                    biggest = e;
            }
        }
        QVERIFY(biggest.size > 1000000);
        options.faultProbability = 1.0;
        options.faultSeed = *seed;
        QVERIFY(market.restart(options));
        HttpClient http(market.url());
        for (int i = 0; i < 6; ++i) {
            const auto r = http.get(u"/api/v1/evidence/"_s + biggest.id, LoopbackMarketplace::token(u"u_bob"_s));
            // Detectable either way: an error, or (Qt 6.8 sometimes ends a
            // reply cut by a close without one) fewer bytes than the length
            // the server declared for the whole file.
            const qint64 declared = r.header("content-length").toLongLong();
            QVERIFY2(r.error != QNetworkReply::NoError || (declared == biggest.size && r.body.size() < declared),
                     qPrintable(u"%1 of %2 bytes looked whole"_s.arg(r.body.size()).arg(biggest.size)));
            QVERIFY(r.body.size() < biggest.size);
        }
    }

    void latencyDelaysEveryAnswer()
    {
        ApiServer::Options options = LoopbackMarketplace::quietOptions();
        options.latencyMs = 300;
        LoopbackMarketplace market(3, options);
        QVERIFY(market.ok());
        HttpClient http(market.url());
        const auto r = http.get(u"/api/v1/me"_s, LoopbackMarketplace::token(u"u_bob"_s));
        QCOMPARE(r.status, 200);
        // A lower bound only: a slow machine makes it longer, never shorter.
        QVERIFY2(r.elapsedMs >= 290, qPrintable(QString::number(r.elapsedMs)));
    }

    void latencyBlocksNoOtherRequest()
    {
        // With a delay longer than the test, the server takes in all three
        // requests while none has been answered: a delayed answer holds up
        // nothing. (A server that slept in its handler would take in the
        // second request only once the first was answered, a minute later.)
        ApiServer::Options options = LoopbackMarketplace::quietOptions();
        options.latencyMs = 60 * 60 * 1000;
        LoopbackMarketplace market(3, options);
        QVERIFY(market.ok());
        QSignalSpy received(&market.api(), &ApiServer::requestReceived);
        QSignalSpy served(&market.api(), &ApiServer::requestServed);
        QNetworkAccessManager nam;
        for (int i = 0; i < 3; ++i) {
            QNetworkRequest req(QUrl(market.url().toString() + u"/api/v1/me"_s));
            req.setRawHeader("Authorization", "Bearer " + LoopbackMarketplace::token(u"u_bob"_s).toUtf8());
            nam.get(req);
        }
        QTRY_COMPARE_WITH_TIMEOUT(received.count(), 3, 60000);
        QCOMPARE(served.count(), 0);
        // The answers still waiting are dropped with the server.
        market.stop();
    }
};

QTEST_MAIN(TestFaults)
#include "tst_faults.moc"
