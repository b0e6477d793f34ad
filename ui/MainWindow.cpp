#include "ui/MainWindow.h"

#include "models/Cache.h"
#include "models/Outbox.h"
#include "models/QueueModel.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>

namespace assay {

MainWindow::MainWindow(Cache *cache, const Profile &profile, QWidget *parent)
    : QMainWindow(parent)
    , m_cache(cache)
    , m_profile(profile)
    , m_queue(new QueueModel(cache, this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_view(new QTableView)
    , m_search(new QLineEdit)
    , m_stack(new QStackedWidget)
    , m_empty(new QLabel)
    , m_statusCounts(new QLabel)
    , m_syncStatus(new QLabel)
{
    setWindowTitle(tr("Assay"));
    setObjectName(QStringLiteral("MainWindow"));

    auto *fileMenu = menuBar()->addMenu(tr("&File"));
    auto *reload = fileMenu->addAction(tr("&Reload from Cache"), this, &MainWindow::refresh);
    reload->setShortcut(QKeySequence::Refresh);
    fileMenu->addSeparator();
    auto *quit = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);

    auto *toolbar = addToolBar(tr("Queue"));
    toolbar->setObjectName(QStringLiteral("QueueToolBar"));
    toolbar->setMovable(false);
    m_search->setPlaceholderText(tr("Search apps, partners and answers…"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search the queue"));
    m_search->setMinimumWidth(360);
    toolbar->addWidget(m_search);
    auto *focusSearch = new QAction(tr("Find"), this);
    focusSearch->setShortcut(QKeySequence::Find);
    connect(focusSearch, &QAction::triggered, m_search, qOverload<>(&QWidget::setFocus));
    addAction(focusSearch);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_queue->setSearchText(text);
        updateEmptyState();
    });

    connect(m_queue, &QueueModel::readFailed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("Cannot read the cache: %1").arg(message));
    });
    m_sorted->setSourceModel(m_queue);
    m_sorted->setSortRole(QueueModel::SortRole);
    m_view->setModel(m_sorted);
    m_view->setAccessibleName(tr("Review queue"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(QueueModel::UpdatedColumn, Qt::DescendingOrder);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(QueueModel::AppColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(QueueModel::PartnerColumn, QHeaderView::Stretch);
    m_view->setWordWrap(false);

    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setTextFormat(Qt::PlainText);
    m_empty->setMargin(32);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);
    setCentralWidget(m_stack);

    m_syncStatus->setObjectName(QStringLiteral("SyncStatus"));
    m_syncStatus->setTextFormat(Qt::PlainText);
    statusBar()->addPermanentWidget(m_syncStatus);
    statusBar()->addPermanentWidget(m_statusCounts);
    resize(1100, 700);
    refresh();
}

void MainWindow::refresh()
{
    m_queue->reload();
    updateEmptyState();
    updateStatus();
}

void MainWindow::submissionsChanged(const QStringList &ids)
{
    m_queue->refreshIds(ids);
    updateEmptyState();
    updateStatus();
}

void MainWindow::setSyncStatus(const QString &status)
{
    m_syncStatus->setText(status.isEmpty() ? QString() : tr("Sync: %1").arg(status) + QStringLiteral(" ·"));
    updateStatus();
}

void MainWindow::updateEmptyState()
{
    if (m_queue->totalCount() == 0) {
        m_empty->setText(tr("No submissions in this profile yet.\n\n"
                            "Sync it with a marketplace to fill the queue:\n"
                            "assay sync --server URL --profile %1")
                             .arg(m_profile.dir()));
        m_stack->setCurrentWidget(m_empty);
    } else if (m_queue->rowCount() == 0) {
        m_empty->setText(tr("Nothing matches “%1”.").arg(m_queue->searchText()));
        m_stack->setCurrentWidget(m_empty);
    } else {
        m_stack->setCurrentWidget(m_view);
    }
}

void MainWindow::updateStatus()
{
    Outbox &outbox = m_cache->outbox();
    const Result<int> waiting = outbox.count(OutboxEntry::State::Pending);
    const Result<int> conflicts = outbox.count(OutboxEntry::State::Conflict);
    const Result<int> failed = outbox.count(OutboxEntry::State::Failed);
    for (const Result<int> *r : {&waiting, &conflicts, &failed}) {
        if (!*r) {
            statusBar()->showMessage(tr("Cannot read the outbox: %1").arg(r->error().message));
            return;
        }
    }
    const int held = *conflicts + *failed;
    // Spelled out per number: without a loaded English translation Qt's %n
    // plural forms would show "submission(s)".
    const int total = m_queue->totalCount();
    QString text = total == 1 ? tr("1 submission cached") : tr("%1 submissions cached").arg(total);
    text += QStringLiteral(" · ") + (*waiting == 1 ? tr("1 change waiting") : tr("%1 changes waiting").arg(*waiting));
    if (held > 0)
        text += QStringLiteral(" · ") + (held == 1 ? tr("1 change needs attention") : tr("%1 changes need attention").arg(held));
    m_statusCounts->setText(text);
    statusBar()->showMessage(tr("Profile: %1").arg(m_profile.dir()));
}

} // namespace assay
