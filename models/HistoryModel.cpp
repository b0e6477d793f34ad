#include "models/HistoryModel.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace assay {

HistoryModel::HistoryModel(NameFunction names, QObject *parent) : QAbstractListModel(parent), m_names(std::move(names)) {}

QString HistoryModel::detailText(const QJsonObject &detail)
{
    QStringList parts;
    for (auto it = detail.begin(); it != detail.end(); ++it) {
        const QJsonValue v = it.value();
        QString text;
        if (v.isString())
            text = v.toString();
        else if (v.isDouble())
            text = QString::number(v.toDouble());
        else if (v.isBool())
            text = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        else if (v.isNull())
            text = QStringLiteral("—");
        else
            text = QString::fromUtf8(v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                                 : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
        parts.append(it.key() + QStringLiteral(": ") + text);
    }
    return parts.join(QStringLiteral(", "));
}

void HistoryModel::setHistory(const QList<HistoryEntry> &server, const QList<LocalAction> &local)
{
    beginResetModel();
    m_rows.clear();
    QList<Row> mine;
    for (const LocalAction &a : local)
        mine.append({a.at, a.actor, a.action, a.detail, a.state, true});
    QList<Row> theirs;
    for (const HistoryEntry &e : server)
        theirs.append({e.at, e.actor, e.action, detailText(e.detail), QString(), false});
    auto newestFirst = [](const Row &a, const Row &b) { return a.at > b.at; };
    // Local actions happen after everything the server has recorded, whatever
    // the clocks say: they lead.
    std::stable_sort(mine.begin(), mine.end(), newestFirst);
    std::stable_sort(theirs.begin(), theirs.end(), newestFirst);
    m_rows = mine + theirs;
    endResetModel();
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    const QString name = m_names ? m_names(r.actor) : r.actor;
    switch (role) {
    case Qt::DisplayRole:
        return r.local ? tr("%1: %2 (%3, not yet sent)").arg(name, r.action, r.state) : tr("%1: %2").arg(name, r.action);
    case Qt::ToolTipRole:
    case DetailRole:
        return r.detail;
    case TimeRole:
        return r.at;
    case ActorIdRole:
        return r.actor;
    case ActorNameRole:
        return name;
    case ActionRole:
        return r.action;
    case LocalRole:
        return r.local;
    case StateRole:
        return r.state;
    default:
        return {};
    }
}

QHash<int, QByteArray> HistoryModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(TimeRole, "time");
    names.insert(ActorIdRole, "actorId");
    names.insert(ActorNameRole, "actorName");
    names.insert(ActionRole, "action");
    names.insert(DetailRole, "detail");
    names.insert(LocalRole, "local");
    names.insert(StateRole, "state");
    return names;
}

} // namespace assay
