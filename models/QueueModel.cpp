#include "models/QueueModel.h"

#include "models/Cache.h"
#include "models/CacheConnection.h"
#include "models/SearchIndex.h"
#include "models/SearchQuery.h"
#include "models/SearchSnippet.h"
#include "models/UserDirectory.h"

#include <QScopedValueRollback>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>

namespace assay {

namespace {
QString statusLabel(SubmissionSummary::Status s)
{
    switch (s) {
    case SubmissionSummary::Status::Submitted:
        return QueueModel::tr("Submitted");
    case SubmissionSummary::Status::InReview:
        return QueueModel::tr("In review");
    case SubmissionSummary::Status::Approved:
        return QueueModel::tr("Approved");
    case SubmissionSummary::Status::Rejected:
        return QueueModel::tr("Rejected");
    case SubmissionSummary::Status::Withdrawn:
        return QueueModel::tr("Withdrawn");
    }
    return {};
}

QString stageLabel(SubmissionSummary::Stage s)
{
    switch (s) {
    case SubmissionSummary::Stage::Review:
        return QueueModel::tr("Review");
    case SubmissionSummary::Stage::Security:
        return QueueModel::tr("Security");
    case SubmissionSummary::Stage::Done:
        return QueueModel::tr("Done");
    }
    return {};
}

} // namespace

QString QueueModel::kindLabel(SubmissionSummary::Kind k)
{
    switch (k) {
    case SubmissionSummary::Kind::Initial:
        return QueueModel::tr("Initial");
    case SubmissionSummary::Kind::Resubmission:
        return QueueModel::tr("Resubmission");
    case SubmissionSummary::Kind::Revalidation:
        return QueueModel::tr("Re-validation");
    }
    return {};
}

QString QueueModel::daysLabel(int days)
{
    return tr("%Ln day(s)", nullptr, days);
}

namespace {

QString localStateLabel(const QString &state)
{
    if (state == QLatin1String("pending"))
        return QueueModel::tr("Pending upload");
    if (state == QLatin1String("conflict"))
        return QueueModel::tr("Conflict");
    if (state == QLatin1String("failed"))
        return QueueModel::tr("Upload failed");
    return {};
}

// Compact, sortable at a glance, the same in every locale.
QString dayOf(const QDateTime &at)
{
    return at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd"));
}

QueueQuery::SortKey keyOfColumn(int column)
{
    switch (column) {
    case QueueModel::AppColumn:
        return QueueQuery::SortKey::App;
    case QueueModel::PartnerColumn:
        return QueueQuery::SortKey::Partner;
    case QueueModel::StatusColumn:
        return QueueQuery::SortKey::Status;
    case QueueModel::StageColumn:
        return QueueQuery::SortKey::Stage;
    case QueueModel::AssigneeColumn:
        return QueueQuery::SortKey::Assignee;
    case QueueModel::SlaColumn:
        return QueueQuery::SortKey::Sla;
    case QueueModel::DateColumn:
        return QueueQuery::SortKey::Date;
    case QueueModel::KindColumn:
        return QueueQuery::SortKey::Kind;
    case QueueModel::LocalStateColumn:
        return QueueQuery::SortKey::LocalState;
    case QueueModel::MatchColumn:
        return QueueQuery::SortKey::Rank;
    default:
        return QueueQuery::SortKey::Submitted;
    }
}
} // namespace

QueueModel::QueueModel(Cache *cache, QObject *parent)
    : QAbstractTableModel(parent)
    , m_cache(cache)
{
    reload();
}

QueueModel::~QueueModel() = default;

int QueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int QueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

double QueueModel::daysInStage(const QueueQuery::Row &r) const
{
    return SlaPolicy::daysInStage(r.stageEnteredAt, r.slaPausedSeconds, r.awaitingSince, m_now);
}

SlaPolicy::State QueueModel::slaState(const QueueQuery::Row &r) const
{
    return m_context.sla.state(r.summary.stage, daysInStage(r), r.awaitingSince.has_value());
}

QVariant QueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QueueQuery::Row &r = m_rows.at(index.row());
    const SubmissionSummary &s = r.summary;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case AppColumn:
            return s.appName;
        case PartnerColumn:
            return s.partnerName;
        case StatusColumn:
            return statusLabel(s.status);
        case StageColumn:
            return stageLabel(s.stage);
        case AssigneeColumn:
            return s.assignee ? m_names.value(*s.assignee, *s.assignee) : tr("Unassigned");
        case SubmittedColumn:
            return dayOf(s.submittedAt);
        case AgeColumn: {
            const int days = int(s.submittedAt.secsTo(m_now) / 86400);
            return daysLabel(days);
        }
        case SlaColumn: {
            const SlaPolicy::State state = slaState(r);
            if (state == SlaPolicy::State::None)
                return QString();
            return tr("%1, %n day(s) in stage", nullptr, int(daysInStage(r))).arg(SlaPolicy::stateLabel(state));
        }
        case DateColumn:
            if (s.status == SubmissionSummary::Status::Approved && s.badgeExpiresAt)
                return tr("Badge expires %1").arg(dayOf(*s.badgeExpiresAt));
            if (s.status == SubmissionSummary::Status::Rejected && s.resubmissionAllowedAt)
                return tr("Resubmit from %1").arg(dayOf(*s.resubmissionAllowedAt));
            return QString();
        case KindColumn:
            return kindLabel(s.kind);
        case LocalStateColumn:
            return localStateLabel(r.localState);
        case MatchColumn:
            return snippetOf(index.row()).first;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return tr("%1 by %2 — submission %3, version %4").arg(s.appName, s.partnerName, s.id).arg(s.version);
    case SortRole:
        switch (index.column()) {
        case SubmittedColumn:
            return s.submittedAt;
        case AgeColumn:
            return s.submittedAt.secsTo(m_now);
        case SlaColumn:
            return daysInStage(r);
        case DateColumn:
            return s.badgeExpiresAt ? *s.badgeExpiresAt : s.resubmissionAllowedAt.value_or(QDateTime());
        case MatchColumn:
            return r.rank;
        default:
            return data(index, Qt::DisplayRole);
        }
    case IdRole:
        return s.id;
    case VersionRole:
        return s.version;
    case StatusRole:
        return SubmissionSummary::statusName(s.status);
    case StageRole:
        return SubmissionSummary::stageName(s.stage);
    case AssigneeRole:
        return s.assignee.value_or(QString());
    case SlaStateRole:
        return SlaPolicy::stateName(slaState(r));
    case LocalStateRole:
        return r.localState;
    case MatchRangesRole:
        return QVariant::fromValue(snippetOf(index.row()).second);
    default:
        return {};
    }
}

QVariant QueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case AppColumn:
        return tr("App");
    case PartnerColumn:
        return tr("Partner");
    case StatusColumn:
        return tr("Status");
    case StageColumn:
        return tr("Stage");
    case AssigneeColumn:
        return tr("Assignee");
    case SubmittedColumn:
        return tr("Submitted");
    case AgeColumn:
        return tr("Age");
    case SlaColumn:
        return tr("SLA");
    case DateColumn:
        return tr("Badge / resubmission");
    case KindColumn:
        return tr("Kind");
    case LocalStateColumn:
        return tr("Local state");
    case MatchColumn:
        return tr("Match");
    default:
        return {};
    }
}

QHash<int, QByteArray> QueueModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(IdRole, "submissionId");
    names.insert(VersionRole, "version");
    names.insert(StatusRole, "status");
    names.insert(StageRole, "stage");
    names.insert(AssigneeRole, "assignee");
    names.insert(SlaStateRole, "slaState");
    names.insert(LocalStateRole, "localState");
    names.insert(MatchRangesRole, "matchRanges");
    return names;
}

void QueueModel::setContext(const QueueContext &context)
{
    if (context == m_context)
        return;
    m_context = context;
    reload();
}

void QueueModel::setFilter(const QueueFilter &filter)
{
    if (filter == m_filter)
        return;
    const bool searchChanged = filter.search != m_filter.search;
    // A new search sorts by relevance until the user picks a column.
    if (searchChanged && m_filter.search.trimmed().isEmpty())
        m_sortChosen = false;
    m_filter = filter;
    m_searchReady = m_searchReady && !searchChanged;
    reload();
}

void QueueModel::setSearchText(const QString &text)
{
    QueueFilter f = m_filter;
    f.search = text;
    setFilter(f);
}

void QueueModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    if (m_sortChosen && column == m_sortColumn && order == m_sortOrder)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    m_sortChosen = true;
    reload();
}

QueueQuery::Sort QueueModel::currentSort() const
{
    if (ranksByRelevance())
        return {QueueQuery::SortKey::Rank, false};
    QueueQuery::Sort sort{keyOfColumn(m_sortColumn), m_sortOrder == Qt::DescendingOrder};
    // Older first is a larger age.
    if (m_sortColumn == AgeColumn)
        sort.descending = !sort.descending;
    return sort;
}

QueueContext QueueModel::frozenContext() const
{
    // Every page of one reading uses the same "now": keys computed from it
    // (the SLA's) must not move between pages.
    QueueContext c = m_context;
    c.now = m_now;
    return c;
}

Result<> QueueModel::prepareSearch()
{
    if (m_searchReady || !m_query)
        return {};
    // The hits go to the connection's search_hits, which the queue's SQL joins.
    if (const Result<int> hits = m_cache->search().fillHits(*m_query); !hits)
        return hits.error();
    m_searchReady = true;
    return {};
}

bool QueueModel::isSearching() const
{
    return m_query.has_value();
}

void QueueModel::readNames()
{
    if (!m_cache)
        return;
    Result<QHash<QString, QString>> names = m_cache->users().names();
    if (!names) {
        Q_EMIT readFailed(names.error().message);
        return;
    }
    m_names = std::move(*names);
}

QueueModel::BatchedReload::~BatchedReload()
{
    if (--m_model.m_batching == 0 && m_model.m_reloadWanted)
        m_model.reload();
}

void QueueModel::reload()
{
    if (m_batching > 0) {
        m_reloadWanted = true;
        return;
    }
    m_reloadWanted = false;
    // Parsed once per reading: the readers ask whether it is a search at
    // every row.
    m_query.reset();
    if (SearchQuery query = SearchQuery::parse(m_filter.search); !query.isEmpty())
        m_query = std::move(query);
    if (!m_cache || !m_cache->isOpen()) {
        beginResetModel();
        m_rows.clear();
        m_rowOfId.clear();
        m_total = 0;
        m_atEnd = true;
        endResetModel();
        return;
    }
    readNames();
    m_now = m_context.effectiveNow();
    if (Result<> ready = prepareSearch(); !ready) {
        Q_EMIT readFailed(ready.error().message);
        return;
    }
    QueueQuery query(m_cache->connection());
    const QueueContext context = frozenContext();
    Result<QList<QueueQuery::Row>> rows = query.page(m_filter, context, currentSort(), std::nullopt, FirstPageSize);
    if (!rows) {
        Q_EMIT readFailed(rows.error().message);
        return;
    }
    const QScopedValueRollback changing(m_changing, true);
    beginResetModel();
    m_rows = std::move(*rows);
    m_atEnd = m_rows.size() < FirstPageSize;
    m_cursor = m_rows.isEmpty() ? std::nullopt : std::optional(QueueQuery::cursorOf(m_rows.last()));
    m_total.reset();
    m_snippets.clear();
    m_rowOfId.clear();
    reindexFrom(0);
    endResetModel();
    Q_EMIT countsChanged();
}

bool QueueModel::canFetchMore(const QModelIndex &parent) const
{
    // Not from a slot of our own reset or insertion: a page fetched there
    // would nest one change in another.
    return !parent.isValid() && !m_atEnd && !m_changing;
}

void QueueModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_atEnd || m_changing || !m_cache)
        return;
    QueueQuery query(m_cache->connection());
    Result<QList<QueueQuery::Row>> rows = query.page(m_filter, frozenContext(), currentSort(), m_cursor, PageSize);
    if (!rows) {
        m_atEnd = true; // no retry loop from a view that keeps asking
        Q_EMIT readFailed(rows.error().message);
        return;
    }
    m_atEnd = rows->size() < PageSize;
    if (!rows->isEmpty())
        m_cursor = QueueQuery::cursorOf(rows->last());
    // A row inserted by a refresh may already be loaded: it is not repeated.
    QList<QueueQuery::Row> fresh;
    for (QueueQuery::Row &r : *rows) {
        if (!m_rowOfId.contains(r.summary.id))
            fresh.append(std::move(r));
    }
    if (fresh.isEmpty())
        return;
    const int first = int(m_rows.size());
    const QScopedValueRollback changing(m_changing, true);
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    m_rows += fresh;
    reindexFrom(first);
    endInsertRows();
}

Result<QHash<SavedView, int>> QueueModel::viewCounts()
{
    if (!m_cache || !m_cache->isOpen())
        return Error{tr("No cache is open.")};
    QueueContext c = m_context;
    c.now = m_context.effectiveNow();
    return QueueQuery(m_cache->connection()).viewCounts(c);
}

void QueueModel::reindexFrom(int first)
{
    for (int row = first; row < m_rows.size(); ++row)
        m_rowOfId.insert(m_rows.at(row).summary.id, row);
}

int QueueModel::placeOf(const QueueQuery::Row &row) const
{
    const QueueQuery::Sort sort = currentSort();
    const auto at = std::lower_bound(m_rows.cbegin(), m_rows.cend(), row, [&sort](const QueueQuery::Row &a, const QueueQuery::Row &b) {
        return QueueQuery::before(sort, a, b);
    });
    return int(at - m_rows.cbegin());
}

bool QueueModel::inLoadedRange(const QueueQuery::Row &row) const
{
    // Everything is loaded, or it sorts before where the next page starts.
    return m_atEnd || (m_cursor && QueueQuery::before(currentSort(), row.sortKey, row.num, m_cursor->key, m_cursor->num));
}

void QueueModel::removeAt(int row)
{
    beginRemoveRows({}, row, row);
    m_rowOfId.remove(m_rows.at(row).summary.id);
    m_snippets.remove(m_rows.at(row).summary.id);
    m_rows.removeAt(row);
    reindexFrom(row);
    endRemoveRows();
}

void QueueModel::insertAt(int row, QueueQuery::Row r)
{
    beginInsertRows({}, row, row);
    m_rows.insert(row, std::move(r));
    reindexFrom(row);
    endInsertRows();
}

void QueueModel::refreshIds(const QStringList &ids)
{
    if (!m_cache || !m_cache->isOpen() || ids.isEmpty())
        return;
    const QScopedValueRollback changing(m_changing, true);
    QueueQuery query(m_cache->connection());
    const QueueContext context = frozenContext();
    // A search's hits are the index's to say: a changed submission may match
    // now, or no more.
    if (isSearching()) {
        m_searchReady = false;
        if (Result<> ready = prepareSearch(); !ready) {
            Q_EMIT readFailed(ready.error().message);
            return;
        }
    }
    const Result<QList<QueueQuery::Row>> matching = query.rows(m_filter, context, currentSort(), ids);
    if (!matching) {
        Q_EMIT readFailed(matching.error().message);
        return;
    }
    QHash<QString, const QueueQuery::Row *> byId;
    for (const QueueQuery::Row &r : *matching)
        byId.insert(r.summary.id, &r);
    bool unknownAssignee = false;
    for (const QString &id : ids) {
        const QueueQuery::Row *fresh = byId.value(id);
        const auto loaded = m_rowOfId.constFind(id);
        if (fresh && fresh->summary.assignee && !m_names.contains(*fresh->summary.assignee))
            unknownAssignee = true;
        if (loaded == m_rowOfId.cend()) {
            // Not loaded: it appears if it sorts into what is loaded; else
            // the page that reaches it brings it.
            if (fresh && inLoadedRange(*fresh))
                insertAt(placeOf(*fresh), *fresh);
            continue;
        }
        const int row = *loaded;
        if (!fresh || !inLoadedRange(*fresh)) {
            removeAt(row);
            continue;
        }
        // Still in: in place when its neighbours still bracket it.
        const QueueQuery::Sort sort = currentSort();
        const bool afterPrevious = row == 0 || QueueQuery::before(sort, m_rows.at(row - 1), *fresh);
        const bool beforeNext = row + 1 >= m_rows.size() || QueueQuery::before(sort, *fresh, m_rows.at(row + 1));
        if (afterPrevious && beforeNext) {
            m_rows[row] = *fresh;
            m_snippets.remove(id);
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            continue;
        }
        removeAt(row);
        insertAt(placeOf(*fresh), *fresh);
    }
    if (unknownAssignee) {
        // Perhaps the users changed: their names are read again, once.
        const QHash<QString, QString> before = m_names;
        readNames();
        if (m_names != before && !m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, AssigneeColumn), index(int(m_rows.size()) - 1, AssigneeColumn));
    }
    m_total.reset();
    Q_EMIT countsChanged();
}

int QueueModel::totalCount()
{
    if (m_total)
        return *m_total;
    if (!m_cache || !m_cache->isOpen())
        return 0;
    const Result<int> total = QueueQuery(m_cache->connection()).count(m_filter, frozenContext());
    if (!total) {
        Q_EMIT readFailed(total.error().message);
        return 0;
    }
    m_total = *total;
    return *total;
}

QModelIndex QueueModel::indexOfId(const QString &id) const
{
    const auto it = m_rowOfId.constFind(id);
    return it == m_rowOfId.cend() ? QModelIndex() : index(*it, 0);
}

const std::pair<QString, QList<QPoint>> &QueueModel::snippetOf(int row) const
{
    static const std::pair<QString, QList<QPoint>> none;
    if (!m_query)
        return none;
    const QString &id = m_rows.at(row).summary.id;
    if (const auto it = m_snippets.constFind(id); it != m_snippets.cend())
        return *it;
    fillSnippets(row, std::min(row + SnippetWindow, int(m_rows.size())) - 1);
    return m_snippets[id];
}

void QueueModel::fillSnippets(int first, int last) const
{
    // Made from the cached text of the rows a view shows, when it first
    // asks: the index keeps no positions, and a snippet of every loaded row
    // would cost a keystroke the answers of 200 submissions (about 20 ms
    // with a common word) where a screenful needs a fifth of that.
    if (!m_query)
        return;
    QStringList ids;
    for (int row = first; row <= last; ++row) {
        const QString &id = m_rows.at(row).summary.id;
        if (!m_snippets.contains(id))
            ids.append(id);
    }
    if (ids.isEmpty())
        return;
    const Result<QHash<QString, QString>> documents = m_cache->search().documents(ids);
    if (!documents) {
        // Asked while painting: said once, after it (the rows keep an empty
        // snippet rather than ask again at every paint).
        for (const QString &id : std::as_const(ids))
            m_snippets.insert(id, {});
        QMetaObject::invokeMethod(
            const_cast<QueueModel *>(this), // NOLINT: a signal from a const reader, queued
            [model = const_cast<QueueModel *>(this), message = documents.error().message] { Q_EMIT model->readFailed(message); },
            Qt::QueuedConnection);
        return;
    }
    for (const QString &id : std::as_const(ids)) {
        const SearchSnippet snippet = SearchSnippet::make(documents->value(id), *m_query);
        QList<QPoint> ranges;
        for (const auto &[start, length] : snippet.matches)
            ranges.append(QPoint(start, length));
        m_snippets.insert(id, {snippet.text, ranges});
    }
}

} // namespace assay
