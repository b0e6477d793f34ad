#include "models/QueueModel.h"

#include "models/Cache.h"
#include "models/SearchIndex.h"
#include "models/SubmissionStore.h"

#include <QSet>

#include <algorithm>

namespace assay {

namespace {
QString statusLabel(SubmissionSummary::Status s)
{
    switch (s) {
    case SubmissionSummary::Status::Submitted:
        return QObject::tr("Submitted");
    case SubmissionSummary::Status::InReview:
        return QObject::tr("In review");
    case SubmissionSummary::Status::Approved:
        return QObject::tr("Approved");
    case SubmissionSummary::Status::Rejected:
        return QObject::tr("Rejected");
    case SubmissionSummary::Status::Withdrawn:
        return QObject::tr("Withdrawn");
    }
    return {};
}

QString stageLabel(SubmissionSummary::Stage s)
{
    switch (s) {
    case SubmissionSummary::Stage::Review:
        return QObject::tr("Review");
    case SubmissionSummary::Stage::Security:
        return QObject::tr("Security");
    case SubmissionSummary::Stage::Done:
        return QObject::tr("Done");
    }
    return {};
}
} // namespace

QueueModel::QueueModel(Cache *cache, QObject *parent)
    : QAbstractTableModel(parent)
    , m_cache(cache)
{
    reload();
}

int QueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int QueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant QueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SubmissionSummary &s = m_rows.at(index.row());
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
            return s.assignee.value_or(tr("Unassigned"));
        // Compact, sortable at a glance, the same in every locale.
        case SubmittedColumn:
            return s.submittedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        case UpdatedColumn:
            return s.updatedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return tr("%1 by %2 — submission %3, version %4").arg(s.appName, s.partnerName, s.id).arg(s.version);
    case SortRole:
        switch (index.column()) {
        case SubmittedColumn:
            return s.submittedAt;
        case UpdatedColumn:
            return s.updatedAt;
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
    case UpdatedColumn:
        return tr("Updated");
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
    return names;
}

void QueueModel::reload()
{
    if (!m_cache) {
        m_all.clear();
    } else if (Result<QList<SubmissionSummary>> all = m_cache->submissions().summaries(); all) {
        m_all = std::move(*all);
    } else {
        Q_EMIT readFailed(all.error().message);
        return;
    }
    std::stable_sort(m_all.begin(), m_all.end(),
                     [](const SubmissionSummary &a, const SubmissionSummary &b) { return a.updatedAt > b.updatedAt; });
    applyFilter();
}

void QueueModel::refreshIds(const QStringList &ids)
{
    if (!m_cache || ids.isEmpty())
        return;
    bool added = false;
    for (const QString &id : ids) {
        const Result<std::optional<SubmissionSummary>> read = m_cache->submissions().summary(id);
        if (!read) {
            Q_EMIT readFailed(read.error().message);
            return;
        }
        const std::optional<SubmissionSummary> &s = *read;
        if (!s)
            continue;
        const auto inAll = std::find_if(m_all.begin(), m_all.end(), [&id](const SubmissionSummary &x) { return x.id == id; });
        if (inAll == m_all.end()) {
            m_all.append(*s);
            added = true;
        } else {
            *inAll = *s;
        }
        for (int row = 0; row < m_rows.size(); ++row) {
            if (m_rows.at(row).id == id) {
                m_rows[row] = *s;
                Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
                break;
            }
        }
    }
    if (!added)
        return;
    if (!m_search.trimmed().isEmpty()) {
        // Whether a new submission matches is the index's to say.
        applyFilter();
        return;
    }
    // New submissions go at the end; a sorting view puts them in place.
    const int first = int(m_rows.size());
    QList<SubmissionSummary> fresh;
    for (qsizetype i = m_rows.size(); i < m_all.size(); ++i)
        fresh.append(m_all.at(i));
    if (fresh.isEmpty())
        return;
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    m_rows += fresh;
    endInsertRows();
}

void QueueModel::setSearchText(const QString &text)
{
    if (text == m_search)
        return;
    m_search = text;
    applyFilter();
}

void QueueModel::applyFilter()
{
    QStringList hits;
    const bool all = m_search.trimmed().isEmpty() || !m_cache;
    if (!all) {
        Result<QStringList> found = m_cache->search().find(m_search, int(m_all.size()) + 1);
        if (!found) {
            Q_EMIT readFailed(found.error().message);
            return;
        }
        hits = std::move(*found);
    }
    beginResetModel();
    if (all) {
        m_rows = m_all;
    } else {
        const QSet<QString> ids(hits.cbegin(), hits.cend());
        m_rows.clear();
        for (const SubmissionSummary &s : std::as_const(m_all)) {
            if (ids.contains(s.id))
                m_rows.append(s);
        }
    }
    endResetModel();
}

QModelIndex QueueModel::indexOfId(const QString &id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return index(row, 0);
    }
    return {};
}

} // namespace assay
