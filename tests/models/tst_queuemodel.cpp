#include "QueueFixture.h"

#include "common/ResultCheck.h"
#include "common/TestData.h"
#include "models/Cache.h"
#include "models/QueueModel.h"
#include "models/SubmissionStore.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace assay;
using test::ok;
using test::QueueFixture;

class TestQueueModel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;

    QString freshPath() { return m_dir.filePath(QStringLiteral("cache-%1.sqlite").arg(++m_files)); }

    static QStringList loadedIds(const QueueModel &model)
    {
        QStringList ids;
        for (int r = 0; r < model.rowCount(); ++r)
            ids.append(model.index(r, 0).data(QueueModel::IdRole).toString());
        return ids;
    }

    static void fetchAll(QueueModel &model)
    {
        for (int guard = 0; guard < 1000 && model.canFetchMore({}); ++guard)
            model.fetchMore({});
    }

    // `count` submissions s_00000 ... in one transaction: s_N was submitted
    // N hours after the first, so newest first is N descending.
    static bool fillMany(Cache &cache, int count)
    {
        QList<Submission> all;
        for (int i = 0; i < count; ++i)
            all.append(test::submission(i));
        return ok(cache.submissions().store(all));
    }

    static QString idOf(int n) { return test::summary(n).id; }

private Q_SLOTS:
    void showsTheQueueWithNames()
    {
        Cache cache;
        QVERIFY(ok(cache.open(freshPath())));
        QVERIFY(QueueFixture::fill(cache));
        QueueModel model(&cache);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setContext(QueueFixture::context(QStringLiteral("u_alice"), {QStringLiteral("reviewer")}));
        QCOMPARE(model.rowCount(), 17);
        QCOMPARE(model.totalCount(), 17);
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(model.columnCount(), int(QueueModel::ColumnCount));
        // Newest submitted first.
        QCOMPARE(model.index(0, 0).data(QueueModel::IdRole).toString(), QStringLiteral("q16"));
        const auto cell = [&model](const QString &id, int column, int role = Qt::DisplayRole) {
            return model.index(model.indexOfId(id).row(), column).data(role);
        };
        QCOMPARE(cell(QStringLiteral("q01"), QueueModel::AppColumn).toString(), QStringLiteral("Atlas CRM"));
        QCOMPARE(cell(QStringLiteral("q01"), QueueModel::PartnerColumn).toString(), QStringLiteral("Odd Partners"));
        QCOMPARE(cell(QStringLiteral("q01"), QueueModel::StatusColumn).toString(), QStringLiteral("In review"));
        QCOMPARE(cell(QStringLiteral("q04"), QueueModel::StageColumn).toString(), QStringLiteral("Security"));
        // Names, never ids.
        QCOMPARE(cell(QStringLiteral("q01"), QueueModel::AssigneeColumn).toString(), QStringLiteral("Alice Reviewer"));
        QCOMPARE(cell(QStringLiteral("q01"), QueueModel::AssigneeColumn, QueueModel::AssigneeRole).toString(),
                 QStringLiteral("u_alice"));
        QCOMPARE(cell(QStringLiteral("q03"), QueueModel::AssigneeColumn).toString(), QStringLiteral("Unassigned"));
        QVERIFY(cell(QStringLiteral("q02"), QueueModel::AgeColumn).toString().startsWith(QStringLiteral("10 day")));
        QVERIFY(cell(QStringLiteral("q06"), QueueModel::DateColumn).toString().startsWith(QStringLiteral("Badge expires 2026-12-")));
        QVERIFY(cell(QStringLiteral("q13"), QueueModel::DateColumn).toString().startsWith(QStringLiteral("Resubmit from 2026-12-")));
        QCOMPARE(cell(QStringLiteral("q01"), QueueModel::DateColumn).toString(), QString());
        QCOMPARE(cell(QStringLiteral("q12"), QueueModel::KindColumn).toString(), QStringLiteral("Re-validation"));
        QCOMPARE(cell(QStringLiteral("q16"), QueueModel::KindColumn).toString(), QStringLiteral("Resubmission"));
        QCOMPARE(cell(QStringLiteral("q01"), QueueModel::LocalStateColumn).toString(), QStringLiteral("Pending upload"));
        QCOMPARE(cell(QStringLiteral("q04"), QueueModel::LocalStateColumn).toString(), QStringLiteral("Conflict"));
        QCOMPARE(cell(QStringLiteral("q02"), QueueModel::LocalStateColumn, QueueModel::LocalStateRole).toString(),
                 QStringLiteral("failed"));
        QCOMPARE(cell(QStringLiteral("q05"), QueueModel::LocalStateColumn).toString(), QString());
        QCOMPARE(model.headerData(QueueModel::DateColumn, Qt::Horizontal).toString(), QStringLiteral("Badge / resubmission"));
        QVERIFY(!model.indexOfId(QStringLiteral("q99")).isValid());
    }

    void eachViewThroughTheModel()
    {
        Cache cache;
        QVERIFY(ok(cache.open(freshPath())));
        QVERIFY(QueueFixture::fill(cache));
        QueueModel model(&cache);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setContext(QueueFixture::context(QStringLiteral("u_alice"), {QStringLiteral("reviewer")}));
        const QHash<SavedView, QStringList> expected = QueueFixture::expectedForAlice();
        const QHash<SavedView, int> counts = ok(model.viewCounts());
        for (SavedView v : allSavedViews()) {
            QueueFilter f;
            f.view = v;
            model.setFilter(f);
            QStringList ids = loadedIds(model);
            ids.sort();
            QCOMPARE(ids, expected.value(v));
            QCOMPARE(model.totalCount(), int(expected.value(v).size()));
            QCOMPARE(counts.value(v), int(expected.value(v).size()));
        }
    }

    void fetchesPagesInOrder()
    {
        Cache cache;
        QVERIFY(ok(cache.open(freshPath())));
        QVERIFY(fillMany(cache, 450));
        QueueModel model(&cache);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reload(); // the tester fetched a page of its own
        QCOMPARE(model.rowCount(), QueueModel::FirstPageSize);
        QCOMPARE(model.totalCount(), 450);
        QVERIFY(model.canFetchMore({}));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.fetchMore({});
        QCOMPARE(model.rowCount(), QueueModel::FirstPageSize + QueueModel::PageSize);
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 450); // 64 + 200 + 186
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(inserted.count(), 2);
        QStringList expected;
        for (int n = 449; n >= 0; --n)
            expected.append(idOf(n));
        QCOMPARE(loadedIds(model), expected);
        QCOMPARE(model.indexOfId(idOf(0)).row(), 449);
    }

    // Sorting re-queries: the first page is the first of the new order.
    void sortsInSql()
    {
        Cache cache;
        QVERIFY(ok(cache.open(freshPath())));
        QVERIFY(fillMany(cache, 450));
        QueueModel model(&cache);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.sort(QueueModel::SubmittedColumn, Qt::AscendingOrder);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), QueueModel::FirstPageSize);
        QCOMPARE(model.index(0, 0).data(QueueModel::IdRole).toString(), idOf(0));
        QCOMPARE(model.index(63, 0).data(QueueModel::IdRole).toString(), idOf(63));
        // Age: oldest first is descending age.
        model.sort(QueueModel::AgeColumn, Qt::DescendingOrder);
        QCOMPARE(model.index(0, 0).data(QueueModel::IdRole).toString(), idOf(0));
        model.sort(QueueModel::AppColumn, Qt::AscendingOrder);
        fetchAll(model);
        QCOMPARE(model.rowCount(), 450);
        QStringList apps;
        for (int r = 0; r < model.rowCount(); ++r)
            apps.append(model.index(r, QueueModel::AppColumn).data().toString());
        QStringList sorted = apps;
        std::stable_sort(sorted.begin(), sorted.end(),
                         [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
        QCOMPARE(apps, sorted);
        const QStringList ids = loadedIds(model);
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), 450);
    }

    // The engine's announcement reads again only the rows that are loaded
    // (and places newcomers that sort into them); the rest come with their
    // page, once.
    void refreshTouchesOnlyLoadedRows()
    {
        Cache cache;
        QVERIFY(ok(cache.open(freshPath())));
        QVERIFY(fillMany(cache, 450));
        QueueModel model(&cache);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reload(); // the tester fetched a page of its own
        QCOMPARE(model.rowCount(), QueueModel::FirstPageSize); // s_00449 ... s_00386
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy counts(&model, &QueueModel::countsChanged);

        // Not loaded: nothing happens on screen.
        SubmissionSummary far = test::summary(10, 3);
        far.status = SubmissionSummary::Status::Rejected;
        QVERIFY(ok(cache.submissions().applyFeedPage({far}, QStringLiteral("c1"))));
        model.refreshIds({far.id});
        QCOMPARE(changed.count() + inserted.count() + removed.count() + reset.count(), 0);
        QCOMPARE(counts.count(), 1);

        // Loaded: its row, once.
        SubmissionSummary near = test::summary(400, 3);
        near.status = SubmissionSummary::Status::Rejected;
        QVERIFY(ok(cache.submissions().applyFeedPage({near}, QStringLiteral("c2"))));
        model.refreshIds({near.id});
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 49);
        QCOMPARE(model.index(49, QueueModel::StatusColumn).data().toString(), QStringLiteral("Rejected"));

        // A newcomer that sorts into the loaded rows appears in its place;
        // one that sorts after them waits for its page.
        SubmissionSummary newest = test::summary(1000);
        SubmissionSummary oldest = test::summary(2000);
        oldest.submittedAt = test::summary(0).submittedAt.addDays(-30);
        QVERIFY(ok(cache.submissions().applyFeedPage({newest, oldest}, QStringLiteral("c3"))));
        model.refreshIds({newest.id, oldest.id});
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.index(0, 0).data(QueueModel::IdRole).toString(), newest.id);
        QVERIFY(!model.indexOfId(oldest.id).isValid());
        QCOMPARE(model.indexOfId(near.id).row(), 50);
        QCOMPARE(model.totalCount(), 452);
        QCOMPARE(reset.count(), 0);

        fetchAll(model);
        const QStringList ids = loadedIds(model);
        QCOMPARE(ids.size(), 452);
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), 452);
        QCOMPARE(ids.last(), oldest.id);
    }

    // A changed row that no longer matches the filter goes.
    void refreshRemovesWhatFallsOut()
    {
        Cache cache;
        QVERIFY(ok(cache.open(freshPath())));
        QVERIFY(QueueFixture::fill(cache));
        QueueModel model(&cache);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setContext(QueueFixture::context(QStringLiteral("u_alice"), {QStringLiteral("reviewer")}));
        QueueFilter f;
        f.view = SavedView::MyQueue;
        model.setFilter(f);
        QCOMPARE(model.rowCount(), 2);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        Submission q01 = QueueFixture::submissions().at(0);
        q01.summary.version = 5;
        q01.summary.assignee = QStringLiteral("u_bob");
        Submission q02 = QueueFixture::submissions().at(1);
        q02.summary.version = 5;
        q02.summary.assignee = QStringLiteral("u_alice");
        QVERIFY(ok(cache.submissions().store(QList<Submission>{q01, q02})));
        model.refreshIds({q01.summary.id, q02.summary.id});
        QCOMPARE(removed.count(), 1);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(loadedIds(model), QStringList({QStringLiteral("q16"), QStringLiteral("q02")}));
        QCOMPARE(model.totalCount(), 2);
        QCOMPARE(model.indexOfId(QStringLiteral("q02")).row(), 1);
    }

    void searchNarrowsRanksAndClears()
    {
        Cache cache;
        QVERIFY(ok(cache.open(freshPath())));
        QVERIFY(fillMany(cache, 10));
        QueueModel model(&cache);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setSearchText(QStringLiteral("helpdesk"));
        QStringList ids = loadedIds(model);
        ids.sort();
        QCOMPARE(ids, QStringList({idOf(3), idOf(8)}));
        QCOMPARE(model.totalCount(), 2);
        QCOMPARE(model.filter().search, QStringLiteral("helpdesk"));
        // The snippet column shows where the word is.
        for (int r = 0; r < model.rowCount(); ++r) {
            const QString snippet = model.index(r, QueueModel::MatchColumn).data().toString();
            const QList<QPoint> ranges = model.index(r, QueueModel::MatchColumn).data(QueueModel::MatchRangesRole).value<QList<QPoint>>();
            QVERIFY2(!ranges.isEmpty(), qPrintable(snippet));
            QCOMPARE(snippet.mid(ranges.first().x(), ranges.first().y()).toLower(), QStringLiteral("helpdesk"));
        }
        QCOMPARE(reset.count(), 1);
        model.setSearchText(QStringLiteral("helpdesk")); // unchanged: no reset
        QCOMPARE(reset.count(), 1);
        // The user's sort wins over relevance while searching.
        model.sort(QueueModel::SubmittedColumn, Qt::AscendingOrder);
        QCOMPARE(loadedIds(model), QStringList({idOf(3), idOf(8)}));
        model.sort(QueueModel::SubmittedColumn, Qt::DescendingOrder);
        QCOMPARE(loadedIds(model), QStringList({idOf(8), idOf(3)}));
        // Junk that says nothing searchable is no search at all.
        model.setSearchText(QStringLiteral("\" ("));
        QCOMPARE(model.totalCount(), 10);
        model.setSearchText(QStringLiteral("no-such-thing"));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.totalCount(), 0);
        model.setSearchText(QString());
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(model.totalCount(), 10);
    }

    // A word in every submission, in the name of every seventh: page after
    // page in relevance order (the names first, the newest first among
    // equals), each once; a narrower view the same, with its rows only; and
    // a change announced while searching keeps the order whole.
    void searchPagesInRelevanceOrder()
    {
        Cache cache;
        QVERIFY(ok(cache.open(freshPath())));
        QList<Submission> all;
        QStringList inName, inText;
        for (int i = 0; i < 450; ++i) {
            Submission s = test::submission(i);
            s.answers[0].text += QStringLiteral(" Stored in the nimbus vault.");
            if (i % 7 == 0)
                s.summary.appName = QStringLiteral("Nimbus %1").arg(i);
            all.append(s);
        }
        for (int i = 449; i >= 0; --i)
            (i % 7 == 0 ? inName : inText).append(idOf(i));
        QVERIFY(ok(cache.submissions().store(all)));
        QueueModel model(&cache);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSearchText(QStringLiteral("nimbus"));
        QCOMPARE(model.rowCount(), QueueModel::FirstPageSize);
        fetchAll(model);
        QCOMPARE(loadedIds(model), inName + inText);
        QCOMPARE(model.totalCount(), 450);

        // Announced changes re-run the search: rows stay once and in order.
        all[14].summary.version = 2;
        all[14].answers[0].text = QStringLiteral("Nothing to see.");
        all[15].summary.version = 2;
        QVERIFY(ok(cache.submissions().store({all[14], all[15]})));
        model.refreshIds({idOf(14), idOf(15)});
        QStringList expected = inName + inText;
        QCOMPARE(loadedIds(model), expected); // 14 is still in its name
        all[16].summary.version = 2;
        all[16].answers[0].text = QStringLiteral("Nothing to see.");
        QVERIFY(ok(cache.submissions().store({all[16]})));
        model.refreshIds({idOf(16)});
        expected.removeOne(idOf(16));
        QCOMPARE(loadedIds(model), expected);
        QCOMPARE(model.totalCount(), 449);

        // The unassigned view with the same search: its rows only, in the
        // same order.
        QueueFilter filter = model.filter();
        filter.view = SavedView::Unassigned;
        model.setFilter(filter);
        fetchAll(model);
        QStringList unassigned;
        for (const QString &id : std::as_const(expected)) {
            if (!all.at(id.mid(2).toInt()).summary.assignee)
                unassigned.append(id);
        }
        QVERIFY(!unassigned.isEmpty() && unassigned.size() < expected.size());
        QCOMPARE(loadedIds(model), unassigned);
    }
};

QTEST_GUILESS_MAIN(TestQueueModel)
#include "tst_queuemodel.moc"
