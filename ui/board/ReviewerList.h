#pragma once

#include "models/Workload.h"

#include <QAbstractTableModel>
#include <QTableView>

namespace assay {

// The reviewers and their open work, for the lead: a row each (name, open,
// oldest, SLA breaches, pending); submissions dragged from the board drop
// on a reviewer's row.
class ReviewerModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, OpenColumn, OldestColumn, BreachesColumn, PendingColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1 };

    explicit ReviewerModel(QObject *parent = nullptr);

    void setReviewers(const QList<Workload::Reviewer> &reviewers);
    const QList<Workload::Reviewer> &reviewers() const { return m_reviewers; }
    QModelIndex indexOfId(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    Qt::DropActions supportedDropActions() const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

Q_SIGNALS:
    // Submissions dropped on a reviewer: the board records the assignments.
    void dropped(const QStringList &submissionIds, const QString &reviewerId);

private:
    QList<Workload::Reviewer> m_reviewers;
};

class ReviewerList : public QTableView
{
    Q_OBJECT

public:
    explicit ReviewerList(QWidget *parent = nullptr);

    ReviewerModel *reviewerModel() const { return m_model; }
    // The selected reviewer's id (empty: none).
    QString currentReviewer() const;
    void selectReviewer(const QString &id);

Q_SIGNALS:
    void currentReviewerChanged(const QString &id);

private:
    ReviewerModel *m_model;
};

} // namespace assay
