#pragma once

#include "domain/Result.h"
#include "models/QueueFilter.h"
#include "models/QueueQuery.h"
#include "models/SearchQuery.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QPoint>
#include <QStringList>

#include <optional>

namespace assay {

class Cache;

// The review queue: the cached submissions a QueueFilter selects, as a
// table, sorted and filtered in SQL and read lazily, a page at a time
// (canFetchMore/fetchMore, keyset paging: a page starts after the last row
// loaded, so rows that arrive meanwhile neither repeat nor skip rows).
// Nothing reads every row: a 100,000-submission cache costs a page.
//
// Reads through the Cache of the thread it lives in (the UI's). A read that
// fails leaves the rows as they were and says why through readFailed().
class QueueModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        AppColumn,
        PartnerColumn,
        StatusColumn,
        StageColumn,
        AssigneeColumn,
        SubmittedColumn,
        AgeColumn,
        SlaColumn,
        DateColumn, // badge expiry (approved) or resubmission date (rejected)
        KindColumn,
        LocalStateColumn,
        MatchColumn, // the search snippet
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1,
        VersionRole,
        StatusRole,    // API name
        StageRole,     // API name
        AssigneeRole,  // user id ("" when unassigned)
        SortRole,
        SlaStateRole,  // SlaPolicy::stateName
        LocalStateRole, // "", "pending", "conflict" or "failed"
        MatchRangesRole // QList<QPoint>(start, length) in the snippet
    };

    // The first reading fills a screen and a little (a keystroke pays for
    // what it shows); scrolling then reads PageSize at a time.
    static constexpr int FirstPageSize = 64;
    static constexpr int PageSize = 200;

    explicit QueueModel(Cache *cache, QObject *parent = nullptr);
    ~QueueModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The words the queue shows for a kind and for whole days, for the
    // other lists of submissions (the lead's board) to say the same.
    static QString kindLabel(SubmissionSummary::Kind kind);
    static QString daysLabel(int days);

    void setContext(const QueueContext &context);
    QueueContext context() const { return m_context; }
    // Re-queries (SQL) and resets. Searching sorts by relevance until the
    // user sorts by a column.
    void setFilter(const QueueFilter &filter);
    QueueFilter filter() const { return m_filter; }
    // Sets filter().search: the search box's convenience.
    void setSearchText(const QString &text);
    QString searchText() const { return m_filter.search; }

    // In SQL; MatchColumn sorts by relevance (rank).
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    // The column last sorted by; while ranksByRelevance() it waits for the
    // search to end.
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    // Searching, and no column chosen since: the best match first.
    bool ranksByRelevance() const { return isSearching() && !m_sortChosen; }

    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Rows matching the filter (not only the fetched ones). Counted when
    // first asked after a change, not with every keystroke: a common word
    // in a wide view is a join over every hit, and the list needs none of
    // it to show its first page.
    int totalCount();
    // Live counts for the side list.
    Result<QHash<SavedView, int>> viewCounts();

    // The engine's announcement: rows already loaded are read again (found
    // through an id -> row hash, never a scan); one that no longer matches
    // the filter goes; one not loaded that now matches appears when it sorts
    // into the loaded range (else with the page that reaches it); the
    // counts are asked again (countsChanged).
    void refreshIds(const QStringList &ids);
    // Reads the first page again (also the users' names).
    void reload();

    // While one of these lives, the changes that read the queue again
    // (setContext, setFilter, sort, reload) are gathered and read once,
    // when the last one goes: a window setting up its user, its saved sort
    // and its view asks SQL once, not three times.
    class BatchedReload
    {
    public:
        explicit BatchedReload(QueueModel &model)
            : m_model(model)
        {
            ++m_model.m_batching;
        }
        ~BatchedReload();
        BatchedReload(const BatchedReload &) = delete;
        BatchedReload &operator=(const BatchedReload &) = delete;

    private:
        QueueModel &m_model;
    };
    QModelIndex indexOfId(const QString &id) const;

Q_SIGNALS:
    void readFailed(const QString &message);
    // After a reload or refresh: re-ask viewCounts().
    void countsChanged();

private:
    Result<> prepareSearch();
    // The filter's search says something searchable (junk alone does not).
    bool isSearching() const;
    void readNames();
    QueueQuery::Sort currentSort() const;
    QueueContext frozenContext() const;
    double daysInStage(const QueueQuery::Row &row) const;
    SlaPolicy::State slaState(const QueueQuery::Row &row) const;
    void reindexFrom(int first);
    int placeOf(const QueueQuery::Row &row) const;
    bool inLoadedRange(const QueueQuery::Row &row) const;
    void removeAt(int row);
    void insertAt(int row, QueueQuery::Row r);
    // The snippet of a loaded row, made on first use with those of the
    // next SnippetWindow rows (a screenful, in one read).
    const std::pair<QString, QList<QPoint>> &snippetOf(int row) const;
    void fillSnippets(int first, int last) const;
    static constexpr int SnippetWindow = 40;

    Cache *m_cache;
    QueueContext m_context;
    QueueFilter m_filter;
    int m_sortColumn = SubmittedColumn;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    bool m_sortChosen = false; // the user sorted: a search keeps their order
    // The time of the last reload: ages, SLA days and the keys of every page
    // of one reading are computed against it.
    QDateTime m_now;
    QList<QueueQuery::Row> m_rows;
    QHash<QString, int> m_rowOfId;
    QHash<QString, QString> m_names;
    std::optional<int> m_total; // not counted yet
    bool m_atEnd = true;
    // Where the next page starts (after the last row fetched).
    std::optional<QueueQuery::Cursor> m_cursor;
    bool m_searchReady = false;
    bool m_changing = false; // announcing a reset or an insertion
    int m_batching = 0;      // BatchedReload's alive
    bool m_reloadWanted = false; // asked for while batching
    // The search being shown, parsed (none when not searching).
    std::optional<SearchQuery> m_query;
    // The snippet column, per id: made for rows a view asked about
    // (snippetOf()), so kept by the const readers.
    mutable QHash<QString, std::pair<QString, QList<QPoint>>> m_snippets;
};

} // namespace assay
