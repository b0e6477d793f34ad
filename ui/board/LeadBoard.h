#pragma once

#include "models/BalancePlanner.h"
#include "models/QueueFilter.h"
#include "models/Workload.h"
#include "ui/board/BoardReader.h"

#include <QFutureWatcher>
#include <QHash>
#include <QWidget>

#include <optional>

class QAction;
class QLabel;
class QTabWidget;
class QTableView;

namespace assay {

class BoardCharts;
class Cache;
class ReviewerList;
class WorkItemModel;

// The lead's board: the reviewers with their open work, the unassigned
// pile and the selected reviewer's submissions; assigning by dragging
// submissions onto a reviewer, by "Assign to…" (Ctrl+Shift+A) over the
// selected rows, or by accepting a balance proposal move by move; and the
// charts. Every assignment is an outbox entry (Outbox::recordAssignment:
// offline-safe, pushed by the sync, idempotent), shown pending until the
// sync delivers it; one the marketplace refuses is held, as a verdict is.
// Everything is read from the cache: the board works offline.
class LeadBoard : public QWidget
{
    Q_OBJECT

public:
    LeadBoard(Cache *cache, QWidget *parent = nullptr);
    ~LeadBoard() override;

    // The clock the ages are counted against (an invalid now: the system's,
    // read at each refresh) and the SLA targets; the queue's context.
    void setContext(const QueueContext &context) { m_context = context; }
    const QueueContext &context() const { return m_context; }

    BoardCharts *charts() const { return m_charts; }
    ReviewerList *reviewerList() const { return m_reviewers; }
    QTableView *unassignedView() const { return m_unassignedView; }
    QTableView *reviewerWorkView() const { return m_workView; }
    QTabWidget *tabs() const { return m_tabs; }
    // assignTo, unassign, balance, refreshBoard (by object name).
    QList<QAction *> boardActions() const { return m_actions; }
    QAction *boardAction(const QString &name) const;

    void showWork();
    void showCharts();

    // The selected submissions of both lists, in their order.
    QStringList selectedIds() const;
    // Records an assignment of each submission (std::nullopt: nobody);
    // returns how many were recorded (the rest say why in the message line).
    int assign(const QStringList &submissionIds, const std::optional<QString> &reviewerId);
    // The balance proposal over the selected submissions (or, with none
    // selected, every open one at the review stage without a waiting
    // assignment).
    // apps (if given) receives the app names of the open submissions.
    QList<BalancePlanner::Move> proposal(QHash<QString, QString> *apps = nullptr);

    // A read of the cache is under way (or another is due after it).
    bool isRefreshing() const;

public Q_SLOTS:
    // Re-reads the board from the cache, off the window's thread; refreshed()
    // when it is on screen.
    void refresh();
    // Shows the proposal in the balance dialog and applies the ticked moves.
    void suggestBalance();
    // "Assign to…": a chooser of the reviewers, for the selected rows.
    void chooseAndAssign();

Q_SIGNALS:
    void refreshed();
    // After assignments were recorded (the window updates its counts).
    void assignmentsRecorded(int count);
    void openRequested(const QString &submissionId);

private:
    QTableView *makeWorkView(WorkItemModel *model, const QString &accessibleName);
    void showReviewer(const QString &reviewerId);
    void read(BoardSnapshot::Parts parts, const QString &reviewer);
    void readDone();
    void apply(const BoardSnapshot &snapshot);
    void say(const QString &message);
    QHash<QString, QString> names() const;

    Cache *m_cache;
    QueueContext m_context;
    QList<Workload::Reviewer> m_reviewerLoads;
    QTabWidget *m_tabs;
    ReviewerList *m_reviewers;
    WorkItemModel *m_unassigned;
    WorkItemModel *m_work;
    QTableView *m_unassignedView;
    QTableView *m_workView;
    QLabel *m_unassignedTitle;
    QLabel *m_workTitle;
    QLabel *m_message;
    BoardCharts *m_charts;
    QList<QAction *> m_actions;
    QFutureWatcher<BoardSnapshot> *m_watcher;
    bool m_reading = false;
    bool m_again = false;
    BoardSnapshot::Parts m_againParts = BoardSnapshot::Parts::ReviewerOnly;
    bool m_applying = false;
};

} // namespace assay
