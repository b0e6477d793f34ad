#include "sync/DirectoryFetcher.h"

#include "models/Cache.h"
#include "models/UserDirectory.h"
#include "sync/MarketplaceClient.h"
#include "sync/SyncCycle.h"

using namespace Qt::StringLiterals;

namespace assay {

namespace {
UserDirectory::User userOf(const MarketplaceClient::Account &a)
{
    return {a.id, a.name, a.roles};
}
} // namespace

DirectoryFetcher::DirectoryFetcher(Cache &cache, MarketplaceClient &client, SyncCycle &cycle, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_client(client)
    , m_cycle(cycle)
{
}

void DirectoryFetcher::start()
{
    m_inFlight = 0;
    m_meAttempts = 0;
    m_usersAttempts = 0;
    // The roles of the signed-in user may change between runs of the
    // program, not while one runs: once per engine. When the users were
    // stored is read once, then kept: this engine is the one that stores
    // them. A sync with nothing new asks the cache nothing here.
    if (!m_usersStoredAt.isValid()) {
        const Result<std::optional<QDateTime>> storedAt = m_cache.users().usersStoredAt();
        if (!storedAt)
            m_cycle.problem(u"could not read when the users were stored: %1"_s.arg(storedAt.error().message));
        else if (*storedAt)
            m_usersStoredAt = **storedAt;
    }
    const bool usersDue = !m_usersStoredAt.isValid()
        || m_usersStoredAt.secsTo(QDateTime::currentDateTimeUtc()) >= qint64(UsersMaxAge.count());
    if (!m_haveMe)
        fetchMe();
    if (usersDue)
        fetchUsers();
}

void DirectoryFetcher::ended()
{
    if (--m_inFlight == 0)
        Q_EMIT done();
}

void DirectoryFetcher::fetchMe()
{
    if (!m_cycle.accepting())
        return;
    ++m_inFlight;
    m_client.me([this, cycle = m_cycle.id()](MarketplaceClient::Result<MarketplaceClient::Account> result) {
        if (!m_cycle.isCurrent(cycle))
            return;
        if (!result.ok()) {
            if (m_cycle.retryLater(result.error, m_meAttempts, [this] {
                    --m_inFlight;
                    fetchMe();
                    if (m_inFlight == 0)
                        Q_EMIT done();
                }))
                return;
            if (result.error.kind == ApiError::Kind::Unauthorized) {
                m_cycle.refuseToken();
                return;
            }
            m_cycle.problem(u"who am I (GET /me): %1"_s.arg(result.error.describe()));
        } else if (const Result<> stored = m_cache.users().storeMe(userOf(*result.value)); !stored) {
            m_cycle.problem(u"the signed-in user could not be stored: %1"_s.arg(stored.error().message));
        } else {
            m_haveMe = true;
        }
        ended();
    });
}

void DirectoryFetcher::fetchUsers()
{
    if (!m_cycle.accepting())
        return;
    ++m_inFlight;
    m_client.users([this, cycle = m_cycle.id()](MarketplaceClient::Result<QList<MarketplaceClient::Account>> result) {
        if (!m_cycle.isCurrent(cycle))
            return;
        if (!result.ok()) {
            if (m_cycle.retryLater(result.error, m_usersAttempts, [this] {
                    --m_inFlight;
                    fetchUsers();
                    if (m_inFlight == 0)
                        Q_EMIT done();
                }))
                return;
            if (result.error.kind == ApiError::Kind::Unauthorized) {
                m_cycle.refuseToken();
                return;
            }
            m_cycle.problem(u"the users (GET /users): %1"_s.arg(result.error.describe()));
        } else {
            QList<UserDirectory::User> users;
            users.reserve(result.value->size());
            for (const MarketplaceClient::Account &a : std::as_const(*result.value))
                users.append(userOf(a));
            if (const Result<> stored = m_cache.users().storeUsers(users); !stored)
                m_cycle.problem(u"the users could not be stored: %1"_s.arg(stored.error().message));
            else
                m_usersStoredAt = QDateTime::currentDateTimeUtc();
        }
        ended();
    });
}

} // namespace assay
