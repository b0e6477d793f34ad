#include "models/ChecklistModel.h"

#include <algorithm>

namespace assay {

ChecklistModel::ChecklistModel(TickWriter writeTick, NoteWriter writeNote, QObject *parent)
    : QAbstractListModel(parent), m_writeTick(std::move(writeTick)), m_writeNote(std::move(writeNote))
{
}

void ChecklistModel::setCategory(const Questionnaire &questionnaire, const QString &categoryKey, const Stamp &current,
                                 const QHash<QString, ItemState> &states)
{
    beginResetModel();
    m_categoryKey = categoryKey;
    m_current = current;
    m_rows.clear();
    if (const Questionnaire::Category *category = questionnaire.category(categoryKey)) {
        for (const Questionnaire::ChecklistItem &item : category->checklist)
            m_rows.append({item, states.value(item.key)});
    }
    m_categoryNote = states.value(categoryKey);
    endResetModel();
}

bool ChecklistModel::stale(const std::optional<Stamp> &stamp) const
{
    return stamp && !stamp->basis.isEmpty() && stamp->basis != m_current.basis;
}

// An unticked item or an empty note holds no judgement to recheck.
bool ChecklistModel::tickStale(const ItemState &s) const
{
    return s.checked && stale(s.tickStamp);
}

bool ChecklistModel::noteStale(const ItemState &s) const
{
    return !s.note.isEmpty() && stale(s.noteStamp);
}

Result<> ChecklistModel::failed(Result<> r)
{
    if (!r)
        Q_EMIT writeFailed(r.error().message);
    return r;
}

Result<> ChecklistModel::setChecked(int row, bool checked)
{
    if (row < 0 || row >= m_rows.size())
        return Error{tr("No checklist item at row %1").arg(row)};
    Row &r = m_rows[row];
    if (Result<> w = m_writeTick(r.item.key, checked); !w)
        return failed(w);
    const bool changed = r.state.checked != checked;
    r.state.checked = checked;
    r.state.tickStamp = m_current;
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i, {Qt::CheckStateRole, CheckedRole, RecheckRole, RecheckTextRole, MadeOnVersionRole});
    if (changed)
        Q_EMIT tickChanged(r.item.key, checked);
    return {};
}

Result<> ChecklistModel::setNote(int row, const QString &note)
{
    if (row < 0 || row >= m_rows.size())
        return Error{tr("No checklist item at row %1").arg(row)};
    Row &r = m_rows[row];
    if (Result<> w = m_writeNote(r.item.key, note); !w)
        return failed(w);
    r.state.note = note;
    r.state.noteStamp = m_current;
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i, {NoteRole, RecheckRole, RecheckTextRole, MadeOnVersionRole, Qt::ToolTipRole});
    return {};
}

Result<> ChecklistModel::confirm(int row)
{
    if (row < 0 || row >= m_rows.size())
        return Error{tr("No checklist item at row %1").arg(row)};
    const ItemState s = m_rows.at(row).state;
    if (tickStale(s)) {
        if (Result<> r = setChecked(row, s.checked); !r)
            return r;
    }
    if (noteStale(s)) {
        if (Result<> r = setNote(row, s.note); !r)
            return r;
    }
    return {};
}

bool ChecklistModel::categoryNoteNeedsRecheck() const
{
    return noteStale(m_categoryNote);
}

Result<> ChecklistModel::setCategoryNote(const QString &note)
{
    if (m_categoryKey.isEmpty())
        return Error{tr("No category shown")};
    if (Result<> w = m_writeNote(m_categoryKey, note); !w)
        return failed(w);
    m_categoryNote.note = note;
    m_categoryNote.noteStamp = m_current;
    return {};
}

int ChecklistModel::requiredCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &r) { return r.item.required; }));
}

int ChecklistModel::requiredTicked() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &r) { return r.item.required && r.state.checked; }));
}

int ChecklistModel::rowOf(const QString &itemKey) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).item.key == itemKey)
            return i;
    }
    return -1;
}

int ChecklistModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ChecklistModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    const bool recheck = tickStale(r.state) || noteStale(r.state);
    auto madeOn = [&]() -> qint64 {
        if (tickStale(r.state))
            return r.state.tickStamp->version;
        return noteStale(r.state) ? r.state.noteStamp->version : 0;
    };
    switch (role) {
    case Qt::DisplayRole:
        return r.item.required ? tr("%1 (required)").arg(r.item.text) : r.item.text;
    case Qt::CheckStateRole:
        return r.state.checked ? Qt::Checked : Qt::Unchecked;
    case Qt::ToolTipRole:
        return recheck ? tr("Made on version %1 — recheck").arg(madeOn()) : r.state.note;
    case KeyRole:
        return r.item.key;
    case RequiredRole:
        return r.item.required;
    case CheckedRole:
        return r.state.checked;
    case NoteRole:
        return r.state.note;
    case RecheckRole:
        return recheck;
    case RecheckTextRole:
        return recheck ? tr("made on version %1 — recheck").arg(madeOn()) : QString();
    case MadeOnVersionRole:
        return recheck ? madeOn() : qint64(0);
    case ReasonCodesRole:
        return r.item.reasonCodes;
    default:
        return {};
    }
}

bool ChecklistModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    if (role == Qt::CheckStateRole)
        return setChecked(index.row(), value.toInt() == Qt::Checked).has_value();
    if (role == CheckedRole)
        return setChecked(index.row(), value.toBool()).has_value();
    if (role == NoteRole)
        return setNote(index.row(), value.toString()).has_value();
    return false;
}

Qt::ItemFlags ChecklistModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> ChecklistModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(KeyRole, "key");
    names.insert(RequiredRole, "required");
    names.insert(CheckedRole, "checked");
    names.insert(NoteRole, "note");
    names.insert(RecheckRole, "recheck");
    names.insert(RecheckTextRole, "recheckText");
    names.insert(MadeOnVersionRole, "madeOnVersion");
    names.insert(ReasonCodesRole, "reasonCodes");
    return names;
}

} // namespace assay
