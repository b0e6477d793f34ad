#pragma once

#include "models/Profile.h"

#include <QMainWindow>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace assay {

class Cache;
class QueueModel;

// The reviewer's main window: the queue of cached submissions with instant
// search, and a status bar that says where the profile is and what waits in
// the outbox.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(Cache *cache, const Profile &profile, QWidget *parent = nullptr);

    QueueModel *queueModel() const { return m_queue; }
    QTableView *queueView() const { return m_view; }
    QLineEdit *searchField() const { return m_search; }

public Q_SLOTS:
    void refresh();
    // Submissions the sync engine changed: just those rows are re-read.
    void submissionsChanged(const QStringList &ids);
    // What the sync engine says: "in step", "offline, N changes waiting" ...
    void setSyncStatus(const QString &status);

private:
    void updateStatus();
    void updateEmptyState();

    Cache *m_cache;
    Profile m_profile;
    QueueModel *m_queue;
    QSortFilterProxyModel *m_sorted;
    QTableView *m_view;
    QLineEdit *m_search;
    QStackedWidget *m_stack;
    QLabel *m_empty;
    QLabel *m_statusCounts;
    QLabel *m_syncStatus;
};

} // namespace assay
