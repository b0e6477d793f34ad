#include "ui/queue/SavedViewList.h"

#include <QHeaderView>
#include <QLocale>

namespace assay {

namespace {
constexpr int ViewRole = Qt::UserRole + 1;
}

SavedViewList::SavedViewList(QWidget *parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("SavedViewList"));
    setAccessibleName(tr("Saved views"));
    setAccessibleDescription(tr("The queue's saved views with the number of submissions in each"));
    setColumnCount(2);
    setHeaderHidden(true);
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setFrameShape(QFrame::NoFrame);
    setIndentation(0);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(0, QHeaderView::Stretch);
    header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    connect(this, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *current) {
        if (current)
            Q_EMIT viewSelected(SavedView(current->data(0, ViewRole).toInt()));
    });
}

void SavedViewList::setViews(const QList<SavedView> &views)
{
    if (views == m_views)
        return;
    const std::optional<SavedView> keep = currentItem() ? std::optional(currentView()) : std::nullopt;
    const QSignalBlocker blocker(this);
    clear();
    m_views = views;
    for (SavedView v : views) {
        auto *item = new QTreeWidgetItem(this);
        item->setData(0, ViewRole, int(v));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        updateItem(item);
    }
    if (keep && itemOf(*keep))
        setCurrentItem(itemOf(*keep));
}

void SavedViewList::setCounts(const QHash<SavedView, int> &counts)
{
    m_counts = counts;
    for (int i = 0; i < topLevelItemCount(); ++i)
        updateItem(topLevelItem(i));
}

int SavedViewList::countOf(SavedView view) const
{
    return m_counts.value(view, -1);
}

SavedView SavedViewList::currentView() const
{
    const QTreeWidgetItem *item = currentItem();
    return item ? SavedView(item->data(0, ViewRole).toInt()) : SavedView::All;
}

bool SavedViewList::selectView(SavedView view)
{
    QTreeWidgetItem *item = itemOf(view);
    if (!item)
        return false;
    setCurrentItem(item);
    return true;
}

QSize SavedViewList::sizeHint() const
{
    // Narrow: as wide as the longest name of any view and a count, whichever
    // views the user has, so the list keeps its width across users.
    int width = 0;
    const QFontMetrics fm(font());
    for (SavedView v : allSavedViews())
        width = std::max(width, fm.horizontalAdvance(savedViewName(v)));
    width += fm.horizontalAdvance(QStringLiteral("00000")) + 3 * fm.averageCharWidth() + frameWidth() * 2;
    return {width, QTreeWidget::sizeHint().height()};
}

QTreeWidgetItem *SavedViewList::itemOf(SavedView view) const
{
    for (int i = 0; i < topLevelItemCount(); ++i) {
        if (SavedView(topLevelItem(i)->data(0, ViewRole).toInt()) == view)
            return topLevelItem(i);
    }
    return nullptr;
}

void SavedViewList::updateItem(QTreeWidgetItem *item)
{
    const auto view = SavedView(item->data(0, ViewRole).toInt());
    const QString name = savedViewName(view);
    const int count = countOf(view);
    item->setText(0, name);
    item->setText(1, count < 0 ? QString() : QLocale().toString(count));
    // A screen reader hears the name and the count together.
    const QString spoken = count < 0 ? name : tr("%1, %Ln submission(s)", nullptr, count).arg(name);
    item->setData(0, Qt::AccessibleTextRole, spoken);
    item->setData(1, Qt::AccessibleTextRole, spoken);
    item->setToolTip(0, spoken);
    // Rows a little apart: a list to aim at, not a table to read.
    item->setSizeHint(0, QSize(0, fontMetrics().height() + 10));
}

} // namespace assay
