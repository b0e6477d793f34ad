#pragma once

#include "domain/Verdict.h"
#include "models/ApprovalGate.h"
#include "models/Profile.h"
#include "models/UserDirectory.h"

#include <QMainWindow>

#include <optional>

class QAction;
class QLabel;
class QCloseEvent;
class QLineEdit;
class QStackedWidget;
class QTableView;
class QToolBar;

namespace assay {

class Cache;
class LeadBoard;
class QueueModel;
class QueuePage;
class ReviewView;
class SyncController;
class SyncStatusBar;
struct ReviewContext;

// The reviewer's main window: the queue (saved views, filters, search as you
// type); a submission opened from it (click or Enter) fills the window with
// its review, Back returns to the queue. The status bar says where the
// profile is and what waits in the outbox. The layout (window, splitters,
// the queue's columns, sort and view) is kept in QSettings between starts.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(Cache *cache, const Profile &profile, QWidget *parent = nullptr);

    QueuePage *queuePage() const { return m_page; }
    QueueModel *queueModel() const;
    QTableView *queueView() const;
    QLineEdit *searchField() const;
    ReviewView *reviewView() const { return m_review; }
    bool isReviewing() const;
    LeadBoard *leadBoard() const { return m_board; }
    bool isShowingBoard() const;
    // The window's actions by object name ("nextSubmission", "tickItem" …).
    QAction *action(const QString &name) const;
    // The sync's part of the status bar ("Sync now", progress, online …).
    SyncStatusBar *syncBar() const { return m_syncBar; }

public Q_SLOTS:
    void refresh();
    // Submissions the sync engine changed: just those rows are re-read.
    void submissionsChanged(const QStringList &ids);
    // What the sync engine says: "in step", "offline, N changes waiting" ...
    void setSyncStatus(const QString &status);
    // Opens the submission in the review screen; false (and a status
    // message) when the cache does not have it.
    bool openReview(const QString &submissionId);
    // Opens the submission that holds the evidence item, its question, and
    // the item in the evidence pane; false (and a status message) when the
    // cache does not have it.
    bool openEvidence(const QString &evidenceId);
    void showQueue();
    // Leaves the review for where it was opened from: the queue, or the
    // lead's board (Back, Escape).
    void leaveReview();
    // Who is signed in, for the title ("Assay — Alice Reviewer (reviewer)").
    void setUser(const std::optional<UserDirectory::User> &user);
    // Sign in or sign out is offered (the Account menu).
    void setSignedIn(bool signedIn);
    // The window follows this sync (nullptr: none, signed out): the status
    // bar shows it, and the title names the signed-in user once it stored them.
    void followSync(SyncController *sync);
    // The lead's board (its charts tab with charts = true).
    void showBoard(bool charts = false);

protected:
    void closeEvent(QCloseEvent *event) override;

Q_SIGNALS:
    // The Account menu (ui/shell/Session acts on them).
    void signInRequested();
    void signOutRequested();
    void switchProfileRequested();
    // A submission was opened in the review screen: the sync puts its
    // details (and its previous submission's) first in line.
    void reviewOpened(const QString &submissionId);

private:
    void createQueuePage();
    // True when the context changed (and the queue was read again).
    bool updateQueueContext();
    void saveLayout() const;
    void restoreLayout();
    void createReviewActions();
    void createSessionActions();
    void updateTitle();
    void readUser();
    void createBoardPage();
    // The board's action is a lead's: shown and enabled for the lead role.
    void updateBoardAction();
    void stepSubmission(int delta);
    void assign();
    void decide(Verdict::Decision decision);
    static QMap<QString, bool> checklistOf(const ReviewContext &c);
    static ApprovalGate::Signer signerOf(const ReviewContext &c);
    void updateActions();
    void updateStatus();

    Cache *m_cache;
    Profile m_profile;
    QStackedWidget *m_stack;
    QueuePage *m_page = nullptr;
    ReviewView *m_review;
    QList<QAction *> m_reviewActions;
    QToolBar *m_reviewBar = nullptr;
    QLabel *m_statusCounts;
    SyncStatusBar *m_syncBar;
    std::optional<UserDirectory::User> m_user;
    LeadBoard *m_board = nullptr;
    QAction *m_boardAction = nullptr;
    QAction *m_boardBack = nullptr;
    // Where the open review was opened from (the queue page or the board).
    QWidget *m_reviewFrom = nullptr;
};

} // namespace assay
