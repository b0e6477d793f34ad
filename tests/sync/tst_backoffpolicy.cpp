#include "sync/ApiError.h"
#include "sync/BackoffPolicy.h"

#include <QTest>

using namespace assay;

// The retry rules on their own: no network, no timer; the jitter's source
// is fixed to its lowest or highest value.
class TestBackoffPolicy : public QObject
{
    Q_OBJECT

    static ApiError error(ApiError::Kind kind, int retryAfterSeconds = -1)
    {
        ApiError e;
        e.kind = kind;
        e.retryAfterSeconds = retryAfterSeconds;
        return e;
    }
    static BackoffPolicy::Random lowest() { return [](int) { return 0; }; }
    static BackoffPolicy::Random highest() { return [](int bound) { return bound - 1; }; }

private Q_SLOTS:
    void onlyTransientErrorsAreRetried_data()
    {
        QTest::addColumn<ApiError::Kind>("kind");
        QTest::addColumn<bool>("retried");
        QTest::newRow("offline") << ApiError::Kind::Offline << true;
        QTest::newRow("5xx") << ApiError::Kind::ServerError << true;
        QTest::newRow("429") << ApiError::Kind::RateLimited << true;
        QTest::newRow("undecodable") << ApiError::Kind::BadResponse << true;
        QTest::newRow("401") << ApiError::Kind::Unauthorized << false;
        QTest::newRow("403") << ApiError::Kind::Forbidden << false;
        QTest::newRow("404") << ApiError::Kind::NotFound << false;
        QTest::newRow("409") << ApiError::Kind::Conflict << false;
        QTest::newRow("422") << ApiError::Kind::Rejected << false;
        QTest::newRow("tls") << ApiError::Kind::Tls << false;
        QTest::newRow("refused by the client") << ApiError::Kind::Refused << false;
        QTest::newRow("larger than declared") << ApiError::Kind::Oversize << false;
        QTest::newRow("206 from the wrong offset") << ApiError::Kind::BadRange << false;
    }

    void onlyTransientErrorsAreRetried()
    {
        QFETCH(ApiError::Kind, kind);
        QFETCH(bool, retried);
        const BackoffPolicy policy(5, 8000, lowest());
        int attempts = 0;
        QCOMPARE(policy.next(error(kind), attempts).has_value(), retried);
        QCOMPARE(attempts, retried ? 1 : 0);
    }

    void attemptsRunOut()
    {
        const BackoffPolicy policy(3, 8000, lowest());
        int attempts = 0;
        QVERIFY(policy.next(error(ApiError::Kind::Offline), attempts));
        QVERIFY(policy.next(error(ApiError::Kind::Offline), attempts));
        QVERIFY(policy.next(error(ApiError::Kind::Offline), attempts));
        QVERIFY(!policy.next(error(ApiError::Kind::Offline), attempts));
        QCOMPARE(attempts, 4);
    }

    // Exponential from 100 ms, full jitter in the upper half, capped.
    void backoffGrowsWithinItsBounds_data()
    {
        QTest::addColumn<int>("attempts");
        QTest::addColumn<int>("low");
        QTest::addColumn<int>("high");
        QTest::newRow("1st retry") << 1 << 100 << 200;
        QTest::newRow("2nd") << 2 << 200 << 400;
        QTest::newRow("3rd") << 3 << 400 << 800;
        QTest::newRow("6th: capped at 5000") << 6 << 2500 << 5000;
        QTest::newRow("40th: still capped") << 40 << 2500 << 5000;
    }

    void backoffGrowsWithinItsBounds()
    {
        QFETCH(int, attempts);
        QFETCH(int, low);
        QFETCH(int, high);
        QCOMPARE(BackoffPolicy(12, 5000, lowest()).delayMs(error(ApiError::Kind::ServerError), attempts), low);
        QCOMPARE(BackoffPolicy(12, 5000, highest()).delayMs(error(ApiError::Kind::ServerError), attempts), high);
    }

    void retryAfterIsHonouredAndCapped()
    {
        const BackoffPolicy low(12, 500, lowest());
        const BackoffPolicy high(12, 500, highest());
        // The server's wait wins over the (smaller) backoff ceiling.
        QCOMPARE(low.delayMs(error(ApiError::Kind::RateLimited, 3), 1), 3000);
        QCOMPARE(high.delayMs(error(ApiError::Kind::RateLimited, 3), 1), 3099);
        QCOMPARE(low.delayMs(error(ApiError::Kind::ServerError, 0), 5), 0);
        // A server asking for an hour gets a minute.
        QCOMPARE(low.delayMs(error(ApiError::Kind::RateLimited, 3600), 1), 60000);
    }

    // The default jitter source stays inside the same bounds.
    void defaultJitterStaysInBounds()
    {
        const BackoffPolicy policy(12, 8000);
        for (int i = 0; i < 200; ++i) {
            const int d = policy.delayMs(error(ApiError::Kind::Offline), 4);
            QVERIFY2(d >= 800 && d <= 1600, qPrintable(QString::number(d)));
        }
    }
};

QTEST_GUILESS_MAIN(TestBackoffPolicy)
#include "tst_backoffpolicy.moc"
