#pragma once

#include "domain/Comment.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QList>

#include <functional>

namespace assay {

// A submission's comments, oldest first as a conversation reads: internal
// notes, our clarification requests to the partner and the partner's replies
// told apart, with the author's name and which arrived since the reviewer
// last opened the submission.
class CommentsModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum class Kind { InternalNote, ClarificationRequest, PartnerReply };
    // A user id to a name to show (the cache's user directory in the app).
    using NameFunction = std::function<QString(const QString &userId)>;

    enum Role {
        IdRole = Qt::UserRole + 1,
        AuthorIdRole,
        AuthorNameRole,
        TimeRole,      // QDateTime
        KindRole,      // Kind, as int
        KindTextRole,  // "Internal note", "Clarification request", "Partner reply"
        BodyRole,
        NewRole,       // bool: arrived after the last opening
    };

    explicit CommentsModel(NameFunction names, QObject *parent = nullptr);

    // Replaces everything (a model reset). `lastOpened` is when the reviewer
    // opened the submission before this time; invalid for a first opening,
    // when nothing is singled out as new.
    void setComments(const QList<Comment> &comments, const QDateTime &lastOpened);
    // A comment written here: inserted at its time (or updated in place when
    // its id is already shown, as when the sync brings it back); never new.
    void addComment(const Comment &comment);

    // Our last clarification request has no later reply from the partner.
    bool awaitingPartner() const;
    int newCount() const;
    static Kind kindOf(const Comment &comment);
    static QString kindText(Kind kind);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void awaitingPartnerChanged(bool awaiting);

private:
    struct Row
    {
        Comment comment;
        bool isNew = false;
    };

    NameFunction m_names;
    QList<Row> m_rows;
};

} // namespace assay
