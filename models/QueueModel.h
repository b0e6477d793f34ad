#pragma once

#include "domain/SubmissionSummary.h"

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

namespace assay {

class Cache;

// The review queue: cached submissions as a table, newest change first,
// optionally narrowed to the ids a search found. Reads through the Cache of
// the thread it lives in (the UI's). A read that fails leaves the rows as
// they were and says why through readFailed().
class QueueModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { AppColumn, PartnerColumn, StatusColumn, StageColumn, AssigneeColumn, SubmittedColumn, UpdatedColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, VersionRole, StatusRole, StageRole, AssigneeRole, SortRole };

    explicit QueueModel(Cache *cache, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Re-reads the whole cache.
    void reload();
    // Re-reads just these submissions (what the sync engine announces
    // changed): rows are updated or added in place, nothing else is read.
    void refreshIds(const QStringList &ids);
    // Narrows the queue to submissions matching the text; empty shows all.
    void setSearchText(const QString &text);
    QString searchText() const { return m_search; }
    int totalCount() const { return int(m_all.size()); }
    QModelIndex indexOfId(const QString &id) const;

Q_SIGNALS:
    void readFailed(const QString &message);

private:
    void applyFilter();

    Cache *m_cache;
    QList<SubmissionSummary> m_all;
    QList<SubmissionSummary> m_rows;
    QString m_search;
};

} // namespace assay
