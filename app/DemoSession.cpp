#include "app/DemoSession.h"

#include "models/Cache.h"
#include "sync/SyncController.h"
#include "ui/MainWindow.h"
#include "ui/shell/Session.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QDir>
#include <QActionGroup>
#include <QMenu>
#include <QMenuBar>

#include <cstdio>
#include <memory>
#include <tuple>

using namespace Qt::StringLiterals;

namespace assay {

namespace {
const QString LockName = u"session.lock"_s;
} // namespace

// A window a switch made, with what it needs; destroyed in this order:
// the session (and its sync), the window, the cache the window reads.
struct DemoSession::Seat
{
    std::unique_ptr<Cache> cache;
    std::unique_ptr<MainWindow> window;
    std::unique_ptr<Session> session;
};

DemoSession::DemoSession(const QString &role, QObject *parent)
    : DemoSession(role, DemoMarketplace::Options{}, parent)
{
}

DemoSession::DemoSession(const QString &role, const DemoMarketplace::Options &options, QObject *parent)
    : QObject(parent)
    , m_role(role)
    , m_marketplace(options)
    , m_dir(QDir::tempPath() + u"/assay-demo-XXXXXX"_s)
{
    m_sinceStart.start();
    std::ignore = removeAbandoned(QDir::tempPath()); // housekeeping: says nothing when it cannot
    if (m_dir.isValid()) {
        m_lock.emplace(m_dir.filePath(LockName));
        // Without the lock this folder is left for a later session to remove.
        std::ignore = m_lock->tryLock(0);
    }
    m_marketplace.setRole(role);
    connect(&m_marketplace, &DemoMarketplace::ready, this, [this] {
        std::fprintf(stderr, "assay: demo marketplace ready %lld ms after the start\n", m_sinceStart.elapsed());
    });
}

void DemoSession::reportFirstRows(QAbstractItemModel *queue)
{
    auto reported = std::make_shared<bool>(false);
    auto check = [this, queue, reported] {
        if (*reported || queue->rowCount() == 0)
            return;
        *reported = true;
        std::fprintf(stderr, "assay: first rows in the queue %lld ms after the start\n", m_sinceStart.elapsed());
    };
    connect(queue, &QAbstractItemModel::modelReset, this, check);
    connect(queue, &QAbstractItemModel::rowsInserted, this, check);
    connect(queue, &QAbstractItemModel::layoutChanged, this, check);
}

DemoSession::~DemoSession() = default;

int DemoSession::removeAbandoned(const QString &tempDir)
{
    int removed = 0;
    const QDir temp(tempDir);
    for (const QString &name : temp.entryList({u"assay-demo-*"_s}, QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString dir = temp.filePath(name);
        // A folder without a lock is one being made just now (or not ours).
        if (!QFile::exists(dir + u'/' + LockName))
            continue;
        // QLockFile takes over a lock whose process is gone, and only then.
        QLockFile lock(dir + u'/' + LockName);
        lock.setStaleLockTime(0); // never by age: a demo runs for days
        if (!lock.tryLock(0))
            continue;
        lock.unlock();
        if (QDir(dir).removeRecursively())
            ++removed;
    }
    return removed;
}

Result<Profile> DemoSession::profileFor(const QString &role)
{
    if (!m_dir.isValid())
        return Error{tr("cannot make the demo's temporary folder: %1").arg(m_dir.errorString())};
    Profile profile(m_dir.filePath(role));
    if (const Result<> made = profile.ensureExists(); !made)
        return made.error();
    return profile;
}

void DemoSession::adopt(MainWindow *window)
{
    m_windows.insert(m_role, window);
    addMenu(window, m_role);
}

void DemoSession::addMenu(QMainWindow *window, const QString &role)
{
    QMenu *menu = window->menuBar()->addMenu(tr("&Demo"));
    menu->setObjectName(u"demoMenu"_s);
    auto *group = new QActionGroup(menu);
    const QList<std::pair<QString, QString>> users = {{u"reviewer"_s, tr("Sign in as the demo &reviewer")},
                                                       {u"lead"_s, tr("Sign in as the demo &lead")},
                                                       {u"security"_s, tr("Sign in as the demo &security user")}};
    int n = 0;
    for (const auto &[userRole, text] : users) {
        QAction *action = menu->addAction(text);
        action->setObjectName(u"demoUser-"_s + userRole);
        action->setCheckable(true);
        action->setChecked(userRole == role);
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key(Qt::Key_1 + n++)));
        action->setToolTip(tr("Switch to the demo marketplace's %1, with a profile of their own").arg(userRole));
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, window, userRole] {
            if (const Result<> done = switchTo(userRole); !done) {
                if (auto *main = qobject_cast<MainWindow *>(window))
                    main->setSyncStatus(done.error().message);
            }
        });
    }
    // Until the child server is up there is nobody to switch to.
    menu->setEnabled(m_marketplace.isReady());
    connect(&m_marketplace, &DemoMarketplace::ready, menu, [menu] { menu->setEnabled(true); });
}

Result<> DemoSession::switchTo(const QString &role)
{
    if (role == m_role)
        return {};
    if (!DemoMarketplace::roles().contains(role))
        return Error{tr("there is no demo user “%1”: use reviewer, lead or security").arg(role)};
    if (!m_marketplace.isReady())
        return Error{tr("the demo marketplace is not ready yet")};
    QMainWindow *previous = m_windows.value(m_role);
    if (!m_windows.contains(role)) {
        if (const Result<> opened = openSeat(role); !opened)
            return opened;
    }
    QMainWindow *next = m_windows.value(role);
    // Shown before the other is hidden: the application ends with its last
    // visible window.
    if (previous)
        next->setGeometry(previous->geometry());
    next->show();
    next->raise();
    next->activateWindow();
    if (previous)
        previous->hide();
    // The menu of the window shown says who is signed in.
    for (QAction *action : next->findChildren<QAction *>(u"demoUser-"_s + role))
        action->setChecked(true);
    m_role = role;
    Q_EMIT switched(role, m_marketplace.userFor(role).value_or(DemoMarketplace::User{}).id);
    return {};
}

Result<> DemoSession::openSeat(const QString &role)
{
    const std::optional<DemoMarketplace::User> user = m_marketplace.userFor(role);
    if (!user)
        return Error{tr("the demo marketplace has no user with the role “%1”").arg(role)};
    const Result<Profile> profile = profileFor(role);
    if (!profile)
        return profile.error();
    auto seat = std::make_unique<Seat>();
    seat->cache = std::make_unique<Cache>();
    if (const Result<> opened = seat->cache->open(profile->cachePath()); !opened)
        return opened;
    seat->window = std::make_unique<MainWindow>(seat->cache.get(), *profile);
    addMenu(seat->window.get(), role);
    MainWindow *window = seat->window.get();
    // The same session as the first window's (main.cpp): the Account menu
    // signs out and in again, the status bar follows the sync, the profile
    // remembers its marketplace.
    seat->session = std::make_unique<Session>(*window, *seat->cache, *profile);
    SyncController *sync = seat->session->start(m_marketplace.url(), user->token);
    window->setSyncStatus(tr("demo marketplace at %1; signed in as %2 (%3)")
                              .arg(m_marketplace.url().toString(), user->id, user->roles.join(u", "_s)));
    if (m_setup)
        m_setup(*window, *sync);
    m_windows.insert(role, window);
    m_seats.push_back(std::move(seat));
    return {};
}

} // namespace assay
