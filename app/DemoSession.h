#pragma once

#include "app/DemoMarketplace.h"
#include "domain/Result.h"
#include "models/Profile.h"

#include <QHash>
#include <QObject>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <functional>
#include <memory>

class QAbstractItemModel;
class QMainWindow;

namespace assay {

class Cache;
class MainWindow;
class SyncController;

// `assay --demo [--demo-user reviewer|lead|security]` around the window: the
// child marketplace (DemoMarketplace), a profile for each demo user, and a
// Demo menu that switches who is signed in.
//
// A switch signs the other user in against the same child server with a
// profile of that user's own (made fresh on the first switch to them, kept
// for the session), in a window of its own; the previous user's window is
// hidden and keeps syncing with that user's token. Not one profile with
// its `me` swapped: a profile's checklist ticks, notes, drafts and outbox
// carry no user — they are the signed-in user's — so the lead would inherit
// the reviewer's drafts as their own, and the reviewer's pending verdicts
// would be sent with the lead's token and recorded as the lead's. Clearing
// them instead would lose work. Separate profiles are how two people share
// one marketplace on two machines; the evidence is fetched once per profile.
class DemoSession : public QObject
{
    Q_OBJECT

public:
    explicit DemoSession(const QString &role, QObject *parent = nullptr);
    ~DemoSession() override;

    DemoMarketplace &marketplace() { return m_marketplace; }
    // Who is signed in now (a role of DemoMarketplace::roles()).
    QString role() const { return m_role; }

    // A fresh profile of this demo user's own, in the session's temporary
    // folder (removed at exit).
    Result<Profile> profileFor(const QString &role);

    // The window main() made for the first user: it gets the Demo menu.
    void adopt(MainWindow *window);
    // What main() connects on each window and its sync besides what the demo
    // itself does (status, changed rows, the opened review first): applied
    // to the windows a switch makes too.
    void setWindowSetup(std::function<void(MainWindow &, SyncController &)> setup) { m_setup = std::move(setup); }

    void start() { m_marketplace.start(); }
    // Says on stderr how long after the start the queue had its first rows,
    // and the child server its URL: the demo's start-up figures.
    void reportFirstRows(QAbstractItemModel *queue);
    // Signs `role`'s demo user in: their window, made on first use.
    Result<> switchTo(const QString &role);

Q_SIGNALS:
    // `role`'s demo user is signed in and shown (after a switch).
    void switched(const QString &role, const QString &userId);

private:
    struct Seat;
    void addMenu(QMainWindow *window, const QString &role);
    Result<> openSeat(const QString &role);

    QString m_role;
    QElapsedTimer m_sinceStart;
    DemoMarketplace m_marketplace;
    QTemporaryDir m_dir;
    QHash<QString, QMainWindow *> m_windows; // every user's window, by role
    std::vector<std::unique_ptr<Seat>> m_seats; // the windows a switch made
    std::function<void(MainWindow &, SyncController &)> m_setup;
};

} // namespace assay
