#pragma once

#include "domain/Result.h"
#include "models/QueueFilter.h"

#include <QList>
#include <QTimer>
#include <QWidget>

#include <optional>
#include <utility>

class QAction;
class QLabel;
class QLineEdit;
class QSettings;
class QSplitter;
class QStackedWidget;
class QTableView;

namespace assay {

class Cache;
class QueueFilterBar;
class QueueModel;
class SavedViewList;

// The queue a review team works from: saved views with live counts on the
// side, filters and a search field (as you type) above the table, and the
// table itself straight on the QueueModel (sorted, filtered and read a page
// at a time in SQL: no proxy model). An empty result says why. Ctrl+1 …
// Ctrl+9 choose a view (viewActions(), for a View menu), Enter opens a
// submission.
class QueuePage : public QWidget
{
    Q_OBJECT

public:
    explicit QueuePage(Cache *cache, QWidget *parent = nullptr);

    QueueModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QLineEdit *searchField() const { return m_search; }
    SavedViewList *viewList() const { return m_views; }
    QueueFilterBar *filterBar() const { return m_filters; }
    QLabel *emptyState() const { return m_empty; }
    QSplitter *splitter() const { return m_splitter; }
    // One per saved view, in the side list's order; those of the user's
    // views have Ctrl+1 … Ctrl+9, the others are hidden.
    QList<QAction *> viewActions() const { return m_viewActions; }

    // Who looks and when: the user from the cache (GET /me), the
    // re-validation window and SLA targets from the settings (defaults
    // otherwise: 60 days, 5 and 3 days).
    static Result<QueueContext> contextFrom(Cache &cache, const QSettings &settings);
    // Sets the views the user's roles offer and re-reads the queue.
    void setContext(const QueueContext &context);
    QueueContext context() const { return m_context; }

    SavedView currentView() const;
    // False when the view is not one of the user's.
    bool selectView(SavedView view);
    // What the empty All view says (how to fill the cache).
    void setNoDataText(const QString &text) { m_noData = text; updateEmptyState(); }
    // Whether the table (not an empty-state message) is shown.
    bool isShowingRows() const;

    // Sort, columns (order, widths), the selected view and the splitter,
    // under "queue/".
    void saveState(QSettings &settings) const;
    void restoreState(const QSettings &settings);

public Q_SLOTS:
    // Re-reads the queue and the counts.
    void reload();
    // Submissions the sync engine changed: just those rows (and the counts).
    void refreshIds(const QStringList &ids);
    // Applies the search text now instead of after the typing pause.
    void applySearchNow();

Q_SIGNALS:
    void openRequested(const QString &submissionId);
    void viewChanged(SavedView view);
    // The reviewer typed in the search field (the window shows the queue).
    void searchEdited();
    void readFailed(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createViewActions();
    void fitDefaultColumns();
    void applyFilter();
    // setContext()'s work on the model and the side list (one reading).
    void applyContext(const QueueContext &context, bool first);
    void refreshCounts();
    void updateEmptyState();
    void showModelSort();
    QString emptyText() const;
    void setDefaultColumnWidths();

    Cache *m_cache;
    QueueContext m_context;
    QueueModel *m_model;
    SavedViewList *m_views;
    QueueFilterBar *m_filters;
    QLineEdit *m_search;
    QTableView *m_view;
    QLabel *m_empty;
    QStackedWidget *m_stack;
    QSplitter *m_splitter;
    QTimer m_searchPause;
    QList<QAction *> m_viewActions;
    QString m_noData;
    bool m_hasContext = false;
    bool m_filterApplied = false;
    bool m_defaultWidths = false; // no widths restored or changed yet
    bool m_fitting = false;
    bool m_sameCounts = false; // a re-query that cannot change the counts
    QList<int> m_defaultSizes;
    // What restoreState() asked for before the first context.
    std::optional<SavedView> m_wantedView;
    std::optional<std::pair<int, Qt::SortOrder>> m_wantedSort;
};

} // namespace assay
