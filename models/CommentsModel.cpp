#include "models/CommentsModel.h"

#include <algorithm>

namespace assay {

CommentsModel::CommentsModel(NameFunction names, QObject *parent) : QAbstractListModel(parent), m_names(std::move(names)) {}

CommentsModel::Kind CommentsModel::kindOf(const Comment &comment)
{
    if (comment.from == Comment::From::Partner)
        return Kind::PartnerReply;
    return comment.visibility == Comment::Visibility::Partner ? Kind::ClarificationRequest : Kind::InternalNote;
}

QString CommentsModel::kindText(Kind kind)
{
    switch (kind) {
    case Kind::InternalNote: return tr("Internal note");
    case Kind::ClarificationRequest: return tr("Clarification request");
    case Kind::PartnerReply: return tr("Partner reply");
    }
    return {};
}

void CommentsModel::setComments(const QList<Comment> &comments, const QDateTime &lastOpened)
{
    const bool wasAwaiting = awaitingPartner();
    beginResetModel();
    m_rows.clear();
    for (const Comment &c : comments)
        m_rows.append({c, lastOpened.isValid() && c.createdAt > lastOpened});
    std::stable_sort(m_rows.begin(), m_rows.end(), [](const Row &a, const Row &b) { return a.comment.createdAt < b.comment.createdAt; });
    endResetModel();
    if (awaitingPartner() != wasAwaiting)
        Q_EMIT awaitingPartnerChanged(!wasAwaiting);
}

void CommentsModel::addComment(const Comment &comment)
{
    const bool wasAwaiting = awaitingPartner();
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).comment.id == comment.id && !comment.id.isEmpty()) {
            if (m_rows.at(i).comment.createdAt == comment.createdAt) {
                m_rows[i].comment = comment;
                Q_EMIT dataChanged(index(i), index(i));
                if (awaitingPartner() != wasAwaiting)
                    Q_EMIT awaitingPartnerChanged(!wasAwaiting);
                return;
            }
            // Its time moved: take it out and put it back in its place.
            beginRemoveRows({}, i, i);
            m_rows.removeAt(i);
            endRemoveRows();
            break;
        }
    }
    const auto at = std::upper_bound(m_rows.cbegin(), m_rows.cend(), comment.createdAt,
                                     [](const QDateTime &t, const Row &r) { return t < r.comment.createdAt; });
    const int row = int(at - m_rows.cbegin());
    beginInsertRows({}, row, row);
    m_rows.insert(row, {comment, false});
    endInsertRows();
    if (awaitingPartner() != wasAwaiting)
        Q_EMIT awaitingPartnerChanged(!wasAwaiting);
}

bool CommentsModel::awaitingPartner() const
{
    for (auto it = m_rows.crbegin(); it != m_rows.crend(); ++it) {
        const Kind k = kindOf(it->comment);
        if (k == Kind::PartnerReply)
            return false;
        if (k == Kind::ClarificationRequest)
            return true;
    }
    return false;
}

int CommentsModel::newCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &r) { return r.isNew; }));
}

int CommentsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant CommentsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    const Kind kind = kindOf(r.comment);
    switch (role) {
    case Qt::DisplayRole:
    case BodyRole:
        return r.comment.body;
    case Qt::ToolTipRole:
        return r.isNew ? tr("%1, new since you last opened it").arg(kindText(kind)) : kindText(kind);
    case IdRole:
        return r.comment.id;
    case AuthorIdRole:
        return r.comment.author;
    case AuthorNameRole:
        return m_names ? m_names(r.comment.author) : r.comment.author;
    case TimeRole:
        return r.comment.createdAt;
    case KindRole:
        return int(kind);
    case KindTextRole:
        return kindText(kind);
    case NewRole:
        return r.isNew;
    default:
        return {};
    }
}

QHash<int, QByteArray> CommentsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(AuthorIdRole, "authorId");
    names.insert(AuthorNameRole, "authorName");
    names.insert(TimeRole, "time");
    names.insert(KindRole, "kind");
    names.insert(KindTextRole, "kindText");
    names.insert(BodyRole, "body");
    names.insert(NewRole, "isNew");
    return names;
}

} // namespace assay
