#include "sync/DirectoryFetcher.h"

#include "models/Cache.h"
#include "models/UserDirectory.h"
#include "sync/ApiError.h"
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
        else
            m_usersStoredAt = storedAt->value_or(QDateTime());
    }
    const bool usersDue = !m_usersStoredAt.isValid()
        || m_usersStoredAt.secsTo(QDateTime::currentDateTimeUtc()) >= qint64(UsersMaxAge.count());
    if (!m_haveMe)
        fetchMe();
    if (usersDue)
        fetchUsers();
}

bool DirectoryFetcher::settleFailure(const ApiError &error, int &attempts, void (DirectoryFetcher::*again)(),
                                     const QString &what)
{
    // A transient failure is asked again later (the request stays counted
    // in flight until then); a refused token ends the cycle; anything else
    // is a problem the cycle reports, and the caller ends the request.
    if (m_cycle.retryLater(error, attempts, [this, again] {
            --m_inFlight;
            (this->*again)();
            if (m_inFlight == 0)
                Q_EMIT done();
        }))
        return true;
    if (error.kind == ApiError::Kind::Unauthorized) {
        m_cycle.refuseToken(error);
        return true;
    }
    m_cycle.problem(u"%1: %2"_s.arg(what, error.describe()));
    return false;
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
            if (settleFailure(result.error, m_meAttempts, &DirectoryFetcher::fetchMe, u"who am I (GET /me)"_s))
                return;
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
            if (settleFailure(result.error, m_usersAttempts, &DirectoryFetcher::fetchUsers, u"the users (GET /users)"_s))
                return;
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
