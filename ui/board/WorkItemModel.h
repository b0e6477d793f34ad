#pragma once

#include "models/Workload.h"

#include <QAbstractTableModel>
#include <QHash>

namespace assay {

// Submissions on the lead's board (the unassigned pile, a reviewer's work):
// a row each, dragged out as their ids (MimeType) to drop on a reviewer.
class WorkItemModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { AppColumn, PartnerColumn, KindColumn, AgeColumn, InStageColumn, SlaColumn, LocalColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, SortRole };

    // What a drag carries: the submissions' ids, one a line.
    static QString mimeType() { return QStringLiteral("application/x-assay-submission-ids"); }
    static QStringList idsOf(const QMimeData *data);

    explicit WorkItemModel(QObject *parent = nullptr);

    void setItems(const QList<Workload::Item> &items, const QHash<QString, QString> &names);
    const QList<Workload::Item> &items() const { return m_items; }
    const Workload::Item *item(const QModelIndex &index) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override;

private:
    QString localText(const Workload::Item &i) const;

    QList<Workload::Item> m_items;
    QHash<QString, QString> m_names;
};

} // namespace assay
