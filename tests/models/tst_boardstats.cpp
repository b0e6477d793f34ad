#include "common/BoardFixture.h"
#include "models/BoardStats.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace assay;
using test::ok;

// The board's figures on the fixture of BoardFixture.h, worked out by hand.
class TestBoardStats : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Cache> m_cache;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_cache = std::make_unique<Cache>();
        QVERIFY(ok(m_cache->open(m_dir.filePath(QStringLiteral("cache.sqlite")))));
        test::seedBoard(*m_cache);
    }

    void cleanupTestCase() { m_cache.reset(); }

    void decisionsPerWeek()
    {
        BoardStats stats(*m_cache);
        stats.setNow(test::boardNow());
        const BoardStats::DecisionsPerWeek d = ok(stats.decisionsPerWeek(8));
        QCOMPARE(d.weeks.size(), 8);
        QCOMPARE(d.weeks.first(), QDate(2026, 10, 12));
        QCOMPARE(d.weeks.last(), QDate(2026, 11, 30));
        // bob: 5 Nov (s_7), 15 Nov, a Sunday (s_3); sam: 10 Nov (s_7),
        // 28 Nov (s_3); alice: 26 Nov (s_6). Bob's reject of 1 Sep is
        // before the span.
        QCOMPARE(d.series.size(), 3);
        QCOMPARE(d.series.at(0).name, QStringLiteral("Alice Reviewer"));
        QCOMPARE(d.series.at(0).counts, (QList<int>{0, 0, 0, 0, 0, 0, 1, 0}));
        QCOMPARE(d.series.at(1).userId, QStringLiteral("u_bob"));
        QCOMPARE(d.series.at(1).counts, (QList<int>{0, 0, 0, 1, 1, 0, 0, 0}));
        QCOMPARE(d.series.at(2).name, QStringLiteral("Sam Security"));
        QCOMPARE(d.series.at(2).counts, (QList<int>{0, 0, 0, 0, 1, 0, 1, 0}));

        // A shorter span leaves the older weeks out.
        const BoardStats::DecisionsPerWeek two = ok(stats.decisionsPerWeek(2));
        QCOMPARE(two.weeks, (QList<QDate>{QDate(2026, 11, 23), QDate(2026, 11, 30)}));
        QCOMPARE(two.series.size(), 2);
        QCOMPARE(two.series.at(0).counts, (QList<int>{1, 0}));
    }

    void timeInStage()
    {
        BoardStats stats(*m_cache);
        const QList<BoardStats::StageTime> t = ok(stats.timeInStage());
        QCOMPARE(t.size(), 2);
        // Review stints: s_3 5 d, s_6 4 d, s_7 5 d, s_9 10 d -> 4 5 5 10.
        QCOMPARE(t.at(0).stage, QStringLiteral("review"));
        QCOMPARE(t.at(0).count, 4);
        QCOMPARE(t.at(0).medianDays, 5.0);
        QVERIFY(qFuzzyCompare(t.at(0).p90Days, 8.5));
        // Security: s_3 13 d (approved 15 d ago, returned 2 d ago), s_7 5 d.
        QCOMPARE(t.at(1).stage, QStringLiteral("security"));
        QCOMPARE(t.at(1).count, 2);
        QVERIFY(qFuzzyCompare(t.at(1).medianDays, 9.0));
        QVERIFY(qFuzzyCompare(t.at(1).p90Days, 12.2));
    }

    void ageing()
    {
        BoardStats stats(*m_cache);
        stats.setNow(test::boardNow());
        // Open: s_2 3 d, s_4 1 d | s_1 10, s_6 8 | s_3 20 | s_5 40 | s_8 70.
        const BoardStats::Ageing a = ok(stats.ageing());
        QCOMPARE(a.counts, (std::array<int, 5>{2, 2, 1, 1, 1}));
    }

    void quantiles()
    {
        QCOMPARE(BoardStats::quantile({}, 0.5), 0.0);
        QCOMPARE(BoardStats::quantile({7}, 0.9), 7.0);
        QCOMPARE(BoardStats::quantile({3, 1, 2}, 0.5), 2.0);
        QCOMPARE(BoardStats::quantile({1, 2, 3, 4}, 0.5), 2.5);
        QVERIFY(qFuzzyCompare(BoardStats::quantile({10, 20, 30, 40, 50, 60, 70, 80, 90, 100}, 0.9), 91.0));
    }
};

QTEST_GUILESS_MAIN(TestBoardStats)
#include "tst_boardstats.moc"
