#include "ui/shell/Session.h"

#include "models/Cache.h"
#include "models/SubmissionStore.h"
#include "sync/CredentialChain.h"
#include "sync/KeychainCredentialStore.h"
#include "sync/SyncController.h"
#include "ui/MainWindow.h"
#include "ui/shell/SignInDialog.h"

#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>

#include <tuple>

using namespace Qt::StringLiterals;

namespace assay {

namespace {
const QString ServerKey = u"server"_s;
}

Session::Session(MainWindow &window, Cache &cache, const Profile &profile, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_cache(cache)
    , m_profile(profile)
    , m_store(std::make_shared<KeychainCredentialStore>())
{
    connect(&window, &MainWindow::signInRequested, this, [this] { std::ignore = signIn(); });
    connect(&window, &MainWindow::signOutRequested, this, &Session::signOut);
    connect(&window, &MainWindow::switchProfileRequested, this, &Session::switchProfile);
}

Session::~Session()
{
    // Before the window goes: the status bar follows the controller.
    stopSync();
}

void Session::setCredentialStore(std::shared_ptr<CredentialStore> store)
{
    m_store = std::move(store);
}

SyncController *Session::start(const QUrl &server, const QString &token)
{
    stopSync();
    m_server = server;
    // A profile follows one marketplace (its cursor means nothing elsewhere):
    // the first one it syncs with is remembered for the next start.
    const Result<QString> known = m_cache.submissions().syncValue(ServerKey);
    if (!known)
        m_window.setSyncStatus(tr("cannot read the profile's marketplace: %1").arg(known.error().message));
    else if (known->isEmpty()) {
        if (const Result<> kept = m_cache.submissions().setSyncValue(ServerKey, server.toString()); !kept)
            m_window.setSyncStatus(tr("cannot remember the marketplace: %1").arg(kept.error().message));
    }
    SyncEngine::Options options;
    options.server = server;
    options.token = token;
    options.profileDir = m_profile.dir();
    m_sync = std::make_unique<SyncController>(options);
    SyncController *sync = m_sync.get();
    connect(sync, &SyncController::submissionsChanged, &m_window, &MainWindow::submissionsChanged);
    // What the reviewer opens is fetched first (the screen never waits for it).
    connect(&m_window, &MainWindow::reviewOpened, sync, &SyncController::prioritize);
    m_window.followSync(sync);
    sync->start();
    Q_EMIT started(sync);
    return sync;
}

void Session::resume(const QUrl &knownServer, bool quiet)
{
    if (knownServer.isEmpty()) {
        // Quiet: the status bar already says "Not signed in".
        if (!quiet)
            std::ignore = signIn();
        return;
    }
    m_window.setSyncStatus(tr("reading the token…"));
    QPointer<Session> self(this);
    // The token: ASSAY_TOKEN, else the keychain (asked without blocking the
    // window); never the profile or the settings.
    CredentialChain::standard().read(knownServer, [self, knownServer, quiet](const QString &token, const QString &error) {
        Session *session = self.data();
        if (!session)
            return;
        if (!token.isEmpty()) {
            session->start(knownServer, token);
            return;
        }
        // Beside the status bar's "Not signed in": why.
        session->m_window.setSyncStatus(tr("no token for %1: %2").arg(knownServer.toString(), error));
        if (!quiet) {
            if (SignInDialog *dialog = session->signIn())
                dialog->setNotice(tr("No token for %1 was found: %2").arg(knownServer.toString(), error));
        }
    });
}

SignInDialog *Session::signIn()
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return m_dialog;
    }
    auto *dialog = new SignInDialog(*m_store, &m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    const Result<QString> known = m_cache.submissions().syncValue(ServerKey);
    if (known && !known->isEmpty()) {
        // The profile's own marketplace; another one is another profile.
        dialog->setServer(QUrl(*known));
        dialog->serverField()->setReadOnly(true);
        dialog->serverField()->setToolTip(tr("This profile syncs with %1. Use Switch Profile for another marketplace.").arg(*known));
    } else if (!m_server.isEmpty()) {
        dialog->setServer(m_server);
    }
    if (dynamic_cast<KeychainCredentialStore *>(m_store.get())) {
        if (const QString reason = KeychainCredentialStore::unavailableReason(); !reason.isEmpty())
            dialog->setNotice(tr("Assay cannot remember the token on this machine: %1. You can still sign in for "
                                 "this session; to be signed in at every start, set the ASSAY_TOKEN environment "
                                 "variable to the token before starting Assay.")
                                  .arg(reason));
    }
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        start(dialog->server(), dialog->token());
        m_window.setSyncStatus(dialog->stored() ? tr("signed in as %1").arg(dialog->user().name)
                                                : tr("signed in as %1 for this session").arg(dialog->user().name));
    });
    dialog->open();
    return dialog;
}

void Session::signOut()
{
    const QUrl server = m_server;
    stopSync();
    // The status bar says "Not signed in"; the message only what it cannot.
    m_window.setSyncStatus({});
    Q_EMIT signedOut();
    if (server.isEmpty())
        return;
    QPointer<Session> self(this);
    m_store->remove(KeychainCredentialStore::keyFor(server), [self, server](const QString &error) {
        Session *session = self.data();
        if (!session)
            return;
        if (!error.isEmpty())
            session->m_window.setSyncStatus(tr("signed out; the token could not be removed from %1: %2").arg(session->m_store->name(), error));
        else if (!qEnvironmentVariableIsEmpty("ASSAY_TOKEN"))
            session->m_window.setSyncStatus(tr("signed out; ASSAY_TOKEN still signs in at the next start"));
    });
}

void Session::switchProfile()
{
    const QString dir = QFileDialog::getExistingDirectory(&m_window, tr("Switch Profile"), m_profile.dir());
    if (dir.isEmpty() || QDir(dir) == QDir(m_profile.dir()))
        return;
    // The window, its models and the sync all hold this profile's cache:
    // a new process on the other profile is simpler and safer than swapping
    // them all under the reviewer's feet. Drafts are written first.
    m_window.showQueue();
    if (!QProcess::startDetached(QCoreApplication::applicationFilePath(), {u"--profile"_s, dir})) {
        QMessageBox::warning(&m_window, tr("Switch Profile"), tr("Assay could not be started on %1.").arg(dir));
        return;
    }
    QCoreApplication::quit();
}

void Session::stopSync()
{
    if (!m_sync)
        return;
    disconnect(&m_window, &MainWindow::reviewOpened, m_sync.get(), nullptr);
    m_window.followSync(nullptr);
    m_sync->stop();
    m_sync.reset();
}

} // namespace assay
