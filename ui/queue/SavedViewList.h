#pragma once

#include "models/SavedView.h"

#include <QHash>
#include <QList>
#include <QTreeWidget>

namespace assay {

// The side list of saved views with their live counts ("My queue  12"):
// only the views the user's roles use. Choosing one says which.
class SavedViewList : public QTreeWidget
{
    Q_OBJECT

public:
    explicit SavedViewList(QWidget *parent = nullptr);

    // Keeps the current view when it is among the new ones.
    void setViews(const QList<SavedView> &views);
    QList<SavedView> views() const { return m_views; }
    void setCounts(const QHash<SavedView, int> &counts);
    // -1 while the count is not known.
    int countOf(SavedView view) const;
    SavedView currentView() const;
    // False when the view is not in the list (not for the user's roles).
    bool selectView(SavedView view);

    QSize sizeHint() const override;

Q_SIGNALS:
    void viewSelected(SavedView view);

private:
    QTreeWidgetItem *itemOf(SavedView view) const;
    void updateItem(QTreeWidgetItem *item);

    QList<SavedView> m_views;
    QHash<SavedView, int> m_counts;
};

} // namespace assay
