#pragma once

#include "models/Profile.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <memory>

namespace assay {

class Cache;
class CredentialStore;
class MainWindow;
class SignInDialog;
class SyncController;

// Who is signed in to which marketplace, for the window: signs in (the
// dialog), starts and stops the sync, signs out, switches profiles, and
// keeps the window's title and status bar in step with it. app/main.cpp
// makes one beside the window.
class Session : public QObject
{
    Q_OBJECT

public:
    Session(MainWindow &window, Cache &cache, const Profile &profile, QObject *parent = nullptr);
    ~Session() override;

    // Where sign-in keeps the token and sign-out removes it (default: the
    // system keychain).
    void setCredentialStore(std::shared_ptr<CredentialStore> store);
    // The running sync, or nullptr (not signed in).
    SyncController *sync() const { return m_sync.get(); }
    QUrl server() const { return m_server; }

    // Starts syncing `server` with `token` (replacing a running sync).
    SyncController *start(const QUrl &server, const QString &token);
    // At start-up: the profile's marketplace (`knownServer`, may be empty)
    // with the token from ASSAY_TOKEN or the keychain; without one, the
    // sign-in dialog (unless `quiet`: then only the status bar says so).
    void resume(const QUrl &knownServer, bool quiet = false);

    // The sign-in dialog, window-modal, without blocking (the sync starts
    // when it is accepted). Returns it, e.g. for a screenshot.
    SignInDialog *signIn();
    // Forgets the token (the credential store) and stops the sync.
    void signOut();
    // Chooses another profile folder and starts Assay again on it.
    void switchProfile();

Q_SIGNALS:
    void started(assay::SyncController *sync);
    void signedOut();

private:
    void stopSync();

    MainWindow &m_window;
    Cache &m_cache;
    Profile m_profile;
    std::shared_ptr<CredentialStore> m_store;
    std::unique_ptr<SyncController> m_sync;
    QPointer<SignInDialog> m_dialog;
    QUrl m_server;
};

} // namespace assay
