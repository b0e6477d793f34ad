#include "ui/board/ReviewerList.h"

#include "ui/board/WorkItemModel.h"

#include <QHeaderView>
#include <QLocale>
#include <QMimeData>

#include <cmath>

namespace assay {

ReviewerModel::ReviewerModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ReviewerModel::setReviewers(const QList<Workload::Reviewer> &reviewers)
{
    beginResetModel();
    m_reviewers = reviewers;
    endResetModel();
}

QModelIndex ReviewerModel::indexOfId(const QString &id) const
{
    for (int r = 0; r < m_reviewers.size(); ++r)
        if (m_reviewers.at(r).id == id)
            return index(r, 0);
    return {};
}

int ReviewerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_reviewers.size());
}

int ReviewerModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReviewerModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_reviewers.size())
        return {};
    const Workload::Reviewer &r = m_reviewers.at(index.row());
    if (role == IdRole)
        return r.id;
    if (role == Qt::TextAlignmentRole && index.column() != NameColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == NameColumn)
        return tr("Drop submissions here to assign them to %1").arg(r.name);
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return r.name;
    case OpenColumn:
        return r.open;
    case OldestColumn:
        return r.open == 0 ? QString() : tr("%L1 d").arg(int(std::floor(r.oldestDays)));
    case BreachesColumn:
        return r.breaches;
    case PendingColumn:
        return r.pending == 0 ? QString() : QLocale().toString(r.pending);
    default:
        return {};
    }
}

QVariant ReviewerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case OpenColumn:
            return tr("Open submissions at the review stage assigned to the reviewer");
        case OldestColumn:
            return tr("Days since the oldest of them was submitted");
        case BreachesColumn:
            return tr("How many are past the stage's target");
        case PendingColumn:
            return tr("Assignments waiting to be uploaded");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Reviewer");
    case OpenColumn:
        return tr("Open");
    case OldestColumn:
        return tr("Oldest");
    case BreachesColumn:
        return tr("SLA breaches");
    case PendingColumn:
        return tr("Pending");
    default:
        return {};
    }
}

Qt::ItemFlags ReviewerModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDropEnabled;
}

QStringList ReviewerModel::mimeTypes() const
{
    return {WorkItemModel::mimeType()};
}

Qt::DropActions ReviewerModel::supportedDropActions() const
{
    return Qt::CopyAction;
}

bool ReviewerModel::canDropMimeData(const QMimeData *data, Qt::DropAction, int row, int, const QModelIndex &parent) const
{
    return (parent.isValid() || (row >= 0 && row < m_reviewers.size())) && !WorkItemModel::idsOf(data).isEmpty();
}

bool ReviewerModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const int at = parent.isValid() ? parent.row() : row;
    Q_EMIT dropped(WorkItemModel::idsOf(data), m_reviewers.at(at).id);
    // Nothing of the view's own changes: the board re-reads the cache.
    return false;
}

ReviewerList::ReviewerList(QWidget *parent)
    : QTableView(parent)
    , m_model(new ReviewerModel(this))
{
    setModel(m_model);
    setAccessibleName(tr("Reviewers and their open work"));
    setSelectionBehavior(SelectRows);
    setSelectionMode(SingleSelection);
    setAlternatingRowColors(true);
    verticalHeader()->hide();
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(ReviewerModel::NameColumn, QHeaderView::Stretch);
    setWordWrap(false);
    // Submissions are dropped on a reviewer's row, never between rows.
    setAcceptDrops(true);
    setDragDropMode(DropOnly);
    setDragDropOverwriteMode(true);
    setDropIndicatorShown(true);
    setDefaultDropAction(Qt::CopyAction);
    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { Q_EMIT currentReviewerChanged(currentReviewer()); });
}

QString ReviewerList::currentReviewer() const
{
    return currentIndex().data(ReviewerModel::IdRole).toString();
}

void ReviewerList::selectReviewer(const QString &id)
{
    const QModelIndex at = m_model->indexOfId(id);
    if (at.isValid())
        setCurrentIndex(at);
}

} // namespace assay
