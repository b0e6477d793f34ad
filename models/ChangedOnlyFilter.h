#pragma once

#include <QSortFilterProxyModel>

namespace assay {

// The "changed only" switch over a ReviewTreeModel: when on, hides every
// question whose answer did not change since the previous submission, across
// the whole questionnaire, and the categories left with none. A proxy rather
// than a mode of the tree, so switching keeps the selection and expansion of
// the rows that stay.
class ChangedOnlyFilter : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit ChangedOnlyFilter(QObject *parent = nullptr);

    bool changedOnly() const { return m_changedOnly; }
    void setChangedOnly(bool on);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool m_changedOnly = false;
};

} // namespace assay
