#include "common/ResultCheck.h"
#include "models/Cache.h"
#include "models/CacheConnection.h"
#include "models/SearchHits.h"

#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace assay;
using test::ok;

// The search's table: what SQL reads from search_hits is the hits in
// relevance order (rank, then the newest first), however far it reads, a
// later page starts where the keyset says, and a lookup finds exactly its
// num; SQLite's plan takes the table's order instead of sorting.
class TestSearchHits : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Cache m_cache;
    quint32 m_seed = 0;

    SearchHits &hits() { return m_cache.connection().searchHits(); }

    // `n` hits with few distinct ranks (ties are the common case: one word,
    // all in the text), in num order, with gaps between the nums.
    QList<SearchHits::Hit> randomHits(QRandomGenerator &rng, int n)
    {
        QList<SearchHits::Hit> out;
        qint64 num = 0;
        for (int i = 0; i < n; ++i) {
            num += 1 + rng.bounded(5);
            out.append({num, -double(rng.bounded(7)) * 0.5});
        }
        return out;
    }

    static QList<qint64> relevanceOrder(QList<SearchHits::Hit> h)
    {
        std::sort(h.begin(), h.end(), [](const SearchHits::Hit &a, const SearchHits::Hit &b) {
            return a.rank != b.rank ? a.rank < b.rank : a.num > b.num;
        });
        QList<qint64> nums;
        for (const SearchHits::Hit &x : std::as_const(h))
            nums.append(x.num);
        return nums;
    }

    QList<qint64> nums(const QString &sql, const QVariantList &values = {})
    {
        QSqlQuery q(m_cache.connection().database());
        if (!q.prepare(sql))
            return {-1};
        for (const QVariant &v : values)
            q.addBindValue(v);
        if (!q.exec())
            return {-2};
        QList<qint64> out;
        while (q.next())
            out.append(q.value(0).toLongLong());
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(ok(m_cache.open(m_dir.filePath(QStringLiteral("cache.sqlite")))));
        m_seed = qEnvironmentVariableIsSet("ASSAY_TEST_SEED") ? quint32(qEnvironmentVariableIntValue("ASSAY_TEST_SEED"))
                                                               : QRandomGenerator::global()->generate();
        qInfo("seed %u (replay with ASSAY_TEST_SEED)", m_seed);
    }

    void emptyTableReadsNothing()
    {
        hits().reset({});
        QCOMPARE(nums(QStringLiteral("SELECT num FROM search_hits ORDER BY rank, num DESC")), QList<qint64>());
        QCOMPARE(nums(QStringLiteral("SELECT count(*) FROM search_hits")), QList<qint64>{0});
        QCOMPARE(nums(QStringLiteral("SELECT num FROM search_hits WHERE num = 1")), QList<qint64>());
    }

    // The whole relevance order, read at once, equals a full sort; read by
    // a LIMIT it is its first rows (the part sorted so far is enough).
    void relevanceOrderMatchesAFullSort()
    {
        QRandomGenerator rng(m_seed);
        for (int n : {1, 7, 300, 5000}) {
            const QList<SearchHits::Hit> h = randomHits(rng, n);
            const QList<qint64> expected = relevanceOrder(h);
            hits().reset(h);
            QCOMPARE(nums(QStringLiteral("SELECT num FROM search_hits ORDER BY rank LIMIT 50")), expected.first(std::min(n, 50)));
            QCOMPARE(nums(QStringLiteral("SELECT num FROM search_hits ORDER BY rank, num DESC")), expected);
            QCOMPARE(nums(QStringLiteral("SELECT count(*) FROM search_hits")), QList<qint64>{n});
            // In num order, as stored.
            QList<qint64> byNum;
            for (const SearchHits::Hit &x : h)
                byNum.append(x.num);
            QCOMPARE(nums(QStringLiteral("SELECT num FROM search_hits ORDER BY num")), byNum);
        }
    }

    // Keyset paging as the queue pages: after the last row's (rank, num),
    // 200 at a time, every hit once and in order.
    void keysetPagesCoverEveryHitOnce()
    {
        QRandomGenerator rng(m_seed + 1);
        const QList<SearchHits::Hit> h = randomHits(rng, 3000);
        const QList<qint64> expected = relevanceOrder(h);
        hits().reset(h);
        QList<qint64> seen;
        QSqlQuery q(m_cache.connection().database());
        std::optional<std::pair<double, qint64>> after;
        for (int page = 0; page < 100; ++page) {
            if (after) {
                QVERIFY(q.prepare(QStringLiteral("SELECT num, rank FROM search_hits WHERE rank >= ? AND (rank > ? OR num < ?) "
                                                 "ORDER BY rank, num DESC LIMIT 200")));
                q.addBindValue(after->first);
                q.addBindValue(after->first);
                q.addBindValue(after->second);
            } else {
                QVERIFY(q.prepare(QStringLiteral("SELECT num, rank FROM search_hits ORDER BY rank, num DESC LIMIT 200")));
            }
            QVERIFY(q.exec());
            int rows = 0;
            while (q.next()) {
                seen.append(q.value(0).toLongLong());
                after = std::pair(q.value(1).toDouble(), q.value(0).toLongLong());
                ++rows;
            }
            if (rows < 200)
                break;
        }
        QCOMPARE(seen, expected);
        // The bound alone, both ways, and bounds outside the ranks.
        const double middle = -1.5;
        const auto from = std::count_if(h.cbegin(), h.cend(), [middle](const SearchHits::Hit &x) { return x.rank >= middle; });
        const auto above = std::count_if(h.cbegin(), h.cend(), [middle](const SearchHits::Hit &x) { return x.rank > middle; });
        QCOMPARE(nums(QStringLiteral("SELECT num FROM search_hits WHERE rank >= ? ORDER BY rank, num DESC"), {middle}),
                 expected.last(from));
        QCOMPARE(nums(QStringLiteral("SELECT num FROM search_hits WHERE rank > ? ORDER BY rank, num DESC"), {middle}),
                 expected.last(above));
        QCOMPARE(nums(QStringLiteral("SELECT count(*) FROM search_hits WHERE rank >= ? ORDER BY rank"), {-100}),
                 QList<qint64>{qint64(expected.size())});
        QCOMPARE(nums(QStringLiteral("SELECT num FROM search_hits WHERE rank > ? ORDER BY rank"), {100}), QList<qint64>());
        QCOMPARE(nums(QStringLiteral("SELECT num FROM search_hits WHERE rank >= ? ORDER BY rank"), {QStringLiteral("x")}),
                 QList<qint64>());
    }

    void lookupFindsExactlyItsNum()
    {
        hits().reset({{3, -1.0}, {8, -2.0}, {20, -1.0}});
        QCOMPARE(nums(QStringLiteral("SELECT rank FROM search_hits WHERE num = 8")), QList<qint64>{-2});
        QCOMPARE(nums(QStringLiteral("SELECT num FROM search_hits WHERE num = 20")), QList<qint64>{20});
        QCOMPARE(nums(QStringLiteral("SELECT num FROM search_hits WHERE num = 9")), QList<qint64>());
        QCOMPARE(nums(QStringLiteral("SELECT num FROM search_hits WHERE num = ?"), {QStringLiteral("8x")}), QList<qint64>());
        QCOMPARE(nums(QStringLiteral("SELECT num FROM search_hits WHERE num IN (3, 9, 20) ORDER BY num")), (QList<qint64>{3, 20}));
        // Replaced, not added to.
        hits().reset({{9, -1.0}});
        QCOMPARE(nums(QStringLiteral("SELECT num FROM search_hits")), QList<qint64>{9});
    }

    // The relevance order is the table's own: SQLite neither sorts it nor
    // scans it for a lookup.
    void plansUseTheTablesOrderAndLookups()
    {
        hits().reset({{1, -1.0}, {2, -2.0}});
        const auto plan = [this](const QString &sql) {
            QSqlQuery q(m_cache.connection().database());
            QStringList lines;
            if (!q.exec(QStringLiteral("EXPLAIN QUERY PLAN ") + sql))
                return QStringLiteral("failed");
            while (q.next())
                lines.append(q.value(3).toString());
            return lines.join(QLatin1Char('\n'));
        };
        const QString ranked = plan(QStringLiteral("SELECT num FROM search_hits ORDER BY rank, num DESC LIMIT 10"));
        QVERIFY2(!ranked.contains(QLatin1String("TEMP B-TREE")), qPrintable(ranked));
        const QString lookup = plan(QStringLiteral("SELECT s.id FROM submissions s JOIN search_hits h ON h.num = s.num "
                                                   "WHERE s.id = 'x'"));
        QVERIFY2(lookup.contains(QLatin1String("VIRTUAL TABLE INDEX 2")), qPrintable(lookup));
    }
};

QTEST_GUILESS_MAIN(TestSearchHits)
#include "tst_searchhits.moc"
