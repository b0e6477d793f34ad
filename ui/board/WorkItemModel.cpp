#include "ui/board/WorkItemModel.h"

#include "models/QueueModel.h"

#include <QFont>
#include <QMimeData>

#include <cmath>

namespace assay {


WorkItemModel::WorkItemModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

QStringList WorkItemModel::idsOf(const QMimeData *data)
{
    if (!data || !data->hasFormat(mimeType()))
        return {};
    return QString::fromUtf8(data->data(mimeType())).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

void WorkItemModel::setItems(const QList<Workload::Item> &items, const QHash<QString, QString> &names)
{
    beginResetModel();
    m_items = items;
    m_names = names;
    endResetModel();
}

const Workload::Item *WorkItemModel::item(const QModelIndex &index) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return nullptr;
    return &m_items.at(index.row());
}

int WorkItemModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int WorkItemModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString WorkItemModel::localText(const Workload::Item &i) const
{
    switch (i.local) {
    case Workload::LocalState::None:
        return {};
    case Workload::LocalState::Pending: {
        const QString to = i.assignee ? m_names.value(*i.assignee, *i.assignee) : tr("nobody");
        return tr("pending upload: to %1").arg(to);
    }
    case Workload::LocalState::Held:
        return tr("held — the marketplace refused the assignment; assign it again");
    }
    return {};
}

QVariant WorkItemModel::data(const QModelIndex &index, int role) const
{
    const Workload::Item *i = item(index);
    if (!i)
        return {};
    if (role == IdRole)
        return i->id;
    if (role == Qt::FontRole && i->local != Workload::LocalState::None) {
        QFont f;
        f.setItalic(true);
        return f;
    }
    const int column = index.column();
    if (role == SortRole) {
        switch (column) {
        case AgeColumn:
            return i->ageDays;
        case InStageColumn:
        case SlaColumn:
            return i->daysInStage;
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::ToolTipRole && column == LocalColumn)
        return localText(*i);
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (column) {
    case AppColumn:
        return i->appName;
    case PartnerColumn:
        return i->partnerName;
    case KindColumn:
        return QueueModel::kindLabel(i->kind);
    case AgeColumn:
        return QueueModel::daysLabel(int(std::floor(i->ageDays)));
    case InStageColumn:
        return QueueModel::daysLabel(int(std::floor(i->daysInStage)));
    case SlaColumn:
        return SlaPolicy::stateLabel(i->sla);
    case LocalColumn:
        return localText(*i);
    default:
        return {};
    }
}

QVariant WorkItemModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case AppColumn:
        return tr("App");
    case PartnerColumn:
        return tr("Partner");
    case KindColumn:
        return tr("Kind");
    case AgeColumn:
        return tr("Age");
    case InStageColumn:
        return tr("In stage");
    case SlaColumn:
        return tr("SLA");
    case LocalColumn:
        return tr("Local state");
    default:
        return {};
    }
}

Qt::ItemFlags WorkItemModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
}

QStringList WorkItemModel::mimeTypes() const
{
    return {mimeType()};
}

QMimeData *WorkItemModel::mimeData(const QModelIndexList &indexes) const
{
    QStringList ids;
    for (const QModelIndex &index : indexes) {
        const QString id = index.data(IdRole).toString();
        if (!id.isEmpty() && !ids.contains(id))
            ids.append(id);
    }
    auto *data = new QMimeData;
    data->setData(mimeType(), ids.join(QLatin1Char('\n')).toUtf8());
    return data;
}

Qt::DropActions WorkItemModel::supportedDragActions() const
{
    // Copy, never move: the board re-reads the cache after the drop; a move
    // would let the view delete the rows itself.
    return Qt::CopyAction;
}

} // namespace assay
