#include "ui/queue/QueuePage.h"

#include "models/Cache.h"
#include "models/QueueModel.h"
#include "models/SlaPolicy.h"
#include "models/SubmissionStore.h"
#include "models/UserDirectory.h"
#include "ui/queue/QueueFilterBar.h"
#include "ui/queue/QueueStateDelegate.h"
#include "ui/queue/SavedViewList.h"
#include "ui/queue/SnippetDelegate.h"

#include <QAction>
#include <QActionGroup>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QScopedValueRollback>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace assay {

namespace {

// What a typing pause is: short enough to feel instant, long enough that a
// fast typist's word is one query, not six.
constexpr int SearchPauseMs = 150;

const QString HeaderKey = QStringLiteral("queue/header");
const QString SplitterKey = QStringLiteral("queue/splitter");
const QString ViewKey = QStringLiteral("queue/view");
const QString SortColumnKey = QStringLiteral("queue/sortColumn");
const QString SortOrderKey = QStringLiteral("queue/sortOrder");

} // namespace

QueuePage::QueuePage(Cache *cache, QWidget *parent)
    : QWidget(parent)
    , m_cache(cache)
    , m_model(new QueueModel(cache, this))
    , m_views(new SavedViewList)
    , m_filters(new QueueFilterBar)
    , m_search(new QLineEdit)
    , m_view(new QTableView)
    , m_empty(new QLabel)
    , m_stack(new QStackedWidget)
    , m_splitter(new QSplitter(Qt::Horizontal))
{
    setObjectName(QStringLiteral("QueuePage"));
    setAccessibleName(tr("Queue"));

    m_search->setObjectName(QStringLiteral("QueueSearch"));
    m_search->setPlaceholderText(tr("Search apps, partners, answers and comments — \"a phrase\" in quotes"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search the queue"));
    m_search->setToolTip(tr("Words find what holds all of them; quotes find an exact phrase"));
    m_searchPause.setSingleShot(true);
    m_searchPause.setInterval(SearchPauseMs);
    connect(&m_searchPause, &QTimer::timeout, this, &QueuePage::applyFilter);
    connect(m_search, &QLineEdit::textChanged, this, [this] {
        m_searchPause.start();
        Q_EMIT searchEdited();
    });
    // Enter in the search goes to the results at once.
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        applySearchNow();
        if (m_model->rowCount() > 0) {
            m_view->setFocus(Qt::OtherFocusReason);
            m_view->setCurrentIndex(m_model->index(0, QueueModel::AppColumn));
        }
    });

    m_view->setObjectName(QStringLiteral("QueueTable"));
    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("Review queue"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setShowGrid(false);
    m_view->setTabKeyNavigation(false);
    m_view->verticalHeader()->hide();
    // Fixed row heights: the view never measures rows it does not show.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_view->setItemDelegateForColumn(QueueModel::MatchColumn, new SnippetDelegate(m_view));
    auto *states = new QueueStateDelegate(m_view);
    m_view->setItemDelegateForColumn(QueueModel::SlaColumn, states);
    m_view->setItemDelegateForColumn(QueueModel::LocalStateColumn, states);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionsMovable(true);
    header->setSectionsClickable(true);
    header->setHighlightSections(false);
    header->setSortIndicatorShown(true);
    header->setStretchLastSection(true);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    setDefaultColumnWidths();
    m_view->viewport()->installEventFilter(this);
    // A column the reviewer sizes stays as they left it.
    connect(header, &QHeaderView::sectionResized, this, [this, header](int column) {
        int last = -1;
        for (int v = header->count() - 1; v >= 0 && last < 0; --v)
            last = header->isSectionHidden(header->logicalIndex(v)) ? -1 : header->logicalIndex(v);
        if (!m_fitting && column != last)
            m_defaultWidths = false;
    });
    // Sorting is the model's, in SQL: the header only asks for it.
    connect(header, &QHeaderView::sortIndicatorChanged, this, [this](int column, Qt::SortOrder order) {
        const QScopedValueRollback sameCounts(m_sameCounts, true);
        m_model->sort(column, order);
        updateEmptyState();
    });
    // A click or Enter opens the submission; arrow keys only move.
    const auto open = [this](const QModelIndex &index) {
        if (index.isValid())
            Q_EMIT openRequested(index.data(QueueModel::IdRole).toString());
    };
    connect(m_view, &QTableView::clicked, this, open);
    connect(m_view, &QTableView::activated, this, open);

    m_empty->setObjectName(QStringLiteral("QueueEmptyState"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setTextFormat(Qt::PlainText);
    m_empty->setMargin(32);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);

    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_search);
    rightLayout->addWidget(m_filters);
    rightLayout->addWidget(m_stack, 1);

    m_splitter->setObjectName(QStringLiteral("QueueSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_views);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    // The side list narrow, the table everything else.
    m_splitter->setSizes({m_views->sizeHint().width(), 100000});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    m_filters->setChoiceSources(
        [this]() -> QueueFilterBar::Partners {
            auto partners = m_cache->submissions().partners();
            if (!partners) {
                Q_EMIT readFailed(partners.error().message);
                return {};
            }
            return *partners;
        },
        [this]() -> QStringList {
            auto versions = m_cache->submissions().questionnaireVersions();
            if (!versions) {
                Q_EMIT readFailed(versions.error().message);
                return {};
            }
            return *versions;
        });
    connect(m_filters, &QueueFilterBar::filterChanged, this, &QueuePage::applyFilter);
    connect(m_views, &SavedViewList::viewSelected, this, [this](SavedView v) {
        for (QAction *a : std::as_const(m_viewActions)) {
            if (SavedView(a->data().toInt()) == v)
                a->setChecked(true);
        }
        applyFilter();
        Q_EMIT viewChanged(v);
    });
    connect(m_model, &QueueModel::countsChanged, this, [this] {
        if (!m_sameCounts)
            refreshCounts();
    });
    connect(m_model, &QueueModel::readFailed, this, &QueuePage::readFailed);
    connect(m_model, &QAbstractItemModel::modelReset, this, &QueuePage::updateEmptyState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &QueuePage::updateEmptyState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &QueuePage::updateEmptyState);
    createViewActions();
}

Result<QueueContext> QueuePage::contextFrom(Cache &cache, const QSettings &settings)
{
    const Result<std::optional<UserDirectory::User>> me = cache.users().me();
    if (!me)
        return me.error();
    QueueContext context;
    if (const std::optional<UserDirectory::User> &user = *me) {
        context.me = user->id;
        context.roles = user->roles;
    }
    const auto days = [&settings](const QString &key, int fallback) {
        bool ok = false;
        const int value = settings.value(key, fallback).toInt(&ok);
        return ok && value >= 0 ? value : fallback;
    };
    context.revalidationWindowDays = days(QStringLiteral("queue/revalidationWindowDays"), context.revalidationWindowDays);
    context.sla.reviewTargetDays = days(QStringLiteral("queue/reviewTargetDays"), context.sla.reviewTargetDays);
    context.sla.securityTargetDays = days(QStringLiteral("queue/securityTargetDays"), context.sla.securityTargetDays);
    return context;
}

void QueuePage::createViewActions()
{
    auto *group = new QActionGroup(this);
    group->setExclusive(true);
    for (SavedView v : allSavedViews()) {
        auto *a = new QAction(savedViewName(v), this);
        a->setObjectName(QStringLiteral("view-") + savedViewKey(v));
        a->setData(int(v));
        a->setCheckable(true);
        a->setVisible(false);
        a->setStatusTip(tr("Show the saved view “%1”").arg(savedViewName(v)));
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, v] { selectView(v); });
        addAction(a);
        m_viewActions.append(a);
    }
}

void QueuePage::setContext(const QueueContext &context)
{
    const bool first = !m_hasContext;
    // A profile's first start knows its user only after the first sync:
    // until then it shows All, and then the user's own queue, unless the
    // reviewer has picked a view meanwhile.
    const bool userArrived = !first && m_context.me.isEmpty() && !context.me.isEmpty() && currentView() == SavedView::All;
    m_hasContext = true;
    m_context = context;
    {
        // The user, the saved sort and the view: one reading of the queue.
        const QueueModel::BatchedReload once(*m_model);
        if (userArrived)
            m_wantedView = SavedView::MyQueue;
        applyContext(context, first || userArrived);
    }
    showModelSort();
    updateEmptyState();
    refreshCounts();
}

void QueuePage::applyContext(const QueueContext &context, bool first)
{
    m_model->setContext(context);
    m_filterApplied = false; // "my" and "due" may mean other rows now
    if (const Result<QHash<QString, QString>> names = m_cache->users().names(); names)
        m_filters->setUsers(*names);
    else
        Q_EMIT readFailed(names.error().message);
    m_filters->resetChoices();

    const QList<SavedView> views = savedViewsFor(context.roles);
    const SavedView wanted = first ? m_wantedView.value_or(context.me.isEmpty() ? SavedView::All : SavedView::MyQueue)
                                   : currentView();
    m_wantedView.reset();
    {
        const QSignalBlocker blocker(m_views);
        m_views->setViews(views);
        if (!m_views->selectView(wanted) && !m_views->selectView(SavedView::All) && !views.isEmpty())
            m_views->selectView(views.first());
    }
    int shortcut = 0;
    for (QAction *a : std::as_const(m_viewActions)) {
        const auto v = SavedView(a->data().toInt());
        const bool offered = views.contains(v);
        a->setVisible(offered);
        a->setShortcut(offered && shortcut < 9 ? QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + shortcut++)) : QKeySequence());
        if (v == currentView())
            a->setChecked(true);
    }
    if (first && m_wantedSort) {
        const QScopedValueRollback sameCounts(m_sameCounts, true);
        m_model->sort(m_wantedSort->first, m_wantedSort->second);
        m_wantedSort.reset();
    }
    applyFilter();
}

SavedView QueuePage::currentView() const
{
    return m_views->currentView();
}

bool QueuePage::selectView(SavedView view)
{
    return m_views->selectView(view);
}

bool QueuePage::isShowingRows() const
{
    return m_stack->currentWidget() == m_view;
}

void QueuePage::reload()
{
    m_filters->resetChoices();
    if (const Result<QHash<QString, QString>> names = m_cache->users().names(); names)
        m_filters->setUsers(*names);
    m_model->reload();
    updateEmptyState();
}

void QueuePage::refreshIds(const QStringList &ids)
{
    m_model->refreshIds(ids);
    updateEmptyState();
}

void QueuePage::applySearchNow()
{
    m_searchPause.stop();
    applyFilter();
}

void QueuePage::applyFilter()
{
    if (!m_hasContext)
        return;
    QueueFilter filter;
    filter.view = currentView();
    filter.search = m_search->text();
    m_filters->applyTo(filter);
    {
        // A view, a filter or a search does not change the views' counts.
        const QScopedValueRollback sameCounts(m_sameCounts, true);
        if (filter != m_model->filter())
            m_model->setFilter(filter);
        else if (!m_filterApplied)
            m_model->reload();
        m_filterApplied = true;
    }
    const bool hideMatch = filter.search.trimmed().isEmpty();
    if (m_view->isColumnHidden(QueueModel::MatchColumn) != hideMatch) {
        {
            // Not the reviewer's sizing: the default widths still follow.
            const QScopedValueRollback fitting(m_fitting, true);
            m_view->setColumnHidden(QueueModel::MatchColumn, hideMatch);
        }
        fitDefaultColumns();
    }
    showModelSort();
    updateEmptyState();
}

void QueuePage::refreshCounts()
{
    const Result<QHash<SavedView, int>> counts = m_model->viewCounts();
    if (!counts) {
        Q_EMIT readFailed(counts.error().message);
        return;
    }
    m_views->setCounts(*counts);
}

void QueuePage::showModelSort()
{
    // The model may sort on its own (by relevance while searching): the
    // header shows what it does without asking it again.
    QHeaderView *header = m_view->horizontalHeader();
    const QSignalBlocker blocker(header);
    if (m_model->ranksByRelevance())
        header->setSortIndicator(QueueModel::MatchColumn, Qt::DescendingOrder); // the best match first
    else
        header->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
}

void QueuePage::updateEmptyState()
{
    if (!m_hasContext)
        return;
    if (m_model->rowCount() > 0) {
        m_stack->setCurrentWidget(m_view);
        return;
    }
    m_empty->setText(emptyText());
    m_stack->setCurrentWidget(m_empty);
}

QString QueuePage::emptyText() const
{
    const QString view = savedViewName(currentView());
    const QString search = m_search->text().trimmed();
    if (!search.isEmpty()) {
        QString text = tr("Nothing in “%1” matches “%2”.").arg(view, search);
        if (m_filters->isActive())
            text += u'\n' + tr("Filters are on as well: Clear filters looks wider.");
        return text;
    }
    if (m_filters->isActive())
        return tr("Nothing in “%1” matches these filters.").arg(view);
    switch (currentView()) {
    case SavedView::MyQueue:
        return m_context.isSecurity() ? tr("Nothing waits for you at the security stage.")
                                      : tr("Nothing is assigned to you at the review stage.");
    case SavedView::Unassigned:
        return tr("Every open submission has a reviewer.");
    case SavedView::ReviewStage:
        return tr("No open submission is at the review stage.");
    case SavedView::SecurityStage:
        return tr("No open submission is at the security stage.");
    case SavedView::PendingUpload:
        return tr("No change is waiting to be uploaded: the marketplace has all your work.");
    case SavedView::ConflictsAndFailures:
        return tr("No conflicts and no failed uploads.");
    case SavedView::DueForRevalidation:
        return tr("Nothing due for re-validation in the next %Ln day(s).", nullptr, m_context.revalidationWindowDays);
    case SavedView::Locked:
        return tr("No app is locked until a resubmission date.");
    case SavedView::Decided:
        return tr("No submission has been decided yet.");
    case SavedView::All:
        break;
    }
    return m_noData.isEmpty() ? tr("No submissions in the cache yet.") : m_noData;
}

void QueuePage::setDefaultColumnWidths()
{
    // Wide enough for the header (with its sort arrow) and a typical value,
    // measured in the view's font: no truncated headers, no wasted space.
    const QFontMetrics fm = m_view->fontMetrics();
    const int padding = 2 * style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_view) + 10;
    const int icon = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, m_view) + 6;
    // The SLA as QueueStateDelegate writes it, for each state (bold when
    // breached).
    QFont bold = m_view->font();
    bold.setBold(true);
    const QFontMetrics boldFm(bold);
    int slaWidth = 0;
    for (SlaPolicy::State state : {SlaPolicy::State::Breached, SlaPolicy::State::DueSoon, SlaPolicy::State::OnTrack,
                                   SlaPolicy::State::Paused}) {
        const QString text = QueueStateDelegate::tr("%1 · %2 d", "an SLA state and whole days in the stage")
                                 .arg(SlaPolicy::stateLabel(state))
                                 .arg(120);
        slaWidth = std::max(slaWidth, (state == SlaPolicy::State::Breached ? boldFm : fm).horizontalAdvance(text));
    }
    const QList<std::tuple<QueueModel::Column, QStringList, int>> samples{
        {QueueModel::AppColumn, {tr("Calendar for Teams 2")}, 0},
        {QueueModel::PartnerColumn, {tr("Northwind Software")}, 0},
        {QueueModel::StatusColumn, {tr("Submitted"), tr("In review"), tr("Withdrawn")}, 0},
        {QueueModel::StageColumn, {tr("Security")}, 0},
        {QueueModel::AssigneeColumn, {tr("Alice Reviewerson")}, 0},
        {QueueModel::SubmittedColumn, {QStringLiteral("2026-12-31")}, 0},
        {QueueModel::AgeColumn, {QueueModel::daysLabel(365)}, 0},
        {QueueModel::SlaColumn, {}, icon + slaWidth},
        {QueueModel::DateColumn, {tr("Badge expires 2027-12-31"), tr("Resubmit from 2027-12-31")}, 0},
        {QueueModel::KindColumn, {tr("Resubmission"), tr("Re-validation")}, 0},
        {QueueModel::LocalStateColumn, {tr("Conflict")}, icon},
        {QueueModel::MatchColumn, {QString(40, u'x')}, 0}};
    QHeaderView *header = m_view->horizontalHeader();
    m_defaultSizes = QList<int>(QueueModel::ColumnCount, 0);
    for (const auto &[column, texts, extra] : samples) {
        int width = 0;
        for (const QString &text : texts)
            width = std::max(width, fm.horizontalAdvance(text));
        m_defaultSizes[column] = std::max(width + padding + extra, header->sectionSizeHint(column));
    }
    // While searching, why a row matched is read beside the app's name.
    header->moveSection(header->visualIndex(QueueModel::MatchColumn), header->visualIndex(QueueModel::AppColumn) + 1);
    m_defaultWidths = true;
    fitDefaultColumns();
}

bool QueuePage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        fitDefaultColumns();
    return QWidget::eventFilter(watched, event);
}

void QueuePage::fitDefaultColumns()
{
    // Until the reviewer sizes a column (or a saved layout is restored), the
    // default widths follow the view's width: the names give way, as they
    // elide well (the partner first, the app last), each down to a floor.
    if (!m_defaultWidths || m_defaultSizes.size() != QueueModel::ColumnCount)
        return;
    QHeaderView *header = m_view->horizontalHeader();
    const QScopedValueRollback fitting(m_fitting, true);
    int total = 0;
    for (int c = 0; c < QueueModel::ColumnCount; ++c) {
        header->resizeSection(c, m_defaultSizes[c]);
        total += header->isSectionHidden(c) ? 0 : m_defaultSizes[c];
    }
    int over = total - m_view->viewport()->width();
    const int ch = m_view->fontMetrics().averageCharWidth();
    const QList<std::pair<QueueModel::Column, int>> giving{{QueueModel::PartnerColumn, 10 * ch},
                                                           {QueueModel::AssigneeColumn, 10 * ch},
                                                           {QueueModel::MatchColumn, 24 * ch},
                                                           {QueueModel::AppColumn, 16 * ch}};
    for (const auto &[c, floor] : giving) {
        if (over <= 0)
            break;
        if (header->isSectionHidden(c))
            continue;
        const int give = std::min(over, std::max(0, m_defaultSizes[c] - floor));
        header->resizeSection(c, m_defaultSizes[c] - give);
        over -= give;
    }
}

void QueuePage::saveState(QSettings &settings) const
{
    settings.setValue(HeaderKey, m_view->horizontalHeader()->saveState());
    settings.setValue(SplitterKey, m_splitter->saveState());
    settings.setValue(ViewKey, savedViewKey(currentView()));
    // Relevance is the search's order, not a choice to keep.
    if (m_model->sortColumn() != QueueModel::MatchColumn) {
        settings.setValue(SortColumnKey, m_model->sortColumn());
        settings.setValue(SortOrderKey, m_model->sortOrder() == Qt::AscendingOrder ? QStringLiteral("ascending")
                                                                                    : QStringLiteral("descending"));
    }
}

void QueuePage::restoreState(const QSettings &settings)
{
    QHeaderView *header = m_view->horizontalHeader();
    {
        const QSignalBlocker blocker(header);
        if (header->restoreState(settings.value(HeaderKey).toByteArray()))
            m_defaultWidths = false;
        else
            setDefaultColumnWidths();
    }
    {
        const QScopedValueRollback fitting(m_fitting, true);
        m_view->setColumnHidden(QueueModel::MatchColumn, m_search->text().trimmed().isEmpty());
    }
    std::ignore = m_splitter->restoreState(settings.value(SplitterKey).toByteArray()); // none saved: the default sizes
    if (const std::optional<SavedView> v = savedViewFromKey(settings.value(ViewKey).toString())) {
        if (m_hasContext)
            selectView(*v);
        else
            m_wantedView = v;
    }
    bool ok = false;
    const int column = settings.value(SortColumnKey).toInt(&ok);
    if (ok && column >= 0 && column < QueueModel::ColumnCount && column != QueueModel::MatchColumn) {
        const Qt::SortOrder order = settings.value(SortOrderKey).toString() == QLatin1String("ascending") ? Qt::AscendingOrder
                                                                                                           : Qt::DescendingOrder;
        if (!m_hasContext)
            m_wantedSort = std::pair{column, order};
        else if (column != m_model->sortColumn() || order != m_model->sortOrder()) {
            const QScopedValueRollback sameCounts(m_sameCounts, true);
            m_model->sort(column, order);
        }
    }
    showModelSort();
}

} // namespace assay
