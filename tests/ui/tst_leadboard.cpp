#include "common/BoardFixture.h"
#include "models/Outbox.h"
#include "models/Profile.h"
#include "ui/MainWindow.h"
#include "ui/board/BalanceDialog.h"
#include "ui/board/BoardCharts.h"
#include "ui/board/LeadBoard.h"
#include "ui/board/ReviewerList.h"
#include "ui/board/WorkItemModel.h"
#include "ui/review/ReviewView.h"

#include <QAbstractBarSeries>
#include <QAction>
#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QInputDialog>
#include <QListWidget>
#include <QMimeData>
#include <QSettings>
#include <QStackedBarSeries>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace assay;
using test::ok;

namespace {

// Every assignment entry in the outbox: submission -> assignee ("" for nobody).
QMap<QString, QString> assignments(Cache &cache)
{
    QMap<QString, QString> out;
    for (const OutboxEntry &e : ok(cache.outbox().entries()))
        if (e.kind == OutboxEntry::Kind::Assignment)
            out.insert(e.submissionId, e.payload.value(QStringLiteral("assignee")).toString());
    return out;
}

QModelIndex rowOf(QAbstractItemModel *model, const QString &id, int role)
{
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, 0).data(role).toString() == id)
            return model->index(r, 0);
    return {};
}

QList<qreal> valuesOf(const QBarSet *set)
{
    QList<qreal> v;
    for (int i = 0; i < set->count(); ++i)
        v.append(set->at(i));
    return v;
}

// Runs fn on the modal dialog of type T once it is open (from inside its
// exec()); a watchdog rejects whatever is open, so a test never hangs.
template<typename T, typename Fn>
void whenModal(Fn fn)
{
    auto *poll = new QTimer;
    poll->setInterval(10);
    auto tries = std::make_shared<int>(0);
    QObject::connect(poll, &QTimer::timeout, [poll, fn, tries] {
        if (auto *d = qobject_cast<T *>(QApplication::activeModalWidget())) {
            poll->deleteLater();
            poll->stop();
            fn(d);
        } else if (++*tries > 1000) {
            poll->deleteLater();
            poll->stop();
            if (auto *other = qobject_cast<QDialog *>(QApplication::activeModalWidget()))
                other->reject();
        }
    });
    poll->start();
}

} // namespace

// The lead's board as a lead uses it, offscreen, on the fixture of
// BoardFixture.h: a drag onto a reviewer and a bulk "Assign to…" land in the
// outbox with the right users; the balance dialog applies only the ticked
// moves; the charts hold the cache's figures; the window opens the board
// for a lead and Escape leaves it.
class TestLeadBoard : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_run = 0;
    std::unique_ptr<Cache> m_cache;
    std::unique_ptr<LeadBoard> m_board;

    // The board re-reads the cache off the GUI thread: wait until it shows it.
    bool settled()
    {
        return QTest::qWaitFor([this] { return !m_board->isRefreshing(); }, 20000);
    }

    QPoint centreOf(QTableView *view, const QModelIndex &index)
    {
        return view->visualRect(index).center();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        // The windows' settings in this run's folder, removed with it.
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
    }

    void init()
    {
        m_cache = std::make_unique<Cache>();
        QVERIFY(ok(m_cache->open(m_dir.filePath(QStringLiteral("c%1.sqlite").arg(++m_run)))));
        test::seedBoard(*m_cache);
        m_board = std::make_unique<LeadBoard>(m_cache.get());
        QueueContext context;
        context.now = test::boardNow();
        m_board->setContext(context);
        m_board->refresh();
        m_board->resize(1200, 800);
        m_board->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_board.get()));
        QVERIFY(settled());
    }

    void cleanup()
    {
        m_board.reset();
        m_cache.reset();
    }

    void showsTheWorkload()
    {
        ReviewerModel *reviewers = m_board->reviewerList()->reviewerModel();
        QCOMPARE(reviewers->rowCount(), 2);
        QCOMPARE(reviewers->index(0, ReviewerModel::NameColumn).data().toString(), QStringLiteral("Alice Reviewer"));
        QCOMPARE(reviewers->index(0, ReviewerModel::OpenColumn).data().toInt(), 2);
        QCOMPARE(reviewers->index(0, ReviewerModel::BreachesColumn).data().toInt(), 1);
        QCOMPARE(m_board->unassignedView()->model()->rowCount(), 2);
        // The first reviewer is selected: Alice's two.
        QCOMPARE(m_board->reviewerWorkView()->model()->rowCount(), 2);
        m_board->reviewerList()->selectReviewer(QStringLiteral("u_bob"));
        QVERIFY(settled());
        QCOMPARE(m_board->reviewerWorkView()->model()->rowCount(), 1);
        QCOMPARE(m_board->reviewerWorkView()->model()->index(0, 0).data(WorkItemModel::IdRole).toString(), QStringLiteral("s_3"));
    }

    void dragOntoAReviewer()
    {
        QTableView *pile = m_board->unassignedView();
        ReviewerList *list = m_board->reviewerList();
        const QModelIndex s4 = rowOf(pile->model(), QStringLiteral("s_4"), WorkItemModel::IdRole);
        const QModelIndex bob = list->reviewerModel()->indexOfId(QStringLiteral("u_bob"));
        QVERIFY(s4.isValid() && bob.isValid());
        QTest::mouseClick(pile->viewport(), Qt::LeftButton, {}, centreOf(pile, s4));
        QCOMPARE(m_board->selectedIds(), QStringList{QStringLiteral("s_4")});

        // What the view itself puts in the drag, dropped on Bob's row as the
        // drag's end delivers it: enter, move, drop. (Pressing and moving
        // through QTest's window events did not start QDrag's loop under the
        // offscreen platform, so the drop is sent as the platform would.)
        std::unique_ptr<QMimeData> mime(pile->model()->mimeData(pile->selectionModel()->selectedIndexes()));
        QCOMPARE(WorkItemModel::idsOf(mime.get()), QStringList{QStringLiteral("s_4")});
        const QPoint at = centreOf(list, bob);
        QDragEnterEvent enter(at, Qt::CopyAction, mime.get(), Qt::LeftButton, {});
        QApplication::sendEvent(list->viewport(), &enter);
        QVERIFY(enter.isAccepted());
        QDragMoveEvent move(at, Qt::CopyAction, mime.get(), Qt::LeftButton, {});
        QApplication::sendEvent(list->viewport(), &move);
        QVERIFY(move.isAccepted());
        QDropEvent drop(QPointF(at), Qt::CopyAction, mime.get(), Qt::LeftButton, {});
        QApplication::sendEvent(list->viewport(), &drop);
        QVERIFY(settled());

        QCOMPARE(assignments(*m_cache), (QMap<QString, QString>{{QStringLiteral("s_4"), QStringLiteral("u_bob")}}));
        // Shown where it goes, pending.
        const QModelIndex bobNow = list->reviewerModel()->indexOfId(QStringLiteral("u_bob"));
        QCOMPARE(bobNow.siblingAtColumn(ReviewerModel::OpenColumn).data().toInt(), 2);
        QCOMPARE(bobNow.siblingAtColumn(ReviewerModel::PendingColumn).data().toString(), QStringLiteral("1"));
        QVERIFY(!rowOf(pile->model(), QStringLiteral("s_4"), WorkItemModel::IdRole).isValid());
        list->selectReviewer(QStringLiteral("u_bob"));
        QVERIFY(settled());
        QAbstractItemModel *work = m_board->reviewerWorkView()->model();
        const QModelIndex pending = rowOf(work, QStringLiteral("s_4"), WorkItemModel::IdRole);
        QVERIFY(pending.isValid());
        QVERIFY(pending.siblingAtColumn(WorkItemModel::LocalColumn).data().toString().contains(QStringLiteral("Bob Reviewer")));
        // Dropped on nothing: nothing recorded.
        QDropEvent nowhere(QPointF(list->viewport()->rect().bottomRight() - QPoint(2, 2)), Qt::CopyAction, mime.get(),
                           Qt::LeftButton, {});
        QApplication::sendEvent(list->viewport(), &nowhere);
        QCOMPARE(ok(m_cache->outbox().entries()).size(), 1);
    }

    void bulkAssignWithTheShortcut()
    {
        QTableView *pile = m_board->unassignedView();
        const QModelIndex s5 = rowOf(pile->model(), QStringLiteral("s_5"), WorkItemModel::IdRole);
        const QModelIndex s4 = rowOf(pile->model(), QStringLiteral("s_4"), WorkItemModel::IdRole);
        QTest::mouseClick(pile->viewport(), Qt::LeftButton, {}, centreOf(pile, s5));
        QTest::mouseClick(pile->viewport(), Qt::LeftButton, Qt::ControlModifier, centreOf(pile, s4));
        QCOMPARE(m_board->selectedIds(), (QStringList{QStringLiteral("s_5"), QStringLiteral("s_4")}));

        QAction *assignTo = m_board->boardAction(QStringLiteral("assignTo"));
        QCOMPARE(assignTo->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
        QStringList offered;
        whenModal<QInputDialog>([&offered](QInputDialog *d) {
            offered = d->comboBoxItems();
            d->setTextValue(offered.value(0)); // Alice
            d->accept();
        });
        pile->setFocus();
        QTest::keyClick(pile, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(settled());
        QCOMPARE(offered.size(), 2);
        QVERIFY(offered.at(0).startsWith(QStringLiteral("Alice Reviewer")));
        QCOMPARE(assignments(*m_cache), (QMap<QString, QString>{{QStringLiteral("s_4"), QStringLiteral("u_alice")},
                                                                {QStringLiteral("s_5"), QStringLiteral("u_alice")}}));
        QCOMPARE(pile->model()->rowCount(), 0);
        const QModelIndex alice = m_board->reviewerList()->reviewerModel()->indexOfId(QStringLiteral("u_alice"));
        QCOMPARE(alice.siblingAtColumn(ReviewerModel::OpenColumn).data().toInt(), 4);
        QCOMPARE(alice.siblingAtColumn(ReviewerModel::PendingColumn).data().toString(), QStringLiteral("2"));
    }

    void heldAssignmentIsShownAndReplaced()
    {
        const qint64 entry = ok(m_cache->outbox().recordAssignment(QStringLiteral("s_4"), QStringLiteral("u_bob")));
        QVERIFY(ok(m_cache->outbox().settle(entry, OutboxEntry::State::Conflict, QStringLiteral("version_conflict"))));
        m_board->refresh();
        QVERIFY(settled());
        QTableView *pile = m_board->unassignedView();
        const QModelIndex s4 = rowOf(pile->model(), QStringLiteral("s_4"), WorkItemModel::IdRole);
        QVERIFY(s4.siblingAtColumn(WorkItemModel::LocalColumn).data().toString().startsWith(QStringLiteral("held")));
        // Assigned again: the held entry is given up, the new one waits.
        QCOMPARE(m_board->assign({QStringLiteral("s_4")}, QStringLiteral("u_alice")), 1);
        QCOMPARE(ok(m_cache->outbox().entry(entry))->state, OutboxEntry::State::Superseded);
        QCOMPARE(ok(m_cache->outbox().count(OutboxEntry::State::Pending)), 1);
    }

    void balanceAppliesOnlyTheTickedMoves()
    {
        // Alice 2, Bob 1; the pile s_5 (Bob rejected its predecessor) and
        // s_4; Eve (no role) holds s_8. The proposal: s_8 to Alice, s_5 to
        // Bob, s_4 to Bob.
        const QList<BalancePlanner::Move> expected{{QStringLiteral("s_8"), QStringLiteral("u_eve"), QStringLiteral("u_alice"), false},
                                                   {QStringLiteral("s_5"), std::nullopt, QStringLiteral("u_bob"), true},
                                                   {QStringLiteral("s_4"), std::nullopt, QStringLiteral("u_bob"), false}};
        QCOMPARE(m_board->proposal(), expected);
        int shown = 0;
        bool allTicked = true;
        whenModal<BalanceDialog>([&](BalanceDialog *d) {
            shown = d->list()->count();
            for (int i = 0; i < shown; ++i)
                allTicked = allTicked && d->list()->item(i)->checkState() == Qt::Checked;
            // The lead unticks the last move (s_4), with a click on its box.
            QListWidgetItem *last = d->list()->item(2);
            const QRect r = d->list()->visualItemRect(last);
            QTest::mouseClick(d->list()->viewport(), Qt::LeftButton, {}, QPoint(r.left() + 10, r.center().y()));
            if (last->checkState() == Qt::Checked) // the style put the box elsewhere
                last->setCheckState(Qt::Unchecked);
            d->accept();
        });
        m_board->boardAction(QStringLiteral("balance"))->trigger();
        QCOMPARE(shown, 3);
        QVERIFY(allTicked);
        QCOMPARE(assignments(*m_cache), (QMap<QString, QString>{{QStringLiteral("s_8"), QStringLiteral("u_alice")},
                                                                {QStringLiteral("s_5"), QStringLiteral("u_bob")}}));

        // Cancelled: nothing more.
        whenModal<BalanceDialog>([](BalanceDialog *d) { d->reject(); });
        m_board->suggestBalance();
        QCOMPARE(ok(m_cache->outbox().entries()).size(), 2);
    }

    void balanceMovesOnlyTheSelected()
    {
        QTableView *pile = m_board->unassignedView();
        QTest::mouseClick(pile->viewport(), Qt::LeftButton, {},
                          centreOf(pile, rowOf(pile->model(), QStringLiteral("s_4"), WorkItemModel::IdRole)));
        const QList<BalancePlanner::Move> moves = m_board->proposal();
        QCOMPARE(moves.size(), 1);
        QCOMPARE(moves.at(0).submissionId, QStringLiteral("s_4"));
        QCOMPARE(moves.at(0).to, QStringLiteral("u_bob"));
    }

    void chartsHoldTheFigures()
    {
        BoardCharts *charts = m_board->charts();
        const QList<QAbstractSeries *> decisions = charts->decisionsChart()->series();
        QCOMPARE(decisions.size(), 1);
        auto *stacked = qobject_cast<QStackedBarSeries *>(decisions.first());
        QVERIFY(stacked);
        const QList<QBarSet *> sets = stacked->barSets();
        QCOMPARE(sets.size(), 3);
        QCOMPARE(sets.at(1)->label(), QStringLiteral("Bob Reviewer"));
        QCOMPARE(valuesOf(sets.at(0)), (QList<qreal>{0, 0, 0, 0, 0, 0, 1, 0}));
        QCOMPARE(valuesOf(sets.at(1)), (QList<qreal>{0, 0, 0, 1, 1, 0, 0, 0}));
        QCOMPARE(valuesOf(sets.at(2)), (QList<qreal>{0, 0, 0, 0, 1, 0, 1, 0}));

        auto *stages = qobject_cast<QAbstractBarSeries *>(charts->stageChart()->series().value(0));
        QVERIFY(stages);
        QCOMPARE(stages->barSets().size(), 2);
        const QList<qreal> median = valuesOf(stages->barSets().at(0));
        const QList<qreal> p90 = valuesOf(stages->barSets().at(1));
        QCOMPARE(median.size(), 2);
        QCOMPARE(median.at(0), 5.0);
        QVERIFY(qFuzzyCompare(median.at(1), 9.0));
        QVERIFY(qFuzzyCompare(p90.at(0), 8.5));
        QVERIFY(qFuzzyCompare(p90.at(1), 12.2));

        auto *ageing = qobject_cast<QAbstractBarSeries *>(charts->ageingChart()->series().value(0));
        QVERIFY(ageing);
        QCOMPARE(valuesOf(ageing->barSets().at(0)), (QList<qreal>{2, 2, 1, 1, 1}));

        // Drawn in the palette: the background is the palette's base.
        QCOMPARE(charts->ageingChart()->backgroundBrush().color(), charts->palette().color(QPalette::Base));
        QPalette dark = charts->palette();
        dark.setColor(QPalette::Window, QColor(30, 30, 30));
        dark.setColor(QPalette::Base, QColor(20, 20, 20));
        charts->setPalette(dark);
        QCOMPARE(charts->ageingChart()->backgroundBrush().color(), QColor(20, 20, 20));
        QCOMPARE(charts->ageingChart()->theme(), QChart::ChartThemeDark);
    }

    // The SLA targets of the settings (queue/reviewTargetDays,
    // queue/securityTargetDays) reach the window's board as they reach its
    // queue: with targets no submission can miss, no breaches; with none,
    // every running one is breached.
    void theSettingsTargetsReachTheBoard()
    {
        const Profile profile(m_dir.filePath(QStringLiteral("profile%1").arg(m_run)));
        MainWindow w(m_cache.get(), profile);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto breaches = [&w] {
            const ReviewerModel *reviewers = w.leadBoard()->reviewerList()->reviewerModel();
            int n = 0;
            for (int r = 0; r < reviewers->rowCount(); ++r)
                n += reviewers->index(r, ReviewerModel::BreachesColumn).data().toInt();
            return n;
        };
        QSettings settings;
        settings.setValue(QStringLiteral("queue/reviewTargetDays"), 100000);
        settings.setValue(QStringLiteral("queue/securityTargetDays"), 100000);
        w.refresh(); // as after a sync
        QTest::keyClick(&w, Qt::Key_L, Qt::ControlModifier);
        QVERIFY(w.isShowingBoard());
        QTRY_VERIFY(!w.leadBoard()->isRefreshing());
        QCOMPARE(w.leadBoard()->context().sla.reviewTargetDays, 100000);
        QCOMPARE(breaches(), 0);
        // Changed while the board shows: it counts again.
        settings.setValue(QStringLiteral("queue/reviewTargetDays"), 0);
        settings.setValue(QStringLiteral("queue/securityTargetDays"), 0);
        w.refresh();
        QTRY_VERIFY(!w.leadBoard()->isRefreshing());
        QCOMPARE(w.leadBoard()->context().sla.securityTargetDays, 0);
        QTRY_VERIFY(breaches() >= 2);
        settings.remove(QStringLiteral("queue"));
    }

    void theWindowOpensTheBoardForALead()
    {
        const Profile profile(m_dir.filePath(QStringLiteral("profile%1").arg(m_run)));
        MainWindow w(m_cache.get(), profile);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QAction *board = w.action(QStringLiteral("leadBoard"));
        QVERIFY(board);
        QVERIFY(board->isVisible() && board->isEnabled());
        QCOMPARE(board->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_L));
        QTest::keyClick(&w, Qt::Key_L, Qt::ControlModifier);
        QVERIFY(w.isShowingBoard());
        QTRY_VERIFY(!w.leadBoard()->isRefreshing());
        QTest::keyClick(w.leadBoard()->reviewerList(), Qt::Key_Escape);
        QVERIFY(!w.isShowingBoard());
        QVERIFY(!w.isReviewing());
        // Opening a submission from the board opens its review.
        w.showBoard();
        QTRY_VERIFY(!w.leadBoard()->isRefreshing());
        QTableView *pile = w.leadBoard()->unassignedView();
        const QModelIndex s4 = rowOf(pile->model(), QStringLiteral("s_4"), WorkItemModel::IdRole);
        pile->setCurrentIndex(s4);
        QTest::keyClick(pile, Qt::Key_Return);
        QVERIFY(w.isReviewing());
        // Back goes where the review was opened from: the board, then the queue.
        QAction *back = w.action(QStringLiteral("backToQueue"));
        QCOMPARE(back->text(), QStringLiteral("&Back to the Board"));
        QTest::keyClick(w.reviewView(), Qt::Key_Escape);
        QVERIFY(w.isShowingBoard());
        QVERIFY(!w.isReviewing());
        QTRY_VERIFY(!w.leadBoard()->isRefreshing());
        QTest::keyClick(w.leadBoard()->reviewerList(), Qt::Key_Escape);
        QVERIFY(!w.isShowingBoard());
        QVERIFY(w.openReview(QStringLiteral("s_4")));
        QCOMPARE(back->text(), QStringLiteral("&Back to the Queue"));
        QTest::keyClick(w.reviewView(), Qt::Key_Escape);
        QVERIFY(!w.isReviewing());
        QVERIFY(!w.isShowingBoard());

        // Not a lead: no board in the menu.
        QVERIFY(ok(m_cache->users().storeMe({QStringLiteral("u_alice"), QStringLiteral("Alice Reviewer"), {QStringLiteral("reviewer")}})));
        w.refresh();
        QVERIFY(!board->isVisible());
        QVERIFY(!board->isEnabled());
    }
};

QTEST_MAIN(TestLeadBoard)
#include "tst_leadboard.moc"
