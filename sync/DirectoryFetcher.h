#pragma once

#include <QDateTime>
#include <QObject>

#include <chrono>

namespace assay {

struct ApiError;
class Cache;
class MarketplaceClient;
class SyncCycle;

// After the change feed, beside the questionnaires: who the signed-in user
// is (GET /me, once per engine) and the names of every user (GET /users,
// when the cache has none or they are over an hour old). A sync with
// nothing new asks for neither after its engine's first cycle, and writes
// nothing when they did not change. One that cannot be had is a problem,
// not the end of the cycle.
class DirectoryFetcher : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::seconds UsersMaxAge{3600};

    DirectoryFetcher(Cache &cache, MarketplaceClient &client, SyncCycle &cycle, QObject *parent = nullptr);

    // Starts what is due; done() follows when it has ended (not when
    // nothing was due: isActive() is false then).
    void start();
    bool isActive() const { return m_inFlight > 0; }

Q_SIGNALS:
    void done();

private:
    void fetchMe();
    void fetchUsers();
    // True when the failure is taken care of (a retry is scheduled, or the
    // token was refused); false when it was reported and the request ends.
    bool settleFailure(const ApiError &error, int &attempts, void (DirectoryFetcher::*again)(), const QString &what);
    void ended();

    Cache &m_cache;
    MarketplaceClient &m_client;
    SyncCycle &m_cycle;
    bool m_haveMe = false;
    // When the users were stored, once known (invalid: never, or not read).
    QDateTime m_usersStoredAt;
    int m_inFlight = 0;
    int m_meAttempts = 0;
    int m_usersAttempts = 0;
};

} // namespace assay
