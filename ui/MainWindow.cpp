#include "ui/MainWindow.h"

#include "models/Cache.h"
#include "models/EvidenceStates.h"
#include "models/Outbox.h"
#include "models/QueueModel.h"
#include "models/SubmissionStore.h"
#include "models/UserDirectory.h"
#include "ui/board/LeadBoard.h"
#include "ui/queue/QueuePage.h"
#include "ui/queue/SavedViewList.h"
#include "ui/review/EvidencePane.h"
#include "ui/review/QuestionNavigator.h"
#include "ui/review/ReviewView.h"
#include "ui/review/VerdictDialog.h"
#include "ui/review/TypingShortcutGuard.h"
#include "ui/shell/AboutDialog.h"
#include "sync/SyncController.h"
#include "ui/shell/SyncStatusBar.h"
#include "ui/shell/Translations.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QCloseEvent>
#include <QMenu>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>

namespace assay {

MainWindow::MainWindow(Cache *cache, const Profile &profile, QWidget *parent)
    : QMainWindow(parent)
    , m_cache(cache)
    , m_profile(profile)
    , m_stack(new QStackedWidget)
    , m_review(new ReviewView(cache))
    , m_statusCounts(new QLabel)
    , m_syncBar(new SyncStatusBar)
{
    ensureTranslationsLoaded();
    setWindowTitle(tr("Assay"));
    setObjectName(QStringLiteral("MainWindow"));
    // The evidence pane opens the profile's verified files with their findings.
    m_review->evidence()->setSources(cache, profile);

    auto *fileMenu = menuBar()->addMenu(tr("&File"));
    auto *reload = fileMenu->addAction(tr("&Reload from Cache"), this, &MainWindow::refresh);
    // F5 is "Sync now" (the Account menu).
    reload->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    fileMenu->addSeparator();
    auto *quit = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);

    m_stack->addWidget(m_review);
    setCentralWidget(m_stack);
    createQueuePage();
    connect(m_review, &ReviewView::readFailed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("Cannot read the cache: %1").arg(message));
    });
    connect(m_review, &ReviewView::statusMessage, this, [this](const QString &message) { statusBar()->showMessage(message); });
    connect(m_review, &ReviewView::outboxChanged, this, &MainWindow::updateStatus);
    connect(m_review, &ReviewView::outboxChanged, this, &MainWindow::updateActions);
    // A tick can make an approve possible.
    connect(m_review, &ReviewView::workChanged, this, &MainWindow::updateActions);
    qApp->installEventFilter(new TypingShortcutGuard(this));
    createReviewActions();
    createBoardPage();

    createSessionActions();
    // Help last, as menus go.
    auto *about = menuBar()->addMenu(tr("&Help"))->addAction(tr("&About Assay"), this, [this] {
        auto *dialog = new AboutDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    about->setObjectName(QStringLiteral("about"));
    about->setMenuRole(QAction::AboutRole);
    statusBar()->addPermanentWidget(m_statusCounts);
    // Until a layout is restored: most of the screen, not all of it.
    const QSize screen = this->screen()->availableGeometry().size();
    resize(std::clamp(screen.width() * 9 / 10, 1100, 1600), std::clamp(screen.height() * 9 / 10, 700, 1000));
    restoreLayout();
    refresh();
}

void MainWindow::createQueuePage()
{
    m_page = new QueuePage(m_cache);
    m_stack->insertWidget(0, m_page);
    m_stack->setCurrentWidget(m_page);
    m_page->setNoDataText(tr("No submissions in this profile yet.\n\n"
                             "Sync it with a marketplace to fill the queue:\n"
                             "assay sync --server URL --profile %1")
                              .arg(m_profile.dir()));
    connect(m_page, &QueuePage::openRequested, this, &MainWindow::openReview);
    connect(m_page, &QueuePage::readFailed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("Cannot read the cache: %1").arg(message));
    });
    // Searching or choosing a view is looking for another submission: the
    // queue shows it.
    const auto toQueue = [this] {
        if (isReviewing() || isShowingBoard())
            showQueue();
    };
    connect(m_page, &QueuePage::searchEdited, this, toQueue);
    connect(m_page, &QueuePage::viewChanged, this, toQueue);

    auto *focusSearch = new QAction(tr("&Find…"), this);
    focusSearch->setObjectName(QStringLiteral("find"));
    focusSearch->setShortcut(QKeySequence::Find);
    focusSearch->setStatusTip(tr("Search the queue, or the questions and answers of the submission in view"));
    connect(focusSearch, &QAction::triggered, this, [this] {
        if (isReviewing()) {
            m_review->focusFind();
        } else {
            m_page->searchField()->setFocus(Qt::ShortcutFocusReason);
            m_page->searchField()->selectAll();
        }
    });
    addAction(focusSearch);
    menuBar()->addMenu(tr("&Edit"))->addAction(focusSearch);
    // The View menu may be shared with other pages: found by name, made once.
    auto *viewMenu = menuBar()->findChild<QMenu *>(QStringLiteral("viewMenu"));
    if (!viewMenu) {
        viewMenu = menuBar()->addMenu(tr("&View"));
        viewMenu->setObjectName(QStringLiteral("viewMenu"));
    }
    viewMenu->addActions(m_page->viewActions());
    // The page reads the queue once it has a context (refresh(), after the
    // layout is restored: the restored view and sort are the first query).
}

bool MainWindow::updateQueueContext()
{
    const QSettings settings;
    Result<QueueContext> context = QueuePage::contextFrom(*m_cache, settings);
    if (!context) {
        statusBar()->showMessage(tr("Cannot read the signed-in user: %1").arg(context.error().message));
        return false;
    }
    // The board counts ages and breaches against the same clock and targets.
    if (m_board && !(m_board->context() == *context)) {
        m_board->setContext(*context);
        if (isShowingBoard())
            m_board->refresh();
    }
    // Read again with each sync: the user is known after the first one.
    if (*context == m_page->context() && !m_page->viewList()->views().isEmpty())
        return false;
    m_page->setContext(*context);
    return true;
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    m_page->saveState(settings);
    for (auto *splitter : m_review->findChildren<QSplitter *>(Qt::FindChildrenRecursively)) {
        if (!splitter->objectName().isEmpty())
            settings.setValue(QStringLiteral("review/") + splitter->objectName(), splitter->saveState());
    }
}

void MainWindow::restoreLayout()
{
    const QSettings settings;
    // Nothing saved yet: the defaults stay (restore* refuse empty data).
    std::ignore = restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    std::ignore = restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_page->restoreState(settings);
    for (auto *splitter : m_review->findChildren<QSplitter *>(Qt::FindChildrenRecursively)) {
        if (!splitter->objectName().isEmpty())
            std::ignore = splitter->restoreState(settings.value(QStringLiteral("review/") + splitter->objectName()).toByteArray());
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
}

QueueModel *MainWindow::queueModel() const
{
    return m_page->model();
}

QTableView *MainWindow::queueView() const
{
    return m_page->view();
}

QLineEdit *MainWindow::searchField() const
{
    return m_page->searchField();
}

void MainWindow::refresh()
{
    // A new context reads the queue already.
    if (!updateQueueContext())
        m_page->reload();
    updateBoardAction();
    updateStatus();
}

void MainWindow::submissionsChanged(const QStringList &ids)
{
    updateQueueContext();
    m_page->refreshIds(ids);
    updateBoardAction();
    if (isShowingBoard())
        m_board->refresh();
    if (isReviewing())
        m_review->submissionsChanged(ids);
    updateStatus();
}

void MainWindow::setSyncStatus(const QString &status)
{
    m_syncBar->setMessage(status.isEmpty() ? QString() : tr("Sync: %1").arg(status));
    updateStatus();
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
    // Real plural forms: the English translation (ui/shell/Translations) is loaded.
    // The whole cache, whatever view and filters the queue shows.
    const Result<int> cached = m_cache->submissions().count();
    QString text = tr("%Ln submission(s) cached", nullptr, cached ? *cached : 0);
    if (held > 0)
        text += QStringLiteral(" · ") + tr("%Ln change(s) need attention", nullptr, held);
    m_statusCounts->setText(text);
    m_syncBar->setPending(*waiting);
    statusBar()->showMessage(tr("Profile: %1").arg(m_profile.dir()));
}

} // namespace assay

namespace assay {

bool MainWindow::isReviewing() const
{
    return m_stack->currentWidget() == m_review;
}

QAction *MainWindow::action(const QString &name) const
{
    return findChild<QAction *>(name);
}

bool MainWindow::openReview(const QString &submissionId)
{
    if (const Result<> opened = m_review->open(submissionId); !opened) {
        statusBar()->showMessage(tr("Cannot open %1: %2").arg(submissionId, opened.error().message));
        return false;
    }
    // Opened from the queue or the board (not from another review: J, K).
    if (m_stack->currentWidget() != m_review) {
        m_reviewFrom = m_stack->currentWidget();
        action(QStringLiteral("backToQueue"))
            ->setText(m_reviewFrom == m_board && m_board ? tr("&Back to the Board") : tr("&Back to the Queue"));
    }
    m_stack->setCurrentWidget(m_review);
    const QModelIndex row = m_page->model()->indexOfId(submissionId);
    if (row.isValid()) {
        m_page->view()->setCurrentIndex(row);
        m_page->view()->scrollTo(row);
    }
    updateTitle();
    updateActions();
    Q_EMIT reviewOpened(submissionId);
    return true;
}

bool MainWindow::openEvidence(const QString &evidenceId)
{
    const Result<std::optional<QString>> submission = m_cache->evidence().submissionOf(evidenceId);
    if (!submission) {
        statusBar()->showMessage(tr("Cannot open %1: %2").arg(evidenceId, submission.error().message));
        return false;
    }
    const std::optional<QString> &submissionId = *submission;
    if (!submissionId) {
        statusBar()->showMessage(tr("Evidence %1 is not in the cache").arg(evidenceId));
        return false;
    }
    if (!openReview(*submissionId))
        return false;
    const ReviewContext &context = m_review->context();
    // The question that links the item first, so the answer is beside it.
    for (const Answer &a : context.submission.answers) {
        if (a.evidenceIds.contains(evidenceId)) {
            m_review->navigator()->selectQuestion(a.questionKey);
            break;
        }
    }
    for (const EvidenceItem &e : context.submission.evidence) {
        if (e.id == evidenceId) {
            m_review->showEvidence(e);
            return true;
        }
    }
    statusBar()->showMessage(tr("Evidence %1 is not in the cache").arg(evidenceId));
    return false;
}

void MainWindow::showQueue()
{
    m_review->flush();
    m_stack->setCurrentWidget(m_page);
    updateTitle();
    updateActions();
    m_page->view()->setFocus(Qt::OtherFocusReason);
}

void MainWindow::leaveReview()
{
    if (m_board && m_reviewFrom == m_board)
        showBoard();
    else
        showQueue();
}

void MainWindow::stepSubmission(int delta)
{
    QueueModel *queue = m_page->model();
    const QModelIndex here = queue->indexOfId(m_review->submissionId());
    const int row = (here.isValid() ? here.row() : -1) + delta;
    // The queue is read a page at a time: the next page when the step needs it.
    if (row >= queue->rowCount() && queue->canFetchMore({}))
        queue->fetchMore({});
    if (row < 0 || row >= queue->rowCount()) {
        statusBar()->showMessage(delta > 0 ? tr("This is the last submission in the queue.")
                                           : tr("This is the first submission in the queue."), 3000);
        return;
    }
    openReview(queue->index(row, 0).data(QueueModel::IdRole).toString());
}

void MainWindow::createReviewActions()
{
    auto *menu = menuBar()->addMenu(tr("&Review"));
    menu->setToolTipsVisible(true);
    auto add = [&](const QString &name, const QString &text, const QList<QKeySequence> &keys, auto slot) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        a->setShortcuts(keys);
        connect(a, &QAction::triggered, this, slot);
        menu->addAction(a);
        addAction(a);
        m_reviewActions.append(a);
        return a;
    };
    add(QStringLiteral("backToQueue"), tr("&Back to the Queue"),
        {QKeySequence(QKeySequence::Back), QKeySequence(Qt::Key_Escape)}, [this] { leaveReview(); });
    menu->addSeparator();
    add(QStringLiteral("nextSubmission"), tr("Ne&xt Submission"), {QKeySequence(Qt::Key_J)}, [this] { stepSubmission(1); });
    add(QStringLiteral("previousSubmission"), tr("Pre&vious Submission"), {QKeySequence(Qt::Key_K)},
        [this] { stepSubmission(-1); });
    add(QStringLiteral("nextQuestion"), tr("&Next Question"), {QKeySequence(Qt::Key_N)}, [this] { m_review->nextQuestion(); });
    add(QStringLiteral("previousQuestion"), tr("&Previous Question"), {QKeySequence(Qt::Key_P)},
        [this] { m_review->previousQuestion(); });
    auto *changedOnly = add(QStringLiteral("changedOnly"), tr("Show &Changed Questions Only"), {QKeySequence(Qt::Key_D)},
                            [this] { m_review->toggleChangedOnly(); });
    changedOnly->setStatusTip(tr("Hide the questions whose answer is the same as in the previous submission"));
    menu->addSeparator();
    add(QStringLiteral("tickItem"), tr("&Tick the Checklist Item"), {QKeySequence(Qt::Key_Space)},
        [this] { m_review->tickCurrentItem(); });
    add(QStringLiteral("comment"), tr("&Comment…"), {QKeySequence(Qt::Key_C)}, [this] { m_review->focusComment(); });
    auto *assignAction = add(QStringLiteral("assign"), tr("A&ssign…"), {QKeySequence(Qt::SHIFT | Qt::Key_A)}, [this] { assign(); });
    assignAction->setProperty("leadOnly", true);
    menu->addSeparator();
    // A verdict is written in the verdict dialog; a decision the signed-in
    // user may not make now is off, and says why (ApprovalGate).
    for (const auto &[name, text, key, decision] :
         {std::tuple{QStringLiteral("approve"), tr("&Approve…"), QKeySequence(Qt::Key_A), Verdict::Decision::Approve},
          std::tuple{QStringLiteral("reject"), tr("&Reject…"), QKeySequence(Qt::Key_R), Verdict::Decision::Reject},
          std::tuple{QStringLiteral("return"), tr("Re&turn to the Reviewer…"), QKeySequence(Qt::SHIFT | Qt::Key_R),
                     Verdict::Decision::Return}}) {
        auto *a = add(name, text, {key}, [this, d = decision] { decide(d); });
        a->setProperty("decision", int(decision));
    }
    // The same actions as buttons while reviewing: a disabled one says why
    // in its tooltip.
    m_reviewBar = addToolBar(tr("Review"));
    m_reviewBar->setObjectName(QStringLiteral("ReviewToolBar"));
    m_reviewBar->setMovable(false);
    m_reviewBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    for (const QString &name : {QStringLiteral("backToQueue"), QStringLiteral("approve"), QStringLiteral("reject"),
                                QStringLiteral("return"), QStringLiteral("comment"), QStringLiteral("assign")})
        m_reviewBar->addAction(action(name));
    updateActions();
}

QMap<QString, bool> MainWindow::checklistOf(const ReviewContext &c)
{
    QMap<QString, bool> checklist;
    for (auto it = c.ticks.cbegin(); it != c.ticks.cend(); ++it)
        checklist.insert(it.key(), it.value());
    return checklist;
}

ApprovalGate::Signer MainWindow::signerOf(const ReviewContext &c)
{
    return {c.me, c.nameOf(c.me), c.myRoles};
}

void MainWindow::decide(Verdict::Decision decision)
{
    m_review->flush();
    const ReviewContext &c = m_review->context();
    VerdictDialog dialog(*m_cache, c.id(), decision, signerOf(c), this);
    // Evidence with secrets findings the reviewer has not opened: a warning
    // before an approve.
    dialog.setUnreviewedSecretsFindings(c.unseenFindings);
    dialog.exec();
    // Recorded or not, the draft and the outbox may have changed.
    if (const Result<> r = m_review->reload(); !r)
        statusBar()->showMessage(tr("Cannot read the cache: %1").arg(r.error().message));
    updateActions();
    updateStatus();
}

void MainWindow::assign()
{
    const Result<QList<UserDirectory::User>> users = m_cache->users().users();
    if (!users) {
        statusBar()->showMessage(tr("Cannot read the users: %1").arg(users.error().message));
        return;
    }
    QStringList names{tr("Nobody")};
    QStringList ids{QString()};
    const std::optional<QString> &current = m_review->context().submission.summary.assignee;
    int at = 0;
    for (const UserDirectory::User &u : *users) {
        if (!u.hasRole(QStringLiteral("reviewer")))
            continue;
        if (current == u.id)
            at = int(ids.size());
        names.append(u.name);
        ids.append(u.id);
    }
    bool chosen = false;
    const QString name = QInputDialog::getItem(this, tr("Assign"), tr("Assign %1 to:").arg(m_review->context().submission.summary.appName),
                                               names, at, false, &chosen);
    if (!chosen)
        return;
    const QString id = ids.value(names.indexOf(name));
    const Result<qint64> recorded = m_cache->outbox().recordAssignment(
        m_review->submissionId(), id.isEmpty() ? std::nullopt : std::optional<QString>(id));
    if (!recorded) {
        statusBar()->showMessage(tr("Not assigned: %1").arg(recorded.error().message));
        return;
    }
    if (const Result<> r = m_review->reload(); !r)
        statusBar()->showMessage(tr("Cannot read the cache: %1").arg(r.error().message));
    updateStatus();
}

void MainWindow::updateActions()
{
    const bool reviewing = isReviewing();
    m_reviewBar->setVisible(reviewing);
    const ReviewContext &c = m_review->context();
    const bool lead = c.myRoles.contains(QStringLiteral("lead"));
    std::optional<ApprovalGate> gate;
    if (reviewing)
        gate.emplace(c.questionnaire, c.submission, checklistOf(c), signerOf(c));
    for (QAction *a : std::as_const(m_reviewActions)) {
        const bool leadOnly = a->property("leadOnly").toBool();
        const QVariant decision = a->property("decision");
        QString refusal;
        if (gate && decision.isValid())
            refusal = gate->refusal(Verdict::Decision(decision.toInt()));
        a->setEnabled(reviewing && refusal.isEmpty() && (!leadOnly || lead));
        if (leadOnly)
            a->setToolTip(lead ? tr("Assign the submission to a reviewer") : tr("Only a lead assigns submissions."));
        else if (decision.isValid())
            a->setToolTip(refusal.isEmpty() ? a->text().remove(QLatin1Char('&')) : refusal);
        a->setStatusTip(a->toolTip());
    }
}

} // namespace assay

namespace assay {

// The Account menu: signing in and out, another profile, and "Sync now"
// (F5) — the status bar's own action, so both show the same state.
void MainWindow::createSessionActions()
{
    auto *menu = menuBar()->addMenu(tr("&Account"));
    auto add = [&](const QString &name, const QString &text, auto signal) {
        auto *a = menu->addAction(text, this, signal);
        a->setObjectName(name);
        return a;
    };
    add(QStringLiteral("signIn"), tr("Sign &In…"), &MainWindow::signInRequested)
        ->setStatusTip(tr("Sign in to a marketplace with an access token"));
    add(QStringLiteral("signOut"), tr("Sign &Out"), &MainWindow::signOutRequested)
        ->setStatusTip(tr("Stop syncing and forget the token kept for this marketplace"));
    add(QStringLiteral("switchProfile"), tr("S&witch Profile…"), &MainWindow::switchProfileRequested)
        ->setStatusTip(tr("Open another profile folder (Assay starts again on it)"));
    menu->addSeparator();
    menu->addAction(m_syncBar->syncNowAction());
    addAction(m_syncBar->syncNowAction());
    statusBar()->addPermanentWidget(m_syncBar);
    setSignedIn(false);
}

void MainWindow::setSignedIn(bool signedIn)
{
    action(QStringLiteral("signIn"))->setEnabled(!signedIn);
    action(QStringLiteral("signOut"))->setEnabled(signedIn);
    if (!signedIn)
        setUser(std::nullopt);
}

void MainWindow::followSync(SyncController *sync)
{
    if (SyncController *previous = m_syncBar->controller())
        disconnect(previous, nullptr, this, nullptr);
    m_syncBar->attach(sync);
    setSignedIn(sync != nullptr);
    if (!sync)
        return;
    // The first sync stores who is signed in (GET /me).
    connect(sync, &SyncController::finished, this, &MainWindow::readUser);
    readUser();
}

void MainWindow::readUser()
{
    const Result<std::optional<UserDirectory::User>> me = m_cache->users().me();
    if (!me) {
        statusBar()->showMessage(tr("Cannot read the signed-in user: %1").arg(me.error().message));
        return;
    }
    setUser(*me);
}

void MainWindow::setUser(const std::optional<UserDirectory::User> &user)
{
    m_user = user;
    updateTitle();
    // The board is a lead's.
    if (m_boardAction)
        updateBoardAction();
}

void MainWindow::updateTitle()
{
    QString title = isReviewing() ? tr("%1 — Assay").arg(m_review->context().submission.summary.appName)
        : isShowingBoard() ? tr("Lead's Board — Assay")
                           : tr("Assay");
    if (m_user)
        title = tr("%1 — %2 (%3)").arg(title, m_user->name, m_user->roles.join(QStringLiteral(", ")));
    setWindowTitle(title);
}

void MainWindow::createBoardPage()
{
    m_board = new LeadBoard(m_cache);
    m_stack->addWidget(m_board);
    // The View menu is shared with the queue's pieces: found by its object
    // name if one was made already.
    auto *viewMenu = menuBar()->findChild<QMenu *>(QStringLiteral("viewMenu"));
    if (!viewMenu) {
        viewMenu = menuBar()->addMenu(tr("&View"));
        viewMenu->setObjectName(QStringLiteral("viewMenu"));
    }
    m_boardAction = viewMenu->addAction(tr("&Lead's Board"), this, [this] { showBoard(); });
    m_boardAction->setObjectName(QStringLiteral("leadBoard"));
    m_boardAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_boardAction->setStatusTip(tr("The reviewers' workload, assignments and charts"));
    addAction(m_boardAction);
    // The board's own actions (Assign to…, Balance …) in a menu of their
    // own, there while the board is.
    auto *boardMenu = menuBar()->addMenu(tr("&Board"));
    boardMenu->setObjectName(QStringLiteral("boardMenu"));
    boardMenu->addActions(m_board->boardActions());
    boardMenu->menuAction()->setVisible(false);
    m_boardBack = new QAction(tr("&Back to the Queue"), this);
    m_boardBack->setObjectName(QStringLiteral("boardBack"));
    m_boardBack->setShortcuts({QKeySequence(QKeySequence::Back), QKeySequence(Qt::Key_Escape)});
    m_boardBack->setEnabled(false);
    connect(m_boardBack, &QAction::triggered, this, [this] { showQueue(); });
    boardMenu->addSeparator();
    boardMenu->addAction(m_boardBack);
    addAction(m_boardBack);
    connect(m_stack, &QStackedWidget::currentChanged, this, [this, boardMenu] {
        const bool on = isShowingBoard();
        m_boardBack->setEnabled(on);
        boardMenu->menuAction()->setVisible(on);
    });
    connect(m_board, &LeadBoard::openRequested, this, [this](const QString &id) { openReview(id); });
    connect(m_board, &LeadBoard::assignmentsRecorded, this, [this] {
        m_page->reload();
        updateStatus();
    });
    updateBoardAction();
}

void MainWindow::updateBoardAction()
{
    const Result<std::optional<UserDirectory::User>> me = m_cache->users().me();
    // Unreadable or not signed in yet: no board (the next refresh asks again).
    const std::optional<UserDirectory::User> user = me ? *me : std::nullopt;
    const bool lead = user.has_value() && user->hasRole(QStringLiteral("lead"));
    m_boardAction->setVisible(lead);
    m_boardAction->setEnabled(lead);
}

bool MainWindow::isShowingBoard() const
{
    return m_stack->currentWidget() == m_board;
}

void MainWindow::showBoard(bool charts)
{
    m_review->flush();
    m_board->refresh();
    if (charts)
        m_board->showCharts();
    else
        m_board->showWork();
    m_stack->setCurrentWidget(m_board);
    updateTitle();
    updateActions();
    m_board->setFocus(Qt::OtherFocusReason);
}

} // namespace assay
