#include "ui/board/LeadBoard.h"

#include "models/BoardStats.h"
#include "models/Cache.h"
#include "models/Outbox.h"
#include "models/UserDirectory.h"
#include "ui/board/BalanceDialog.h"
#include "ui/board/BoardCharts.h"
#include "ui/board/ReviewerList.h"
#include "ui/board/WorkItemModel.h"

#include <QAction>
#include <QApplication>
#include <QScopeGuard>
#include <QScopedValueRollback>
#include <QtConcurrentRun>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace assay {

LeadBoard::LeadBoard(Cache *cache, QWidget *parent)
    : QWidget(parent)
    , m_cache(cache)
    , m_tabs(new QTabWidget)
    , m_reviewers(new ReviewerList)
    , m_unassigned(new WorkItemModel(this))
    , m_work(new WorkItemModel(this))
    , m_unassignedView(makeWorkView(m_unassigned, tr("Unassigned submissions")))
    , m_workView(makeWorkView(m_work, tr("The selected reviewer's submissions")))
    , m_unassignedTitle(new QLabel)
    , m_workTitle(new QLabel)
    , m_message(new QLabel)
    , m_charts(new BoardCharts)
    , m_watcher(new QFutureWatcher<BoardSnapshot>(this))
{
    setObjectName(QStringLiteral("LeadBoard"));
    setAccessibleName(tr("Lead's board"));

    auto addAction = [this](const QString &name, const QString &text, const QKeySequence &key, auto slot) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        if (!key.isEmpty())
            a->setShortcut(key);
        // Only while the board is on screen: the review screen has keys of its own.
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(a, &QAction::triggered, this, slot);
        QWidget::addAction(a);
        m_actions.append(a);
        return a;
    };
    addAction(QStringLiteral("assignTo"), tr("&Assign to…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A),
              [this] { chooseAndAssign(); })
        ->setStatusTip(tr("Assign the selected submissions to a reviewer"));
    addAction(QStringLiteral("unassign"), tr("&Unassign"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U), [this] {
        assign(selectedIds(), std::nullopt);
    })->setStatusTip(tr("Put the selected submissions back on the unassigned pile"));
    addAction(QStringLiteral("balance"), tr("Suggest a &Balance…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B),
              [this] { suggestBalance(); })
        ->setStatusTip(tr("Propose moves that even out the open work (of the selected submissions, or of all)"));
    addAction(QStringLiteral("refreshBoard"), tr("&Refresh the Board"), {}, [this] { refresh(); });

    auto *toolbar = new QToolBar;
    toolbar->setAccessibleName(tr("Board actions"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addActions(m_actions);

    // The work: reviewers left; the pile and the reviewer's submissions right.
    auto titled = [](QLabel *title, QWidget *body) {
        auto *box = new QWidget;
        auto *l = new QVBoxLayout(box);
        l->setContentsMargins(0, 0, 0, 0);
        title->setTextFormat(Qt::PlainText);
        QFont f = title->font();
        f.setBold(true);
        title->setFont(f);
        title->setBuddy(body);
        l->addWidget(title);
        l->addWidget(body);
        return box;
    };
    auto *reviewersTitle = new QLabel(tr("Reviewers — drop submissions on a reviewer to assign them"));
    auto *lists = new QSplitter(Qt::Vertical);
    lists->addWidget(titled(m_unassignedTitle, m_unassignedView));
    lists->addWidget(titled(m_workTitle, m_workView));
    auto *work = new QSplitter(Qt::Horizontal);
    work->setObjectName(QStringLiteral("BoardSplitter"));
    work->addWidget(titled(reviewersTitle, m_reviewers));
    work->addWidget(lists);
    work->setStretchFactor(0, 2);
    work->setStretchFactor(1, 3);
    m_tabs->addTab(work, tr("&Workload"));
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_charts);
    scroll->setFrameShape(QFrame::NoFrame);
    m_charts->setMinimumSize(720, 560);
    m_tabs->addTab(scroll, tr("&Charts"));
    m_tabs->setAccessibleName(tr("Workload and charts"));

    m_message->setTextFormat(Qt::PlainText);
    m_message->setAccessibleName(tr("Board messages"));
    m_message->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(toolbar);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_message);

    connect(m_reviewers, &ReviewerList::currentReviewerChanged, this, &LeadBoard::showReviewer);
    connect(m_watcher, &QFutureWatcher<BoardSnapshot>::finished, this, &LeadBoard::readDone);
    connect(m_reviewers->reviewerModel(), &ReviewerModel::dropped, this,
            [this](const QStringList &ids, const QString &reviewer) { assign(ids, reviewer); });
    // One selection at a time: the pile's or the reviewer's.
    connect(m_unassignedView->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (m_unassignedView->selectionModel()->hasSelection())
            m_workView->clearSelection();
    });
    connect(m_workView->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (m_workView->selectionModel()->hasSelection())
            m_unassignedView->clearSelection();
    });
}

LeadBoard::~LeadBoard()
{
    // The read in flight has a connection of its own on the same file: it
    // ends before the cache it reads may go.
    m_watcher->waitForFinished();
}

QTableView *LeadBoard::makeWorkView(WorkItemModel *model, const QString &accessibleName)
{
    auto *view = new QTableView;
    view->setModel(model);
    view->setAccessibleName(accessibleName);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setDragEnabled(true);
    view->setDragDropMode(QAbstractItemView::DragOnly);
    view->setDefaultDropAction(Qt::CopyAction);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setSectionResizeMode(WorkItemModel::AppColumn, QHeaderView::Stretch);
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view, &QTableView::customContextMenuRequested, this, [this, view](const QPoint &at) {
        QMenu menu;
        menu.addAction(tr("&Open"), this, [this, view] {
            if (view->currentIndex().isValid())
                Q_EMIT openRequested(view->currentIndex().data(WorkItemModel::IdRole).toString());
        });
        menu.addSeparator();
        menu.addActions(m_actions);
        menu.exec(view->viewport()->mapToGlobal(at));
    });
    // Enter or a double click opens the submission's review.
    connect(view, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT openRequested(index.data(WorkItemModel::IdRole).toString());
    });
    return view;
}

QAction *LeadBoard::boardAction(const QString &name) const
{
    for (QAction *a : m_actions)
        if (a->objectName() == name)
            return a;
    return nullptr;
}

void LeadBoard::showWork()
{
    m_tabs->setCurrentIndex(0);
}

void LeadBoard::showCharts()
{
    m_tabs->setCurrentIndex(1);
}

void LeadBoard::say(const QString &message)
{
    m_message->setText(message);
}

QHash<QString, QString> LeadBoard::names() const
{
    const Result<QHash<QString, QString>> n = m_cache->users().names();
    return n ? *n : QHash<QString, QString>();
}

void LeadBoard::refresh()
{
    read(BoardSnapshot::Parts::All, m_reviewers->currentReviewer());
}

bool LeadBoard::isRefreshing() const
{
    return m_reading || m_again;
}

void LeadBoard::read(BoardSnapshot::Parts parts, const QString &reviewer)
{
    if (m_reading) {
        // One read at a time; the latest wish is read after it (all wins).
        m_again = true;
        m_againParts = m_againParts == BoardSnapshot::Parts::All ? m_againParts : parts;
        return;
    }
    m_reading = true;
    m_watcher->setFuture(QtConcurrent::run(&BoardSnapshot::read, m_cache->path(), m_context, reviewer, parts));
}

void LeadBoard::apply(const BoardSnapshot &s)
{
    if (!s.error.isEmpty()) {
        say(tr("Cannot read the cache: %1").arg(s.error));
        return;
    }
    // Selecting the reviewer again below must not start another read.
    const QScopedValueRollback quiet(m_applying, true);
    if (s.parts == BoardSnapshot::Parts::All) {
        m_reviewerLoads = s.reviewers;
        m_reviewers->reviewerModel()->setReviewers(s.reviewers);
        m_unassigned->setItems(s.pile, s.names);
        m_unassignedTitle->setText(tr("Unassigned: %Ln submission(s)", nullptr, int(s.pile.size())));
        m_reviewers->selectReviewer(s.reviewer);
        m_charts->setData(s.decisions, s.stages, s.ageing);
    } else if (s.reviewer != m_reviewers->currentReviewer()) {
        return; // the lead has moved on: the read for that one follows
    }
    if (s.reviewer.isEmpty()) {
        m_work->setItems({}, {});
        m_workTitle->setText(tr("Select a reviewer to see their submissions"));
        return;
    }
    m_work->setItems(s.work, s.names);
    m_workTitle->setText(tr("%1: %Ln open submission(s)", nullptr, int(s.work.size())).arg(s.names.value(s.reviewer, s.reviewer)));
}

void LeadBoard::readDone()
{
    m_reading = false;
    apply(m_watcher->result());
    if (std::exchange(m_again, false)) {
        const BoardSnapshot::Parts parts = std::exchange(m_againParts, BoardSnapshot::Parts::ReviewerOnly);
        read(parts, m_reviewers->currentReviewer());
        return;
    }
    Q_EMIT refreshed();
}

void LeadBoard::showReviewer(const QString &reviewerId)
{
    if (!m_applying)
        read(BoardSnapshot::Parts::ReviewerOnly, reviewerId);
}

QStringList LeadBoard::selectedIds() const
{
    QStringList ids;
    for (QTableView *view : {m_unassignedView, m_workView}) {
        QModelIndexList rows = view->selectionModel()->selectedRows();
        std::ranges::sort(rows, [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
        for (const QModelIndex &row : rows)
            ids.append(row.data(WorkItemModel::IdRole).toString());
    }
    return ids;
}

int LeadBoard::assign(const QStringList &submissionIds, const std::optional<QString> &reviewerId)
{
    if (submissionIds.isEmpty()) {
        say(tr("Select the submissions to assign first."));
        return 0;
    }
    // A held (refused) assignment is given up when the lead assigns again:
    // the new one takes its place, as a re-based verdict does.
    QHash<QString, qint64> held;
    for (const WorkItemModel *model : {m_unassigned, m_work})
        for (const Workload::Item &i : model->items())
            if (i.local == Workload::LocalState::Held)
                held.insert(i.id, i.outboxEntry);
    int recorded = 0;
    QStringList refused;
    for (const QString &id : submissionIds) {
        const Result<qint64> r = m_cache->outbox().recordAssignment(id, reviewerId);
        if (!r) {
            refused.append(r.error().message);
            continue;
        }
        ++recorded;
        if (const qint64 old = held.value(id); old != 0) {
            if (const Result<> d = m_cache->outbox().discard(old); !d)
                refused.append(d.error().message);
        }
    }
    const QString to = reviewerId ? names().value(*reviewerId, *reviewerId) : tr("nobody");
    QString message = tr("%Ln assignment(s) to %1 waiting to be uploaded.", nullptr, recorded).arg(to);
    if (!refused.isEmpty())
        message += QLatin1Char(' ') + tr("Not assigned: %1").arg(refused.join(QStringLiteral("; ")));
    say(message);
    refresh();
    if (recorded > 0)
        Q_EMIT assignmentsRecorded(recorded);
    return recorded;
}

void LeadBoard::chooseAndAssign()
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty()) {
        say(tr("Select the submissions to assign first."));
        return;
    }
    QStringList labels;
    for (const Workload::Reviewer &r : std::as_const(m_reviewerLoads))
        labels.append(tr("%1 (%Ln open)", nullptr, r.open).arg(r.name));
    if (labels.isEmpty()) {
        say(tr("No reviewers in the cache yet: sync first."));
        return;
    }
    bool chosen = false;
    const QString label = QInputDialog::getItem(this, tr("Assign to"), tr("Assign %Ln submission(s) to:", nullptr, int(ids.size())),
                                                labels, 0, false, &chosen);
    const qsizetype at = labels.indexOf(label);
    if (!chosen || at < 0)
        return;
    assign(ids, m_reviewerLoads.at(at).id);
}

QList<BalancePlanner::Move> LeadBoard::proposal(QHash<QString, QString> *apps)
{
    // Read on the spot, on an explicit request: at 100,000 submissions this
    // is most of a second, said with the wait cursor.
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const auto restore = qScopeGuard([] { QApplication::restoreOverrideCursor(); });
    Workload workload(*m_cache);
    workload.setNow(m_context.effectiveNow());
    const Result<QList<Workload::Item>> open = workload.openAtReview();
    const Result<QList<Workload::Reviewer>> reviewers = workload.reviewers();
    if (!open || !reviewers) {
        say(tr("Cannot read the cache: %1").arg((!open ? open.error() : reviewers.error()).message));
        return {};
    }
    const QStringList selected = selectedIds();
    QList<BalancePlanner::Reviewer> loads;
    // Only users with the role are listed: whoever lost it gets nothing,
    // and what they hold (when movable) goes to someone who has it.
    for (const Workload::Reviewer &r : *reviewers)
        loads.append({r.id, r.open, true});
    QList<BalancePlanner::Movable> movable;
    for (const Workload::Item &i : *open) {
        if (apps)
            apps->insert(i.id, i.appName);
        // What the lead did not select stays; so does what is on its way.
        if ((!selected.isEmpty() && !selected.contains(i.id)) || i.local != Workload::LocalState::None)
            continue;
        movable.append({i.id, i.assignee, i.previousRejectedBy, i.ageDays});
    }
    return BalancePlanner::plan(loads, movable);
}

void LeadBoard::suggestBalance()
{
    QHash<QString, QString> apps;
    const QList<BalancePlanner::Move> moves = proposal(&apps);
    BalanceDialog dialog(moves, names(), apps, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QList<BalancePlanner::Move> accepted = dialog.acceptedMoves();
    // Each move on its own: moves to one reviewer are recorded together.
    QHash<QString, QStringList> byReviewer;
    QStringList order;
    for (const BalancePlanner::Move &m : accepted) {
        if (!byReviewer.contains(m.to))
            order.append(m.to);
        byReviewer[m.to].append(m.submissionId);
    }
    int recorded = 0;
    for (const QString &to : std::as_const(order)) {
        const QSignalBlocker quiet(this);
        recorded += assign(byReviewer.value(to), to);
    }
    say(tr("%Ln move(s) of the balance waiting to be uploaded.", nullptr, recorded));
    if (recorded > 0)
        Q_EMIT assignmentsRecorded(recorded);
}

} // namespace assay
